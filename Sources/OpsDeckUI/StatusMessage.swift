import Foundation

/// A line shown in the status bar until it expires.
public struct StatusMessage: Sendable, Hashable {
    public var text: String
    public var isError: Bool
    public var expiresAt: Date

    public init(text: String, isError: Bool, expiresAt: Date) {
        self.text = text
        self.isError = isError
        self.expiresAt = expiresAt
    }
}
