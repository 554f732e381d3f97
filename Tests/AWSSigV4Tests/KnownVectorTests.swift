import AWSSigV4
import Crypto
import Foundation
import Testing

/// Worked examples from the AWS documentation (SigV4 signing examples, S3 "Authenticating
/// Requests" header and query-string examples).
@Suite("AWS documentation examples")
struct KnownVectorTests {
    static let docsDate = Date(timeIntervalSince1970: 1_440_938_160)  // 20150830T123600Z
    static let s3Date = Date(timeIntervalSince1970: 1_369_353_600)  // 20130524T000000Z
    static let docsCredentials = AWSCredentials(
        accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
    static let s3Credentials = AWSCredentials(
        accessKeyId: "AKIAIOSFODNN7EXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY")

    @Test("Signing key derivation")
    func signingKey() {
        let key = SigV4Signer.signingKey(
            secret: Self.docsCredentials.secretAccessKey, date: Self.docsDate, region: "us-east-1",
            service: "iam")
        let hex = key.withUnsafeBytes { $0.map { String(format: "%02x", $0) }.joined() }
        #expect(hex == "c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9")
    }

    @Test("IAM ListUsers, signed in headers")
    func iamListUsers() {
        let request = SigV4Request(
            method: "GET", path: "/",
            query: [.init(name: "Action", value: "ListUsers"), .init(name: "Version", value: "2010-05-08")],
            headers: [
                "Content-Type": "application/x-www-form-urlencoded; charset=utf-8",
                "Host": "iam.amazonaws.com",
            ]
        )
        let signer = SigV4Signer(service: "iam", region: "us-east-1")
        let signed = signer.sign(request, credentials: Self.docsCredentials, date: Self.docsDate)
        #expect(
            signed.canonicalRequest == """
                GET
                /
                Action=ListUsers&Version=2010-05-08
                content-type:application/x-www-form-urlencoded; charset=utf-8
                host:iam.amazonaws.com
                x-amz-date:20150830T123600Z

                content-type;host;x-amz-date
                e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
                """)
        #expect(
            signed.stringToSign == """
                AWS4-HMAC-SHA256
                20150830T123600Z
                20150830/us-east-1/iam/aws4_request
                f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59
                """)
        #expect(
            signed.authorization
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")
        #expect(
            signed.url()?.absoluteString == "https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08")
    }

    @Test("S3 GET object with a Range header")
    func s3GetObject() {
        let request = SigV4Request(
            method: "GET", path: "/test.txt",
            headers: ["Host": "examplebucket.s3.amazonaws.com", "Range": "bytes=0-9"])
        let signer = SigV4Signer(service: "s3", region: "us-east-1")
        #expect(signer.options == .s3)
        let signed = signer.sign(request, credentials: Self.s3Credentials, date: Self.s3Date)
        #expect(
            signed.request.headers.first("x-amz-content-sha256")
                == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(signed.signedHeaders == "host;range;x-amz-content-sha256;x-amz-date")
        #expect(signed.signature == "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
    }

    @Test("S3 presigned URL for GET /test.txt, valid 24 hours")
    func s3Presign() throws {
        let request = SigV4Request(
            method: "GET", path: "/test.txt", headers: ["Host": "examplebucket.s3.amazonaws.com"],
            payload: .unsigned)
        let signer = SigV4Signer(service: "s3", region: "us-east-1")
        let signed = try signer.presign(
            request, credentials: Self.s3Credentials, date: Self.s3Date, expires: 86_400)
        #expect(signed.signature == "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
        #expect(signed.request.headers == request.headers)
        #expect(
            signed.url()?.absoluteString
                == "https://examplebucket.s3.amazonaws.com/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=86400"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
    }
}
