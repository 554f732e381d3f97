/// The xterm 256-colour palette above the 16 ANSI colours, for mapping `#rrggbb`.
enum XtermPalette {
    /// The six levels of each channel in the 6x6x6 cube (indices 16-231).
    static let cubeLevels: [Int] = [0, 95, 135, 175, 215, 255]

    /// The RGB value of palette entry `index` (16-255). The ANSI colours 0-15 have no
    /// fixed RGB: every terminal theme sets its own, so they are never a match target.
    static func rgb(of index: UInt8) -> (red: Int, green: Int, blue: Int)? {
        switch index {
        case 16...231:
            let cube = Int(index) - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        case 232...255:
            let grey = 8 + 10 * (Int(index) - 232)
            return (grey, grey, grey)
        default:
            return nil
        }
    }

    /// The palette index (16-255) nearest to an RGB colour. Distance is weighted by how
    /// sensitive the eye is to each channel ("redmean"), so greys stay grey and blues
    /// do not drift to purple as they do with plain Euclidean distance.
    static func nearestIndex(red: Int, green: Int, blue: Int) -> UInt8 {
        var best: (index: UInt8, distance: Int) = (16, Int.max)
        for index in UInt8(16)...UInt8(255) {
            guard let entry = rgb(of: index) else { continue }
            let meanRed = (red + entry.red) / 2
            let dr = red - entry.red
            let dg = green - entry.green
            let db = blue - entry.blue
            // Shifts bind tighter than products in Swift, hence the inner parentheses.
            let redTerm = ((512 + meanRed) * dr * dr) >> 8
            let blueTerm = ((767 - meanRed) * db * db) >> 8
            let distance = redTerm + 4 * dg * dg + blueTerm
            if distance < best.distance { best = (index, distance) }
        }
        return best.index
    }
}
