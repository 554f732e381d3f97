import Foundation

/// An element of a parsed XML document: enough of XML for AWS answers (no mixed content,
/// no namespaces beyond the names as written).
public struct XMLNode: Sendable, Hashable {
    /// The element name as written (AWS answers use no prefixes).
    public var name: String
    /// The attributes.
    public var attributes: [String: String]
    /// The child elements in document order.
    public var children: [XMLNode]
    /// The text directly inside the element, entities decoded, untrimmed.
    public var text: String

    /// Creates an element.
    public init(name: String, attributes: [String: String] = [:], children: [XMLNode] = [], text: String = "")
    {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.text = text
    }

    /// The first child element named `name`.
    public func child(_ name: String) -> XMLNode? {
        children.first { $0.name == name }
    }

    /// Every child element named `name`.
    public func children(named name: String) -> [XMLNode] {
        children.filter { $0.name == name }
    }

    /// The child at a path of names: `node.path("ListRolesResult", "Marker")`.
    public func path(_ names: String...) -> XMLNode? {
        var node: XMLNode? = self
        for name in names { node = node?.child(name) }
        return node
    }

    /// The text of the child `name`; nil when it is missing.
    public func string(_ name: String) -> String? {
        child(name)?.text
    }

    /// The items of a query-protocol list: the `member` children of the child `name`
    /// (empty when the list is missing, as AWS leaves empty lists out).
    public func members(_ name: String) -> [XMLNode] {
        child(name)?.children(named: "member") ?? []
    }

    /// A query-protocol map of `<member><Key/><Value/></member>` entries (tags).
    public func keyValueMembers(_ name: String, key: String = "Key", value: String = "Value") -> [String:
        String]
    {
        var result: [String: String] = [:]
        for member in members(name) {
            if let entryKey = member.string(key) { result[entryKey] = member.string(value) ?? "" }
        }
        return result
    }

    /// The child `name` as an integer.
    public func int(_ name: String) -> Int? {
        string(name).flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The child `name` as a number.
    public func double(_ name: String) -> Double? {
        string(name).flatMap { Double($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The child `name` as a boolean (`true`/`false`).
    public func bool(_ name: String) -> Bool? {
        switch string(name)?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }

    /// The child `name` as an ISO 8601 timestamp.
    public func date(_ name: String) -> Date? {
        string(name).flatMap { AWSTimestamp.parseISO8601($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    /// The first element named `name` at any depth, this one included, depth first.
    public func first(named name: String) -> XMLNode? {
        if self.name == name { return self }
        for child in children {
            if let found = child.first(named: name) { return found }
        }
        return nil
    }
}
