import CNCursesw
import TerminalKit

extension CursesTerminal {
    /// Waits up to `timeoutMilliseconds` (forever when nil) for a key, a resize or a
    /// mouse event; nil on timeout, and early when a signal arrives (so the loop can
    /// check `SignalTrap.takePending()` at once).
    ///
    /// Escape waits 25 ms for a following key; Alt-x arrives as Escape then `x`.
    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        guard isActive else { return nil }
        let clock = ContinuousClock()
        let deadline = timeoutMilliseconds.map { clock.now.advanced(by: .milliseconds(max(0, $0))) }
        while true {
            var wait: Int32 = -1
            if let deadline {
                let left = clock.now.duration(to: deadline).components
                let milliseconds = left.seconds * 1000 + left.attoseconds / 1_000_000_000_000_000
                wait = Int32(clamping: max(0, milliseconds))
            }
            wtimeout(window, wait)
            var code: wint_t = 0
            let status = wget_wch(window, &code)
            // ERR: timeout, or a signal interrupted the read.
            guard status != ERR else { return nil }
            switch CursesInputDecoder.decode(isKeyCode: status == KEY_CODE_YES, code: UInt32(code)) {
            case .key(let key):
                return .key(key)
            case .resize:
                // curses has resized its windows; what the terminal shows after a
                // resize is anyone's guess, so repaint it all.
                invalidate()
                return .resize(size)
            case .mouse:
                var event = MEVENT()
                if getmouse(&event) == OK,
                    let mouse = CursesInputDecoder.decodeMouse(
                        buttonState: UInt(event.bstate), x: Int(event.x), y: Int(event.y))
                {
                    return .mouse(mouse)
                }
            case .ignored:
                break
            }
            if let deadline, clock.now >= deadline { return nil }
        }
    }
}
