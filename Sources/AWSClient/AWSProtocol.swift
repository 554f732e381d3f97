/// How an AWS service wants its requests and answers on the wire.
public enum AWSProtocol: Sendable, Hashable {
    /// Form-encoded `POST` of `Action`, `Version` and flattened parameters; XML answers.
    case query(apiVersion: String)
    /// `POST` of a JSON document, the operation named in `X-Amz-Target: <prefix>.<Operation>`,
    /// with `Content-Type: application/x-amz-json-<version>`; JSON answers.
    case json(version: String, targetPrefix: String)

    /// The `Content-Type` of a request body.
    public var contentType: String {
        switch self {
        case .query: "application/x-www-form-urlencoded; charset=utf-8"
        case .json(let version, _): "application/x-amz-json-\(version)"
        }
    }
}
