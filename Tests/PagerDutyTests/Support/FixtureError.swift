/// Why a fixture peer could not be used.
enum FixtureError: Error, CustomStringConvertible {
    case notReady(String)
    case http(String)

    var description: String {
        switch self {
        case .notReady(let what): "not ready: \(what)"
        case .http(let what): "fixture control call failed: \(what)"
        }
    }
}
