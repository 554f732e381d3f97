/// Why the curses terminal could not start.
public enum CursesTerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Standard input or output is not a terminal (piped, redirected, or run by cron).
    case notATerminal
    /// curses could not set up the terminal named by `TERM` (nil when unset).
    case unknownTerminalType(String?)

    public var description: String {
        switch self {
        case .notATerminal:
            "opsdeck needs a terminal: standard input and output must not be redirected."
        case .unknownTerminalType(let name?):
            "The terminal type TERM=\(name) is not known to curses; try TERM=xterm-256color."
        case .unknownTerminalType(nil):
            "TERM is not set, so curses cannot drive the terminal; try TERM=xterm-256color."
        }
    }
}
