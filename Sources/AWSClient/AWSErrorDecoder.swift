import Foundation
import OpsDeckHTTP

/// Reads an AWS error out of a failed answer, trusting the body over the `Content-Type`
/// (moto labels JSON as `text/html` and answers JSON services' auth failures in XML).
enum AWSErrorDecoder {
    /// Header names that carry the request id, in the order AWS services use them.
    static let requestIdHeaders = ["x-amzn-RequestId", "x-amz-request-id", "x-amzn-request-id"]

    /// The error for a non-2xx answer.
    static func decode(_ response: HTTPResponse, context: AWSOperationContext, endpoint: String)
        -> AWSClientError
    {
        let headerRequestId = requestIdHeaders.lazy.compactMap { response.header($0) }.first
        let text = String(decoding: response.body, as: UTF8.self).trimmingCharacters(
            in: .whitespacesAndNewlines)
        var code: String?
        var message: String?
        var bodyRequestId: String?

        if text.hasPrefix("{"), let json = try? JSONValue.parse(response.body) {
            code = (json["__type"] ?? json["code"] ?? json["Code"])?.stringValue
            message = (json["message"] ?? json["Message"] ?? json["errorMessage"])?.stringValue
        } else if text.hasPrefix("<") {
            if isHTML(text) {
                if response.status == 500 { return .notImplemented(context: context, endpoint: endpoint) }
                message = htmlTitle(text)
            } else if let root = try? XMLTreeParser.parse(response.body) {
                // <ErrorResponse><Error>…, <Response><Errors><Error>… and a bare <Error> (S3 style).
                let error = root.first(named: "Error")
                code = error?.string("Code")
                message = error?.string("Message") ?? error?.string("message")
                bodyRequestId = root.first(named: "RequestId")?.text ?? root.first(named: "RequestID")?.text
            }
        }
        // awsQueryCompatible services put the query-protocol code in a header; REST-JSON ones
        // put the code in X-Amzn-ErrorType. Either is more precise than a missing body code.
        if let queryError = response.header("x-amzn-query-error"),
            let first = queryError.split(separator: ";").first,
            !first.isEmpty
        {
            code = String(first)
        } else if code == nil || code?.isEmpty == true, let type = response.header("x-amzn-ErrorType") {
            code = type
        }
        let cleanCode = code.map(stripNamespace).flatMap { $0.isEmpty ? nil : $0 } ?? "HTTP\(response.status)"
        let cleanMessage = message?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let requestId = (headerRequestId ?? bodyRequestId)?.trimmingCharacters(in: .whitespacesAndNewlines)
        return .service(
            AWSServiceError(
                context: context, httpStatus: response.status, code: cleanCode,
                message: cleanMessage.isEmpty && code == nil
                    ? "no error details in the answer" : cleanMessage,
                requestId: requestId?.isEmpty == true ? nil : requestId))
    }

    /// The request id of a successful answer, from the headers or the XML metadata.
    static func requestId(_ response: HTTPResponse, xml: XMLNode? = nil) -> String? {
        if let header = requestIdHeaders.lazy.compactMap({ response.header($0) }).first { return header }
        return xml?.path("ResponseMetadata", "RequestId")?.text
    }

    /// `com.amazonaws.organizations#AccessDeniedException:http://...` becomes
    /// `AccessDeniedException`.
    static func stripNamespace(_ code: String) -> String {
        var value = Substring(code.trimmingCharacters(in: .whitespaces))
        if let colon = value.firstIndex(of: ":") { value = value[..<colon] }
        if let hash = value.lastIndex(of: "#") { value = value[value.index(after: hash)...] }
        return String(value)
    }

    private static func isHTML(_ text: String) -> Bool {
        let head = text.prefix(512).lowercased()
        return head.hasPrefix("<!doctype html") || head.contains("<html")
    }

    private static func htmlTitle(_ text: String) -> String? {
        guard let start = text.range(of: "<title>", options: .caseInsensitive),
            let end = text.range(
                of: "</title>", options: .caseInsensitive, range: start.upperBound..<text.endIndex)
        else { return nil }
        return String(text[start.upperBound..<end.lowerBound])
    }
}
