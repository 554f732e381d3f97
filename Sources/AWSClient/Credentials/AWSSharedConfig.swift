/// The shared config and credentials files read together, the way the CLI combines them.
public struct AWSSharedConfig: Sendable, Equatable {
    /// The config file, nil when it does not exist.
    public var configFile: AWSConfigFile?
    /// The credentials file, nil when it does not exist.
    public var credentialsFile: AWSConfigFile?
    /// Profiles of the config file alone: `[default]` and `[profile NAME]`. Other bare
    /// sections (`[prod]`, `[plugins]`) are not profiles there.
    public var configProfiles: [String: AWSProfile]
    /// Profiles of the credentials file alone: every `[NAME]` is a profile.
    public var credentialsProfiles: [String: AWSProfile]
    /// Every profile, with credentials-file values over config-file values key by key.
    public var profiles: [String: AWSProfile]
    /// `[sso-session NAME]` sections of the config file.
    public var ssoSessions: [String: [String: AWSConfigValue]]
    /// `[services NAME]` sections of the config file.
    public var services: [String: [String: AWSConfigValue]]

    /// Combines the two files.
    public init(configFile: AWSConfigFile?, credentialsFile: AWSConfigFile?) {
        self.configFile = configFile
        self.credentialsFile = credentialsFile
        var configProfiles: [String: AWSProfile] = [:]
        var ssoSessions: [String: [String: AWSConfigValue]] = [:]
        var services: [String: [String: AWSConfigValue]] = [:]
        for section in configFile?.sections ?? [] {
            // Later sections replace earlier ones whole, so `[profile default]` and
            // `[default]` in one file: the one further down wins, as in the CLI.
            if section.name.hasPrefix("profile") {
                if let name = Self.qualifiedName(section.name) {
                    configProfiles[name] = AWSProfile(name: name, values: section.values)
                }
            } else if section.name.hasPrefix("sso-session") {
                if let name = Self.qualifiedName(section.name) { ssoSessions[name] = section.values }
            } else if section.name.hasPrefix("services") {
                if let name = Self.qualifiedName(section.name) { services[name] = section.values }
            } else if section.name == "default" {
                configProfiles["default"] = AWSProfile(name: "default", values: section.values)
            }
        }
        var credentialsProfiles: [String: AWSProfile] = [:]
        for section in credentialsFile?.sections ?? [] {
            credentialsProfiles[section.name] = AWSProfile(name: section.name, values: section.values)
        }
        var profiles = configProfiles
        for (name, profile) in credentialsProfiles {
            profiles[name, default: AWSProfile(name: name, values: [:])].values.merge(profile.values) { $1 }
        }
        self.configProfiles = configProfiles
        self.credentialsProfiles = credentialsProfiles
        self.profiles = profiles
        self.ssoSessions = ssoSessions
        self.services = services
    }

    /// The profile with this name, or an empty `default` profile when none is written down
    /// (the CLI allows a missing default); nil for any other missing profile.
    public func profile(_ name: String) -> AWSProfile? {
        if let profile = profiles[name] { return profile }
        return name == "default" ? AWSProfile(name: name, values: [:]) : nil
    }

    /// The second word of a `[kind NAME]` header, quotes honoured; nil unless there are
    /// exactly two words.
    private static func qualifiedName(_ header: String) -> String? {
        guard let words = ShellWords.split(header), words.count == 2 else { return nil }
        return words[1]
    }
}
