/// A single-line text input: the text, a cursor, and the readline-style edits a
/// filter or MFA prompt needs. A value: the pane owns it and draws it.
public struct TextField: Sendable, Hashable {
    /// Characters, not a `String`, so cursor moves and edits are O(1) index steps.
    public private(set) var characters: [Character]
    /// The cursor position in characters, `0...count`.
    public private(set) var cursor: Int
    /// Draw each character as the mask glyph (secrets, MFA codes).
    public var isMasked: Bool

    /// A field holding `text`, with the cursor at its end.
    public init(text: String = "", masked: Bool = false) {
        self.characters = Array(text)
        self.cursor = characters.count
        self.isMasked = masked
    }

    /// The text entered.
    public var text: String {
        get { String(characters) }
        set {
            characters = Array(newValue)
            cursor = characters.count
        }
    }

    public var isEmpty: Bool { characters.isEmpty }

    /// Inserts `character` at the cursor; control characters are ignored.
    public mutating func insert(_ character: Character) {
        guard !Self.isControl(character) else { return }
        characters.insert(character, at: cursor)
        cursor += 1
    }

    /// Inserts `text` at the cursor (a paste); control characters are dropped.
    public mutating func insert(_ text: String) {
        let accepted = text.filter { !Self.isControl($0) }
        characters.insert(contentsOf: accepted, at: cursor)
        cursor += accepted.count
    }

    /// Deletes the character before the cursor.
    public mutating func backspace() {
        guard cursor > 0 else { return }
        characters.remove(at: cursor - 1)
        cursor -= 1
    }

    /// Deletes the character under the cursor.
    public mutating func deleteForward() {
        guard cursor < characters.count else { return }
        characters.remove(at: cursor)
    }

    public mutating func moveLeft() { cursor = max(0, cursor - 1) }
    public mutating func moveRight() { cursor = min(characters.count, cursor + 1) }
    public mutating func moveToStart() { cursor = 0 }
    public mutating func moveToEnd() { cursor = characters.count }

    /// Deletes the word before the cursor and the spaces after it, as Ctrl-W does in a
    /// shell: words are separated by whitespace.
    public mutating func deleteWordBackward() {
        var start = cursor
        while start > 0 && characters[start - 1].isWhitespace { start -= 1 }
        while start > 0 && !characters[start - 1].isWhitespace { start -= 1 }
        characters.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes from the cursor to the end, as Ctrl-K does.
    public mutating func deleteToEnd() {
        characters.removeSubrange(cursor..<characters.count)
    }

    /// Empties the field.
    public mutating func clear() {
        characters.removeAll()
        cursor = 0
    }

    /// Applies an editing key.
    ///
    /// Handles printable characters, backspace, delete, left, right, home, end, and
    /// Ctrl-A (start), Ctrl-E (end), Ctrl-H (backspace), Ctrl-W (delete word), Ctrl-U
    /// (clear), Ctrl-K (delete to end).
    /// - Returns: true when the key was an edit (even one that changed nothing, such
    ///   as backspace at the start); false for keys the caller should handle (enter,
    ///   escape, up, tab...).
    public mutating func apply(_ key: Key) -> Bool {
        switch key {
        case .character(let c):
            guard !Self.isControl(c) else { return false }
            insert(c)
        case .backspace, .control("h"): backspace()
        case .delete: deleteForward()
        case .left: moveLeft()
        case .right: moveRight()
        case .home, .control("a"): moveToStart()
        case .end, .control("e"): moveToEnd()
        case .control("w"): deleteWordBackward()
        case .control("u"): clear()
        case .control("k"): deleteToEnd()
        default: return false
        }
        return true
    }

    private static func isControl(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return true }
        return scalar.properties.generalCategory == .control
    }
}
