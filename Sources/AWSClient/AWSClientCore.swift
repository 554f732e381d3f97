import AWSSigV4
import Foundation
import Logging
import OpsDeckHTTP

/// Sends AWS API calls: resolves the endpoint, signs every attempt anew, retries by the
/// standard mode, and turns failures into `AWSClientError`.
///
/// A value: copy it with another region or other credentials (`with(region:)`,
/// `with(credentials:accountId:profile:)`) to fan out over accounts and regions; copies
/// share the transport and the retry quota.
public struct AWSClientCore: Sendable {
    /// The region calls are made in (global services sign for their home region instead).
    public var region: String
    /// Where credentials come from; asked before every attempt.
    public var credentialProvider: any CredentialProvider
    /// Sends the bytes.
    public var transport: any HTTPTransport
    /// Chooses the endpoint of each service.
    public var endpoints: AWSEndpointResolver
    /// Retries and backoff.
    public var retryPolicy: RetryPolicy
    /// The limit of one attempt, connection included.
    public var timeout: Duration
    /// The clock signatures are dated by.
    public var now: @Sendable () -> Date
    /// Receives one line per attempt, with the request id; never a secret or a body. Silent
    /// unless given: a library must not write to the terminal curses owns.
    public var logger: Logger
    /// The account calls target, when known; named in errors.
    public var accountId: String?
    /// The profile the credentials come from, when there is one; named in errors.
    public var profile: String?
    /// The `User-Agent` header.
    public var userAgent: String

    /// Creates a client core.
    public init(
        region: String, credentialProvider: any CredentialProvider, transport: any HTTPTransport,
        endpoints: AWSEndpointResolver = AWSEndpointResolver(), retryPolicy: RetryPolicy = RetryPolicy(),
        timeout: Duration = .seconds(30), now: @escaping @Sendable () -> Date = { Date() },
        logger: Logger = Logger(label: "opsdeck.aws", factory: { _ in SwiftLogNoOpLogHandler() }),
        accountId: String? = nil, profile: String? = nil,
        userAgent: String = "opsdeck"
    ) {
        self.region = region
        self.credentialProvider = credentialProvider
        self.transport = transport
        self.endpoints = endpoints
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        self.now = now
        self.logger = logger
        self.accountId = accountId
        self.profile = profile
        self.userAgent = userAgent
    }

    /// A copy that calls `region`.
    public func with(region: String) -> AWSClientCore {
        var copy = self
        copy.region = region
        return copy
    }

    /// A copy that signs with other credentials, such as an assumed role's.
    public func with(
        credentials: any CredentialProvider, accountId: String?, profile: String? = nil
    ) -> AWSClientCore {
        var copy = self
        copy.credentialProvider = credentials
        copy.accountId = accountId
        copy.profile = profile
        return copy
    }

    /// The context errors of `operation` on `service` carry.
    public func context(_ service: AWSService, operation: String) -> AWSOperationContext {
        let signingRegion = (try? endpoints.resolve(service, region: region))?.signingRegion ?? region
        return AWSOperationContext(
            service: service.serviceId, operation: operation, region: signingRegion, accountId: accountId,
            profile: profile)
    }

