import AWSSigV4
import Foundation

/// IAM policy documents as IAM returns them (URL-encoded JSON) turned into canonical JSON,
/// so two accounts' copies of the same trust policy compare equal as text.
public enum TrustPolicy {
    /// Why a policy document could not be read.
    public struct DecodingError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The first characters of the decoded text, enough to recognise it.
        public var excerpt: String
        public var description: String { "the policy document is not JSON (starts with: \(excerpt))" }
    }

    /// Decodes a URL-encoded policy document to canonical JSON (keys sorted, no whitespace).
    /// A document that is already plain JSON is accepted too.
    /// - Throws: `DecodingError` when the decoded text is not JSON.
    public static func canonicalize(urlEncoded document: String) throws(DecodingError) -> String {
        let trimmed = document.trimmingCharacters(in: .whitespacesAndNewlines)
        let decoded = trimmed.hasPrefix("{") ? trimmed : AWSURIEncoding.decode(trimmed)
        do {
            return try JSONValue.parse(Data(decoded.utf8)).canonicalText
        } catch {
            throw DecodingError(excerpt: String(decoded.prefix(40)))
        }
    }
}
