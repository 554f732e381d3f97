/// A small chart of values drawn with block elements (or braille dots, two values per
/// cell), scaled between the smallest and largest value shown.
///
/// One value per column (two with braille); with more values than columns the
/// latest are shown, or buckets averaged or maxed. Taller areas give finer levels:
/// each row adds as many steps as there are glyph levels. NaN leaves a gap.
public struct Sparkline: Sendable, Hashable {
    /// How values are fitted to the columns there are.
    public enum Resampling: Sendable, Hashable {
        /// The last values, one per slot: a time series showing its newest end.
        case latest
        /// Each slot shows the mean of an equal share of the values.
        case average
        /// Each slot shows the largest of an equal share of the values: spikes survive.
        case maximum
    }

    public var values: [Double]
    /// The value drawn as the lowest level; the smallest value shown when nil.
    public var minimum: Double?
    /// The value drawn as a full column; the largest value shown when nil.
    public var maximum: Double?
    public var resampling: Resampling
    /// Braille dots when the glyph set has them; blocks otherwise.
    public var braille: Bool
    /// Where the chart sits when there are fewer values than columns.
    public var alignment: TextAlignment
    public var paint: Paint

    public init(
        values: [Double], minimum: Double? = nil, maximum: Double? = nil, resampling: Resampling = .latest,
        braille: Bool = false, alignment: TextAlignment = .left, paint: Paint = .plain
    ) {
        self.values = values
        self.minimum = minimum
        self.maximum = maximum
        self.resampling = resampling
        self.braille = braille
        self.alignment = alignment
        self.paint = paint
    }

    /// Fills `area` with the chart (bottom-aligned) and blanks in `paint`.
    public func draw(into buffer: inout ScreenBuffer, area: Rect, glyphs: Glyphs) {
        guard !area.isEmpty else { return }
        buffer.fill(area, paint: paint)
        let rows = Self.render(
            values: values, width: area.width, height: area.height, glyphs: glyphs, braille: braille,
            minimum: minimum, maximum: maximum, resampling: resampling
        )
        for (i, row) in rows.enumerated() {
            let used = row.count
            let x: Int
            switch alignment {
            case .left: x = area.x
            case .right: x = area.maxX - used
            case .center: x = area.x + (area.width - used) / 2
            }
            for (j, glyph) in row.enumerated() where glyph != " " {
                buffer.put(glyph, x: x + j, y: area.y + i, paint: paint)
            }
        }
    }

    /// The chart as rows of one-column glyphs, top row first, each row as many glyphs
    /// as there are slots in use (at most `width`).
    public static func render(
        values: [Double], width: Int, height: Int = 1, glyphs: Glyphs, braille: Bool = false,
        minimum: Double? = nil, maximum: Double? = nil, resampling: Resampling = .latest
    ) -> [[String]] {
        guard width > 0, height > 0 else { return [] }
        let useBraille = braille && glyphs.supportsBraille
        let perRow = useBraille ? 4 : glyphs.sparkLevels.count
        let shown = resample(values, to: useBraille ? width * 2 : width, mode: resampling)
        let units = levels(shown, steps: perRow * height, minimum: minimum, maximum: maximum)
        var rows: [[String]] = []
        rows.reserveCapacity(height)
        for row in (0..<height).reversed() {
            let floor = row * perRow
            var line: [String] = []
            if useBraille {
                var i = 0
                while i < units.count {
                    let left = min(max(0, units[i] - floor), 4)
                    let right = i + 1 < units.count ? min(max(0, units[i + 1] - floor), 4) : 0
                    line.append(brailleGlyph(left: left, right: right))
                    i += 2
                }
            } else {
                for unit in units {
                    let inCell = min(max(0, unit - floor), perRow)
                    line.append(inCell == 0 ? " " : glyphs.sparkLevels[inCell - 1])
                }
            }
            rows.append(line)
        }
        return rows
    }

    /// `values` fitted to at most `count` slots.
    public static func resample(_ values: [Double], to count: Int, mode: Resampling) -> [Double] {
        guard count > 0 else { return [] }
        guard values.count > count else { return values }
        switch mode {
        case .latest:
            return Array(values.suffix(count))
        case .average, .maximum:
            var out: [Double] = []
            out.reserveCapacity(count)
            let n = values.count
            for slot in 0..<count {
                let bucket = values[(slot * n / count)..<((slot + 1) * n / count)].filter { !$0.isNaN }
                if bucket.isEmpty {
                    out.append(.nan)
                } else if mode == .average {
                    out.append(bucket.reduce(0, +) / Double(bucket.count))
                } else {
                    out.append(bucket.max() ?? .nan)
                }
            }
            return out
        }
    }

    /// Each value as a level in `1...steps` between `minimum` and `maximum` (the
    /// values' own range when nil); 0 for NaN. Flat data sits at the lowest level when
    /// zero and half height otherwise.
    public static func levels(_ values: [Double], steps: Int, minimum: Double? = nil, maximum: Double? = nil)
        -> [Int]
    {
        guard steps > 0 else { return values.map { _ in 0 } }
        let finite = values.filter { $0.isFinite }
        let low = minimum ?? finite.min() ?? 0
        let high = maximum ?? finite.max() ?? 0
        return values.map { value in
            guard !value.isNaN else { return 0 }
            guard high > low else { return value == 0 ? 1 : (steps + 1) / 2 }
            let fraction = min(max((value - low) / (high - low), 0), 1)
            return 1 + Int((fraction * Double(steps - 1)).rounded())
        }
    }

    /// Braille dots filling a cell's two columns from the bottom, 0...4 dots each.
    private static func brailleGlyph(left: Int, right: Int) -> String {
        guard left > 0 || right > 0 else { return " " }
        let leftBits: [UInt32] = [0, 0x40, 0x44, 0x46, 0x47]
        let rightBits: [UInt32] = [0, 0x80, 0xA0, 0xB0, 0xB8]
        let scalar = Unicode.Scalar(0x2800 + (leftBits[left] | rightBits[right])) ?? " "
        return String(scalar)
    }
}
