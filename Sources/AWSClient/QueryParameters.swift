import AWSSigV4

/// The parameters of a query-protocol request, flattened as AWS expects
/// (`Tags.member.1.Key`), in the order they were set.
public struct QueryParameters: Sendable, Hashable {
    /// One `name=value` pair, unencoded.
    public struct Item: Sendable, Hashable {
        public var name: String
        public var value: String
    }

    /// The pairs in order.
    public private(set) var items: [Item] = []

    /// Creates an empty parameter list.
    public init() {}

    /// Adds `name=value`; a nil value adds nothing, as AWS treats a missing member as unset.
    public mutating func set(_ name: String, _ value: String?) {
        guard let value else { return }
        items.append(Item(name: name, value: value))
    }

    /// Adds an integer parameter.
    public mutating func set(_ name: String, _ value: Int?) {
        set(name, value.map(String.init))
    }

    /// Adds a boolean parameter (`true`/`false`).
    public mutating func set(_ name: String, _ value: Bool?) {
        set(name, value.map { $0 ? "true" : "false" })
    }

    /// Adds a list as `name.member.1`, `name.member.2`, ...; an empty list adds nothing.
    public mutating func setList(_ name: String, _ values: [String]) {
        for (index, value) in values.enumerated() {
            set("\(name).member.\(index + 1)", value)
        }
    }

    /// Adds a list of structures: `fields` gets each element and the prefix of its members
    /// (`Tags.member.1`).
    public mutating func setStructureList<Element>(
        _ name: String, _ values: [Element], fields: (Element, String, inout QueryParameters) -> Void
    ) {
        for (index, value) in values.enumerated() {
            fields(value, "\(name).member.\(index + 1)", &self)
        }
    }

    /// The form body: `Action` and `Version` first, then the parameters. Names and values are
    /// percent-encoded by the AWS rule except that a space is `+`, byte for byte as the AWS
    /// CLI sends them.
    public func formBody(action: String, version: String) -> String {
        let all = [Item(name: "Action", value: action), Item(name: "Version", value: version)] + items
        return all.map { Self.formEncode($0.name) + "=" + Self.formEncode($0.value) }.joined(separator: "&")
    }

    static func formEncode(_ text: String) -> String {
        AWSURIEncoding.encode(text).replacingOccurrences(of: "%20", with: "+")
    }
}
