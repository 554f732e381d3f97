import AWSClient
import AWSSigV4
import Foundation
import OpsDeckHTTP
import Testing

/// AWS errors in every shape they arrive in, whatever the `Content-Type` claims.
struct ErrorDecodingTests {
    /// Sends one call that fails with `response` and returns the error.
    func failure(
        _ response: HTTPResponse, accountId: String? = "111111111111", profile: String? = "prod",
        call: (AWSClientCore) async throws -> Void = { core in
            _ = try await OrganizationsClient(core: core).listRoots()
        }
    ) async throws -> (error: AWSClientError, attempts: Int) {
        let transport = ScriptedTransport(Array(repeating: .respond(response), count: 3))
        let core = TestCore.make(transport, accountId: accountId, profile: profile)
        do {
            try await call(core)
        } catch let error as AWSClientError {
            return (error, transport.requests.count)
        }
        Issue.record("the call succeeded")
        throw CancellationError()
    }

    @Test func jsonTypeWithNamespaceAndCapitalisedMessage() async throws {
        let response = HTTPResponse.json(
            #"{"__type":"com.amazonaws.organizations.v20161128#AccessDeniedException","#
                + #""Message":"You don't have permissions to access this resource."}"#,
            status: 400, requestId: "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE")
        let (error, attempts) = try await failure(response)
        let serviceError = try #require(error.serviceError)
        #expect(serviceError.code == "AccessDeniedException")
        #expect(serviceError.message == "You don't have permissions to access this resource.")
        #expect(serviceError.requestId == "7a62c49f-347e-4fc4-9331-6e8eEXAMPLE")
        #expect(serviceError.httpStatus == 400)
        #expect(serviceError.service == "Organizations" && serviceError.operation == "ListRoots")
        #expect(serviceError.region == "us-east-1" && serviceError.accountId == "111111111111")
        #expect(error.isAuthFailure)
        #expect(attempts == 1, "permission errors are never retried")
        let text = error.description
        #expect(text.contains("organizations:ListRoots"))
        #expect(text.contains("account 111111111111"))
        #expect(text.contains("profile prod"))
        #expect(text.contains("request id 7a62c49f-347e-4fc4-9331-6e8eEXAMPLE"))
    }

