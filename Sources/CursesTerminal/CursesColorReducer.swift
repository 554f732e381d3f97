import TerminalKit

/// Maps xterm palette indices down to what the terminal shows.
///
/// A stopgap until TerminalKit has a shared colour mapper; kept pure so it is tested.
enum CursesColorReducer {
    /// The palette index to give curses for `index` at `depth`; nil at `.none`.
    static func reduce(_ index: UInt8, to depth: ColorDepth) -> Int? {
        switch depth {
        case .none: return nil
        case .full: return Int(index)
        case .sixteen: return nearestANSI(index)
        case .eight:
            let ansi = nearestANSI(index)
            return ansi >= 8 ? ansi - 8 : ansi
        }
    }

    /// The nearest of the 16 ANSI colours to palette entry `index`.
    static func nearestANSI(_ index: UInt8) -> Int {
        if index < 16 { return Int(index) }
        let target = rgb(index)
        var best = 0
        var bestDistance = Int.max
        for candidate in 0..<16 {
            let c = rgb(UInt8(candidate))
            let dr = c.r - target.r
            let dg = c.g - target.g
            let db = c.b - target.b
            // Weighted as the eye sees it, so mid greys do not turn blue.
            let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if distance < bestDistance {
                bestDistance = distance
                best = candidate
            }
        }
        return best
    }

    /// The 24-bit value of palette entry `index` (`0xRRGGBB`), as xterm defines it.
    static func rgbValue(_ index: UInt8) -> Int {
        let c = rgb(index)
        return c.r << 16 | c.g << 8 | c.b
    }

    /// xterm's default palette.
    static func rgb(_ index: UInt8) -> (r: Int, g: Int, b: Int) {
        switch index {
        case 0..<16:
            let ansi: [(Int, Int, Int)] = [
                (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
                (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229),
                (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
                (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255),
            ]
            let c = ansi[Int(index)]
            return (c.0, c.1, c.2)
        case 16..<232:
            let i = Int(index) - 16
            let level = { (v: Int) in v == 0 ? 0 : 55 + 40 * v }
            return (level(i / 36), level(i / 6 % 6), level(i % 6))
        default:
            let v = 8 + 10 * (Int(index) - 232)
            return (v, v, v)
        }
    }
}
