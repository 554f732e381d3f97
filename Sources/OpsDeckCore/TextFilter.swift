/// A `/` filter as the user typed it: substring by default, `~` for fuzzy
/// (characters in order, gaps allowed), `!` in front to invert.
///
/// Matching runs over pre-lowercased UTF-8 so filtering 100,000 rows stays within a
/// keystroke's budget.
public struct TextFilter: Sendable, Hashable {
    public enum Mode: Sendable, Hashable {
        case substring
        case fuzzy
    }

    public let query: String
    public let mode: Mode
    public let inverted: Bool
    /// The pattern, ASCII-lowercased UTF-8.
    public let pattern: [UInt8]

    public init(query: String) {
        self.query = query
        var rest = Substring(query)
        var inverted = false
        var mode = Mode.substring
        if rest.hasPrefix("!") {
            inverted = true
            rest = rest.dropFirst()
        }
        if rest.hasPrefix("~") {
            mode = .fuzzy
            rest = rest.dropFirst()
        }
        self.inverted = inverted
        self.mode = mode
        self.pattern = Self.fold(rest)
    }

    /// True when the filter lets every row through.
    public var isEmpty: Bool { pattern.isEmpty }

    /// Lower-cases ASCII letters of `text` into UTF-8 bytes: the form rows keep their
    /// search text in.
    public static func fold(_ text: some StringProtocol) -> [UInt8] {
        var out = [UInt8]()
        fold(String(text), into: &out)
        return out
    }

    /// Appends `text` folded to `buffer`; works on the string's contiguous UTF-8 when it
    /// has one, which is the hot path when a table of 100,000 rows is indexed.
    public static func fold(_ text: String, into buffer: inout [UInt8]) {
        var text = text
        text.withUTF8 { utf8 in
            buffer.reserveCapacity(buffer.count + utf8.count)
            for byte in utf8 { buffer.append(byte &- 65 < 26 ? byte | 0x20 : byte) }
        }
    }

    /// Whether a row whose folded search text is `haystack` passes.
    public func matches(_ haystack: [UInt8]) -> Bool {
        guard !pattern.isEmpty else { return true }
        let found = haystack.withUnsafeBufferPointer { hay in
            pattern.withUnsafeBufferPointer { pat in
                mode == .substring ? Self.contains(hay, pat) : Self.isSubsequence(pat, of: hay)
            }
        }
        return found != inverted
    }

    /// True when every row `self` lets through also passed `previous`, so a refined
    /// query can scan only the previous result instead of every row.
    public func narrows(_ previous: TextFilter) -> Bool {
        guard mode == previous.mode, inverted == previous.inverted, !inverted else { return false }
        guard pattern.count >= previous.pattern.count else { return false }
        return pattern.starts(with: previous.pattern)
    }

    private static func contains(_ hay: UnsafeBufferPointer<UInt8>, _ pat: UnsafeBufferPointer<UInt8>) -> Bool
    {
        let n = hay.count
        let m = pat.count
        guard m <= n, let first = pat.first else { return m == 0 }
        var i = 0
        let last = n - m
        while i <= last {
            if hay[i] == first {
                var j = 1
                while j < m && hay[i + j] == pat[j] { j += 1 }
                if j == m { return true }
            }
            i += 1
        }
        return false
    }

    private static func isSubsequence(_ pat: UnsafeBufferPointer<UInt8>, of hay: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        var j = 0
        let m = pat.count
        for byte in hay where byte == pat[j] {
            j += 1
            if j == m { return true }
        }
        return false
    }
}
