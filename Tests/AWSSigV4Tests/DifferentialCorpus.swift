import Foundation

/// Generates the differential cases from a fixed seed: awkward paths, queries, headers and
/// bodies, in every signing flavour botocore has (SigV4Auth, S3SigV4Auth, SigV4QueryAuth,
/// S3SigV4QueryAuth).
enum DifferentialCorpus {
    /// Path segments as they appear on the wire: pre-encoded escapes (upper and lower case
    /// hex), sub-delimiters sent bare, raw UTF-8 and spaces (as in the AWS suite's get-utf8
    /// and get-space cases), dot segments, stray `%`, and empty segments (`//`).
    static let pathSegments = [
        "a", "example", "Photos", "my%20file.txt", "%E1%88%B4", "caf%C3%A9", "100%25", "a+b", "a=b",
        "~user", "x~y", "a&b", "semi;colon", "colon:at@", "bang!$'()*,", "%2F", "%2f", "%7e", "%41BC",
        "with space", "日本語", "émoji😀", ".", "..", "", "-_.", "%", "50%off", "%zz", "key.json",
        "a%2Bb", "sub.dir", "...", ".hidden",
    ]
    static let queryNames = [
        "Action", "Version", "key", "a b", "ünï", "x+y", "=", "a=b", "&", "~tilde", "Filter.1.Name",
        "", "k/slash", "%41", "日本", "MaxResults", "list-type", "prefix", "UPPER", "lower",
    ]
    static let queryValues = [
        "", "value", "a b", "+", "a+b=c", "100%", "%20", "ünïcödé", "😀", "/path/x", "*", "~",
        "comma,sep", "semi;colon", "x&y", "2010-05-08", "DescribeAlarms", "a\u{0301}", "tab\there",
    ]
    static let headerNames = [
        "X-Custom", "x-custom", "X-Amz-Meta-Note", "Content-Type", "Accept", "My-Header",
        "X-Amz-Target", "User-Agent", "X-Amzn-Trace-Id", "Connection", "Range", "Cache-Control",
        "X-Amz-Meta-Empty", "Content-Length", "TE", "Keep-Alive",
    ]
    static let headerValues = [
        "value", "  padded  ", "a   b   c", "a\tb", "", "application/json", "bytes=0-9",
        "\"quoted  value\"", "multi\n  line", "folded\r\n\tvalue", "UPPER lower", "x,y", "13",
        "application/x-amz-json-1.1", "GraniteServiceVersion20100801.DescribeAlarms",
    ]
    static let bodies: [Data] = [
        Data(), Data("Action=ListUsers&Version=2010-05-08".utf8), Data("{\"json\": true}".utf8),
        Data("ünïcödé body ✓".utf8), Data((0...255).map { UInt8($0) }), Data(repeating: 0x61, count: 1000),
    ]
    static let regions = ["us-east-1", "eu-west-3", "ap-southeast-2", "us-gov-west-1", "cn-north-1"]
    static let services = ["iam", "sts", "monitoring", "codebuild", "ce", "organizations", "execute-api"]
    static let tokens: [String?] = [
        nil, nil, "FQoGZXIvYXdzE//////////wEaDtoken+with/special=chars==", "short-token",
    ]
    static let secrets = [
        "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "secret/with+plus=", "s3cr3t",
    ]
    static let precomputedHashes = [
        "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
        "9095672bbd1f56dfc5b65f3e153adc8731a4a654192329106275f4c7b24d0b6e",
    ]

    /// 160 SigV4Auth, 100 S3SigV4Auth, 50 SigV4QueryAuth and 40 S3SigV4QueryAuth cases.
    static func make(seed: UInt64 = 0x5167_3456_0000_0001) -> [DifferentialCase] {
        var random = SplitMix64(seed: seed)
        var cases: [DifferentialCase] = []
        let plan: [(DifferentialCase.Mode, Bool, Int)] = [
            (.header, false, 160), (.header, true, 100), (.presign, false, 50), (.presign, true, 40),
        ]
        for (mode, s3, count) in plan {
            for _ in 0..<count {
                cases.append(makeCase(id: cases.count, mode: mode, s3: s3, random: &random))
            }
        }
        return cases
    }

    private static func makeCase(
        id: Int, mode: DifferentialCase.Mode, s3: Bool, random: inout SplitMix64
    ) -> DifferentialCase {
        let host = s3 ? "bucket-\(random.below(100)).s3.amazonaws.com" : "service.example.amazonaws.com"
        var params: [[String]] = []
        for _ in 0..<random.below(6) {
            // A small pool of names half the time, so names repeat.
            let name =
                random.chance(1, in: 2)
                ? random.pick(["key", "a b", "Filter.1.Name"]) : random.pick(queryNames)
            params.append([name, random.pick(queryValues)])
        }
        if mode == .presign {
            // botocore's presigners keep query parameters in a dict: one value per name.
            var seen: Set<String> = []
            params = params.filter { seen.insert($0[0]).inserted }
        }
        var headers: [[String]] = [["Host", host]]
        for _ in 0..<random.below(6) {
            headers.append([random.pick(headerNames), random.pick(headerValues)])
        }
        if mode == .header, random.chance(1, in: 10) {
            // Left from an earlier attempt: the signer must replace, not repeat, them.
            headers.append(["Authorization", "AWS4-HMAC-SHA256 stale"])
            headers.append(["X-Amz-Date", "20000101T000000Z"])
        }
        let payload: DifferentialCase.Payload
        switch (mode, random.below(4)) {
        case (.presign, _), (_, 0), (_, 1): payload = .signed
        case (_, 2): payload = .unsigned
        default: payload = s3 ? .unsigned : .precomputed
        }
        let seconds = 1_262_304_000 + random.below(820_000_000)  // 2010 to 2035
        let fraction = random.pick([0.0, 0.0, 0.25, 0.5, 0.75])
        return DifferentialCase(
            id: id,
            mode: mode,
            s3: s3,
            method: random.pick(["GET", "GET", "POST", "PUT", "DELETE", "HEAD", "PATCH"]),
            host: host,
            path: makePath(random: &random),
            params: params,
            headers: headers,
            body: mode == .presign ? Data() : random.pick(bodies),
            payload: payload,
            payloadHash: random.pick(precomputedHashes),
            contentSHAHeader: random.chance(1, in: 4),
            epoch: Double(seconds) + fraction,
            region: random.pick(regions),
            service: s3 ? "s3" : random.pick(services),
            accessKey: random.pick(["AKIDEXAMPLE", "ASIAEXAMPLE123"]),
            secretKey: random.pick(secrets),
            token: random.pick(tokens),
            expires: random.pick([1, 60, 3600, 86_400, 604_800, 1 + random.below(604_800)])
        )
    }

    private static func makePath(random: inout SplitMix64) -> String {
        if random.chance(1, in: 12) { return "/" }
        let segments = (0..<(1 + random.below(5))).map { _ in random.pick(pathSegments) }
        return "/" + segments.joined(separator: "/") + (random.chance(1, in: 4) ? "/" : "")
    }
}
