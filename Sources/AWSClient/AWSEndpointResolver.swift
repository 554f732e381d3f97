import Foundation

/// Resolves a service and region to an endpoint the way the AWS CLI does.
///
/// Precedence, from the CLI's own test suite (`configured_endpoint_urls`): the explicit URL
/// (`--endpoint-url`), then `AWS_ENDPOINT_URL_<SERVICE>`, then `AWS_ENDPOINT_URL`, then the
/// profile's `services` section, then the profile's `endpoint_url`, then the AWS default.
/// Environment variables beat the config file, so `AWS_ENDPOINT_URL` wins over a profile's
/// `endpoint_url`. `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or the profile's
/// `ignore_configured_endpoint_urls`) drops every configured URL but the explicit one.
///
/// With a custom URL the signature names the client's region, as the CLI does; the
/// defaults of global services (IAM, Organizations, Cost Explorer, Budgets) sign for their
/// partition's home region.
public struct AWSEndpointResolver: Sendable, Hashable {
    /// `--endpoint-url`.
    public var explicitURL: String?
    /// The process environment (only `AWS_ENDPOINT_URL*` and
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` are read).
    public var environment: [String: String]
    /// The profile's `endpoint_url`.
    public var profileEndpointURL: String?
    /// The profile's `services` section: `endpoint_url` by service key (`cost_explorer`).
    public var profileServiceEndpointURLs: [String: String]
    /// The profile's `ignore_configured_endpoint_urls`.
    public var profileIgnoresConfiguredEndpointURLs: Bool

    /// Creates a resolver; with no arguments it gives the AWS defaults.
    public init(
        explicitURL: String? = nil, environment: [String: String] = [:], profileEndpointURL: String? = nil,
        profileServiceEndpointURLs: [String: String] = [:], profileIgnoresConfiguredEndpointURLs: Bool = false
    ) {
        self.explicitURL = explicitURL
        self.environment = environment
        self.profileEndpointURL = profileEndpointURL
        self.profileServiceEndpointURLs = profileServiceEndpointURLs
        self.profileIgnoresConfiguredEndpointURLs = profileIgnoresConfiguredEndpointURLs
    }

    /// The name of the service's own endpoint variable (`AWS_ENDPOINT_URL_COST_EXPLORER`).
    public static func environmentVariable(for service: AWSService) -> String {
        "AWS_ENDPOINT_URL_\(service.environmentKey)"
    }

    /// Whether configured endpoint URLs are to be ignored.
    public var ignoresConfiguredEndpointURLs: Bool {
        if let value = environment["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"]?.trimmingCharacters(
            in: .whitespaces),
            !value.isEmpty
        {
            return value.lowercased() == "true"
        }
        return profileIgnoresConfiguredEndpointURLs
    }

    /// The endpoint of `service` in `region`.
    /// - Throws: `AWSClientError.invalidConfiguration` for a missing or malformed region, or a
    ///   configured URL without a scheme and host.
    public func resolve(_ service: AWSService, region: String) throws(AWSClientError) -> AWSEndpoint {
        try Self.validate(region: region, service: service)
        if let configured = configuredURL(for: service) {
            let url = try Self.parse(configured.url, setting: configured.source, service: service)
            return AWSEndpoint(url: url, signingRegion: region, source: configured.source)
        }
        let partition = AWSPartition.of(region: region)
        if let global = service.globalEndpoints?[partition.id] {
            return AWSEndpoint(
                url: try Self.parse("https://\(global.host)", setting: .default, service: service),
                signingRegion: global.signingRegion, source: .default)
        }
        let host = "\(service.endpointPrefix).\(region).\(partition.dnsSuffix)"
        return AWSEndpoint(
            url: try Self.parse("https://\(host)", setting: .default, service: service),
            signingRegion: region,
            source: .default)
    }

    private func configuredURL(for service: AWSService) -> (url: String, source: AWSEndpoint.Source)? {
        if let explicit = nonEmpty(explicitURL) { return (explicit, .explicit) }
        if ignoresConfiguredEndpointURLs { return nil }
        let variable = Self.environmentVariable(for: service)
        if let url = nonEmpty(environment[variable]) { return (url, .serviceEnvironment(variable)) }
        if let url = nonEmpty(environment["AWS_ENDPOINT_URL"]) { return (url, .globalEnvironment) }
        if let url = nonEmpty(profileServiceEndpointURLs[service.configKey]) { return (url, .profileService) }
        if let url = nonEmpty(profileEndpointURL) { return (url, .profile) }
        return nil
    }

    private func nonEmpty(_ value: String?) -> String? {
        guard let trimmed = value?.trimmingCharacters(in: .whitespaces), !trimmed.isEmpty else { return nil }
        return trimmed
    }

    private static func validate(region: String, service: AWSService) throws(AWSClientError) {
        guard !region.isEmpty else {
            throw .invalidConfiguration(
                "No region for \(service): set AWS_REGION, `region` in the profile, or pass --region.")
        }
        let allowed = region.unicodeScalars.allSatisfy { scalar in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-"
        }
        guard allowed else {
            throw .invalidConfiguration(
                "The region '\(region)' is not a region name (lower-case letters, digits and '-', "
                    + "like eu-west-1).")
        }
    }

    private static func parse(
        _ text: String, setting: AWSEndpoint.Source, service: AWSService
    ) throws(AWSClientError) -> URL {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty,
            url.query == nil, url.fragment == nil
        else {
            throw .invalidConfiguration(
                "The endpoint URL '\(text)' for \(service) from \(setting) is not usable: it needs "
                    + "http:// or https://, a host, and no query, like http://127.0.0.1:5000.")
        }
        return url
    }
}
