import OpsDeckHTTP

/// Why an AWS call failed. Every case names the service, operation and region, and says
/// what to do next; none carries a secret.
public enum AWSClientError: Error, Sendable, CustomStringConvertible {
    /// The service answered with an AWS error.
    case service(AWSServiceError)
    /// No answer at all, after `attempts` tries.
    case transport(TransportError, context: AWSOperationContext, attempts: Int)
    /// HTTP 500 with an HTML page instead of an AWS error: what moto (and other emulators)
    /// answer for an operation they lack.
    case notImplemented(context: AWSOperationContext, endpoint: String)
    /// A success answer that could not be read.
    case invalidResponse(context: AWSOperationContext, reason: String, requestId: String?)
    /// The credential provider failed; `underlying` is its own error.
    case credentialsUnavailable(context: AWSOperationContext, underlying: any Error)
    /// The configuration cannot work: no region, a malformed endpoint URL.
    case invalidConfiguration(String)
    /// The task was cancelled before the call finished.
    case cancelled(context: AWSOperationContext)
    /// A list did not end: the service repeated a page token or exceeded the page limit.
    case paginationDidNotEnd(context: AWSOperationContext, pages: Int, reason: String)

    /// The call the error belongs to, when it belongs to one.
    public var context: AWSOperationContext? {
        switch self {
        case .service(let error): error.context
        case .transport(_, let context, _), .notImplemented(let context, _),
            .invalidResponse(let context, _, _), .credentialsUnavailable(let context, _),
            .paginationDidNotEnd(let context, _, _), .cancelled(let context):
            context
        case .invalidConfiguration: nil
        }
    }

    /// The AWS service error, when the service answered with one.
    public var serviceError: AWSServiceError? {
        if case .service(let error) = self { return error }
        return nil
    }

    /// Whether bad credentials or missing permissions caused it.
    public var isAuthFailure: Bool { serviceError?.isAuthFailure ?? false }

    /// A message that names the call and says what to do.
    public var description: String {
        switch self {
        case .service(let error):
            return error.description
        case .transport(let error, let context, let attempts):
            let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
            return
                "\(context) failed after \(tries): \(error). Check the network, a proxy, or the endpoint URL."
        case .notImplemented(let context, let endpoint):
            return "\(context) failed: the endpoint \(endpoint) does not implement \(context.operation) "
                + "(HTTP 500 with an HTML page instead of an AWS error). If it is an emulator such as moto, "
                + "the operation is missing there; otherwise retry later."
        case .invalidResponse(let context, let reason, let requestId):
            let id = requestId.map { " (request id \($0))" } ?? ""
            return "\(context): the answer could not be read\(id): \(reason)."
        case .credentialsUnavailable(let context, let underlying):
            return "\(context): no credentials: \(underlying)"
        case .invalidConfiguration(let reason):
            return reason
        case .cancelled(let context):
            return "\(context) was cancelled."
        case .paginationDidNotEnd(let context, let pages, let reason):
            return "\(context): stopped listing after \(pages) pages: \(reason). The service's paging looks "
                + "broken; report it with this message."
        }
    }
}
