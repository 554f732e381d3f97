/// A GitHub API token and where it came from.
///
/// Printing, interpolating or dumping it shows `<redacted>`, so the token cannot reach a
/// log line, an error message or the cache by accident; read `value` on purpose.
public struct GitHubToken: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible,
    CustomReflectable
{
    /// The token itself.
    public let value: String
    /// Where it came from, for messages: "the environment variable GITHUB_TOKEN",
    /// "[github] token in ~/.config/opsdeck/config.toml".
    public let origin: String

    /// Creates a token.
    public init(_ value: String, origin: String) {
        self.value = value
        self.origin = origin
    }

    public var description: String { "<redacted> (from \(origin))" }
    public var debugDescription: String { "GitHubToken(<redacted>, origin: \(origin))" }
    public var customMirror: Mirror { Mirror(self, children: ["origin": origin]) }
}
