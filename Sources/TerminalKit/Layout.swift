/// Splitting rectangles by constraints, as terminal UI layouts do.
public enum Layout {
    /// The direction parts are laid out in.
    public enum Axis: Sendable, Hashable {
        /// Parts stacked top to bottom (rows).
        case vertical
        /// Parts side by side, left to right (columns).
        case horizontal
    }

    /// Splits `rect` along `axis` into one part per constraint, `spacing` cells apart.
    ///
    /// Fixed, percent, ratio and the floor of `min` are granted first, in order, each
    /// cut to what is left; the remainder goes to `fill` and `min` parts by weight, the
    /// rounding remainder to the earliest of them. When nothing fills, the space left
    /// stays unused after the last part. Parts never overlap and never leave `rect`.
    public static func split(
        _ rect: Rect, axis: Axis, constraints: [LayoutConstraint], spacing: Int = 0
    ) -> [Rect] {
        let lengths = self.lengths(
            total: axis == .vertical ? rect.height : rect.width, constraints: constraints, spacing: spacing
        )
        var rects: [Rect] = []
        rects.reserveCapacity(lengths.count)
        var offset = 0
        for length in lengths {
            switch axis {
            case .vertical:
                rects.append(Rect(x: rect.x, y: rect.y + offset, width: rect.width, height: length))
            case .horizontal:
                rects.append(Rect(x: rect.x + offset, y: rect.y, width: length, height: rect.height))
            }
            offset += length + max(0, spacing)
        }
        return rects
    }

    /// The lengths `split` gives each constraint out of `total` cells.
    public static func lengths(total: Int, constraints: [LayoutConstraint], spacing: Int = 0) -> [Int] {
        guard !constraints.isEmpty else { return [] }
        let gaps = max(0, spacing) * (constraints.count - 1)
        let space = max(0, total - gaps)
        var lengths = [Int](repeating: 0, count: constraints.count)
        var left = space
        var weights = [Int](repeating: 0, count: constraints.count)
        for (i, constraint) in constraints.enumerated() {
            let wanted: Int
            switch constraint {
            case .fixed(let n): wanted = n
            case .percent(let p): wanted = space * Swift.max(0, p) / 100
            case .ratio(let num, let den): wanted = den > 0 ? space * Swift.max(0, num) / den : 0
            case .min(let n):
                wanted = n
                weights[i] = 1
            case .fill(let w):
                wanted = 0
                weights[i] = Swift.max(0, w)
            }
            let granted = Swift.min(Swift.max(0, wanted), left)
            lengths[i] = granted
            left -= granted
        }
        let totalWeight = weights.reduce(0, +)
        guard left > 0, totalWeight > 0 else { return lengths }
        var handed = 0
        for i in lengths.indices where weights[i] > 0 {
            let share = left * weights[i] / totalWeight
            lengths[i] += share
            handed += share
        }
        var remainder = left - handed
        for i in lengths.indices where weights[i] > 0 && remainder > 0 {
            lengths[i] += 1
            remainder -= 1
        }
        return lengths
    }

    /// A grid of `rows` x `columns` equal cells (as equal as integers allow), indexed
    /// `[row][column]`, with `spacing` cells between neighbours.
    public static func grid(_ rect: Rect, rows: Int, columns: Int, spacing: Int = 0) -> [[Rect]] {
        guard rows > 0, columns > 0 else { return [] }
        let rowRects = split(
            rect, axis: .vertical, constraints: Array(repeating: .fill, count: rows), spacing: spacing)
        return rowRects.map { row in
            split(
                row, axis: .horizontal, constraints: Array(repeating: .fill, count: columns), spacing: spacing
            )
        }
    }
}
