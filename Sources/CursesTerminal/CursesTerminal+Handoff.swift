import CNCursesw

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension CursesTerminal {
    /// Gives the terminal to a child process (a break-glass subshell) for the length of
    /// `body`, sane as the shell left it, then takes it back and repaints everything: the
    /// Ctrl-Z path without stopping OpsDeck.
    public func handOff<T>(_ body: () throws -> T) rethrows -> T {
        guard isActive else { return try body() }
        CrashGuard.disarm()
        _ = endwin()
        fflush(nil)
        defer {
            // The first update after endwin puts curses back in program mode.
            invalidate()
            _ = wnoutrefresh(window)
            _ = doupdate()
            _ = curs_set(0)
            if mouseEnabled { _ = mousemask(mmask_t(CursesInputDecoder.MouseMask.wanted), nil) }
            CrashGuard.rearm()
        }
        return try body()
    }
}
