/// The `Link` header GitHub pages with: `<url>; rel="next", <url>; rel="last"`.
public struct GitHubLinkHeader: Sendable, Hashable {
    /// The target of each relation (`next`, `prev`, `first`, `last`).
    public var links: [String: String]

    /// Parses a header value; entries that do not parse are skipped.
    public init(_ value: String?) {
        var links: [String: String] = [:]
        var rest = Substring(value ?? "")
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let target = String(rest[rest.index(after: open)..<close])
            // The parameters run to the next entry's "<" (a URL may hold commas).
            let tail = rest[rest.index(after: close)...]
            let end = tail.firstIndex(of: "<") ?? tail.endIndex
            for parameter in tail[..<end].split(separator: ";") {
                let pair = parameter.split(separator: "=", maxSplits: 1)
                guard pair.count == 2, Self.strip(pair[0]) == "rel" else { continue }
                for name in Self.strip(pair[1]).split(separator: " ") where links[String(name)] == nil {
                    links[String(name)] = target
                }
            }
            rest = tail[end...]
        }
        self.links = links
    }

    /// The next page, if any.
    public var next: String? { links["next"] }

    private static func strip(_ text: Substring) -> String {
        let noise: Set<Character> = [" ", "\t", ",", "\""]
        var text = text
        while let first = text.first, noise.contains(first) { text = text.dropFirst() }
        while let last = text.last, noise.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
