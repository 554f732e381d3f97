import AWSSigV4
import Foundation
import Testing

@Suite("Secrets stay out of printed output")
struct AWSCredentialsTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLETOKEN+abc/def=="
    let credentials = AWSCredentials(accessKeyId: "ASIAEXAMPLE", secretAccessKey: secret, sessionToken: token)

    private func dumped(_ value: some Any) -> String {
        var text = ""
        dump(value, to: &text)
        return text
    }

    @Test("Every way of printing credentials hides the secret and the token")
    func credentialsRedacted() {
        let renderings = [
            credentials.description, credentials.debugDescription, "\(credentials)",
            String(describing: credentials), String(reflecting: credentials), dumped(credentials),
            "\([credentials])", dumped(Optional(credentials)),
        ]
        for text in renderings {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
            #expect(!text.contains("K7MDENG"))
            #expect(text.contains("ASIAEXAMPLE"))
            #expect(text.contains("<redacted>"))
        }
    }

    @Test("Credentials without a token say so")
    func noToken() {
        let plain = AWSCredentials(accessKeyId: "AKIDEXAMPLE", secretAccessKey: Self.secret)
        #expect(plain.description.contains("sessionToken: nil"))
        #expect(!plain.description.contains(Self.secret))
    }

    @Test("Signed and presigned requests do not print the session token")
    func signedRequestsRedacted() throws {
        let signer = SigV4Signer(service: "sts", region: "us-east-1")
        let request = SigV4Request(method: "GET", path: "/", headers: ["Host": "sts.amazonaws.com"])
        let date = Date(timeIntervalSince1970: 1_440_938_160)
        let signed = signer.sign(request, credentials: credentials, date: date)
        let presigned = try signer.presign(request, credentials: credentials, date: date, expires: 60)
        // The token must be in what is sent, or the request would fail.
        #expect(signed.request.headers.first("X-Amz-Security-Token") == Self.token)
        #expect(presigned.request.query.contains { $0.value == Self.token })
        for value in [signed, presigned] {
            for text in [
                value.description, "\(value)", dumped(value), value.request.description,
                dumped(value.request),
            ] {
                #expect(!text.contains(Self.token))
                #expect(!text.contains(AWSURIEncoding.encode(Self.token)))
                #expect(!text.contains(Self.secret))
            }
        }
    }
}
