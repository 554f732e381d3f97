/// A rough reading of what curses wrote: which screen rows got characters, whether it
/// scrolled with a scroll region, and the printable text. Enough to tell "only the
/// clock changed" from "half the screen was rewritten", not a terminal emulator.
struct OutputAnalysis {
    /// 1-based rows that received printable characters.
    var rowsWritten: Set<Int> = []
    /// The printable text, with `|` where the cursor jumped between fragments.
    var printable = ""
    /// Saw DECSTBM (`CSI t;b r`), which curses sets up to scroll part of the screen.
    var setsScrollRegion = false
    /// Saw a scroll (`ESC M`, `CSI n S`, `CSI n T`, `CSI n L`, `CSI n M`, or a line feed
    /// at the bottom of a region, which this reading cannot tell from a cursor move).
    var scrollCommands = 0

    init(_ bytes: [UInt8]) {
        var row = 1
        var index = 0
        let count = bytes.count
        var text: [UInt8] = []
        while index < count {
            let byte = bytes[index]
            if byte == 0x1B, index + 1 < count {
                let next = bytes[index + 1]
                if next == UInt8(ascii: "[") {
                    var end = index + 2
                    while end < count && !(0x40...0x7E).contains(bytes[end]) { end += 1 }
                    guard end < count else { break }
                    let parameters = String(decoding: bytes[(index + 2)..<end], as: UTF8.self)
                    let numbers = parameters.split(separator: ";").map { Int($0.filter(\.isNumber)) ?? 1 }
                    let first = numbers.first ?? 1
                    if [UInt8]("HfdGABCD".utf8).contains(bytes[end]), text.last.map({ $0 != 0x7C }) ?? false {
                        // The cursor moved: what follows is another fragment.
                        text += [UInt8]("|".utf8)
                    }
                    switch bytes[end] {
                    case UInt8(ascii: "H"), UInt8(ascii: "f"), UInt8(ascii: "d"): row = first
                    case UInt8(ascii: "A"): row -= first
                    case UInt8(ascii: "B"): row += first
                    case UInt8(ascii: "r"): setsScrollRegion = setsScrollRegion || !numbers.isEmpty
                    case UInt8(ascii: "S"), UInt8(ascii: "T"), UInt8(ascii: "L"), UInt8(ascii: "M"):
                        scrollCommands += 1
                    default: break
                    }
                    index = end + 1
                    continue
                }
                if next == UInt8(ascii: "M") { scrollCommands += 1 }
                // ESC ( B, ESC ) 0 and the like take one more byte.
                index += (next == UInt8(ascii: "(") || next == UInt8(ascii: ")")) ? 3 : 2
                continue
            }
            if byte == 0x0A {
                row += 1
            } else if byte >= 0x20 && byte != 0x7F {
                rowsWritten.insert(row)
                text.append(byte)
            }
            index += 1
        }
        printable = String(decoding: text, as: UTF8.self)
    }

    /// "1", "1, 5-7, 12": the rows written, compressed into ranges.
    var rowsDescription: String {
        let rows = rowsWritten.sorted()
        guard var start = rows.first else { return "none" }
        var parts: [String] = []
        var previous = start
        for row in rows.dropFirst() {
            if row == previous + 1 {
                previous = row
                continue
            }
            parts.append(start == previous ? "\(start)" : "\(start)-\(previous)")
            start = row
            previous = row
        }
        parts.append(start == previous ? "\(start)" : "\(start)-\(previous)")
        return parts.joined(separator: ", ")
    }
}
