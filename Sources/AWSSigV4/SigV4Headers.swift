/// HTTP header fields in the order they are sent, names compared without regard to case.
///
/// A name may appear more than once; SigV4 signs the values of a repeated name joined by
/// commas in this order. Values are kept exactly as given (leading spaces, folded lines);
/// the signer trims them and collapses runs of whitespace only in the canonical form.
public struct SigV4Headers: Sendable, Equatable {
    /// One header line.
    public struct Field: Sendable, Equatable {
        /// The name as it will be sent; signing lowercases it.
        public var name: String
        /// The value as it will be sent.
        public var value: String

        /// Creates a field.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// Every field, in order.
    public private(set) var fields: [Field]

    /// Creates headers from fields in sending order.
    public init(_ fields: [Field] = []) {
        self.fields = fields
    }

    /// Appends a field, keeping any earlier fields of the same name.
    public mutating func add(name: String, value: String) {
        fields.append(Field(name: name, value: value))
    }

    /// Removes every field named `name`, then appends one with `value`.
    public mutating func replace(name: String, value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    /// Removes every field named `name`.
    public mutating func remove(name: String) {
        let key = name.lowercased()
        fields.removeAll { $0.name.lowercased() == key }
    }

    /// The values of every field named `name`, in order.
    public func values(for name: String) -> [String] {
        let key = name.lowercased()
        return fields.filter { $0.name.lowercased() == key }.map(\.value)
    }

    /// The value of the first field named `name`.
    public func first(_ name: String) -> String? {
        let key = name.lowercased()
        return fields.first { $0.name.lowercased() == key }?.value
    }

    /// Whether a field named `name` is present.
    public func contains(_ name: String) -> Bool {
        first(name) != nil
    }
}

extension SigV4Headers: Sequence {
    /// Iterates the fields in sending order.
    public func makeIterator() -> IndexingIterator<[Field]> {
        fields.makeIterator()
    }
}

extension SigV4Headers: ExpressibleByDictionaryLiteral {
    /// `["Host": "example.com", "X-Custom": "a", "x-custom": "b"]`: a literal keeps its order
    /// and may repeat a name.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements.map { Field(name: $0.0, value: $0.1) })
    }
}

extension SigV4Headers: CustomStringConvertible {
    /// The fields one per line, with the session token hidden.
    public var description: String {
        fields.map { field in
            let hidden = field.name.lowercased() == SigV4Signer.HeaderName.securityToken.lowercased()
            return "\(field.name): \(hidden ? AWSCredentials.redacted : field.value)"
        }.joined(separator: "\n")
    }
}

extension SigV4Headers: CustomReflectable {
    /// Reflects as `description`, so `dump` hides the session token too.
    public var customMirror: Mirror {
        Mirror(self, unlabeledChildren: description.split(separator: "\n").map(String.init))
    }
}
