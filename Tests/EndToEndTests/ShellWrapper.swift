/// Runs the app under `sh` the way a user's shell would, and reports afterwards what the
/// app left behind: its exit status and the terminal's modes, compared with before.
///
/// The report looks like this, then `sh` (dash, which does not repair the terminal the
/// way bash's readline would) waits for input at the prompt `$ ` (PS1 from the environment):
///
///     EXIT=0
///     TTY=same
///     speed 38400 baud; rows 40; ...  (stty -a)
enum ShellWrapper {
    /// The pane command: `sh -c` with the script below.
    static func command(binary: String, arguments: [String]) -> [String] {
        ["/bin/sh", "-c", script(binary: binary, arguments: arguments)]
    }

    static func script(binary: String, arguments: [String]) -> String {
        let app = ([binary] + arguments).map(quote).joined(separator: " ")
        return [
            "before=$(stty -g)",
            app,
            "echo \"EXIT=$?\"",
            "if [ \"$(stty -g)\" = \"$before\" ]; then echo TTY=same; else echo TTY=changed; fi",
            "stty -a",
            "exec /bin/sh",
        ].joined(separator: "; ")
    }

    /// Single-quotes `word` for sh.
    static func quote(_ word: String) -> String {
        "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    /// The exit status the wrapper printed, once it has.
    static func exitStatus(in screen: String) -> Int? {
        for line in ScreenText.lines(screen) {
            let row = line.trimmingBlanks()
            if row.hasPrefix("EXIT="), let status = Int(row.dropFirst(5)) { return status }
        }
        return nil
    }

    /// True once the wrapper has printed everything and its shell waits at a prompt.
    static func isAtPrompt(_ screen: String) -> Bool {
        exitStatus(in: screen) != nil && ScreenText.lastNonBlankLine(screen) == "$"
    }

    /// The words of `stty -a` on the screen, split at blanks and semicolons.
    static func sttyWords(in screen: String) -> Set<String> {
        Set(screen.split { $0 == " " || $0 == ";" || $0 == "\n" }.map(String.init))
    }

    /// The terminal modes a usable shell needs, each with the word `stty -a` prints when
    /// the mode is off, for the ones found wrong on `screen`.
    static func insaneModes(in screen: String) -> [String] {
        let words = sttyWords(in: screen)
        return ["icanon", "echo", "isig", "icrnl", "opost", "onlcr"].filter { mode in
            !words.contains(mode) || words.contains("-" + mode)
        }
    }
}
