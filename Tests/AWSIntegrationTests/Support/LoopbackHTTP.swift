import Dispatch
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A minimal HTTP/1.1 client for 127.0.0.1 only: one request per connection
/// (`Connection: close`), read to the end.
///
/// Not URLSession: the fault proxy's resets and silent closes must come back as distinct
/// failures, and a readiness probe needs a plain connect that fails fast. The blocking
/// socket calls run on a Dispatch queue, never on the test's cooperative threads.
enum LoopbackHTTP {
    /// One header field.
    struct Header: Sendable, Equatable {
        let name: String
        let value: String
    }

    /// An answer.
    struct Response: Sendable {
        let status: Int
        let headers: [Header]
        let body: Data

        /// The first value of a header, by case-insensitive name.
        func header(_ name: String) -> String? {
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }

        /// The body as UTF-8 text.
        var text: String { String(decoding: body, as: UTF8.self) }

        /// The body decoded as JSON into `type`.
        func decode<T: Decodable>(_ type: T.Type) throws -> T {
            do {
                return try JSONDecoder().decode(type, from: body)
            } catch {
                throw IntegrationError.badOutput(
                    what: "HTTP \(status) body", detail: "\(error): \(text.prefix(300))")
            }
        }
    }

    /// How an exchange failed, when it did not come back with an answer.
    enum Failure: Error, Equatable, CustomStringConvertible {
        /// Nothing listens on the port.
        case refused
        /// The peer reset the connection (RST).
        case reset
        /// The peer closed the connection without answering (FIN, no bytes).
        case closedWithoutAnswer
        /// No answer within the timeout.
        case timedOut
        /// Anything else, with what went wrong.
        case other(String)

        var description: String {
            switch self {
            case .refused: "connection refused"
            case .reset: "connection reset by peer"
            case .closedWithoutAnswer: "connection closed without an answer"
            case .timedOut: "timed out"
            case .other(let detail): detail
            }
        }
    }

