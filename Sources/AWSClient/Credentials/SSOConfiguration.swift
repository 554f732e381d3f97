/// The SSO settings of a profile, with its `[sso-session NAME]` section folded in.
struct SSOConfiguration: Sendable, Equatable {
    var profile: String
    /// The `sso_session` name; nil for a legacy profile with `sso_start_url` in the profile.
    var sessionName: String?
    var startURL: String
    var region: String
    var accountId: String
    var roleName: String

    /// The profile's SSO settings; nil when it has neither `sso_account_id` nor
    /// `sso_role_name` (so it is not an SSO profile).
    /// - Throws: `CredentialError.invalidProfile` for a missing session, a setting that
    ///   differs between the profile and its session, or a missing required setting.
    static func resolve(_ profile: AWSProfile, in config: AWSSharedConfig) throws -> SSOConfiguration? {
        guard profile.has("sso_account_id") || profile.has("sso_role_name") else { return nil }
        var values = profile.values
        var required = ["sso_role_name", "sso_account_id", "sso_start_url", "sso_region"]
        if let sessionName = profile.ssoSession {
            guard let session = config.ssoSessions[sessionName] else {
                throw CredentialError.invalidProfile(
                    profile: profile.name,
                    problem: "sso_session \(sessionName) does not exist; add [sso-session \(sessionName)] "
                        + "to the config file")
            }
            for (key, value) in session.sorted(by: { $0.key < $1.key }) {
                if let existing = values[key], existing != value {
                    throw CredentialError.invalidProfile(
                        profile: profile.name,
                        problem: "\(key) differs between the profile (\(existing.string ?? "…")) and "
                            + "sso-session \(sessionName) (\(value.string ?? "…")); keep one")
                }
                values[key] = value
            }
            required.append("sso_session")
        }
        let missing = required.filter { values[$0]?.string == nil }
        guard missing.isEmpty else {
            throw CredentialError.invalidProfile(
                profile: profile.name,
                problem: "configured for SSO but missing \(missing.joined(separator: ", "))")
        }
        func value(_ key: String) -> String { values[key]?.string ?? "" }
        return SSOConfiguration(
            profile: profile.name, sessionName: profile.ssoSession, startURL: value("sso_start_url"),
            region: value("sso_region"), accountId: value("sso_account_id"), roleName: value("sso_role_name"))
    }
}
