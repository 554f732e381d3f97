/// Maps theme colours down to what a terminal can show.
///
/// 256 colours: unchanged. 16: the nearest of the 16 ANSI colours. 8: the 16-colour
/// result with bright 8-15 folded onto 0-7 and a request for bold. None: the
/// terminal's defaults. "Nearest" is the smallest squared RGB distance using xterm's
/// default palette (ties go to the lower index), so results do not depend on a user's
/// theme.
///
/// Eight colours go through sixteen rather than straight to the nearest of 0-7
/// because the eight are so far apart that greys would land on yellow (grey 244 is
/// nearer (205,205,0) than white); through sixteen it becomes bold black, which
/// terminals show as dark grey.
public enum ColorMapper {
    /// A mapped colour, and whether the foreground should be bold to make up for a
    /// bright colour folded onto a normal one.
    public struct Mapped: Sendable, Hashable {
        public var color: Color
        public var bold: Bool

        public init(color: Color, bold: Bool = false) {
            self.color = color
            self.bold = bold
        }
    }

    /// `color` as a terminal of `depth` can show it.
    public static func map(_ color: Color, to depth: ColorDepth) -> Color {
        mapDetailed(color, to: depth).color
    }

    /// `color` as a terminal of `depth` can show it, with the bold hint.
    public static func mapDetailed(_ color: Color, to depth: ColorDepth) -> Mapped {
        guard case .indexed(let index) = color else { return Mapped(color: .default) }
        switch depth {
        case .full:
            return Mapped(color: color)
        case .sixteen:
            return Mapped(color: .indexed(index < 16 ? index : nearest(to: rgb(index), among: 0..<16)))
        case .eight:
            let sixteen = index < 16 ? index : nearest(to: rgb(index), among: 0..<16)
            return sixteen < 8
                ? Mapped(color: .indexed(sixteen)) : Mapped(color: .indexed(sixteen - 8), bold: true)
        case .none:
            return Mapped(color: .default)
        }
    }

    /// `style` as a terminal of `depth` can show it: both colours mapped, bold added
    /// when the foreground was a bright colour folded onto a normal one.
    public static func map(_ style: Style, to depth: ColorDepth) -> Style {
        let foreground = mapDetailed(style.foreground, to: depth)
        let background = mapDetailed(style.background, to: depth)
        var mapped = Style(
            foreground: foreground.color, background: background.color, attributes: style.attributes)
        if foreground.bold { mapped.attributes.insert(.bold) }
        return mapped
    }

    /// The xterm default RGB value of palette entry `index`.
    public static func rgb(_ index: UInt8) -> (red: Int, green: Int, blue: Int) {
        let i = Int(index)
        if i < 16 {
            let entry = ansi[i]
            return (entry.0, entry.1, entry.2)
        }
        if i < 232 {
            let cube = i - 16
            return (cubeLevels[cube / 36], cubeLevels[(cube / 6) % 6], cubeLevels[cube % 6])
        }
        let grey = 8 + 10 * (i - 232)
        return (grey, grey, grey)
    }

    /// xterm's defaults for the 16 ANSI colours.
    private static let ansi: [(Int, Int, Int)] = [
        (0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0), (0, 0, 238), (205, 0, 205), (0, 205, 205),
        (229, 229, 229), (127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0), (92, 92, 255),
        (255, 0, 255), (0, 255, 255), (255, 255, 255),
    ]

    /// The six channel levels of the 6x6x6 cube (indices 16-231).
    private static let cubeLevels = [0, 95, 135, 175, 215, 255]

    private static func nearest(to target: (red: Int, green: Int, blue: Int), among candidates: Range<UInt8>)
        -> UInt8
    {
        var best = candidates.lowerBound
        var bestDistance = Int.max
        for candidate in candidates {
            let c = rgb(candidate)
            let dr = c.red - target.red
            let dg = c.green - target.green
            let db = c.blue - target.blue
            // Weighted roughly as the eye sees it, so mid greys do not turn blue.
            let distance = 3 * dr * dr + 4 * dg * dg + 2 * db * db
            if distance < bestDistance {
                best = candidate
                bestDistance = distance
            }
        }
        return best
    }
}
