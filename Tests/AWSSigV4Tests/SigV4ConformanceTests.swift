import AWSSigV4
import Foundation
import Testing

/// Every case of the AWS SigV4 conformance suite, in both signing modes, step by step.
@Suite(
    "SigV4 conformance suite",
    // The suite lives outside the repository (see ConformanceSuite); without it there is
    // nothing to compare against, and the skip is printed rather than silent.
    .enabled(if: ConformanceSuite.isAvailable, "SigV4 conformance suite not found")
)
struct SigV4ConformanceTests {
    @Test("The suite has cases and each has every expected file")
    func suiteIsComplete() throws {
        let directory = try #require(ConformanceSuite.directory)
        #expect(!ConformanceSuite.caseNames.isEmpty)
        let files = [
            "request.txt", "header-canonical-request.txt", "header-string-to-sign.txt",
            "header-signature.txt", "header-signed-request.txt", "query-canonical-request.txt",
            "query-string-to-sign.txt", "query-signature.txt", "query-signed-request.txt",
        ]
        for name in ConformanceSuite.caseNames {
            for file in files {
                let path = directory.appendingPathComponent(name).appendingPathComponent(file).path
                #expect(FileManager.default.fileExists(atPath: path), "\(name)/\(file) is missing")
            }
        }
    }

    @Test("Header signing", arguments: ConformanceSuite.caseNames)
    func headerSigning(caseName: String) throws {
        let testCase = try ConformanceCase(name: caseName, in: try #require(ConformanceSuite.directory))
        let signer = testCase.signer
        let request = testCase.request.sigV4Request

        let canonical = signer.canonicalRequest(
            for: request, credentials: testCase.credentials, date: testCase.date)
        #expect(canonical == (try testCase.expected("header-canonical-request.txt")))
        let stringToSign = signer.stringToSign(canonicalRequest: canonical, date: testCase.date)
        #expect(stringToSign == (try testCase.expected("header-string-to-sign.txt")))
        let signature = signer.signature(
            stringToSign: stringToSign, secretAccessKey: testCase.credentials.secretAccessKey,
            date: testCase.date)
        #expect(signature == (try testCase.expected("header-signature.txt")))

        let signed = signer.sign(request, credentials: testCase.credentials, date: testCase.date)
        #expect(signed.canonicalRequest == canonical)
        #expect(signed.stringToSign == stringToSign)
        #expect(signed.signature == signature)

        let expectedRequest = try testCase.expected("header-signed-request.txt")
        let expectedAuthorization = try #require(
            expectedRequest.split(separator: "\n").first { $0.hasPrefix("Authorization:") }
        ).dropFirst("Authorization:".count)
        #expect(signed.authorization == String(expectedAuthorization))
        #expect(signed.request.path == request.path)
        #expect(signed.request.query == request.query)
        let rendered = RawHTTPRequest.render(
            method: signed.request.method, target: testCase.request.target,
            headers: signed.request.headers, body: testCase.request.body)
        #expect(rendered == expectedRequest)
    }

    @Test("Presigning", arguments: ConformanceSuite.caseNames)
    func presigning(caseName: String) throws {
        let testCase = try ConformanceCase(name: caseName, in: try #require(ConformanceSuite.directory))
        let signer = testCase.signer
        let request = testCase.request.sigV4Request
        let expires = testCase.context.expirationInSeconds

        let canonical = try signer.presignedCanonicalRequest(
            for: request, credentials: testCase.credentials, date: testCase.date, expires: expires)
        #expect(canonical == (try testCase.expected("query-canonical-request.txt")))
        let stringToSign = signer.stringToSign(canonicalRequest: canonical, date: testCase.date)
        #expect(stringToSign == (try testCase.expected("query-string-to-sign.txt")))
        let signature = signer.signature(
            stringToSign: stringToSign, secretAccessKey: testCase.credentials.secretAccessKey,
            date: testCase.date)
        #expect(signature == (try testCase.expected("query-signature.txt")))

        let signed = try signer.presign(
            request, credentials: testCase.credentials, date: testCase.date, expires: expires)
        #expect(signed.canonicalRequest == canonical)
        #expect(signed.signature == signature)
        #expect(signed.authorization == nil)
        #expect(signed.request.headers == request.headers)
        #expect(signed.request.query == request.query + signed.addedQuery)
        #expect(signed.addedQuery.last == SigV4QueryItem(name: "X-Amz-Signature", value: signature))

        // The suite keeps the request's own query as written and appends the signer's items.
        let original = testCase.request.rawQuery
        let added = signed.addedQuery.map(\.encoded).joined(separator: "&")
        let target = testCase.request.path + "?" + (original.isEmpty ? "" : original + "&") + added
        let rendered = RawHTTPRequest.render(
            method: signed.request.method, target: target, headers: signed.request.headers,
            body: testCase.request.body)
        #expect(rendered == (try testCase.expected("query-signed-request.txt")))
    }
}
