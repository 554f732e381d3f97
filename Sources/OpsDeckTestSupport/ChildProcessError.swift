/// Why a child process could not be run to the end.
public enum ChildProcessError: Error, CustomStringConvertible {
    case spawnFailed(command: String, reason: String)
    case timedOut(what: String, seconds: Int)

    public var description: String {
        switch self {
        case .spawnFailed(let command, let reason): "could not start \(command): \(reason)"
        case .timedOut(let what, let seconds): "\(what) did not finish within \(seconds) s"
        }
    }
}
