/// Which profile is in use and why.
public struct ProfileSelection: Sendable, Equatable, CustomStringConvertible {
    /// Where the name came from.
    public enum Origin: Sendable, Equatable {
        /// `--profile` (or the console's profile switcher).
        case explicit
        /// An environment variable: `AWS_DEFAULT_PROFILE` or `AWS_PROFILE`.
        case environment(variable: String)
        /// Nothing chose one, so `default`.
        case fallback
    }

    /// The profile name.
    public var name: String
    /// Why this profile.
    public var origin: Origin

    /// Creates a selection.
    public init(name: String, origin: Origin) {
        self.name = name
        self.origin = origin
    }

    /// Whether the profile was named explicitly; the CLI then ignores credentials in the
    /// environment (`AWS_ACCESS_KEY_ID`, `AWS_WEB_IDENTITY_TOKEN_FILE`, ...).
    public var isExplicit: Bool { origin == .explicit }

    /// `prod (from --profile)`, `dev (from AWS_PROFILE)`, `default`.
    public var description: String {
        switch origin {
        case .explicit: "\(name) (from --profile)"
        case .environment(let variable): "\(name) (from \(variable))"
        case .fallback: name
        }
    }
}
