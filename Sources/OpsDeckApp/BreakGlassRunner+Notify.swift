import AWSClient
import AWSSigV4
import BreakGlass
import Foundation
import Logging
import OpsDeckConfig
import OpsDeckCore
import OpsDeckHTTP
import PagerDuty

extension BreakGlassRunner {
    /// The notifier for the `[breakglass] notify_*` settings. SNS is called with the user's
    /// own credentials (the chain `opsdeck refresh` uses) in the topic's region, never with
    /// the break-glass session's.
    /// - Parameter pagerDutyTransport: carries the PagerDuty note; nil leaves that channel off.
    public func notifier(transport: any HTTPTransport, pagerDutyTransport: (any HTTPTransport)? = nil)
        -> BreakGlassNotifier
    {
        let settings = configuration.breakGlass
        var notifier = BreakGlassNotifier()
        if let topic = settings.notifySNSTopicArn {
            notifier.snsTopicArn = topic
            notifier.sns = SNSClient(
                core: sourceCore(region: Self.region(ofArn: topic), transport: transport))
        }
        if let text = settings.notifyWebhookURL, let url = URL(string: text) {
            notifier.webhookURL = url
            notifier.transport = transport
        }
        if settings.notifyPagerDutyIncident, let pagerDutyTransport {
            notifier.incidentNote = pagerDutyNote(transport: pagerDutyTransport)
        }
        return notifier
    }

    /// The region in an ARN (`arn:aws:sns:eu-west-1:...`), else the runner's.
    static func region(ofArn arn: String) -> String? {
        let parts = arn.split(separator: ":", omittingEmptySubsequences: false)
        return parts.count > 3 && !parts[3].isEmpty ? String(parts[3]) : nil
    }

    /// A client core signing with the credential chain of the selected profile.
    func sourceCore(region explicitRegion: String?, transport: any HTTPTransport) -> AWSClientCore {
        let env = environment
        let region =
            explicitRegion ?? self.region ?? env["AWS_REGION"] ?? env["AWS_DEFAULT_REGION"]
            ?? profileSettings(transport: transport)?.region ?? configuration.regions.first ?? "us-east-1"
        let logger = Logger(label: "opsdeck.breakglass.notify", factory: { _ in SwiftLogNoOpLogHandler() })
        let endpoints = AWSEndpointResolver(
            explicitURL: endpointURL ?? configuration.aws.endpointURL, environment: env)
        let base = AWSClientCore(
            region: region,
            credentialProvider: StaticCredentialProvider(
                AWSCredentials(accessKeyId: "", secretAccessKey: ""), source: "none"),
            transport: transport, endpoints: endpoints, logger: logger, profile: profileName)
        let chain = CredentialChain(
            profile: profileName, environment: CredentialEnvironment(variables: env, transport: transport),
            makeAssumer: { source in
                STSRoleAssumer(
                    client: STSClient(core: source.map { base.with(credentials: $0, accountId: nil) } ?? base)
                )
            })
        return base.with(credentials: chain, accountId: nil, profile: profileName)
    }

    /// Adds a note through the PagerDuty REST API, when a token is configured.
    private func pagerDutyNote(transport: any HTTPTransport)
        -> (@Sendable (String, String) async throws -> Void)?
    {
        let settings = configuration.pagerDuty
        guard let token = settings.resolvedToken(env: environment), let url = URL(string: settings.baseURL)
        else {
            return nil
        }
        let client = PagerDutyClient(
            configuration: PagerDutyRESTConfiguration(
                token: token.value, baseURL: url, fromEmail: settings.userEmail, timeout: .seconds(15)),
            transport: transport, retry: PagerDutyRetryPolicy(maxAttempts: 2),
            logger: Logger(label: "opsdeck.breakglass.pagerduty", factory: { _ in SwiftLogNoOpLogHandler() }))
        return { incidentId, text in
            _ = try await client.perform(IncidentAction(incidentId: incidentId, kind: .note(text)))
        }
    }
}
