import AWSSigV4
import Foundation

/// A request as written in the conformance suite's `request.txt`: HTTP/1.1 text with the
/// target kept raw (it may hold spaces and UTF-8), header values kept byte for byte
/// (leading spaces, folded continuation lines), and a body after the first blank line.
struct RawHTTPRequest: Equatable {
    var method: String
    /// The request target exactly as written: path, and `?query` when present.
    var target: String
    var headers: [SigV4Headers.Field]
    var body: String

    enum ParseError: Error, CustomStringConvertible {
        case malformedRequestLine(String)
        case malformedHeader(String)

        var description: String {
            switch self {
            case .malformedRequestLine(let line): "not an HTTP request line: \(line)"
            case .malformedHeader(let line): "not a header line: \(line)"
            }
        }
    }

    init(parsing text: String) throws {
        let head: Substring
        if let blank = text.range(of: "\n\n") {
            head = text[..<blank.lowerBound]
            body = String(text[blank.upperBound...])
        } else {
            head = Substring(text)
            body = ""
        }
        var lines = head.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        guard let requestLine = lines.first,
            let firstSpace = requestLine.firstIndex(of: " "),
            let lastSpace = requestLine.lastIndex(of: " "), firstSpace < lastSpace
        else { throw ParseError.malformedRequestLine(lines.first ?? "") }
        // The target may contain spaces (get-space-*), so it is everything between the
        // method and the protocol version.
        method = String(requestLine[..<firstSpace])
        target = String(requestLine[requestLine.index(after: firstSpace)..<lastSpace])
        headers = []
        for line in lines.dropFirst() {
            if line.first == " " || line.first == "\t" {
                guard !headers.isEmpty else { throw ParseError.malformedHeader(line) }
                headers[headers.count - 1].value += "\n" + line
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { throw ParseError.malformedHeader(line) }
            headers.append(
                .init(name: String(line[..<colon]), value: String(line[line.index(after: colon)...])))
        }
    }

    /// The path part of the target, as sent.
    var path: String {
        target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    }

    /// The query part of the target, as sent, without `?`.
    var rawQuery: String {
        target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? ""
    }

    /// The query items, percent-decoded (a `+` stays a plus).
    var queryItems: [SigV4QueryItem] {
        rawQuery.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return SigV4QueryItem(
                name: AWSURIEncoding.decode(String(parts[0])),
                value: parts.count > 1 ? AWSURIEncoding.decode(String(parts[1])) : ""
            )
        }
    }

    /// The request for the signer.
    var sigV4Request: SigV4Request {
        SigV4Request(
            method: method, path: path, query: queryItems, headers: SigV4Headers(headers),
            payload: .signed(Data(body.utf8)))
    }

    /// Writes a request back in the suite's format.
    static func render(method: String, target: String, headers: SigV4Headers, body: String) -> String {
        var text = "\(method) \(target) HTTP/1.1\n"
        for field in headers {
            text += "\(field.name):\(field.value)\n"
        }
        return text + "\n" + body
    }
}
