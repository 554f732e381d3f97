/// An error answer from an AWS service, decoded whatever its `Content-Type` said.
public struct AWSServiceError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Service, operation, region, account and credentials of the failed call.
    public var context: AWSOperationContext
    /// The HTTP status of the answer.
    public var httpStatus: Int
    /// The AWS error code (`AccessDenied`, `ThrottlingException`), without a namespace.
    public var code: String
    /// The service's own message; may be empty.
    public var message: String
    /// The request id from the headers or the body, for AWS support and CloudTrail.
    public var requestId: String?

    /// Creates a service error.
    public init(
        context: AWSOperationContext, httpStatus: Int, code: String, message: String, requestId: String?
    ) {
        self.context = context
        self.httpStatus = httpStatus
        self.code = code
        self.message = message
        self.requestId = requestId
    }

    /// The service id (`IAM`).
    public var service: String { context.service }
    /// The operation (`ListRoles`).
    public var operation: String { context.operation }
    /// The region of the call.
    public var region: String { context.region }
    /// The account of the call, when known.
    public var accountId: String? { context.accountId }

    /// How retries and the UI should treat this error.
    public var category: AWSErrorCategory { AWSErrorCategory.of(code: code, httpStatus: httpStatus) }

    /// Whether the credentials or permissions are at fault; these are never retried.
    public var isAuthFailure: Bool {
        switch category {
        case .invalidCredentials, .expiredCredentials, .accessDenied: true
        default: false
        }
    }

    /// One line saying what went wrong, where, and what to do next.
    public var description: String {
        var text = "\(context) failed: \(code)"
        if !message.isEmpty { text += ": \(message)" }
        text += " (HTTP \(httpStatus)"
        if let requestId { text += ", request id \(requestId)" }
        text += ")."
        if let hint { text += " " + hint }
        return text
    }
}
