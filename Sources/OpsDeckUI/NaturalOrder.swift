/// Orders text as people expect in a table, without a locale: case-insensitive for
/// ASCII, and runs of digits by their value (`item2` before `item10`).
enum NaturalOrder {
    static func less(_ a: String, _ b: String) -> Bool {
        var a = a
        var b = b
        return a.withUTF8 { x in b.withUTF8 { y in compare(x, y) < 0 } }
    }

    static func compare(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Int {
        var i = 0
        var j = 0
        while i < x.count && j < y.count {
            let cx = x[i]
            let cy = y[j]
            if isDigit(cx) && isDigit(cy) {
                // Skip leading zeros, then the longer run is the larger number.
                var si = i
                var sj = j
                while si < x.count && x[si] == 48 { si += 1 }
                while sj < y.count && y[sj] == 48 { sj += 1 }
                var ei = si
                var ej = sj
                while ei < x.count && isDigit(x[ei]) { ei += 1 }
                while ej < y.count && isDigit(y[ej]) { ej += 1 }
                if ei - si != ej - sj { return (ei - si) - (ej - sj) }
                var k = 0
                while k < ei - si {
                    if x[si + k] != y[sj + k] { return Int(x[si + k]) - Int(y[sj + k]) }
                    k += 1
                }
                i = ei
                j = ej
                continue
            }
            let fx = fold(cx)
            let fy = fold(cy)
            if fx != fy { return Int(fx) - Int(fy) }
            i += 1
            j += 1
        }
        return (x.count - i) - (y.count - j)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c &- 48 < 10 }
    private static func fold(_ c: UInt8) -> UInt8 { c &- 65 < 26 ? c | 0x20 : c }
}
