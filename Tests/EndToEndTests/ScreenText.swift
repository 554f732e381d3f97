/// Reading a captured screen (the text `tmux capture-pane -p` prints).
enum ScreenText {
    /// The screen's rows, trailing blank rows dropped.
    static func lines(_ screen: String) -> [String] {
        var rows = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while let last = rows.last, last.allSatisfy({ $0 == " " }) { rows.removeLast() }
        return rows
    }

    /// True when some row, without surrounding blanks, is exactly `text`.
    static func hasLine(_ screen: String, equalTo text: String) -> Bool {
        lines(screen).contains { $0.trimmingBlanks() == text }
    }

    /// The last row that is not blank, without surrounding blanks.
    static func lastNonBlankLine(_ screen: String) -> String {
        lines(screen).last { !$0.trimmingBlanks().isEmpty }?.trimmingBlanks() ?? ""
    }

    /// The screen between rulers, with row numbers, for failure messages.
    static func framed(_ screen: String) -> String {
        let rows = lines(screen)
        let ruler = String(repeating: "-", count: 40)
        let body = rows.enumerated().map { index, row in
            let number = String(index + 1)
            return String(repeating: " ", count: max(0, 2 - number.count)) + number + "|" + row
        }
        return ([ruler] + body + [ruler]).joined(separator: "\n")
    }
}

extension String {
    func trimmingBlanks() -> String {
        String(drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
