/// The `?` screen, generated from the keymap so it never lies about a rebinding.
public enum HelpContent {
    public static func lines(keymap: Keymap) -> [(String, String)] {
        var lines: [(String, String)] = [("KEYS", "")]
        for action in KeyAction.allCases {
            let keys = keymap.keys(for: action).map(\.name)
            lines.append((keys.isEmpty ? "(unbound)" : keys.joined(separator: " "), action.summary))
        }
        lines.append(("", ""))
        lines.append(("FILTER", ""))
        lines.append(("/text", "rows containing text (case-insensitive)"))
        lines.append(("/~txt", "fuzzy: the letters in order, gaps allowed"))
        lines.append(("/!text", "invert: rows NOT matching"))
        lines.append(("", ""))
        lines.append(("COMMANDS", ""))
        lines.append(("tab", "completes a command or its argument"))
        for command in ConsoleCommand.catalog { lines.append((":" + command.usage, command.summary)) }
        lines.append(("", ""))
        lines.append(("MOUSE", "click selects a row or a tab; the wheel scrolls"))
        return lines
    }
}
