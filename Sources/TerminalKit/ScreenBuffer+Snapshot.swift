/// Text snapshots for screen tests: what a user would read, and optionally which
/// semantic role coloured each run of cells, with no escape bytes.
extension ScreenBuffer {
    /// The separator between the text layer and the role layer of a snapshot.
    public static let snapshotRoleHeader = "--- roles ---"

    /// The buffer as a deterministic, diff-friendly text snapshot.
    ///
    /// One line per row with trailing spaces trimmed. With `roles`, a line
    /// `--- roles ---` follows, then for each row that has any role a line listing the
    /// runs of equal roles, columns inclusive: `3: 0-11 table.header, 12-40 text`.
    /// Cells without a role are left out. The snapshot ends with a newline.
    public func snapshot(roles: Bool = false) -> String {
        var out = text
        out += "\n"
        guard roles else { return out }
        out += Self.snapshotRoleHeader + "\n"
        for y in 0..<size.height {
            let runs = roleRuns(inRow: y)
            guard !runs.isEmpty else { continue }
            out += "\(y): "
            out += runs.map { run in
                let columns =
                    run.columns.count == 1
                    ? "\(run.columns.lowerBound)" : "\(run.columns.lowerBound)-\(run.columns.upperBound - 1)"
                return "\(columns) \(run.role)"
            }.joined(separator: ", ")
            out += "\n"
        }
        return out
    }

    /// The runs of cells in row `y` that share a non-nil role, left to right.
    public func roleRuns(inRow y: Int) -> [(columns: Range<Int>, role: String)] {
        guard y >= 0, y < size.height else { return [] }
        var runs: [(columns: Range<Int>, role: String)] = []
        let base = y * size.width
        var x = 0
        while x < size.width {
            guard let role = cells[base + x].role else {
                x += 1
                continue
            }
            let start = x
            while x < size.width && cells[base + x].role == role { x += 1 }
            runs.append((start..<x, role))
        }
        return runs
    }

    /// The role of every cell in `rect` is `role`; handy in assertions.
    public func allCells(in rect: Rect, haveRole role: String?) -> Bool {
        let x0 = max(0, rect.x)
        let x1 = min(size.width, rect.maxX)
        let y0 = max(0, rect.y)
        let y1 = min(size.height, rect.maxY)
        guard x0 < x1, y0 < y1 else { return true }
        for y in y0..<y1 {
            for x in x0..<x1 where cells[y * size.width + x].role != role { return false }
        }
        return true
    }
}
