/// What a finished child process left behind.
struct ProcessResult: Sendable {
    /// The exit status, or the signal number when `signaled` is true.
    var status: Int32
    var signaled: Bool
    var stdout: String
    var stderr: String

    var succeeded: Bool { !signaled && status == 0 }
}
