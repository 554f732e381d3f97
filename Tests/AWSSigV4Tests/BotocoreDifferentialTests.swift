import AWSSigV4
import Foundation
import Testing

/// Signs 350 generated requests with SigV4Signer and with botocore (what the AWS CLI runs)
/// and requires the same result for every one.
@Suite("Differential test against botocore")
struct BotocoreDifferentialTests {
    @Test(
        "Authorization headers and presigned URLs match botocore",
        // Needs python3 with botocore (`pip install botocore`); the skip is printed.
        .enabled(if: BotocoreReference.isAvailable, "python3 with botocore not found")
    )
    func matchesBotocore() throws {
        let cases = DifferentialCorpus.make()
        let results = try BotocoreReference.sign(cases)
        try #require(results.map(\.id) == cases.map(\.id))

        var mismatches: [String] = []
        for (testCase, reference) in zip(cases, results) {
            if let problem = try compare(testCase, with: reference) {
                mismatches.append(problem)
            }
        }
        let firstFew = mismatches.prefix(3).joined(separator: "\n\n")
        #expect(
            mismatches.isEmpty, "\(mismatches.count) of \(cases.count) differ from botocore:\n\(firstFew)")
    }

    @Test("The corpus covers the awkward inputs it is meant to")
    func corpusCoverage() {
        let cases = DifferentialCorpus.make()
        #expect(cases.count == 350)
        #expect(cases.contains { $0.path.contains("//") })
        #expect(cases.contains { $0.path.contains("/../") || $0.path.hasSuffix("/..") })
        #expect(cases.contains { $0.path.contains(" ") && $0.path.unicodeScalars.contains { !$0.isASCII } })
        #expect(
            cases.contains { testCase in
                let names = testCase.params.map { $0[0] }
                return Set(names).count < names.count
            })
        #expect(cases.contains { $0.params.contains { $0[1].isEmpty } })
        #expect(cases.contains { Set($0.headers.map { $0[0].lowercased() }).count < $0.headers.count })
        #expect(cases.contains { $0.token != nil && $0.mode == .presign })
        #expect(Set(cases.map(\.payload)).count == 3)
    }

    /// Nil when both signers agree, else a description of the difference.
    private func compare(
        _ testCase: DifferentialCase, with reference: BotocoreReference.Result
    ) throws -> String? {
        let signer = testCase.signer
        let ours: SignedRequest
        let same: Bool
        switch testCase.mode {
        case .header:
            ours = signer.sign(testCase.request, credentials: testCase.credentials, date: testCase.date)
            same = ours.authorization == reference.authorization
        case .presign:
            ours = try signer.presign(
                testCase.request, credentials: testCase.credentials, date: testCase.date,
                expires: testCase.expires)
            // botocore orders its parameters differently; the set must be the same.
            let theirs = reference.url.flatMap { $0.split(separator: "?", maxSplits: 1).last }
                .map { $0.split(separator: "&").map(String.init).sorted() }
            same = theirs == ours.encodedQuery.split(separator: "&").map(String.init).sorted()
        }
        // botocore derives its timestamp from the epoch itself, which checks AmzDate too.
        let sameTime = AmzDate(testCase.date).timestamp == reference.timestamp
        if same, sameTime, ours.canonicalRequest == reference.canonicalRequest { return nil }
        return """
            case \(testCase.id) (\(testCase.mode), s3: \(testCase.s3)) \(testCase.method) \(testCase.path)
            timestamps: ours \(AmzDate(testCase.date).timestamp), botocore \(reference.timestamp)
            ours:     \(ours.authorization ?? ours.encodedQuery)
            botocore: \(reference.authorization ?? reference.url ?? "nil")
            our canonical request:
            \(ours.canonicalRequest)
            botocore's canonical request:
            \(reference.canonicalRequest)
            """
    }
}
