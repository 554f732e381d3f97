import CNCursesw
import TerminalKit
import Testing

@testable import CursesTerminal

@Suite("Decoding wget_wch results")
struct KeyDecoderTests {
    @Test(
        "Characters",
        arguments: [
            (UInt32(97), Key.character("a")),
            (32, .character(" ")),
            (65, .character("A")),
            (126, .character("~")),
            (0xE9, .character("é")),
            (0x6F22, .character("漢")),
            (0x1F600, .character("😀")),
        ])
    func characters(code: UInt32, key: Key) {
        #expect(CursesInputDecoder.decode(isKeyCode: false, code: code) == .key(key))
    }

    @Test(
        "Control codes in raw mode",
        arguments: [
            (UInt32(1), Key.control("a")),
            (3, .control("c")),
            (17, .control("q")),
            (18, .control("r")),
            (26, .control("z")),
            (8, .backspace),
            (127, .backspace),
            (9, .tab),
            (10, .enter),
            (13, .enter),
            (27, .escape),
        ])
    func controls(code: UInt32, key: Key) {
        #expect(CursesInputDecoder.decode(isKeyCode: false, code: code) == .key(key))
    }

    @Test("Codes the app does not handle are ignored", arguments: [UInt32(0), 28, 31, 0x85, 0x9F, 0xD800])
    func ignoredCharacters(code: UInt32) {
        #expect(CursesInputDecoder.decode(isKeyCode: false, code: code) == .ignored)
    }

    @Test(
        "Key codes",
        arguments: [
            (KEY_UP, Key.up), (KEY_DOWN, .down), (KEY_LEFT, .left), (KEY_RIGHT, .right),
            (KEY_PPAGE, .pageUp), (KEY_NPAGE, .pageDown), (KEY_HOME, .home), (KEY_END, .end),
            (KEY_A1, .home), (KEY_C1, .end), (KEY_A3, .pageUp), (KEY_C3, .pageDown),
            (KEY_DC, .delete), (KEY_IC, .insert), (KEY_BTAB, .backTab),
            (KEY_BACKSPACE, .backspace), (KEY_ENTER, .enter),
        ])
    func keyCodes(code: Int32, key: Key) {
        #expect(CursesInputDecoder.decode(isKeyCode: true, code: UInt32(code)) == .key(key))
    }

    @Test("The key-code flag decides: 0403 is KEY_UP as a key code, U+0103 as a character")
    func keyCodeFlagMatters() {
        #expect(KEY_UP == 0o403)
        #expect(CursesInputDecoder.decode(isKeyCode: true, code: 0o403) == .key(.up))
        #expect(CursesInputDecoder.decode(isKeyCode: false, code: 0o403) == .key(.character("ă")))
    }

    @Test("Function keys F1 to F24; beyond that, and F0, are ignored")
    func functionKeys() {
        #expect(CursesInputDecoder.decodeKeyCode(opsdeck_key_f(1)) == .key(.function(1)))
        #expect(CursesInputDecoder.decodeKeyCode(opsdeck_key_f(12)) == .key(.function(12)))
        #expect(CursesInputDecoder.decodeKeyCode(opsdeck_key_f(24)) == .key(.function(24)))
        #expect(CursesInputDecoder.decodeKeyCode(opsdeck_key_f(25)) == .ignored)
        #expect(CursesInputDecoder.decodeKeyCode(opsdeck_key_f(0)) == .ignored)
    }

    @Test("Resize, mouse and unknown key codes")
    func specialCodes() {
        #expect(CursesInputDecoder.decodeKeyCode(KEY_RESIZE) == .resize)
        #expect(CursesInputDecoder.decodeKeyCode(KEY_MOUSE) == .mouse)
        #expect(CursesInputDecoder.decodeKeyCode(KEY_SLEFT) == .ignored)
        #expect(CursesInputDecoder.decodeKeyCode(KEY_MAX + 10) == .ignored)
    }

    @Test("Decoded keys round-trip through their config names")
    func namesRoundTrip() throws {
        for code: UInt32 in [1, 3, 9, 13, 27, 127, 97] {
            guard case .key(let key) = CursesInputDecoder.decode(isKeyCode: false, code: code) else {
                Issue.record("code \(code) did not decode to a key")
                continue
            }
            #expect(Key(name: key.name) == key)
        }
    }
}

@Suite("Decoding getmouse events")
struct MouseDecoderTests {
    typealias Mask = CursesInputDecoder.MouseMask

    @Test(
        "Buttons",
        arguments: [
            (Mask.button1Pressed, MouseEvent.Kind.press),
            (Mask.button1Clicked, .press),
            (Mask.button1Released, .release),
            (Mask.button4Pressed, .wheelUp),
            (Mask.button5Pressed, .wheelDown),
        ])
    func buttons(state: UInt, kind: MouseEvent.Kind) {
        let event = CursesInputDecoder.decodeMouse(buttonState: state, x: 7, y: 3)
        #expect(event == MouseEvent(kind: kind, position: Point(x: 7, y: 3)))
    }

    @Test("Other buttons and an empty state give no event")
    func otherButtons() {
        // BUTTON2_PRESSED and BUTTON3_PRESSED in the version-2 mouse ABI.
        #expect(CursesInputDecoder.decodeMouse(buttonState: 0o2 << 5, x: 0, y: 0) == nil)
        #expect(CursesInputDecoder.decodeMouse(buttonState: 0o2 << 10, x: 0, y: 0) == nil)
        #expect(CursesInputDecoder.decodeMouse(buttonState: 0, x: 0, y: 0) == nil)
    }

    @Test("The mask asked for holds press, release and both wheel directions, and nothing else")
    func wantedMask() {
        let expected = Mask.button1Pressed | Mask.button1Released | Mask.button4Pressed | Mask.button5Pressed
        #expect(Mask.wanted == expected)
        #expect(Mask.wanted.nonzeroBitCount == 4)
    }
}
