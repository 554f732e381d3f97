import Foundation

/// Any JSON value: alert bodies are free-form, and only a few keys in them matter.
enum JSONValueLite: Decodable, Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case null
    case array([JSONValueLite])
    case object([String: JSONValueLite])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValueLite].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValueLite].self))
        }
    }

    /// The first string under `key` anywhere in the tree, depth first. A string that is
    /// itself JSON (SNS puts the alarm message in one) is searched too.
    func firstString(forKey key: String, depth: Int = 0) -> String? {
        guard depth < 8 else { return nil }
        switch self {
        case .object(let members):
            if case .string(let value)? = members[key] { return value }
            for name in members.keys.sorted() {
                if let found = members[name]?.firstString(forKey: key, depth: depth + 1) { return found }
            }
            return nil
        case .array(let items):
            for item in items {
                if let found = item.firstString(forKey: key, depth: depth + 1) { return found }
            }
            return nil
        case .string(let text):
            guard text.hasPrefix("{"), let data = text.data(using: .utf8),
                let nested = try? JSONDecoder().decode(JSONValueLite.self, from: data)
            else { return nil }
            return nested.firstString(forKey: key, depth: depth + 1)
        default:
            return nil
        }
    }
}
