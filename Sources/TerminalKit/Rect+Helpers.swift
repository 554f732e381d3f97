/// Geometry helpers widgets and layouts use.
extension Rect {
    /// Shrinks by different amounts on each side.
    public func inset(top: Int = 0, left: Int = 0, bottom: Int = 0, right: Int = 0) -> Rect {
        Rect(x: x + left, y: y + top, width: width - left - right, height: height - top - bottom)
    }

    /// The cells both rectangles cover (empty, at this origin, when they do not meet).
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(x, other.x)
        let y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX)
        let y1 = min(maxY, other.maxY)
        guard x0 < x1, y0 < y1 else { return Rect(x: x, y: y, width: 0, height: 0) }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    /// A rectangle of at most `width` x `height` centred in this one.
    public func centered(width: Int, height: Int) -> Rect {
        let w = min(max(0, width), self.width)
        let h = min(max(0, height), self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }

    /// The one-row rectangle of row `index` (0 is the top row), clipped to this one.
    public func row(_ index: Int) -> Rect {
        guard index >= 0, index < height else { return Rect(x: x, y: y + index, width: width, height: 0) }
        return Rect(x: x, y: y + index, width: width, height: 1)
    }

    /// Splits off `count` rows from the top: (top, rest).
    public func splitTop(_ count: Int) -> (top: Rect, rest: Rect) {
        let n = min(max(0, count), height)
        return (
            Rect(x: x, y: y, width: width, height: n), Rect(x: x, y: y + n, width: width, height: height - n)
        )
    }

    /// Splits off `count` rows from the bottom: (rest, bottom).
    public func splitBottom(_ count: Int) -> (rest: Rect, bottom: Rect) {
        let n = min(max(0, count), height)
        return (
            Rect(x: x, y: y, width: width, height: height - n),
            Rect(x: x, y: maxY - n, width: width, height: n)
        )
    }

    /// Splits off `count` columns from the left: (left, rest).
    public func splitLeft(_ count: Int) -> (left: Rect, rest: Rect) {
        let n = min(max(0, count), width)
        return (
            Rect(x: x, y: y, width: n, height: height), Rect(x: x + n, y: y, width: width - n, height: height)
        )
    }

    /// Splits off `count` columns from the right: (rest, right).
    public func splitRight(_ count: Int) -> (rest: Rect, right: Rect) {
        let n = min(max(0, count), width)
        return (
            Rect(x: x, y: y, width: width - n, height: height),
            Rect(x: maxX - n, y: y, width: n, height: height)
        )
    }

    /// Splits into rows (top to bottom) by `constraints`; see `Layout.split`.
    public func rows(_ constraints: [LayoutConstraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, axis: .vertical, constraints: constraints, spacing: spacing)
    }

    /// Splits into columns (left to right) by `constraints`; see `Layout.split`.
    public func columns(_ constraints: [LayoutConstraint], spacing: Int = 0) -> [Rect] {
        Layout.split(self, axis: .horizontal, constraints: constraints, spacing: spacing)
    }
}
