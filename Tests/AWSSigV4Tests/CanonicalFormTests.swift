import AWSSigV4
import Testing

@Suite("Canonical query and headers")
struct CanonicalFormTests {
    private func query(_ pairs: [(String, String)]) -> String {
        SigV4Signer.canonicalQueryString(pairs.map { SigV4QueryItem(name: $0.0, value: $0.1) })
    }

    @Test("Query items sort by encoded name, then by encoded value, in byte order")
    func querySorting() {
        #expect(query([("b", "1"), ("a", "2"), ("B", "3")]) == "B=3&a=2&b=1")
        #expect(query([("k", "b"), ("k", "a"), ("k", "")]) == "k=&k=a&k=b")
        // By name first: sorting the joined "name=value" strings would put "a-b" first.
        #expect(query([("a-b", "1"), ("a", "2")]) == "a=2&a-b=1")
        // Encoded bytes: "%E1…" sorts before "A" although "ሴ" sorts after it.
        #expect(query([("Z", "1"), ("ሴ", "2")]) == "%E1%88%B4=2&Z=1")
        #expect(query([("v", "a+b c/d=e")]) == "v=a%2Bb%20c%2Fd%3De")
        #expect(query([("", "empty-name"), ("flag", "")]) == "=empty-name&flag=")
        #expect(query([]) == "")
    }

    @Test("Header names are lowercased and sorted; repeated names join in order")
    func headerGrouping() {
        let headers: SigV4Headers = [
            "Host": "example.com", "X-B": "2", "x-a": "first", "X-A": "second", "x-b": "1",
        ]
        let canonical = SigV4Signer.canonicalHeaders(headers)
        #expect(canonical.block == "host:example.com\nx-a:first,second\nx-b:2,1\n")
        #expect(canonical.signedHeaders == "host;x-a;x-b")
    }

    @Test("Values are trimmed and inner whitespace runs, folded lines included, become one space")
    func headerValues() {
        let headers: SigV4Headers = [
            "A": "  padded  ", "B": "\"a   b   c\"", "C": "value1\n  value2\n     value3", "D": "",
            "E": "tab\t\tseparated", "F": "crlf\r\n\tfolded",
        ]
        #expect(
            SigV4Signer.canonicalHeaders(headers).block
                == "a:padded\nb:\"a b c\"\nc:value1 value2 value3\nd:\ne:tab separated\nf:crlf folded\n")
    }

    @Test("Hop-by-hop headers, User-Agent and trace ids are not signed")
    func unsignedHeaders() {
        let headers: SigV4Headers = [
            "Host": "h", "User-Agent": "opsdeck", "X-Amzn-Trace-Id": "Root=1", "Connection": "keep-alive",
            "Expect": "100-continue", "Transfer-Encoding": "chunked", "Authorization": "old",
            "Content-Type": "text/plain",
        ]
        #expect(SigV4Signer.canonicalHeaders(headers).signedHeaders == "content-type;host")
    }
}
