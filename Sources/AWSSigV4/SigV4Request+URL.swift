import Foundation

extension SigV4Request {
    /// A request for `url`: its percent-encoded path, its query items decoded (a `+` stays a
    /// plus, as AWS reads it), and a `Host` header from the host and any port.
    /// - Returns: nil when `url` has no host.
    public init?(
        method: String, url: URL, headers: SigV4Headers = [:], payload: SigV4Payload = .empty
    ) {
        guard let components = URLComponents(url: url, resolvingAgainstBaseURL: true),
            let host = components.host, !host.isEmpty
        else { return nil }
        let query = (components.percentEncodedQuery ?? "")
            .split(separator: "&", omittingEmptySubsequences: true)
            .map { pair -> SigV4QueryItem in
                let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
                let value = parts.count > 1 ? String(parts[1]) : ""
                return SigV4QueryItem(
                    name: AWSURIEncoding.decode(String(parts[0])), value: AWSURIEncoding.decode(value))
            }
        var headers = headers
        if !headers.contains("host") {
            let port = components.port.map { ":\($0)" } ?? ""
            headers.add(name: "Host", value: host + port)
        }
        self.init(
            method: method, path: components.percentEncodedPath, query: query, headers: headers,
            payload: payload)
    }
}
