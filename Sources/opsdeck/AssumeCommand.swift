import ArgumentParser
import BreakGlass
import Foundation
import OpsDeckApp
import OpsDeckConfig
import OpsDeckHTTP

extension CredentialOutput: ExpressibleByArgument {}

/// `opsdeck assume ACCOUNT ROLE --reason TEXT`: a recorded break-glass role assumption.
struct AssumeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "assume", abstract: "Assume a break-glass role, with a reason, MFA and an audit trail.",
        discussion: """
            ACCOUNT is an account id, name or alias from the cache (run `opsdeck refresh` first). \
            Without --print, --exec or --console-url a subshell ($SHELL) starts with the credentials \
            in its environment; it is warned 5 minutes before the session expires and ended at expiry.

            Every attempt is recorded in $XDG_STATE_HOME/opsdeck/audit.jsonl before STS is called; \
            if that fails nothing is assumed.

            Exit status: 2 refused before STS, 3 audit log not writable, 1 STS failed, 64 bad \
            options, else the subshell's.
            """)

    @Argument(help: "Account id, name or alias.")
    var account: String

    @Argument(help: "Role name (or ARN).")
    var role: String

    @Option(help: "Why: required, a few words a reviewer will understand.")
    var reason: String = ""

    @Option(help: "Ticket or incident id.")
    var ticket: String?

    @Option(help: "Session length: 15m to the role's maximum (1h when your credentials are a role).")
    var duration: String = "1h"

    @Option(help: "The current MFA code (asked on the terminal when the profile has mfa_serial).")
    var mfaCode: String?

    @Option(help: "The MFA device ARN, when the profile has no mfa_serial.")
    var mfaSerial: String?

    @Option(help: "For a production account: its alias, typed to confirm (asked on the terminal if absent).")
    var confirm: String?

    @Option(help: "Run this command (through /bin/sh -c) instead of a subshell.")
    var exec: String?

    @Option(
        name: .customLong("print"), help: "Print the credentials instead: env, json or credential-process.")
    var printFormat: CredentialOutput?

    @Flag(help: "Print an AWS console sign-in URL (and copy it with OSC 52).")
    var consoleURL = false

    @Option(
        help: "The federation endpoint for --console-url (default: https://signin.aws.amazon.com/federation)."
    )
    var federationEndpoint: String?

    @Option(help: "Write the credentials to this profile in ~/.aws/credentials (only when asked).")
    var writeProfile: String?

    @Flag(help: "Refuse: OpsDeck is in read-only mode.")
    var readonly = false

    @Option(help: "AWS profile whose credentials assume the role.")
    var profile: String?

    @Option(help: "Region to call STS in and hand to the session.")
    var region: String?

    @Option(help: "Send AWS calls to this endpoint (as the AWS CLI's --endpoint-url).")
    var endpointURL: String?

    @Option(help: "Path of the cache file (default: $XDG_CACHE_HOME/opsdeck/cache.sqlite).")
    var cache: String?

    @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
    var config: String?

    func validate() throws {
        let outputs = [exec != nil, printFormat != nil, consoleURL, writeProfile != nil].filter { $0 }.count
        guard outputs <= 1 else {
            throw ValidationError("use only one of --exec, --print, --console-url and --write-profile")
        }
        if let writeProfile, !ProfileWriter.isValidName(writeProfile) {
            throw ValidationError(ProfileWriterError.invalidName(writeProfile).description)
        }
        guard SessionDuration.parse(duration) != nil else {
            throw ValidationError(BreakGlassError.invalidDuration(duration).description)
        }
    }

    func run() throws {
        let command = self
        let status = BlockingTask.run(fallback: Int32(1)) { await command.execute() }
        if status != 0 { throw ExitCode(status) }
    }

    private func fail(_ message: String, status: Int32) -> Int32 {
        FileHandle.standardError.write(Data("opsdeck assume: \(message)\n".utf8))
        return status
    }

    private func execute() async -> Int32 {
        let env = ProcessInfo.processInfo.environment
        let configuration = ConfigLoader.load(path: config, env: env).configuration
        if readonly || configuration.readonly { return fail(BreakGlassError.readonly.description, status: 2) }
        let runner = BreakGlassRunner(
            profile: profile, region: region, endpointURL: endpointURL, cachePath: cache, environment: env,
            configuration: configuration)
        let target: BreakGlassTarget
        do {
            target = try runner.target(account: account, role: role)
        } catch let error as BreakGlassError {
            return fail(error.description, status: 2)
        } catch {
            return fail("cannot read the cache: \(error)", status: 2)
        }
        let transport = AsyncHTTPTransport()
        let status = await assume(target, runner: runner, transport: transport)
        try? await transport.shutdown()
        return status
    }

    private func assume(_ target: BreakGlassTarget, runner: BreakGlassRunner, transport: AsyncHTTPTransport)
        async
        -> Int32
    {
        var request = BreakGlassRequest(
            target: target, reason: reason, ticket: ticket,
            durationSeconds: SessionDuration.parse(duration) ?? 3600,
            mfaSerial: mfaSerial ?? runner.mfaSerial(transport: transport), mfaCode: mfaCode,
            confirmation: confirm)
        if target.isProduction, request.confirmation == nil,
            let typed = Self.ask(
                "\(target.accountLabel) is a production account. Type its alias to confirm: ")
        {
            request.confirmation = typed
        }
        if let serial = request.mfaSerial, request.mfaCode == nil {
            request.mfaCode = Self.askMasked("MFA code for \(serial): ")
        }
        let env = runner.environment
        let assumer = runner.assumer(transport: transport)

        let session: BreakGlassSession
        do {
            session = try await assumer.assume(request)
        } catch {
            switch error {
            case .auditFailed: return fail(error.description, status: 3)
            case .stsFailed: return fail(error.description, status: 1)
            default: return fail(error.description, status: 2)
            }
        }
        await announce(session, request: request, assumer: assumer, runner: runner, transport: transport)
        return await deliver(session, env: env, transport: transport)
    }

    /// The configured announcement (SNS, webhook, PagerDuty note), as the console makes it.
    /// A failure is said on stderr and written to the audit log; the session stands.
    private func announce(
        _ session: BreakGlassSession, request: BreakGlassRequest, assumer: BreakGlassAssumer,
        runner: BreakGlassRunner, transport: AsyncHTTPTransport
    ) async {
        let notifier = runner.notifier(transport: transport, pagerDutyTransport: transport)
        guard notifier.isConfigured else { return }
        let notification = BreakGlassNotification(
            session: session, request: request, identity: assumer.identity, assumedAt: assumer.now())
        let failures = await notifier.announce(
            notification, durationSeconds: request.durationSeconds, audit: assumer.audit, now: assumer.now())
        if !failures.isEmpty {
            FileHandle.standardError.write(
                Data(
                    ("opsdeck assume: the session stands, but was not announced: "
                        + failures.joined(separator: "; ") + "\n").utf8))
        }
    }

    private func deliver(_ session: BreakGlassSession, env: [String: String], transport: AsyncHTTPTransport)
        async
        -> Int32
    {
        if let printFormat {
            FileHandle.standardOutput.write(Data(printFormat.render(session).utf8))
            return 0
        }
        if let writeProfile {
            let writer = ProfileWriter(path: ProfileWriter.defaultPath(environment: env))
            do {
                try writer.write(profile: writeProfile, session: session)
            } catch {
                return fail(error.description, status: 1)
            }
            FileHandle.standardError.write(
                Data(
                    ("opsdeck: wrote profile \(writeProfile) to \(writer.path); it expires "
                        + "\(CredentialOutput.iso8601(session.expiration)).\n").utf8))
            return 0
        }
        if consoleURL {
            let text = federationEndpoint ?? env["OPSDECK_FEDERATION_ENDPOINT"]
            guard let endpoint = text.map({ URL(string: $0) }) ?? FederationSignIn.defaultEndpoint else {
                return fail(FederationError.invalidEndpoint(text ?? "").description, status: 1)
            }
            do {
                let url = try await FederationSignIn(endpoint: endpoint, transport: transport).signInURL(
                    for: session)
                FileHandle.standardOutput.write(Data((url.absoluteString + "\n").utf8))
                Self.copyToClipboard(url.absoluteString)
                return 0
            } catch {
                return fail(error.description, status: 1)
            }
        }
        FileHandle.standardError.write(
            Data(
                ("opsdeck: \(session.label) until \(CredentialOutput.iso8601(session.expiration)) "
                    + "(session \(session.sessionName)); exit the shell to end it.\n").utf8))
        let shell = BreakGlassShell(
            session: session, command: exec, baseEnvironment: env,
            notify: { FileHandle.standardError.write(Data(("\n" + $0 + "\n").utf8)) })
        do {
            return try await shell.run().exitCode
        } catch {
            return fail(error.description, status: 1)
        }
    }

    /// Reads a line from the terminal; nil when there is none (scripts must pass the option).
    private static func ask(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        FileHandle.standardError.write(Data(prompt.utf8))
        return readLine(strippingNewline: true)
    }

    /// Reads a line from the terminal without echo.
    private static func askMasked(_ prompt: String) -> String? {
        guard isatty(STDIN_FILENO) == 1, let pointer = getpass(prompt) else { return nil }
        let text = String(cString: pointer)
        return text.isEmpty ? nil : text
    }

    /// OSC 52 to the controlling terminal, when there is one.
    private static func copyToClipboard(_ text: String) {
        guard let tty = FileHandle(forWritingAtPath: "/dev/tty") else { return }
        tty.write(Data(OSC52.copySequence(text).utf8))
        try? tty.close()
    }
}
