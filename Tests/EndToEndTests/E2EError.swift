/// Why an end-to-end step could not go on. Each message says what was expected and
/// shows what the terminal held, so a failure in CI can be read without a rerun.
enum E2EError: Error, CustomStringConvertible {
    case binaryMissing(path: String)
    case processFailed(command: String, status: Int32, stderr: String)
    case processTimedOut(command: String, seconds: Int)
    case timedOut(waitingFor: String, seconds: Int, screen: String)
    case noChildProcess(parent: Int32, screen: String)

    var description: String {
        switch self {
        case .binaryMissing(let path):
            "The opsdeck binary is missing at \(path). Run `swift build` first "
                + "(or set OPSDECK_BIN to a built binary)."
        case .processFailed(let command, let status, let stderr):
            "`\(command)` exited with \(status): \(stderr)"
        case .processTimedOut(let command, let seconds):
            "`\(command)` did not finish within \(seconds) s and was killed"
        case .timedOut(let what, let seconds, let screen):
            "Timed out after \(seconds) s waiting for \(what). Last screen:\n"
                + ScreenText.framed(screen)
        case .noChildProcess(let parent, let screen):
            "No child process of pid \(parent) (the opsdeck under the pane's shell). Last screen:\n"
                + ScreenText.framed(screen)
        }
    }
}
