/// Splits text into words the way Python's `shlex.split` does in POSIX mode, which is how
/// the CLI reads section names such as `[profile "my team"]`.
enum ShellWords {
    /// The words, or nil when a quote is left open or the text ends in a lone backslash.
    static func split(_ text: String) -> [String]? {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaping = false
        for character in text {
            if escaping {
                // Inside double quotes a backslash escapes only `"` and `\`; elsewhere it is kept.
                if quote == "\"", character != "\"", character != "\\" {
                    current.append("\\")
                }
                current.append(character)
                escaping = false
                continue
            }
            switch quote {
            case "'":
                if character == "'" { quote = nil } else { current.append(character) }
            case "\"":
                if character == "\"" {
                    quote = nil
                } else if character == "\\" {
                    escaping = true
                } else {
                    current.append(character)
                }
            default:
                if character.isWhitespace {
                    if inWord {
                        words.append(current)
                        current = ""
                        inWord = false
                    }
                } else if character == "'" || character == "\"" {
                    quote = character
                    inWord = true
                } else if character == "\\" {
                    escaping = true
                    inWord = true
                } else {
                    current.append(character)
                    inWord = true
                }
            }
        }
        guard quote == nil, !escaping else { return nil }
        if inWord { words.append(current) }
        return words
    }
}
