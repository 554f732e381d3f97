/// Why a (correctly signed) delivery body could not be read; answered 400.
public enum WebhookDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    case notJSON
    case missingField(String)
    case badDate(String)

    public var description: String {
        switch self {
        case .notJSON: "the body is not a JSON object; expected a PagerDuty v3 webhook ({\"event\": {...}})"
        case .missingField(let name): "the webhook body has no \(name); expected a PagerDuty v3 webhook"
        case .badDate(let text): "event.occurred_at \"\(text)\" is not an ISO 8601 date"
        }
    }
}
