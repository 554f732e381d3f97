/// Fitting text into a number of terminal columns: truncation with an ellipsis that
/// never splits a wide character, padding and alignment, and word wrapping.
///
/// Widths are the columns `ScreenBuffer.write` uses, so a fitted string fills exactly
/// the span it was fitted to.
public enum TextFit {
    /// Columns `text` takes when written to a screen buffer.
    public static func width(of text: some StringProtocol) -> Int {
        // Printable ASCII is one column a byte; skipping grapheme breaking matters in
        // table drawing, which measures every right-aligned or centred cell.
        if ScreenBuffer.isPrintableASCII(text) { return text.utf8.count }
        var total = 0
        for ch in text { total += DisplayWidth.columns(ch) }
        return total
    }

    /// True when `text` takes at most `width` columns; cheap for short text.
    public static func fits(_ text: some StringProtocol, width: Int) -> Bool {
        // No grapheme takes more columns than it has UTF-8 bytes, so the byte count
        // bounds the width without decoding anything.
        if text.utf8.count <= width { return true }
        return self.width(of: text) <= width
    }

    /// The longest start of `text` that takes at most `width` columns.
    /// - Returns: that prefix and the columns it takes (less than `width` when a wide
    ///   character would have straddled the limit).
    public static func prefix<S: StringProtocol>(_ text: S, width: Int) -> (text: S.SubSequence, width: Int) {
        var used = 0
        var end = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.columns(text[index])
            if used + w > width { break }
            used += w
            index = text.index(after: index)
            end = index
        }
        return (text[text.startIndex..<end], used)
    }

    /// The longest end of `text` that takes at most `width` columns.
    public static func suffix<S: StringProtocol>(_ text: S, width: Int) -> (text: S.SubSequence, width: Int) {
        var used = 0
        var start = text.endIndex
        while start > text.startIndex {
            let before = text.index(before: start)
            let w = DisplayWidth.columns(text[before])
            if used + w > width { break }
            used += w
            start = before
        }
        return (text[start..<text.endIndex], used)
    }

    /// `text` cut to at most `width` columns, with `ellipsis` where it was cut.
    ///
    /// Text that fits comes back unchanged. When even the ellipsis does not fit, the
    /// text is cut without one. A wide character that would straddle the limit is left
    /// out, so the result may be one column narrower than `width`.
    public static func truncate(
        _ text: some StringProtocol, to width: Int, ellipsis: String = "…",
        position: TruncationPosition = .end
    ) -> String {
        guard width > 0 else { return "" }
        if fits(text, width: width) { return String(text) }
        let ellipsisWidth = self.width(of: ellipsis)
        guard ellipsisWidth <= width else { return String(prefix(text, width: width).text) }
        let room = width - ellipsisWidth
        switch position {
        case .end:
            return String(prefix(text, width: room).text) + ellipsis
        case .start:
            return ellipsis + String(suffix(text, width: room).text)
        case .middle:
            let head = prefix(text, width: room - room / 2)
            let tail = suffix(text, width: room - head.width)
            return String(head.text) + ellipsis + String(tail.text)
        }
    }

    /// `text` padded with spaces to `width` columns; text already as wide or wider
    /// comes back unchanged.
    public static func pad(_ text: some StringProtocol, to width: Int, alignment: TextAlignment = .left)
        -> String
    {
        let gap = width - self.width(of: text)
        guard gap > 0 else { return String(text) }
        switch alignment {
        case .left:
            return String(text) + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + String(text)
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + String(text)
                + String(repeating: " ", count: gap - left)
        }
    }

    /// `text` truncated and padded to exactly `width` columns.
    public static func fit(
        _ text: some StringProtocol, width: Int, alignment: TextAlignment = .left, ellipsis: String = "…",
        position: TruncationPosition = .end
    ) -> String {
        guard width > 0 else { return "" }
        return pad(
            truncate(text, to: width, ellipsis: ellipsis, position: position), to: width, alignment: alignment
        )
    }

    /// `text` broken into lines of at most `width` columns: at spaces where it can,
    /// inside a word only when the word alone is too wide. Newlines start new lines.
    public static func wrap(_ text: some StringProtocol, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ") {
                var rest = Substring(word)
                var restWidth = self.width(of: rest)
                if lineWidth > 0 {
                    if lineWidth + 1 + restWidth <= width {
                        line += " " + rest
                        lineWidth += 1 + restWidth
                        continue
                    }
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                while restWidth > width {
                    let head = prefix(rest, width: width)
                    // A wide character in a one-column span can never fit: drop it
                    // rather than loop forever.
                    let taken = head.text.isEmpty ? rest.index(after: rest.startIndex) : head.text.endIndex
                    if !head.text.isEmpty { lines.append(String(head.text)) }
                    rest = rest[taken...]
                    restWidth = self.width(of: rest)
                }
                line = String(rest)
                lineWidth = restWidth
            }
            lines.append(line)
        }
        return lines
    }
}
