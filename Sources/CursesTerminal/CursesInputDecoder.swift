import CNCursesw
import TerminalKit

/// Turns what `wget_wch` and `getmouse` return into TerminalKit events, with no
/// curses state involved, so every mapping can be tested without a terminal.
public enum CursesInputDecoder {
    /// What one `wget_wch` result means.
    public enum Decoded: Sendable, Hashable {
        case key(Key)
        /// `KEY_RESIZE`: the backend reads the new size from curses.
        case resize
        /// `KEY_MOUSE`: the backend calls `getmouse` and then `decodeMouse`.
        case mouse
        /// Nothing the app handles (an unmapped key code, a C1 control, NUL).
        case ignored
    }

    /// Decodes one `wget_wch` result.
    /// - Parameters:
    ///   - isKeyCode: true when `wget_wch` returned `KEY_CODE_YES` (a `KEY_*` code),
    ///     false when it returned `OK` (a character).
    ///   - code: the value it stored.
    public static func decode(isKeyCode: Bool, code: UInt32) -> Decoded {
        isKeyCode ? decodeKeyCode(Int32(truncatingIfNeeded: code)) : decodeCharacter(code)
    }

    /// Decodes a character `wget_wch` returned with `OK`. In raw mode Ctrl-C and Ctrl-Z
    /// arrive here as 3 and 26, not as signals.
    public static func decodeCharacter(_ code: UInt32) -> Decoded {
        switch code {
        case 8, 127: return .key(.backspace)
        case 9: return .key(.tab)
        case 10, 13: return .key(.enter)
        case 27: return .key(.escape)
        case 1...26:
            // 1 is Ctrl-A; 0x60 + 1 is "a".
            guard let scalar = Unicode.Scalar(0x60 + code) else { return .ignored }
            return .key(.control(Character(scalar)))
        case 0..<32, 0x80..<0xA0:
            return .ignored
        default:
            guard let scalar = Unicode.Scalar(code) else { return .ignored }
            return .key(.character(Character(scalar)))
        }
    }

    /// Decodes a `KEY_*` code `wget_wch` returned with `KEY_CODE_YES`.
    public static func decodeKeyCode(_ code: Int32) -> Decoded {
        switch code {
        case KEY_RESIZE: return .resize
        case KEY_MOUSE: return .mouse
        case KEY_UP: return .key(.up)
        case KEY_DOWN: return .key(.down)
        case KEY_LEFT: return .key(.left)
        case KEY_RIGHT: return .key(.right)
        case KEY_PPAGE, KEY_A3: return .key(.pageUp)
        case KEY_NPAGE, KEY_C3: return .key(.pageDown)
        case KEY_HOME, KEY_A1: return .key(.home)
        case KEY_END, KEY_C1: return .key(.end)
        case KEY_DC: return .key(.delete)
        case KEY_IC: return .key(.insert)
        case KEY_BTAB: return .key(.backTab)
        case KEY_BACKSPACE: return .key(.backspace)
        case KEY_ENTER: return .key(.enter)
        default:
            // Shift-F1 arrives as F13; Ctrl-F1 as F25, which no key name can bind.
            let n = Int(code) - Int(opsdeck_key_f(0))
            if (1...24).contains(n) { return .key(.function(n)) }
            return .ignored
        }
    }

    /// The `getmouse` button bits the backend asks for and decodes.
    public enum MouseMask {
        public static let button1Pressed = UInt(opsdeck_button1_pressed())
        public static let button1Released = UInt(opsdeck_button1_released())
        public static let button1Clicked = UInt(opsdeck_button1_clicked())
        public static let button4Pressed = UInt(opsdeck_button4_pressed())
        public static let button5Pressed = UInt(opsdeck_button5_pressed())
        /// Everything `mousemask` is given: left press and release and the wheel.
        public static let wanted = button1Pressed | button1Released | button4Pressed | button5Pressed
    }

    /// Decodes a `getmouse` event; nil for buttons the app does not handle.
    /// - Parameters:
    ///   - buttonState: `MEVENT.bstate`.
    ///   - x: `MEVENT.x`, the column.
    ///   - y: `MEVENT.y`, the row.
    public static func decodeMouse(buttonState: UInt, x: Int, y: Int) -> MouseEvent? {
        let position = Point(x: x, y: y)
        if buttonState & MouseMask.button4Pressed != 0 {
            return MouseEvent(kind: .wheelUp, position: position)
        }
        if buttonState & MouseMask.button5Pressed != 0 {
            return MouseEvent(kind: .wheelDown, position: position)
        }
        // With mouseinterval(0) curses does not fold press and release into a click;
        // a click that still arrives is taken as the press the app acts on.
        if buttonState & (MouseMask.button1Pressed | MouseMask.button1Clicked) != 0 {
            return MouseEvent(kind: .press, position: position)
        }
        if buttonState & MouseMask.button1Released != 0 {
            return MouseEvent(kind: .release, position: position)
        }
        return nil
    }
}
