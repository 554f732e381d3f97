import CNCursesw
import TerminalKit

/// Turns styles into curses attributes and colour pairs, allocating each
/// (foreground, background) pair once, on first use.
///
/// The curses calls come in as closures so the mapping and caching are tested alone.
struct CursesPalette {
    /// What a cell is drawn with.
    struct Rendition: Hashable {
        var attributes: attr_t
        var pair: Int32
    }

    private struct PairKey: Hashable {
        var foreground: Int32
        var background: Int32
    }

    let depth: ColorDepth
    /// Whether -1 means the terminal's own colour (`use_default_colors` succeeded).
    let defaultColors: Bool
    /// Whether the terminal takes 24-bit values (`COLORS` is 2^24, e.g. xterm-direct),
    /// where only 0-7 are palette entries.
    let directColor: Bool
    /// `COLOR_PAIRS`: pair numbers run from 1 to this minus one.
    let pairLimit: Int32
    private let initPair: (Int32, Int32, Int32) -> Bool
    private var pairs: [PairKey: Int32] = [:]
    private var renditions: [Style: Rendition] = [:]
    private var nextPair: Int32 = 1

    /// - Parameters:
    ///   - initPair: defines pair number, foreground, background; false on failure.
    init(
        depth: ColorDepth, defaultColors: Bool, directColor: Bool, pairLimit: Int32,
        initPair: @escaping (Int32, Int32, Int32) -> Bool
    ) {
        self.depth = depth
        self.defaultColors = defaultColors
        self.directColor = directColor
        self.pairLimit = pairLimit
        self.initPair = initPair
    }

    /// The attributes and pair for `style`. When the pairs run out, new colour
    /// combinations fall back to the default pair (attributes are kept).
    mutating func rendition(for style: Style) -> Rendition {
        if let known = renditions[style] { return known }
        // TerminalKit's mapper decides the colours (and adds bold where a bright colour
        // folds onto one of eight), so screen tests and the terminal agree.
        let mapped = ColorMapper.map(style, to: depth)
        let attributes = Self.attributes(mapped.attributes)
        var pair: Int32 = 0
        if depth != .none {
            let foreground = colorNumber(mapped.foreground, isForeground: true)
            let background = colorNumber(mapped.background, isForeground: false)
            pair = pairNumber(PairKey(foreground: foreground, background: background))
        }
        let rendition = Rendition(attributes: attributes, pair: pair)
        renditions[style] = rendition
        return rendition
    }

    /// The curses colour number for `color`: -1 for the terminal default.
    func colorNumber(_ color: Color, isForeground: Bool) -> Int32 {
        switch color {
        case .default:
            if defaultColors { return -1 }
            return isForeground ? 7 : 0
        case .indexed(let index):
            guard depth != .none else { return -1 }
            if directColor && index >= 8 {
                let c = ColorMapper.rgb(index)
                return Int32(c.red << 16 | c.green << 8 | c.blue)
            }
            return Int32(index)
        }
    }

    static func attributes(_ attributes: TextAttributes) -> attr_t {
        var result = opsdeck_a_normal()
        if attributes.contains(.bold) { result |= opsdeck_a_bold() }
        if attributes.contains(.dim) { result |= opsdeck_a_dim() }
        if attributes.contains(.reverse) { result |= opsdeck_a_reverse() }
        if attributes.contains(.underline) { result |= opsdeck_a_underline() }
        if attributes.contains(.italic) { result |= opsdeck_a_italic() }
        if attributes.contains(.blink) { result |= opsdeck_a_blink() }
        return result
    }

    private mutating func pairNumber(_ key: PairKey) -> Int32 {
        // Pair 0 is the terminal's own colours once use_default_colors has run.
        if defaultColors && key.foreground == -1 && key.background == -1 { return 0 }
        if let known = pairs[key] { return known }
        guard nextPair < pairLimit, initPair(nextPair, key.foreground, key.background) else { return 0 }
        let pair = nextPair
        nextPair += 1
        pairs[key] = pair
        return pair
    }
}
