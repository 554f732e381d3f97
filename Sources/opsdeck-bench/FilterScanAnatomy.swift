import Dispatch
import Foundation
import OpsDeckCore
import OpsDeckUI

/// One full filter scan over the same rows, three ways, to show where its time goes:
/// as `PaneState` does it (through each `PaneRow`), over the search texts alone (one
/// small heap array per row), and over one contiguous buffer with `memchr` + `memcmp`. Only for
/// the report: the app's code is not changed by it.
struct FilterScanAnatomy {
    struct Result {
        var query: String
        var matches: Int
        /// Nanoseconds per scan, median of `repeats`.
        var throughRows: Double
        var searchTextsOnly: Double
        var contiguousMemchr: Double
        /// Must equal `matches`: the faster scan finds the same rows.
        var contiguousMatches: Int
    }

    static func measure(rows: [PaneRow], queries: [String], repeats: Int = 9) -> [Result] {
        let order = Array(rows.indices)
        let texts = rows.map(\.searchText)
        // Rows separated by a NUL, which no typed pattern holds, so no match spans two rows.
        var flat: [UInt8] = []
        var ends: [Int] = []
        flat.reserveCapacity(texts.reduce(0) { $0 + $1.count + 1 })
        for text in texts {
            flat += text
            ends.append(flat.count)
            flat.append(0)
        }
        return queries.map { query in
            let filter = TextFilter(query: query)
            var matches = 0
            let throughRows = median(repeats) {
                matches = order.filter { filter.matches(rows[$0].searchText) }.count
            }
            let searchTextsOnly = median(repeats) {
                _ = order.filter { filter.matches(texts[$0]) }.count
            }
            let pattern = filter.pattern
            var contiguousMatches = 0
            let contiguous = median(repeats) {
                contiguousMatches = flat.withUnsafeBufferPointer { haystack in
                    pattern.withUnsafeBufferPointer { needle in
                        Self.rowsContaining(needle, in: haystack, ends: ends).count
                    }
                }
            }
            return Result(
                query: query, matches: matches, throughRows: throughRows, searchTextsOnly: searchTextsOnly,
                contiguousMemchr: contiguous, contiguousMatches: contiguousMatches)
        }
    }

    /// Indices of the rows of `haystack` (row i ends at `ends[i]`) that contain `needle`:
    /// memchr to the next candidate byte anywhere in the buffer, memcmp to confirm, then
    /// skip to the next row.
    static func rowsContaining(
        _ needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>, ends: [Int]
    ) -> [Int] {
        guard let first = needle.first, let base = haystack.baseAddress, let pattern = needle.baseAddress
        else {
            return Array(ends.indices)
        }
        var found: [Int] = []
        var position = 0
        var row = 0
        let total = haystack.count
        while position + needle.count <= total, row < ends.count {
            guard let hit = memchr(base + position, Int32(first), total - position) else { break }
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            while row < ends.count && ends[row] <= offset { row += 1 }
            guard row < ends.count else { break }
            if offset + needle.count <= ends[row], memcmp(base + offset, pattern, needle.count) == 0 {
                found.append(row)
                position = ends[row] + 1
                row += 1
            } else {
                position = offset + 1
            }
        }
        return found
    }

    private static func median(_ repeats: Int, _ body: () -> Void) -> Double {
        var samples: [UInt64] = []
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            body()
            samples.append(DispatchTime.now().uptimeNanoseconds - start)
        }
        return Statistics(samples).median
    }
}
