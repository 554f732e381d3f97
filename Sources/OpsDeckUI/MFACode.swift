/// An MFA code typed into the console's prompt. Its description is redacted, so printing
/// an effect or a state never shows it.
public struct MFACode: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    /// The digits typed.
    public var value: String

    /// Wraps a code.
    public init(_ value: String) { self.value = value }

    public var description: String { "<mfa code redacted>" }
    public var debugDescription: String { description }
}