    /// Sends one operation and returns the successful answer.
    ///
    /// - Parameters:
    ///   - service: the service, which fixes the protocol headers and the endpoint.
    ///   - operation: the operation name (`ListRoles`).
    ///   - body: the encoded request body.
    ///   - signed: false for the few operations AWS takes unsigned
    ///     (`AssumeRoleWithWebIdentity`); no credentials are asked for then.
    /// - Returns: the 2xx answer.
    /// - Throws: `AWSClientError`, after retries where the standard mode retries.
    public func send(
        _ service: AWSService, operation: String, body: Data, signed: Bool = true
    ) async throws(AWSClientError) -> HTTPResponse {
        let endpoint = try endpoints.resolve(service, region: region)
        var context = AWSOperationContext(
            service: service.serviceId, operation: operation, region: endpoint.signingRegion,
            accountId: accountId, profile: profile)
        var logger = self.logger
        logger[metadataKey: "aws.service"] = "\(service.serviceId)"
        logger[metadataKey: "aws.operation"] = "\(operation)"
        logger[metadataKey: "aws.region"] = "\(endpoint.signingRegion)"
        if let accountId { logger[metadataKey: "aws.account"] = "\(accountId)" }

        var attempt = 1
        var lastQuotaCost: Int?
        while true {
            let request = try await buildRequest(
                service, operation: operation, body: body, endpoint: endpoint, signed: signed,
                context: &context)
            logger.debug("request", metadata: ["aws.attempt": "\(attempt)"])
            let failure: AWSClientError
            do {
                let response = try await transport.send(request, timeout: timeout)
                if (200..<300).contains(response.status) {
                    releaseQuota(afterRetryCost: lastQuotaCost)
                    logger.debug(
                        "response",
                        metadata: [
                            "aws.status": "\(response.status)", "aws.attempt": "\(attempt)",
                            "aws.request_id": "\(AWSErrorDecoder.requestId(response) ?? "-")",
                        ])
                    return response
                }
                failure = AWSErrorDecoder.decode(
                    response, context: context, endpoint: endpoint.url.absoluteString)
            } catch let error as TransportError {
                failure = .transport(error, context: context, attempts: attempt)
            } catch is CancellationError {
                throw .cancelled(context: context)
            } catch {
                // A transport outside this module may throw its own errors; they mean no answer.
                failure = .transport(
                    .connectionFailed(host: endpoint.hostHeader, reason: String(describing: error)),
                    context: context, attempts: attempt)
            }

            guard let reason = RetryPolicy.retryReason(for: failure), attempt < retryPolicy.maxAttempts else {
                logFailure(failure, attempt: attempt, logger: logger)
                throw failure
            }
            let cost = retryPolicy.quotaCost(for: reason)
            if let quota = retryPolicy.quota, !quota.acquire(cost) {
                logger.warning(
                    "retry quota exhausted; not retrying", metadata: ["aws.attempt": "\(attempt)"])
                throw failure
            }
            lastQuotaCost = cost
            let delay = retryPolicy.delay(beforeRetry: attempt)
            logger.notice(
                "retrying",
                metadata: [
                    "aws.attempt": "\(attempt)", "aws.reason": "\(reason.rawValue)", "aws.delay": "\(delay)",
                    "aws.error": "\(Self.shortCode(failure))",
                    "aws.request_id": "\(failure.serviceError?.requestId ?? "-")",
                ])
            do {
                try await retryPolicy.sleep(delay)
            } catch {
                throw .cancelled(context: context)
            }
            attempt += 1
        }
    }

    private func buildRequest(
        _ service: AWSService, operation: String, body: Data, endpoint: AWSEndpoint, signed: Bool,
        context: inout AWSOperationContext
    ) async throws(AWSClientError) -> HTTPRequest {
        var headers = SigV4Headers()
        headers.add(name: "Host", value: endpoint.hostHeader)
        headers.add(name: "Content-Type", value: service.wireProtocol.contentType)
        if case .json(_, let prefix) = service.wireProtocol {
            headers.add(name: "X-Amz-Target", value: "\(prefix).\(operation)")
        }
        if service.isQueryCompatible {
            headers.add(name: "x-amzn-query-mode", value: "true")
        }
        headers.add(name: "User-Agent", value: userAgent)
        var request = SigV4Request(
            method: "POST", path: endpoint.path, headers: headers, payload: .signed(body))
        if signed {
            let resolved: ResolvedCredentials
            do {
                resolved = try await credentialProvider.credentials()
            } catch {
                throw .credentialsUnavailable(context: context, underlying: error)
            }
            context.credentialSource = resolved.source
            let signer = SigV4Signer(service: service.signingName, region: endpoint.signingRegion)
            request = signer.sign(request, credentials: resolved.credentials, date: now()).request
        }
        return HTTPRequest(
            method: "POST", url: endpoint.requestURL,
            headers: request.headers.fields.map { (name: $0.name, value: $0.value) }, body: body)
    }

    private func releaseQuota(afterRetryCost cost: Int?) {
        guard let quota = retryPolicy.quota else { return }
        quota.release(cost ?? quota.successIncrement)
    }

    private func logFailure(_ failure: AWSClientError, attempt: Int, logger: Logger) {
        logger.info(
            "failed",
            metadata: [
                "aws.attempt": "\(attempt)", "aws.error": "\(Self.shortCode(failure))",
                "aws.request_id": "\(failure.serviceError?.requestId ?? "-")",
            ])
    }

    private static func shortCode(_ failure: AWSClientError) -> String {
        switch failure {
        case .service(let error): "\(error.code) (HTTP \(error.httpStatus))"
        case .transport(let error, _, _): error.description
        case .notImplemented: "not implemented (HTTP 500, HTML)"
        case .invalidResponse: "invalid response"
        case .credentialsUnavailable: "no credentials"
        case .invalidConfiguration: "invalid configuration"
        case .paginationDidNotEnd: "pagination did not end"
        case .cancelled: "cancelled"
        }
    }
}
