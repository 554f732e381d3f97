import CNCursesw
import TerminalKit

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The ncurses backend of `Terminal`.
///
/// Use it only on the thread that created it, and only one at a time: curses keeps
/// global state. Call `SignalTrap.install()` before creating it, and `restore()` on
/// every way out (it also runs on deinit, and a crash gives the terminal back too).
public final class CursesTerminal: Terminal {
    /// The colours styles are mapped to, after `noColor` and the override.
    public let colorDepth: ColorDepth
    /// Whether mouse presses, releases and the wheel are reported.
    public let mouseEnabled: Bool

    let window: UnsafeMutablePointer<WINDOW>
    var palette: CursesPalette
    /// What is in curses' window now; nil forces every cell to be written again.
    var presented: ScreenBuffer?
    var isActive = true
    /// Reused by `put` so drawing a cell does not allocate.
    var scratch: [wchar_t] = []
    private let shellModes: termios?
    private let resetSequence: [UInt8]

    /// Takes over the terminal on standard input and output (so it works under tmux
    /// and over SSH), in raw mode: Ctrl-C and Ctrl-Z arrive as keys.
    /// - Parameters:
    ///   - noColor: draw with attributes only (`--no-color` or `NO_COLOR`).
    ///   - mouse: report mouse presses, releases and the wheel. This takes the mouse
    ///     from the terminal's own selection (most terminals still select with Shift).
    ///   - colorDepth: use at most this many colours (never more than the terminal has).
    /// - Throws: `CursesTerminalError` when there is no terminal or `TERM` is unknown.
    public init(noColor: Bool = false, mouse: Bool = true, colorDepth: ColorDepth? = nil)
        throws(CursesTerminalError)
    {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw .notATerminal }
        Self.selectLocale()
        var modes = termios()
        shellModes = tcgetattr(STDOUT_FILENO, &modes) == 0 ? modes : nil

        // newterm, unlike initscr, returns nil instead of exiting when TERM is unusable.
        guard newterm(nil, opsdeck_stdout(), opsdeck_stdin()) != nil else {
            throw .unknownTerminalType(getenv("TERM").map { String(cString: $0) })
        }
        guard let window = opsdeck_stdscr() else {
            _ = endwin()
            throw .unknownTerminalType(getenv("TERM").map { String(cString: $0) })
        }
        self.window = window
        _ = raw()
        _ = noecho()
        _ = nonl()
        _ = keypad(window, true)
        // idlok lets doupdate scroll with a scroll region instead of repainting rows.
        // scrollok stays off: writing the bottom-right cell must not scroll the window.
        _ = idlok(window, true)
        _ = scrollok(window, false)
        // The cursor is hidden, so curses need not move it back after each update.
        _ = leaveok(window, true)
        _ = curs_set(0)
        _ = set_escdelay(25)

        var depth = ColorDepth.none
        var defaultColors = false
        if !noColor && has_colors() && start_color() == OK {
            defaultColors = use_default_colors() == OK
            depth = ColorDepth(colors: Int(opsdeck_colors()))
            if let colorDepth { depth = min(depth, colorDepth) }
        }
        self.colorDepth = depth
        palette = CursesPalette(
            depth: depth, defaultColors: defaultColors, directColor: opsdeck_colors() >= 0x100_0000,
            pairLimit: opsdeck_color_pairs(),
            initPair: { pair, foreground, background in
                init_extended_pair(pair, foreground, background) == OK
            })

