import AWSSigV4
import Foundation

extension LoopbackHTTP {
    /// Signs a request with this package's SigV4 signer and sends it: enough to reach moto,
    /// the fixture server or the proxy before the AWS client exists.
    /// - Parameters:
    ///   - service: the signing name (`sts`, `monitoring`, `ce`).
    ///   - headers: besides `Host`, which comes from `url`.
    static func sendSigned(
        _ method: String = "POST", _ url: URL, service: String, region: String = "us-east-1",
        credentials: AWSCredentials, headers: [Header] = [], body: Data = Data(), date: Date = Date()
    ) async throws -> Response {
        var fields = SigV4Headers()
        for header in headers { fields.add(name: header.name, value: header.value) }
        guard let request = SigV4Request(method: method, url: url, headers: fields, payload: .signed(body))
        else {
            throw Failure.other("cannot sign a request for \(url)")
        }
        let signed = SigV4Signer(service: service, region: region).sign(
            request, credentials: credentials, date: date)
        return try await send(
            method, url,
            headers: signed.request.headers.fields.map { Header(name: $0.name, value: $0.value) },
            body: body)
    }

    /// A query-protocol call (`Action=...&Version=...`), form-encoded and signed.
    static func sendQuery(
        _ url: URL, service: String, region: String = "us-east-1", credentials: AWSCredentials,
        parameters: [(String, String)]
    ) async throws -> Response {
        let form = parameters.map { "\(AWSURIEncoding.encode($0.0))=\(AWSURIEncoding.encode($0.1))" }
            .joined(separator: "&")
        return try await sendSigned(
            "POST", url, service: service, region: region, credentials: credentials,
            headers: [.init(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")],
            body: Data(form.utf8))
    }

    /// An AWS JSON 1.0/1.1 call with `X-Amz-Target`, signed; `body` is sent byte for byte.
    static func sendJSON(
        _ url: URL, service: String, region: String = "us-east-1", credentials: AWSCredentials,
        target: String,
        version: String = "1.1", body: String
    ) async throws -> Response {
        try await sendSigned(
            "POST", url, service: service, region: region, credentials: credentials,
            headers: [
                .init(name: "Content-Type", value: "application/x-amz-json-\(version)"),
                .init(name: "X-Amz-Target", value: target),
            ],
            body: Data(body.utf8))
    }
}
