/// Why the integration test infrastructure could not do what a test asked.
enum IntegrationError: Error, CustomStringConvertible {
    /// A server exited or never answered while it was being started.
    case notReady(what: String, detail: String)
    /// A helper script exited with a failure.
    case scriptFailed(script: String, status: String, stderr: String)
    /// A script's or a server's answer could not be read.
    case badOutput(what: String, detail: String)
    /// A loopback HTTP exchange failed.
    case http(String)

    var description: String {
        switch self {
        case .notReady(let what, let detail): "\(what) did not become ready: \(detail)"
        case .scriptFailed(let script, let status, let stderr): "\(script) failed (\(status)):\n\(stderr)"
        case .badOutput(let what, let detail): "unreadable output from \(what): \(detail)"
        case .http(let detail): "loopback HTTP: \(detail)"
        }
    }
}
