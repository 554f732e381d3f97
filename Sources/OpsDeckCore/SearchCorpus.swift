#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The `/` filter's view of a table: every row's search text, ASCII-lowercased, in one
/// contiguous buffer. A substring query then runs over the whole buffer
/// with memchr and memcmp instead of once per row, which is what keeps 100,000 rows within a keystroke.
public struct SearchCorpus: Sendable {
    /// Row texts back to back, each followed by a 0 byte so no match spans two rows.
    public private(set) var bytes: [UInt8] = []
    /// Where each row starts in `bytes`; one more entry than rows.
    public private(set) var starts: [Int] = [0]

    public init() {}

    public var count: Int { starts.count - 1 }

    /// Adds `part` to the row being built, after a space if the row has text already.
    /// Not generic on purpose: a generic sequence here cost a metadata lookup per row.
    public mutating func add(_ part: String) {
        if bytes.count > starts[starts.count - 1] { bytes.append(0x20) }
        TextFilter.fold(part, into: &bytes)
    }

    /// Closes the row being built.
    public mutating func endRow() {
        bytes.append(0)
        starts.append(bytes.count)
    }

    /// Adds a row made of `parts`, joined by spaces and folded.
    public mutating func append(_ parts: [String]) {
        for part in parts { add(part) }
        endRow()
    }

    /// Whether row `row` passes `filter`.
    public func matches(_ filter: TextFilter, row: Int) -> Bool {
        guard !filter.pattern.isEmpty else { return true }
        let found = bytes.withUnsafeBufferPointer { all in
            filter.pattern.withUnsafeBufferPointer { pattern in
                let slice = UnsafeBufferPointer(rebasing: all[starts[row]..<(starts[row + 1] - 1)])
                return filter.mode == .substring
                    ? Self.find(pattern, in: slice) != nil : Self.isSubsequence(pattern, of: slice)
            }
        }
        return found != filter.inverted
    }

    /// Which rows pass `filter`, by row index.
    public func mask(for filter: TextFilter) -> [Bool] {
        guard !filter.pattern.isEmpty else { return Array(repeating: true, count: count) }
        guard filter.mode == .substring else { return (0..<count).map { matches(filter, row: $0) } }
        var mask = Array(repeating: false, count: count)
        bytes.withUnsafeBufferPointer { all in
            filter.pattern.withUnsafeBufferPointer { pattern in
                var position = 0
                var row = 0
                while position < all.count {
                    let rest = UnsafeBufferPointer(rebasing: all[position...])
                    guard let hit = Self.find(pattern, in: rest) else { break }
                    let absolute = position + hit
                    // Rows are found in order, so walk forward rather than search.
                    while starts[row + 1] <= absolute { row += 1 }
                    mask[row] = true
                    position = starts[row + 1]
                }
            }
        }
        if filter.inverted {
            for i in mask.indices { mask[i].toggle() }
        }
        return mask
    }

    static func find(_ pattern: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let hay = haystack.baseAddress, let pat = pattern.baseAddress, pattern.count <= haystack.count
        else {
            return pattern.isEmpty ? 0 : nil
        }
        // memchr (vectorised in libc) finds candidates for the first byte; memcmp checks the rest.
        let first = Int32(pat.pointee)
        let last = haystack.count - pattern.count
        var offset = 0
        while offset <= last {
            guard let hit = memchr(hay + offset, first, last - offset + 1) else { return nil }
            let position = UnsafeRawPointer(hit) - UnsafeRawPointer(hay)
            if memcmp(hay + position, pat, pattern.count) == 0 { return position }
            offset = position + 1
        }
        return nil
    }

    static func isSubsequence(_ pattern: UnsafeBufferPointer<UInt8>, of haystack: UnsafeBufferPointer<UInt8>)
        -> Bool
    {
        var j = 0
        let m = pattern.count
        guard m > 0 else { return true }
        for byte in haystack where byte == pattern[j] {
            j += 1
            if j == m { return true }
        }
        return false
    }
}
