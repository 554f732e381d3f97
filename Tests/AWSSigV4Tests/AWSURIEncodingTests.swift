import AWSSigV4
import Testing

@Suite("URI encoding and path normalization")
struct AWSURIEncodingTests {
    @Test("Unreserved characters are kept")
    func unreservedKept() {
        let unreserved = "-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
        #expect(AWSURIEncoding.encode(unreserved) == unreserved)
    }

    @Test(
        "Everything else becomes uppercase %XX of its UTF-8 bytes",
        arguments: [
            (" ", "%20"), ("+", "%2B"), ("=", "%3D"), ("&", "%26"), ("%", "%25"), ("*", "%2A"),
            ("!", "%21"), ("'", "%27"), ("(", "%28"), (":", "%3A"), ("@", "%40"), (",", "%2C"),
            ("ሴ", "%E1%88%B4"), ("é", "%C3%A9"), ("😀", "%F0%9F%98%80"), ("\n", "%0A"), ("/", "%2F"),
            ("a b/c", "a%20b%2Fc"),
        ]
    )
    func reservedEncoded(raw: String, encoded: String) {
        #expect(AWSURIEncoding.encode(raw) == encoded)
    }

    @Test("A slash is kept only in path mode")
    func slashInPaths() {
        #expect(AWSURIEncoding.encode("/a b/c+d", keepingSlash: true) == "/a%20b/c%2Bd")
        #expect(AWSURIEncoding.encode("/a b/c+d") == "%2Fa%20b%2Fc%2Bd")
    }

    @Test(
        "Decoding undoes escapes and leaves plus signs and stray percent signs",
        arguments: [
            ("%E1%88%B4", "ሴ"), ("a+b", "a+b"), ("a%20b", "a b"), ("%2f%2F", "//"), ("100%", "100%"),
            ("%zz", "%zz"), ("%4", "%4"), ("plain", "plain"),
        ]
    )
    func decoding(encoded: String, raw: String) {
        #expect(AWSURIEncoding.decode(encoded) == raw)
    }

    @Test(
        "Normalization removes dot segments and duplicate slashes as the AWS CLI does",
        arguments: [
            ("", "/"), ("/", "/"), ("//", "/"), ("/./", "/"), ("/./example", "/example"),
            ("/example/..", "/"), ("/example1/example2/../..", "/"), ("//example//", "/example/"),
            ("/a/./b", "/a/b"), ("/a/../b", "/b"), ("/../a", "/a"), ("/a/b/../c/", "/a/c/"),
            ("/a/.", "/a"), ("/a/", "/a/"), ("/%2E%2E/a", "/%2E%2E/a"), ("/.../a", "/.../a"),
            ("/a/\u{301}b", "/a/\u{301}b"),
        ]
    )
    func normalization(path: String, normalized: String) {
        #expect(AWSURIEncoding.normalizePath(path) == normalized)
    }

    @Test("Other services sign the wire path encoded again; S3 signs it as sent")
    func canonicalPaths() {
        let standard = SigV4Signer(service: "iam", region: "us-east-1")
        let s3 = SigV4Signer(service: "s3", region: "us-east-1")
        #expect(standard.canonicalPath("/my%20file/./a+b") == "/my%2520file/a%2Bb")
        #expect(s3.canonicalPath("/my%20file/./a+b") == "/my%20file/./a+b")
        #expect(standard.canonicalPath("") == "/")
        #expect(s3.canonicalPath("//double//") == "//double//")
    }

    @Test("Wire paths from raw paths and segments")
    func encodePath() {
        #expect(SigV4Request.encodePath("/photos/2024 summer/a+b.jpg") == "/photos/2024%20summer/a%2Bb.jpg")
        #expect(SigV4Request.encodePath("relative/key") == "/relative/key")
        #expect(SigV4Request.encodePath(segments: ["my bucket", "a/b.txt"]) == "/my%20bucket/a%2Fb.txt")
        #expect(SigV4Request.encodePath(segments: []) == "/")
    }
}
