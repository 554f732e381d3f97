import Crypto
import Foundation

/// PagerDuty's v3 webhook signature: `X-PagerDuty-Signature` holds one or more `v1=<hex>`
/// entries separated by commas, each the hex HMAC-SHA256 of the raw body keyed with one of
/// the subscription's secrets (several during a rotation).
public struct WebhookSignature: Sendable {
    /// The header PagerDuty signs deliveries in.
    public static let headerName = "X-PagerDuty-Signature"

    private let keys: [SymmetricKey]

    /// - Parameter secrets: every secret currently valid (old and new during a rotation).
    ///   They are held as keys and never printed.
    public init(secrets: [String]) {
        keys = secrets.filter { !$0.isEmpty }.map { SymmetricKey(data: Data($0.utf8)) }
    }

    /// Whether any secret is configured; without one every delivery is refused.
    public var hasSecrets: Bool { !keys.isEmpty }

    /// Checks a delivery: accepted when any `v1` entry matches any secret.
    ///
    /// Each candidate is compared with swift-crypto's constant-time check, and every
    /// secret and entry is tried whatever matched first, so the time taken says nothing
    /// about which one matched or how much of it did.
    ///
    /// - Parameters:
    ///   - body: the raw request body, exactly as received.
    ///   - header: the `X-PagerDuty-Signature` value, nil when it is missing.
    /// - Throws: `WebhookSignatureError`.
    public func verify(body: some DataProtocol, header: String?) throws(WebhookSignatureError) {
        guard let header, !header.trimmingCharacters(in: .whitespaces).isEmpty else { throw .missing }
        let candidates = try Self.parse(header)
        var matched = false
        for key in keys {
            for candidate in candidates
            where HMAC<SHA256>.isValidAuthenticationCode(candidate, authenticating: body, using: key) {
                matched = true
            }
        }
        if !matched { throw .mismatch }
    }

    /// The `v1` signatures of a header, as bytes. Entries of other versions are skipped
    /// (a future version may be added next to `v1`).
    ///
    /// - Throws: `.malformed` when no entry is a well-formed `v1=<64 hex digits>`.
    public static func parse(_ header: String) throws(WebhookSignatureError) -> [[UInt8]] {
        var result: [[UInt8]] = []
        for entry in header.split(separator: ",") {
            let trimmed = entry.trimmingCharacters(in: .whitespaces)
            guard trimmed.hasPrefix("v1=") else { continue }
            guard let bytes = hexBytes(trimmed.dropFirst(3)), bytes.count == SHA256.byteCount else {
                throw .malformed
            }
            result.append(bytes)
        }
        if result.isEmpty { throw .malformed }
        return result
    }

    /// The header value PagerDuty would send for `body` signed with `secrets` (tests, tools).
    public static func header(body: some DataProtocol, secrets: [String]) -> String {
        secrets.map { secret in
            let code = HMAC<SHA256>.authenticationCode(
                for: body, using: SymmetricKey(data: Data(secret.utf8)))
            return "v1=" + code.map { byte in String(format: "%02x", byte) }.joined()
        }.joined(separator: ",")
    }

    private static func hexBytes(_ text: Substring) -> [UInt8]? {
        let digits = Array(text.utf8)
        guard digits.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        var index = 0
        while index < digits.count {
            guard let high = nibble(digits[index]), let low = nibble(digits[index + 1]) else { return nil }
            bytes.append(high << 4 | low)
            index += 2
        }
        return bytes
    }

    private static func nibble(_ digit: UInt8) -> UInt8? {
        switch digit {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): digit - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): digit - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): digit - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
