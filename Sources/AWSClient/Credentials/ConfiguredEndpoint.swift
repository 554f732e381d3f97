/// The endpoint URL a user configured for one service, found the way the CLI finds it.
public enum ConfiguredEndpoint {
    /// The configured endpoint, or nil for the service's normal one. In order:
    /// `AWS_ENDPOINT_URL_<SERVICE>`, `AWS_ENDPOINT_URL`, `endpoint_url` under the service in
    /// the profile's `[services NAME]` section, then the profile's `endpoint_url`.
    /// `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS=true` (or the profile key
    /// `ignore_configured_endpoint_urls = true`) turns all of these off.
    /// - Parameters:
    ///   - serviceKey: The snake-case service id (`sso`, `sts`, `cost_explorer`).
    ///   - profile: The profile in use.
    ///   - config: The shared config, for `[services NAME]`.
    ///   - variables: The environment variables.
    /// - Throws: `CredentialError.invalidProfile` when the profile names a services section
    ///   that does not exist.
    public static func url(
        serviceKey: String, profile: AWSProfile?, config: AWSSharedConfig, variables: [String: String]
    ) throws -> String? {
        let ignore =
            variables["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] ?? profile?["ignore_configured_endpoint_urls"]
        if ignore?.lowercased() == "true" { return nil }
        if let url = variables["AWS_ENDPOINT_URL_\(serviceKey.uppercased())"] { return url }
        if let url = variables["AWS_ENDPOINT_URL"] { return url }
        if let profile, let sectionName = profile.services {
            guard let section = config.services[sectionName] else {
                throw CredentialError.invalidProfile(
                    profile: profile.name,
                    problem:
                        "services \(sectionName) does not exist; add [services \(sectionName)] "
                        + "to the config file"
                )
            }
            if let url = section[serviceKey]?.subsection?["endpoint_url"] { return url }
        }
        return profile?.endpointURL
    }
}