    /// Sends one request to `url` (http://127.0.0.1:PORT/...).
    /// - Parameters:
    ///   - headers: sent as given; `Host`, `Content-Length` and `Connection` are added
    ///     unless present.
    /// - Throws: `Failure` when no complete answer came back.
    static func send(
        _ method: String = "GET", _ url: URL, headers: [Header] = [], body: Data = Data(),
        timeout: Duration = .seconds(10)
    ) async throws -> Response {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                continuation.resume(
                    with: Result {
                        try exchange(method, url, headers: headers, body: body, timeout: timeout)
                    })
            }
        }
    }

    /// `http://127.0.0.1:<port><path>`.
    /// - Throws: `Failure.other` when the parts do not form a URL.
    static func url(port: Int, path: String = "") throws -> URL {
        guard let url = URL(string: "http://127.0.0.1:\(port)\(path)") else {
            throw Failure.other("not a URL: port \(port), path \(path)")
        }
        return url
    }

    /// Whether something accepts connections on 127.0.0.1:`port` right now.
    static func isListening(port: Int) -> Bool {
        guard let socket = try? connect(port: port, timeout: .seconds(1)) else { return false }
        close(socket)
        return true
    }

    /// A port that was free a moment ago: bind port 0, read the port, close.
    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.other("socket: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var address = loopback(port: 0)
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard bound == 0 else { throw Failure.other("bind: \(String(cString: strerror(errno)))") }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let named = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        guard named == 0 else { throw Failure.other("getsockname: \(String(cString: strerror(errno)))") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    // MARK: - Blocking parts

    private static func exchange(
        _ method: String, _ url: URL, headers: [Header], body: Data, timeout: Duration
    ) throws -> Response {
        guard let port = url.port, url.host == "127.0.0.1" || url.host == "localhost" else {
            throw Failure.other("not a loopback URL with a port: \(url)")
        }
        let descriptor = try connect(port: port, timeout: timeout)
        defer { close(descriptor) }
        var target = url.path.isEmpty ? "/" : url.path
        if let query = url.query { target += "?" + query }
        var lines = ["\(method) \(target) HTTP/1.1"]
        let names = Set(headers.map { $0.name.lowercased() })
        if !names.contains("host") { lines.append("Host: 127.0.0.1:\(port)") }
        lines += headers.map { "\($0.name): \($0.value)" }
        if !names.contains("content-length") { lines.append("Content-Length: \(body.count)") }
        if !names.contains("connection") { lines.append("Connection: close") }
        var request = Data((lines.joined(separator: "\r\n") + "\r\n\r\n").utf8)
        request.append(body)
        try writeAll(descriptor, request)
        return try parse(try readAll(descriptor))
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = UInt32(0x7f00_0001).bigEndian
        return address
    }

    private static func connect(port: Int, timeout: Duration) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw Failure.other("socket: \(String(cString: strerror(errno)))") }
        var interval = timeval(tv_sec: Int(timeout.components.seconds), tv_usec: 0)
        if interval.tv_sec == 0 {
            interval.tv_usec = Int(max(timeout.components.attoseconds / 1_000_000_000_000, 1000))
        }
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &interval, socklen_t(MemoryLayout<timeval>.size))
        var address = loopback(port: port)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result != 0 {
            let code = errno
            close(descriptor)
            throw code == ECONNREFUSED
                ? Failure.refused : Failure.other("connect: \(String(cString: strerror(code)))")
        }
        return descriptor
    }

    private static func writeAll(_ descriptor: Int32, _ data: Data) throws {
        var offset = 0
        // Each pass writes at least one byte or throws, so this ends.
        while offset < data.count {
            let written = data.withUnsafeBytes { buffer in
                Glibc.send(
                    descriptor, buffer.baseAddress.map { $0 + offset }, data.count - offset,
                    Int32(MSG_NOSIGNAL))
            }
            if written < 0 {
                let code = errno
                if code == EINTR { continue }
                if code == EPIPE || code == ECONNRESET { throw Failure.reset }
                if code == EAGAIN || code == EWOULDBLOCK { throw Failure.timedOut }
                throw Failure.other("send: \(String(cString: strerror(code)))")
            }
            offset += written
        }
    }

    /// At most 64 MiB, more than any answer here.
    private static let maximumAnswer = 64 << 20

    private static func readAll(_ descriptor: Int32) throws -> Data {
        var received = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while received.count < maximumAnswer {
            let count = recv(descriptor, &buffer, buffer.count, 0)
            if count > 0 {
                received.append(contentsOf: buffer[0..<count])
                continue
            }
            if count == 0 {
                if received.isEmpty { throw Failure.closedWithoutAnswer }
                return received
            }
            let code = errno
            if code == EINTR { continue }
            if code == ECONNRESET { throw Failure.reset }
            if code == EAGAIN || code == EWOULDBLOCK { throw Failure.timedOut }
            throw Failure.other("recv: \(String(cString: strerror(code)))")
        }
        throw Failure.other("answer larger than \(maximumAnswer) bytes")
    }

    private static func parse(_ data: Data) throws -> Response {
        let separator = Data("\r\n\r\n".utf8)
        guard let split = data.range(of: separator) else { throw Failure.other("no end of headers") }
        let head = String(decoding: data[data.startIndex..<split.lowerBound], as: UTF8.self)
        var rest = Data(data[split.upperBound...])
        let lines = head.components(separatedBy: "\r\n")
        let statusParts = lines.first?.split(separator: " ", maxSplits: 2) ?? []
        guard statusParts.count >= 2, let status = Int(statusParts[1]) else {
            throw Failure.other("bad status line: \(lines.first ?? "")")
        }
        let headers = lines.dropFirst().compactMap { line -> Header? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return Header(
                name: String(line[..<colon]),
                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        let response = Response(status: status, headers: headers, body: Data())
        if response.header("Transfer-Encoding")?.lowercased().contains("chunked") == true {
            rest = try dechunk(rest)
        } else if let length = response.header("Content-Length").flatMap(Int.init), length <= rest.count {
            rest = rest.prefix(length)
        }
        return Response(status: status, headers: headers, body: rest)
    }

    private static func dechunk(_ data: Data) throws -> Data {
        var output = Data()
        var index = data.startIndex
        let crlf = Data("\r\n".utf8)
        // Each chunk moves `index` forward or ends the loop.
        while index < data.endIndex {
            guard let lineEnd = data.range(of: crlf, in: index..<data.endIndex) else { break }
            let sizeText = String(decoding: data[index..<lineEnd.lowerBound], as: UTF8.self)
            guard let size = Int(sizeText.split(separator: ";").first ?? "", radix: 16) else {
                throw Failure.other("bad chunk size \(sizeText)")
            }
            if size == 0 { break }
            let start = lineEnd.upperBound
            guard start + size <= data.endIndex else { throw Failure.other("truncated chunk") }
            output.append(data[start..<(start + size)])
            index = start + size + 2
        }
        return output
    }
}
