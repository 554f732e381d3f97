import TerminalKit

/// Which key does what. Defaults follow k9s and vim; the config file's `[keys]` table
/// rebinds by action name. No action that changes anything sits on a Ctrl chord.
public struct Keymap: Sendable, Hashable {
    public private(set) var bindings: [Key: KeyAction]

    public init(bindings: [Key: KeyAction]) { self.bindings = bindings }

    public static let defaults = Keymap(bindings: [
        .character("q"): .quit,
        .control("c"): .quit,
        .character("?"): .help,
        .tab: .nextPane,
        .backTab: .previousPane,
        .character("1"): .pane1,
        .character("2"): .pane2,
        .character("3"): .pane3,
        .character("4"): .pane4,
        .character("5"): .pane5,
        .character("z"): .zoom,
        .character("j"): .down,
        .down: .down,
        .character("k"): .up,
        .up: .up,
        .pageDown: .pageDown,
        .control("f"): .pageDown,
        .pageUp: .pageUp,
        .control("b"): .pageUp,
        .character("g"): .top,
        .home: .top,
        .character("G"): .bottom,
        .end: .bottom,
        .enter: .open,
        .escape: .back,
        .character("/"): .filter,
        .character(":"): .command,
        .character("s"): .sortNext,
        .character("S"): .sortReverse,
        .character(" "): .toggleNode,
        .character("v"): .toggleView,
        .character("r"): .refresh,
        .control("l"): .redraw,
        .control("z"): .suspend,
        .character("a"): .acknowledgeIncident,
        .character("R"): .resolveIncident,
        .character("Z"): .snoozeIncident,
        .character("n"): .noteIncident,
        .character("A"): .reassignIncident,
        .character("b"): .breakGlass,
        .character("L"): .auditLog,
    ])

    public func action(for key: Key) -> KeyAction? { bindings[key] }

    /// The keys bound to `action` for help and hints: plain characters first, then
    /// named keys, then Ctrl chords.
    public func keys(for action: KeyAction) -> [Key] {
        func rank(_ key: Key) -> Int {
            switch key {
            case .character: 0
            case .control: 2
            default: 1
            }
        }
        return bindings.filter { $0.value == action }.map(\.key).sorted {
            rank($0) == rank($1) ? $0.name < $1.name : rank($0) < rank($1)
        }
    }

    /// Binds `keys` to `action`, replacing whatever `action` had and taking the keys
    /// from any other action.
    public mutating func rebind(_ action: KeyAction, to keys: [Key]) {
        bindings = bindings.filter { $0.value != action }
        for key in keys { bindings[key] = action }
    }
}
