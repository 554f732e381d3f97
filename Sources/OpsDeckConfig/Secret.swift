/// A token or signing secret from the config file.
///
/// Printing, interpolating or dumping it shows `<redacted>`, so a secret cannot reach
/// a log line, an error message or the screen by accident; read `value` on purpose.
public struct Secret: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    public let value: String

    public init(_ value: String) { self.value = value }

    public var description: String { "<redacted>" }
    public var debugDescription: String { "Secret(<redacted>)" }
    public var customMirror: Mirror { Mirror(self, children: []) }
}
