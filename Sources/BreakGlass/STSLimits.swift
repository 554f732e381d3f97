/// What STS accepts in the fields OpsDeck fills from user input, and how input is cut to fit.
///
/// RoleSessionName and SourceIdentity: 2-64 characters of `[\w+=,.@-]`. Session tag keys:
/// 1-128 characters, values 0-256, both of `[\p{L}\p{Z}\p{N}_.:/=+\-@]`; at most 50 tags.
public enum STSLimits {
    /// The longest role session name or source identity.
    public static let maxSessionNameLength = 64
    /// The longest session tag key.
    public static let maxTagKeyLength = 128
    /// The longest session tag value.
    public static let maxTagValueLength = 256
    /// The shortest session STS grants, in seconds.
    public static let minimumDuration = 900
    /// The longest session any role can have, in seconds.
    public static let maximumDuration = 43_200
    /// The longest session when the caller is itself an assumed role (role chaining).
    public static let roleChainingMaximum = 3600

    /// `text` with every character outside `[\w+=,.@-]` replaced by `-`, cut to 64 and
    /// padded to 2.
    public static func sessionName(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            scalars.append(isSessionNameScalar(scalar) ? scalar : "-")
        }
        var result = String(String(scalars).unicodeScalars.prefix(maxSessionNameLength))
        while result.unicodeScalars.count < 2 { result += "-" }
        return result
    }

    /// `text` with every character outside the tag alphabet replaced by a space (runs of
    /// whitespace collapse), trimmed and cut to `limit`.
    public static func tagText(_ text: String, limit: Int = maxTagValueLength) -> String {
        var scalars = String.UnicodeScalarView()
        var lastWasSpace = false
        for scalar in text.unicodeScalars {
            let allowed = isTagScalar(scalar) && !scalar.properties.isWhitespace
            if allowed {
                scalars.append(scalar)
                lastWasSpace = false
            } else if !lastWasSpace {
                scalars.append(" ")
                lastWasSpace = true
            }
        }
        let trimmed = String(scalars).trimmingCharacters(in: .whitespaces)
        return String(String.UnicodeScalarView(trimmed.unicodeScalars.prefix(limit)))
            .trimmingCharacters(in: .whitespaces)
    }

    static func isSessionNameScalar(_ scalar: Unicode.Scalar) -> Bool {
        // `\w` in AWS's patterns is ASCII letters, digits and underscore.
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9", "_", "+", "=", ",", ".", "@", "-": true
        default: false
        }
    }

    static func isTagScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "_", ".", ":", "/", "=", "+", "-", "@", " ": return true
        default: break
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .decimalNumber, .letterNumber, .otherNumber, .spaceSeparator, .lineSeparator, .paragraphSeparator:
            return true
        default:
            return false
        }
    }
}
