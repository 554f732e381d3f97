import Foundation
import Testing

@testable import PagerDuty

/// Vectors computed outside Swift (`openssl dgst -sha256 -hmac <secret>` over the exact
/// bytes), so the check is tested against the documented algorithm, not against itself.
@Suite struct WebhookSignatureTests {
    static let body = Data(#"{"event":{"id":"01"}}"#.utf8)
    static let signedA = "e3d52eb2642b8f8cc2d1c8ab65f587a67f81da2a55ab895c3f907adde53ed47d"
    static let signedB = "96600e79f1c5f2f1899fa4f7c559e460ba9edb1e36c4e6a324e324a8f9a89fe1"
    static let unicodeBody = Data(#"{"event":{"id":"01"},"note":"Ünïcode ✓"}"#.utf8)
    static let unicodeSignedA = "21b28a919e30f2240aaabf3b2b0b2478f674489ad2b095ca794c91971eeab081"

    @Test func headerMatchesTheReferenceImplementation() {
        #expect(WebhookSignature.header(body: Self.body, secrets: ["whsec-a"]) == "v1=\(Self.signedA)")
        #expect(
            WebhookSignature.header(body: Self.body, secrets: ["whsec-a", "whsec-b"])
                == "v1=\(Self.signedA),v1=\(Self.signedB)")
        #expect(
            WebhookSignature.header(body: Self.unicodeBody, secrets: ["whsec-a"])
                == "v1=\(Self.unicodeSignedA)")
    }

    @Test func acceptsAValidSignature() throws {
        try WebhookSignature(secrets: ["whsec-a"]).verify(body: Self.body, header: "v1=\(Self.signedA)")
        try WebhookSignature(secrets: ["whsec-a"]).verify(
            body: Self.unicodeBody, header: "v1=\(Self.unicodeSignedA)")
        // Upper-case hex and spaces after the commas are the same signature.
        try WebhookSignature(secrets: ["whsec-a"]).verify(
            body: Self.body, header: "v1=\(Self.signedB), v1=\(Self.signedA.uppercased())")
    }

    @Test func refusesATamperedBody() {
        var tampered = Self.body
        tampered[tampered.count - 3] = UInt8(ascii: "2")
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature(secrets: ["whsec-a"]).verify(body: tampered, header: "v1=\(Self.signedA)")
        }
    }

    @Test func refusesTheWrongSecret() {
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature(secrets: ["whsec-c"]).verify(body: Self.body, header: "v1=\(Self.signedA)")
        }
    }

    @Test func acceptsAnyEntryAgainstAnySecretDuringARotation() throws {
        // PagerDuty signs with old and new; the receiver knows only the new one, or only the old.
        let both = "v1=\(Self.signedA),v1=\(Self.signedB)"
        try WebhookSignature(secrets: ["whsec-b"]).verify(body: Self.body, header: both)
        try WebhookSignature(secrets: ["whsec-a"]).verify(body: Self.body, header: both)
        // The receiver knows both, PagerDuty has moved on to the new one.
        try WebhookSignature(secrets: ["whsec-a", "whsec-b"]).verify(
            body: Self.body, header: "v1=\(Self.signedB)")
        #expect(throws: WebhookSignatureError.mismatch) {
            try WebhookSignature(secrets: ["whsec-c", "whsec-d"]).verify(body: Self.body, header: both)
        }
    }

    @Test func refusesAMissingHeader() {
        #expect(throws: WebhookSignatureError.missing) {
            try WebhookSignature(secrets: ["whsec-a"]).verify(body: Self.body, header: nil)
        }
        #expect(throws: WebhookSignatureError.missing) {
            try WebhookSignature(secrets: ["whsec-a"]).verify(body: Self.body, header: "  ")
        }
    }

    @Test(arguments: [
        "v1=", "v1=zz", "v2=\(signedA)", "\(signedA)", "v1=\(signedA.dropLast())", "v1=\(signedA)00",
        "garbage",
        "v1=\(signedA.dropLast(2))gg",
    ])
    func refusesAMalformedHeader(_ header: String) {
        #expect(throws: WebhookSignatureError.malformed) {
            try WebhookSignature(secrets: ["whsec-a"]).verify(body: Self.body, header: header)
        }
    }

    @Test func skipsOtherVersionsNextToV1() throws {
        try WebhookSignature(secrets: ["whsec-a"]).verify(
            body: Self.body, header: "v2=abc,v1=\(Self.signedA)")
    }

    @Test func errorsNeverShowASecretOrTheExpectedSignature() {
        for error in [WebhookSignatureError.missing, .malformed, .mismatch] {
            #expect(!error.description.contains("whsec"))
            #expect(!error.description.contains(Self.signedA))
        }
    }
}
