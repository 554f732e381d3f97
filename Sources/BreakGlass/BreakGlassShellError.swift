/// Why the break-glass subshell could not start. The session was assumed and recorded.
public enum BreakGlassShellError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `posix_spawn` failed.
    case spawnFailed(command: String, reason: String)

    public var description: String {
        switch self {
        case .spawnFailed(let command, let reason):
            return "cannot start \(command): \(reason). The session was assumed and recorded; use "
                + "--print env instead, or set SHELL to a shell that exists."
        }
    }
}
