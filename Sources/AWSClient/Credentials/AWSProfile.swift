/// One named profile's settings as the CLI sees them, with typed accessors for the keys
/// the credential chain reads.
public struct AWSProfile: Sendable, Equatable {
    /// The profile name (`default`, `prod`, ...).
    public var name: String
    /// Every key of the profile, lower-cased.
    public var values: [String: AWSConfigValue]

    /// Creates a profile from its values.
    public init(name: String, values: [String: AWSConfigValue]) {
        self.name = name
        self.values = values
    }

    /// A plain value; nil when the key is absent or holds a nested block.
    public subscript(key: String) -> String? {
        values[key]?.string
    }

    /// Whether the key is present at all, even with an empty value.
    public func has(_ key: String) -> Bool {
        values[key] != nil
    }

    /// `region`.
    public var region: String? { self["region"] }
    /// `aws_access_key_id`.
    public var accessKeyId: String? { self["aws_access_key_id"] }
    /// `role_arn`.
    public var roleArn: String? { self["role_arn"] }
    /// `source_profile`.
    public var sourceProfile: String? { self["source_profile"] }
    /// `credential_source` as written (`Environment`, `Ec2InstanceMetadata`, `EcsContainer`).
    public var credentialSource: String? { self["credential_source"] }
    /// `mfa_serial`.
    public var mfaSerial: String? { self["mfa_serial"] }
    /// `external_id`.
    public var externalId: String? { self["external_id"] }
    /// `role_session_name`.
    public var roleSessionName: String? { self["role_session_name"] }
    /// `duration_seconds`, when it is a whole number (the CLI ignores anything else).
    public var durationSeconds: Int? { self["duration_seconds"].flatMap { Int($0) } }
    /// `credential_process`.
    public var credentialProcess: String? { self["credential_process"] }
    /// `web_identity_token_file`.
    public var webIdentityTokenFile: String? { self["web_identity_token_file"] }
    /// `sso_session`.
    public var ssoSession: String? { self["sso_session"] }
    /// `sso_start_url`.
    public var ssoStartURL: String? { self["sso_start_url"] }
    /// `sso_region`.
    public var ssoRegion: String? { self["sso_region"] }
    /// `sso_account_id`.
    public var ssoAccountId: String? { self["sso_account_id"] }
    /// `sso_role_name`.
    public var ssoRoleName: String? { self["sso_role_name"] }
    /// `endpoint_url`, the endpoint for every service used with this profile.
    public var endpointURL: String? { self["endpoint_url"] }
    /// `services`, the name of a `[services NAME]` section with per-service settings.
    public var services: String? { self["services"] }

    /// Whether either half of a static key pair is set; the CLI treats a profile with either
    /// as one that has static credentials.
    public var hasStaticKeys: Bool {
        has("aws_access_key_id") || has("aws_secret_access_key")
    }

    /// Whether the assume-role provider handles this profile: `role_arn` without
    /// `web_identity_token_file` (that pair belongs to the web identity provider).
    public var assumesRole: Bool {
        has("role_arn") && !has("web_identity_token_file")
    }
}
