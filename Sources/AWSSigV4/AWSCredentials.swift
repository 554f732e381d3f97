/// An AWS access key pair, with the session token that temporary credentials carry.
///
/// The secret and the token never appear in `description`, `debugDescription`, string
/// interpolation or `dump`: only the access key id, which AWS itself treats as an
/// identifier rather than a secret, is shown.
public struct AWSCredentials: Sendable, Equatable {
    /// The access key id (`AKIA…` for long-term keys, `ASIA…` for temporary ones).
    public var accessKeyId: String
    /// The secret access key; used only to derive the signing key.
    public var secretAccessKey: String
    /// The session token of temporary credentials (STS, SSO, instance roles).
    public var sessionToken: String?

    /// Creates credentials from their parts.
    public init(accessKeyId: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyId = accessKeyId
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }
}

extension AWSCredentials: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    static let redacted = "<redacted>"

    /// A one-line summary that names the key id and hides the secret and token.
    public var description: String {
        let token = sessionToken == nil ? "nil" : Self.redacted
        return "AWSCredentials(accessKeyId: \(accessKeyId), secretAccessKey: \(Self.redacted), "
            + "sessionToken: \(token))"
    }

    /// The same as `description`: debug output must not leak the secret either.
    public var debugDescription: String { description }

    /// A mirror without the secret, so `dump` and debuggers cannot show it.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accessKeyId": accessKeyId,
                "secretAccessKey": Self.redacted,
                "sessionToken": sessionToken == nil ? "nil" : Self.redacted,
            ],
            displayStyle: .struct
        )
    }
}
