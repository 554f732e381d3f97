/// Why no console sign-in URL could be made. The session itself was assumed and recorded.
public enum FederationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The endpoint is not a usable URL.
    case invalidEndpoint(String)
    /// No answer from the endpoint.
    case unreachable(endpoint: String, reason: String)
    /// The endpoint answered with an HTTP error (bad or expired credentials, or a role
    /// chain: AWS refuses tokens for sessions made from another role's credentials longer
    /// than an hour).
    case refused(endpoint: String, status: Int)
    /// The answer had no `SigninToken`.
    case invalidAnswer(endpoint: String)

    public var description: String {
        switch self {
        case .invalidEndpoint(let endpoint):
            return "the federation endpoint \(endpoint) is not a valid URL; fix --federation-endpoint."
        case .unreachable(let endpoint, let reason):
            return "no answer from the federation endpoint \(endpoint): \(reason); check the network, or "
                + "use --print env or the subshell instead."
        case .refused(let endpoint, let status):
            return "the federation endpoint \(endpoint) refused the sign-in token request (HTTP \(status)); "
                + "the session may have expired, or was made by role chaining: assume again with --duration "
                + "1h or from long-term credentials."
        case .invalidAnswer(let endpoint):
            return "the federation endpoint \(endpoint) answered without a SigninToken; check "
                + "--federation-endpoint."
        }
    }
}
