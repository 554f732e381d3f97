/// Percent-encoding and path normalization as SigV4 defines them.
///
/// AWS's rule differs from the encoders in Foundation: only the unreserved characters
/// `A-Z a-z 0-9 - _ . ~` stay as they are; every other byte of the UTF-8 form becomes
/// `%XX` with uppercase hex, including `+`, `=`, `*`, `!` and a space (never `+`).
public enum AWSURIEncoding {
    private static let upperHex = Array("0123456789ABCDEF".utf8)

    /// Encodes `string` by the AWS rule.
    /// - Parameters:
    ///   - string: the text to encode, taken byte by byte in UTF-8.
    ///   - keepingSlash: keep `/` as is (for paths); encode it as `%2F` otherwise
    ///     (query names and values).
    public static func encode(_ string: String, keepingSlash: Bool = false) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(string.utf8.count)
        for byte in string.utf8 {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(upperHex[Int(byte >> 4)])
                out.append(upperHex[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Undoes percent-encoding: each valid `%XX` becomes its byte; anything else, including
    /// `+` and a stray `%`, is kept. Bytes that are not UTF-8 become U+FFFD.
    public static func decode(_ string: String) -> String {
        let bytes = Array(string.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Removes `.` and `..` segments and collapses runs of `/`, as the AWS CLI does before
    /// signing for every service but S3.
    ///
    /// A trailing `/` survives when the path had one and something is left; `..` never
    /// climbs above the root. An empty path becomes `/`.
    public static func normalizePath(_ path: String) -> String {
        let slash = UInt8(ascii: "/")
        guard let first = path.utf8.first, let last = path.utf8.last else { return "/" }
        // Split on bytes, not Characters: a "/" followed by a combining mark is one Character
        // in Swift but still a separator on the wire.
        var kept: [String] = []
        for segment in path.utf8.split(separator: slash, omittingEmptySubsequences: true) {
            if segment.elementsEqual(".".utf8) { continue }
            if segment.elementsEqual("..".utf8) {
                _ = kept.popLast()
            } else {
                kept.append(String(decoding: segment, as: UTF8.self))
            }
        }
        let leading = first == slash ? "/" : ""
        let trailing = last == slash && !kept.isEmpty ? "/" : ""
        return leading + kept.joined(separator: "/") + trailing
    }

    static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"),
            UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
