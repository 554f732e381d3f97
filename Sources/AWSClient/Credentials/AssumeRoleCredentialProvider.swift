import Foundation

/// Assumes a role with credentials from another provider, asking for an MFA code when the
/// role needs one. It fetches on every call: wrap it in `CachingCredentialProvider`.
public struct AssumeRoleCredentialProvider: CredentialProvider {
    /// The role and the optional AssumeRole parameters.
    public struct Role: Sendable, Equatable {
        /// `role_arn`.
        public var arn: String
        /// `role_session_name`; nil makes one from the current time.
        public var sessionName: String?
        /// `duration_seconds`; nil leaves STS's default (one hour).
        public var durationSeconds: Int?
        /// `external_id`.
        public var externalId: String?
        /// `mfa_serial`: when set, each call asks for a code first.
        public var mfaSerial: String?
        /// SourceIdentity, recorded in CloudTrail.
        public var sourceIdentity: String?
        /// Session tags.
        public var tags: [String: String]

        /// Creates a role description.
        public init(
            arn: String, sessionName: String? = nil, durationSeconds: Int? = nil, externalId: String? = nil,
            mfaSerial: String? = nil, sourceIdentity: String? = nil, tags: [String: String] = [:]
        ) {
            self.arn = arn
            self.sessionName = sessionName
            self.durationSeconds = durationSeconds
            self.externalId = externalId
            self.mfaSerial = mfaSerial
            self.sourceIdentity = sourceIdentity
            self.tags = tags
        }
    }

    /// The role to assume.
    public var role: Role
    /// The credentials that call AssumeRole.
    public var source: any CredentialProvider
    /// Makes the STS client signed with `source`.
    public var makeAssumer: RoleAssumerFactory
    /// Asks for MFA codes; nil makes roles with `mfa_serial` fail with a clear error.
    public var mfaPrompt: MFACodePrompt?
    /// The label of the credentials it returns.
    public var label: String
    /// The profile named in errors.
    public var profileName: String
    /// The clock, for generated session names.
    public var now: @Sendable () -> Date

    /// Creates a provider for one role.
    public init(
        role: Role, source: any CredentialProvider, makeAssumer: @escaping RoleAssumerFactory,
        mfaPrompt: MFACodePrompt? = nil, label: String, profileName: String = "-",
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.role = role
        self.source = source
        self.makeAssumer = makeAssumer
        self.mfaPrompt = mfaPrompt
        self.label = label
        self.profileName = profileName
        self.now = now
    }

    /// Calls AssumeRole (after asking for an MFA code when needed).
    public func credentials() async throws -> ResolvedCredentials {
        var tokenCode: String?
        if let serial = role.mfaSerial {
            guard let mfaPrompt else {
                throw CredentialError.mfaCodeRequired(profile: profileName, serial: serial)
            }
            tokenCode = try await mfaPrompt(serial)
        }
        let assumed = try await makeAssumer(source).assumeRole(
            roleArn: role.arn, sessionName: role.sessionName ?? Self.defaultSessionName(now()),
            durationSeconds: role.durationSeconds, externalId: role.externalId, serialNumber: role.mfaSerial,
            tokenCode: tokenCode, sourceIdentity: role.sourceIdentity, tags: role.tags)
        return ResolvedCredentials(
            credentials: assumed.credentials, expiration: assumed.expiration, source: label)
    }

    /// `opsdeck-session-<epoch seconds>`, in the manner of the CLI's `botocore-session-<epoch>`,
    /// so CloudTrail shows which tool made the session.
    static func defaultSessionName(_ date: Date) -> String {
        "opsdeck-session-\(Int(date.timeIntervalSince1970))"
    }
}
