/// One `name=value` pair of a query string, unencoded.
///
/// Names may repeat and values may be empty. The signer percent-encodes both by the AWS
/// rule (see ``AWSURIEncoding``), so give the text as the service should read it:
/// `Filter.1.Value = "a b/c"`, not `a%20b%2Fc`.
public struct SigV4QueryItem: Sendable, Equatable {
    /// The unencoded name.
    public var name: String
    /// The unencoded value; empty is sent as `name=`.
    public var value: String

    /// Creates an item.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }

    /// `name=value`, each part encoded by the AWS rule.
    public var encoded: String {
        AWSURIEncoding.encode(name) + "=" + AWSURIEncoding.encode(value)
    }
}

extension SigV4QueryItem: CustomReflectable {
    /// Reflects with the value of a session-token item hidden, so `dump` cannot show it.
    public var customMirror: Mirror {
        let hidden = name == SigV4Signer.QueryName.securityToken
        return Mirror(
            self, children: ["name": name, "value": hidden ? AWSCredentials.redacted : value],
            displayStyle: .struct)
    }
}