    @Test func jsonCodeAndLowercaseMessage() async throws {
        let (error, _) = try await failure(
            .json(#"{"code":"PipelineNotFoundException","message":"Pipeline not found: web"}"#, status: 400)
        ) { core in
            _ = try await CodePipelineClient(core: core).getPipelineState(name: "web")
        }
        #expect(error.serviceError?.code == "PipelineNotFoundException")
        #expect(error.serviceError?.message == "Pipeline not found: web")
        #expect(error.serviceError?.category == .other)
    }

    @Test func jsonTypeWithAURLSuffix() async throws {
        let (error, _) = try await failure(
            .json(
                #"{"__type":"com.amazon.coral.validate#ValidationException:http://internal.amazon.com/coral/","#
                    + #""message":"1 validation error"}"#, status: 400))
        #expect(error.serviceError?.code == "ValidationException")
    }

    @Test func queryErrorResponseWithBodyRequestId() async throws {
        let xml = """
            <ErrorResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
              <Error>
                <Type>Sender</Type>
                <Code>InvalidClientTokenId</Code>
                <Message>The security token included in the request is invalid.</Message>
              </Error>
              <RequestId>4c6f4c5a-2b62-4c8e-9a9f-EXAMPLE</RequestId>
            </ErrorResponse>
            """
        let (error, attempts) = try await failure(.xml(xml, status: 403)) { core in
            _ = try await STSClient(core: core).getCallerIdentity()
        }
        let serviceError = try #require(error.serviceError)
        #expect(serviceError.code == "InvalidClientTokenId")
        #expect(serviceError.requestId == "4c6f4c5a-2b62-4c8e-9a9f-EXAMPLE")
        #expect(serviceError.category == .invalidCredentials)
        #expect(attempts == 1)
        #expect(error.description.contains("check the credentials of profile prod"))
        #expect(!error.description.contains(TestCore.credentials.secretAccessKey))
    }

    @Test func ec2StyleErrorsList() async throws {
        let xml = """
            <Response><Errors><Error><Code>UnauthorizedOperation</Code><Message>You are not authorized.</Message>
            </Error></Errors><RequestID>ea966190-f9aa-478e-9ede-example</RequestID></Response>
            """
        let (error, _) = try await failure(.xml(xml, status: 403))
        #expect(error.serviceError?.code == "UnauthorizedOperation")
        #expect(error.serviceError?.requestId == "ea966190-f9aa-478e-9ede-example")
        #expect(error.isAuthFailure)
    }

    @Test func xmlAuthErrorFromAJSONServiceLabelledHTML() async throws {
        // moto answers JSON services' signature failures in XML, labelled text/html.
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?><ErrorResponse><Errors><Error><Code>SignatureDoesNotMatch</Code>
            <Message>The request signature we calculated does not match the signature you provided.</Message>
            </Error></Errors></ErrorResponse>
            """
        let (error, attempts) = try await failure(.json(xml, status: 403), profile: nil)
        #expect(error.serviceError?.code == "SignatureDoesNotMatch")
        #expect(attempts == 1)
        #expect(error.description.contains("The secret key does not match the access key"))
        #expect(error.description.contains("test credentials"), "without a profile, the source is named")
    }

    @Test func htmlServerErrorMeansNotImplementedAndIsNotRetried() async throws {
        let html = """
            <!doctype html>
            <html lang=en>
            <title>500 Internal Server Error</title>
            <h1>Internal Server Error</h1>
            """
        let (error, attempts) = try await failure(.json(html, status: 500, contentType: "text/html")) {
            core in
            _ = try await CodePipelineClient(core: core).listPipelineExecutions(pipelineName: "web")
        }
        guard case .notImplemented(let context, let endpoint) = error else {
            Issue.record("expected notImplemented, got \(error)")
            return
        }
        #expect(context.operation == "ListPipelineExecutions")
        #expect(endpoint == "https://codepipeline.eu-west-1.amazonaws.com")
        #expect(error.description.contains("does not implement ListPipelineExecutions"))
        #expect(attempts == 1)
    }

    @Test func htmlGatewayErrorIsTransient() async throws {
        let (error, attempts) = try await failure(
            .json("<html><head><title>503 Service Temporarily Unavailable</title></head></html>", status: 503)
        )
        #expect(error.serviceError?.code == "HTTP503")
        #expect(error.serviceError?.message == "503 Service Temporarily Unavailable")
        #expect(error.serviceError?.category == .transient)
        #expect(attempts == 3)
    }

    @Test func anEmptyBodyStillGivesAnError() async throws {
        let (error, _) = try await failure(HTTPResponse(status: 404))
        #expect(error.serviceError?.code == "HTTP404")
        #expect(error.serviceError?.message == "no error details in the answer")
    }

    @Test func headersCarryTheCodeWhenTheBodyDoesNot() async throws {
        let queryCompatible = HTTPResponse(
            status: 400,
            headers: [
                (name: "x-amzn-query-error", value: "InvalidParameterValue;Sender"),
                (name: "x-amz-request-id", value: "hdr-1"),
            ],
            body: Data(
                #"{"__type":"com.amazonaws.cloudwatch#InvalidParameterValueException","message":"bad"}"#.utf8)
        )
        let (error, _) = try await failure(queryCompatible)
        #expect(error.serviceError?.code == "InvalidParameterValue")
        #expect(error.serviceError?.requestId == "hdr-1")
        let restStyle = HTTPResponse(
            status: 403,
            headers: [(name: "X-Amzn-ErrorType", value: "ExpiredTokenException:http://internal/")])
        let (expired, attempts) = try await failure(restStyle)
        #expect(expired.serviceError?.code == "ExpiredTokenException")
        #expect(expired.serviceError?.category == .expiredCredentials)
        #expect(expired.description.contains("aws sso login"))
        #expect(attempts == 1)
    }

    @Test(arguments: [
        ("InvalidClientTokenId", AWSErrorCategory.invalidCredentials),
        ("SignatureDoesNotMatch", .invalidCredentials),
        ("UnrecognizedClientException", .invalidCredentials), ("ExpiredToken", .expiredCredentials),
        ("AccessDenied", .accessDenied), ("AccessDeniedException", .accessDenied),
        ("AccessDeniedForDependencyException", .accessDenied), ("ThrottlingException", .throttling),
        ("Throttling", .throttling), ("TooManyRequestsException", .throttling),
        ("RequestLimitExceeded", .throttling),
        ("RequestTimeout", .transient), ("ValidationException", .other), ("NoSuchEntity", .other),
    ])
    func categories(_ code: String, _ category: AWSErrorCategory) {
        #expect(AWSErrorCategory.of(code: code, httpStatus: 400) == category)
    }

    @Test func statusesDecideWhenTheCodeDoesNot() {
        #expect(AWSErrorCategory.of(code: "InternalFailure", httpStatus: 500) == .transient)
        #expect(AWSErrorCategory.of(code: "HTTP502", httpStatus: 502) == .transient)
        #expect(AWSErrorCategory.of(code: "HTTP429", httpStatus: 429) == .throttling)
        #expect(AWSErrorCategory.of(code: "AccessDenied", httpStatus: 503) == .accessDenied)
        #expect(AWSErrorCategory.of(code: "HTTP501", httpStatus: 501) == .other)
    }

    @Test func aFailingCredentialProviderIsNamedAndNotRetried() async throws {
        let transport = ScriptedTransport([])
        let core = TestCore.make(transport, credentials: FailingCredentials(), profile: "prod")
        let error = await #expect(throws: AWSClientError.self) {
            _ = try await IAMClient(core: core).listAccountAliases()
        }
        guard case .credentialsUnavailable(let context, _) = error else {
            Issue.record("expected credentialsUnavailable, got \(String(describing: error))")
            return
        }
        #expect(context.operation == "ListAccountAliases")
        #expect(String(describing: error).contains("profile prod has no credentials"))
        #expect(transport.requests.isEmpty)
    }
}
