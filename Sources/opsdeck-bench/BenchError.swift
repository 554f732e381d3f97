/// Why a benchmark could not run, with what to do about it.
enum BenchError: Error, CustomStringConvertible {
    case opsdeckNotFound(String)
    case spawnFailed(String)
    case childFailed(String)
    case noFirstFrame(String)
    case setupFailed(String)

    var description: String {
        switch self {
        case .opsdeckNotFound(let path):
            "no opsdeck executable at \(path); build it (swift build -c release) or pass --opsdeck PATH"
        case .spawnFailed(let reason): "could not start opsdeck in a pseudo-terminal: \(reason)"
        case .childFailed(let reason): "opsdeck did not behave as the benchmark expects: \(reason)"
        case .noFirstFrame(let output):
            "opsdeck exited without printing first-frame-ns; its last output was: \(output)"
        case .setupFailed(let reason): "could not prepare the benchmark data: \(reason)"
        }
    }
}
