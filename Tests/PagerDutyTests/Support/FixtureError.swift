/// Why a fixture peer could not be used.
enum FixtureError: Error, CustomStringConvertible {
    case spawnFailed(String)
    case timedOut(String)
    case notReady(String)
    case http(String)

    var description: String {
        switch self {
        case .spawnFailed(let what): "could not start \(what)"
        case .timedOut(let what): "\(what) did not finish in time"
        case .notReady(let what): "not ready: \(what)"
        case .http(let what): "fixture control call failed: \(what)"
        }
    }
}