        mouseEnabled = mouse
        if mouse {
            _ = mousemask(mmask_t(CursesInputDecoder.MouseMask.wanted), nil)
            // Without this curses holds a press back to see whether it becomes a click.
            _ = mouseinterval(0)
        }
        resetSequence = Self.resetSequence(mouse: mouse)
        if let shellModes { CrashGuard.arm(shellModes: shellModes, resetSequence: resetSequence) }
    }

    deinit {
        restore()
    }

    /// The current size of the screen in cells.
    public var size: Size {
        Size(width: Int(opsdeck_getmaxx(window)), height: Int(opsdeck_getmaxy(window)))
    }

    /// Makes the next `present` write every cell and repaint the whole screen.
    public func invalidate() {
        presented = nil
        guard isActive else { return }
        _ = clearok(window, true)
    }

    /// Gives the terminal back and stops the process as Ctrl-Z would; when the shell
    /// continues it (`fg`), takes the terminal again and repaints it in full.
    public func suspend() {
        guard isActive else { return }
        CrashGuard.disarm()
        _ = endwin()
        fflush(nil)

        var stop = sigaction()
        var previous = sigaction()
        #if canImport(Darwin)
            stop.__sigaction_u.__sa_handler = SIG_DFL
        #else
            stop.__sigaction_handler.sa_handler = SIG_DFL
        #endif
        sigemptyset(&stop.sa_mask)
        _ = sigaction(SIGTSTP, &stop, &previous)
        var unblock = sigset_t()
        sigemptyset(&unblock)
        sigaddset(&unblock, SIGTSTP)
        _ = pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        _ = raise(SIGTSTP)
        // Execution continues here after `fg` (or at once in an orphaned process group).
        _ = sigaction(SIGTSTP, &previous, nil)

        // The first update after endwin puts curses back in program mode.
        invalidate()
        _ = wnoutrefresh(window)
        _ = doupdate()
        _ = curs_set(0)
        if mouseEnabled { _ = mousemask(mmask_t(CursesInputDecoder.MouseMask.wanted), nil) }
        if let shellModes { CrashGuard.arm(shellModes: shellModes, resetSequence: resetSequence) }
    }

    /// Gives the terminal back as it was found: mouse reporting off, cursor shown,
    /// shell modes restored. Safe to call more than once, and after SIGHUP when the
    /// terminal is gone (the writes then fail quietly).
    public func restore() {
        guard isActive else { return }
        isActive = false
        CrashGuard.disarm()
        if mouseEnabled { _ = mousemask(0, nil) }
        _ = curs_set(1)
        _ = endwin()
        fflush(nil)
    }

    /// Makes wide characters work: the user's locale, or C.UTF-8 when none is set.
    private static func selectLocale() {
        _ = setlocale(LC_ALL, "")
        let codeset = String(cString: nl_langinfo(nl_item(CODESET)))
        guard codeset != "UTF-8" else { return }
        // An unset locale (plain C/POSIX) is far more often a missing LANG over SSH
        // than a terminal that cannot show UTF-8; a locale the user chose is kept.
        let current = setlocale(LC_CTYPE, nil).map { String(cString: $0) } ?? "C"
        if current == "C" || current == "POSIX" {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
    }

    /// What a crash writes to give the screen back, from this terminal's terminfo.
    private static func resetSequence(mouse: Bool) -> [UInt8] {
        var bytes: [UInt8] = []
        if mouse { bytes += Array("\u{1B}[?1006l\u{1B}[?1003l\u{1B}[?1002l\u{1B}[?1000l".utf8) }
        for name in ["sgr0", "cnorm", "rmkx", "rmcup"] {
            if let value = opsdeck_tigetstr(name) {
                bytes += withoutPadding(Array(String(cString: value).utf8))
            }
        }
        bytes += Array("\r\n".utf8)
        return bytes
    }

    /// Drops terminfo delay markers (`$<5>`), which tputs would have turned into a pause.
    static func withoutPadding(_ capability: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        var i = 0
        while i < capability.count {
            if capability[i] == UInt8(ascii: "$"), i + 1 < capability.count,
                capability[i + 1] == UInt8(ascii: "<"),
                let close = capability[(i + 2)...].firstIndex(of: UInt8(ascii: ">"))
            {
                i = close + 1
            } else {
                out.append(capability[i])
                i += 1
            }
        }
        return out
    }
}
