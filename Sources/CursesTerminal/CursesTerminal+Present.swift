import CNCursesw
import TerminalKit

extension CursesTerminal {
    /// Writes the cells that differ from the last presented buffer into curses'
    /// window, then updates the screen once. curses compares again against what is on
    /// screen, so only real changes reach the terminal (a one-row scroll becomes a
    /// scroll-region move plus the new row).
    ///
    /// A buffer that does not match the screen size is clipped; never written past it.
    public func present(_ buffer: ScreenBuffer) {
        guard isActive else { return }
        let screenWidth = Int(opsdeck_getmaxx(window))
        let screenHeight = Int(opsdeck_getmaxy(window))
        let previous = presented.flatMap { $0.size == buffer.size ? $0 : nil }
        if previous == nil {
            // Clear what a smaller buffer would not cover.
            _ = werase(window)
        }
        for y in buffer.changedRows(since: previous) where y < screenHeight {
            var runs = [0..<buffer.size.width]
            if let previous {
                runs = Self.widened(buffer.changedRuns(inRow: y, since: previous), row: y, buffer, previous)
            }
            for run in runs {
                draw(run, row: y, of: buffer, screenWidth: screenWidth)
            }
        }
        presented = buffer
        _ = wnoutrefresh(window)
        _ = doupdate()
    }

    /// Moves a run that starts inside a wide character back to that character, so it
    /// is drawn whole (curses blanks a wide character when half of it is written).
    static func widened(
        _ runs: [Range<Int>], row y: Int, _ buffer: ScreenBuffer, _ previous: ScreenBuffer
    ) -> [Range<Int>] {
        runs.map { run in
            let start = run.lowerBound
            guard start > 0, buffer[start, y].isContinuation || previous[start, y].isContinuation else {
                return run
            }
            return (start - 1)..<run.upperBound
        }
    }

    /// Draws the cells of `run` in row `y`; columns always match the buffer's, even
    /// where curses' idea of a character's width differs from TerminalKit's.
    private func draw(_ run: Range<Int>, row y: Int, of buffer: ScreenBuffer, screenWidth: Int) {
        var x = run.lowerBound
        let end = min(run.upperBound, screenWidth)
        while x < end {
            let cell = buffer[x, y]
            let rendition = palette.rendition(for: cell.style)
            if cell.isContinuation {
                // Not covered by a wide character to its left: show a blank.
                put(" ", at: x, y, rendition)
                x += 1
                continue
            }
            let wide = x + 1 < buffer.size.width && buffer[x + 1, y].isContinuation
            switch (cursesWidth(of: cell.text), wide) {
            case (1, false):
                put(cell.text, at: x, y, rendition)
                x += 1
            case (2, true) where x + 1 < screenWidth:
                put(cell.text, at: x, y, rendition)
                x += 2
            case (2, true):
                // Would be cut by the right edge of a narrower screen.
                put(" ", at: x, y, rendition)
                x += 2
            case (1, true):
                put(cell.text, at: x, y, rendition)
                if x + 1 < screenWidth { put(" ", at: x + 1, y, rendition) }
                x += 2
            case (_, true):
                put("?", at: x, y, rendition)
                if x + 1 < screenWidth { put(" ", at: x + 1, y, rendition) }
                x += 2
            case (_, false):
                // Unprintable here, or wide in curses but one column in the buffer.
                put("?", at: x, y, rendition)
                x += 1
            }
        }
    }

    /// Columns curses gives `text`'s first character (-1 when the locale cannot show it).
    private func cursesWidth(of text: String) -> Int {
        guard let first = text.unicodeScalars.first else { return 1 }
        if first.value < 0x7F { return first.value < 0x20 ? -1 : 1 }
        return Int(opsdeck_wcwidth(wchar_t(bitPattern: first.value)))
    }

    /// Writes one character cell: the first scalar of `text` plus the combining marks
    /// that follow it (as many as a `cchar_t` holds).
    private func put(_ text: String, at x: Int, _ y: Int, _ rendition: CursesPalette.Rendition) {
        scratch.removeAll(keepingCapacity: true)
        let limit = Int(opsdeck_ccharw_max())
        for scalar in text.unicodeScalars {
            let value = wchar_t(bitPattern: scalar.value)
            if !scratch.isEmpty && (scratch.count >= limit || opsdeck_wcwidth(value) != 0) { break }
            scratch.append(value)
        }
        scratch.append(0)
        var cell = cchar_t()
        var pair = rendition.pair
        // The short pair argument is ignored when the int one is given (pairs > 32767).
        if setcchar(&cell, scratch, rendition.attributes, 0, &pair) != OK {
            scratch = [wchar_t(UInt8(ascii: "?")), 0]
            _ = setcchar(&cell, scratch, rendition.attributes, 0, &pair)
        }
        // At the bottom-right cell this reports ERR (the cursor cannot advance) but
        // the character is stored, which is all that matters.
        _ = mvwadd_wch(window, Int32(y), Int32(x), &cell)
    }
}
