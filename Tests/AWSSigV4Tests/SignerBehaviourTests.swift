import AWSSigV4
import Foundation
import Testing

@Suite("Signer behaviour")
struct SignerBehaviourTests {
    let date = Date(timeIntervalSince1970: 1_440_938_160)
    let credentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY",
        sessionToken: "token/123")
    let request = SigV4Request(method: "POST", path: "/", headers: ["Host": "sts.amazonaws.com"])

    @Test("Signing again replaces the earlier signature headers instead of repeating them")
    func resigning() {
        let signer = SigV4Signer(service: "sts", region: "us-east-1")
        let first = signer.sign(request, credentials: credentials, date: date)
        let later = date.addingTimeInterval(90)
        let again = signer.sign(first.request, credentials: credentials, date: later)
        #expect(again.request.headers.values(for: "authorization").count == 1)
        #expect(again.request.headers.values(for: "x-amz-date") == ["20150830T123730Z"])
        #expect(again.request.headers.values(for: "x-amz-security-token") == ["token/123"])
        #expect(again == signer.sign(request, credentials: credentials, date: later))
    }

    @Test("The date, not the clock, decides the signature")
    func deterministic() {
        let signer = SigV4Signer(service: "sts", region: "us-east-1")
        let one = signer.sign(request, credentials: credentials, date: date)
        #expect(one == signer.sign(request, credentials: credentials, date: date))
        #expect(one.signature != signer.sign(request, credentials: credentials, date: date + 1).signature)
    }

    @Test("An unsigned session token is sent but left out of the signature")
    func tokenAfterSigning() throws {
        let options = SigV4Options(signSessionToken: false)
        let signer = SigV4Signer(service: "iotdata", region: "eu-west-1", options: options)
        let signed = signer.sign(request, credentials: credentials, date: date)
        #expect(signed.request.headers.first("X-Amz-Security-Token") == "token/123")
        #expect(signed.signedHeaders == "host;x-amz-date")
        let presigned = try signer.presign(request, credentials: credentials, date: date, expires: 60)
        #expect(!presigned.canonicalRequest.contains("X-Amz-Security-Token"))
        #expect(presigned.addedQuery.suffix(2).map(\.name) == ["X-Amz-Security-Token", "X-Amz-Signature"])
    }

    @Test("The payload hash header is added on request, with the payload's hash")
    func contentHashHeader() {
        let body = Data("Action=GetCallerIdentity".utf8)
        var withBody = request
        withBody.payload = .signed(body)
        let plain = SigV4Signer(service: "sts", region: "us-east-1").sign(
            withBody, credentials: credentials, date: date)
        #expect(!plain.request.headers.contains("x-amz-content-sha256"))
        let options = SigV4Options(addContentSHA256Header: true)
        let hashed = SigV4Signer(service: "sts", region: "us-east-1", options: options)
            .sign(withBody, credentials: credentials, date: date)
        #expect(hashed.request.headers.first("X-Amz-Content-SHA256") == SigV4Payload.signed(body).hash)
        #expect(hashed.canonicalRequest.hasSuffix("\n" + SigV4Payload.signed(body).hash))
        withBody.payload = .unsigned
        let unsigned = SigV4Signer(service: "s3", region: "us-east-1").sign(
            withBody, credentials: credentials, date: date)
        #expect(unsigned.request.headers.first("x-amz-content-sha256") == "UNSIGNED-PAYLOAD")
        #expect(unsigned.canonicalRequest.hasSuffix("\nUNSIGNED-PAYLOAD"))
    }

    @Test("Payload hashes")
    func payloadHashes() {
        #expect(SigV4Payload.empty.hash == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SigV4Payload.unsigned.hash == "UNSIGNED-PAYLOAD")
        #expect(
            SigV4Payload.precomputed("STREAMING-UNSIGNED-PAYLOAD-TRAILER").hash
                == "STREAMING-UNSIGNED-PAYLOAD-TRAILER")
    }

    @Test("Presigning refuses lifetimes AWS would reject", arguments: [0, -5, 604_801])
    func expiryRange(expires: Int) {
        let signer = SigV4Signer(service: "s3", region: "us-east-1")
        #expect(throws: SigV4Error.expiryOutOfRange(seconds: expires)) {
            try signer.presign(request, credentials: credentials, date: date, expires: expires)
        }
        #expect(SigV4Error.expiryOutOfRange(seconds: expires).description.contains("604800"))
    }

    @Test("Presigning drops auth parameters left from an earlier presign")
    func representing() throws {
        let signer = SigV4Signer(service: "s3", region: "us-east-1")
        var stale = request
        stale.query = [.init(name: "X-Amz-Signature", value: "old"), .init(name: "keep", value: "me")]
        let signed = try signer.presign(stale, credentials: credentials, date: date, expires: 60)
        #expect(signed.request.query.filter { $0.name == "X-Amz-Signature" }.count == 1)
        #expect(signed.request.query.first == SigV4QueryItem(name: "keep", value: "me"))
    }

    @Test("Recommended options: S3 signing names sign the path as sent")
    func recommendedOptions() {
        #expect(SigV4Options.recommended(forService: "s3") == .s3)
        #expect(SigV4Options.recommended(forService: "s3-outposts") == .s3)
        #expect(SigV4Options.recommended(forService: "iam") == .standard)
        #expect(SigV4Signer(service: "monitoring", region: "eu-west-1").options == .standard)
    }

    @Test("A request from a URL keeps the encoded path, decodes the query and adds Host")
    func requestFromURL() throws {
        let url = try #require(URL(string: "https://example.com:8443/a%20b/c+d?x=1%2B2&flag&y=a+b"))
        let request = try #require(SigV4Request(method: "GET", url: url))
        #expect(request.path == "/a%20b/c+d")
        #expect(
            request.query == [
                .init(name: "x", value: "1+2"), .init(name: "flag", value: ""),
                .init(name: "y", value: "a+b"),
            ])
        #expect(request.headers.first("host") == "example.com:8443")
        let withHost = try #require(SigV4Request(method: "GET", url: url, headers: ["Host": "other"]))
        #expect(withHost.headers.values(for: "host") == ["other"])
    }

    @Test("A URL needs a Host header")
    func urlNeedsHost() {
        let signer = SigV4Signer(service: "sts", region: "us-east-1")
        let signed = signer.sign(SigV4Request(method: "GET", path: "/"), credentials: credentials, date: date)
        #expect(signed.url() == nil)
    }

    @Test("Headers compare names without case and keep order and repeats")
    func headers() {
        var headers: SigV4Headers = ["X-One": "1", "x-one": "2", "Other": "o"]
        #expect(headers.values(for: "X-ONE") == ["1", "2"])
        headers.replace(name: "X-one", value: "3")
        #expect(headers.fields.map(\.name) == ["Other", "X-one"])
        headers.remove(name: "OTHER")
        #expect(!headers.contains("other"))
        #expect(headers.first("x-one") == "3")
    }
}
