/// The kinds of AWS error that call for different handling.
public enum AWSErrorCategory: String, Sendable, Hashable, CaseIterable {
    /// The access key is unknown or the signature is wrong.
    case invalidCredentials
    /// The session token has expired.
    case expiredCredentials
    /// The identity is not allowed to make the call.
    case accessDenied
    /// Too many requests: retried with backoff.
    case throttling
    /// A failure on the service's side that may pass: retried.
    case transient
    /// Anything else (validation, missing resource): not retried.
    case other

    /// Codes the AWS SDKs' standard retry mode treats as throttling.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException",
        "TooManyRequestsException", "ProvisionedThroughputExceededException",
        "TransactionInProgressException",
        "RequestLimitExceeded", "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled",
        "SlowDown", "PriorRequestNotComplete", "EC2ThrottledException",
    ]

    /// Codes the standard retry mode treats as transient.
    public static let transientCodes: Set<String> = [
        "RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete",
    ]

    /// HTTP statuses the standard retry mode treats as transient, whatever the code.
    public static let transientStatuses: Set<Int> = [500, 502, 503, 504]

    static let invalidCredentialCodes: Set<String> = [
        "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException", "InvalidAccessKeyId",
        "IncompleteSignature", "MissingAuthenticationToken", "InvalidSignatureException", "AuthFailure",
    ]

    static let expiredCredentialCodes: Set<String> = [
        "ExpiredToken", "ExpiredTokenException", "RequestExpired", "TokenRefreshRequired",
    ]

    static let accessDeniedCodes: Set<String> = [
        "AccessDenied", "AccessDeniedException", "UnauthorizedOperation", "AuthorizationError",
        "UnauthorizedAccess", "UnauthorizedException", "AccessDeniedForDependencyException", "NotAuthorized",
    ]

    /// The category of an error answer. Credentials and permissions win over the status, so an
    /// auth failure is never retried even when a proxy dressed it as a 5xx.
    public static func of(code: String, httpStatus: Int) -> AWSErrorCategory {
        if invalidCredentialCodes.contains(code) { return .invalidCredentials }
        if expiredCredentialCodes.contains(code) { return .expiredCredentials }
        if accessDeniedCodes.contains(code) || code.hasPrefix("AccessDenied") { return .accessDenied }
        if throttlingCodes.contains(code) || httpStatus == 429 { return .throttling }
        if transientCodes.contains(code) || transientStatuses.contains(httpStatus) { return .transient }
        return .other
    }
}
