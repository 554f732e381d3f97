/// A mouse event in cell coordinates.
public struct MouseEvent: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case press
        case release
        case wheelUp
        case wheelDown
    }

    public var kind: Kind
    public var position: Point

    public init(kind: Kind, position: Point) {
        self.kind = kind
        self.position = position
    }
}

/// What the terminal reports: a key, a new size, or a mouse event.
public enum InputEvent: Sendable, Hashable {
    case key(Key)
    case resize(Size)
    case mouse(MouseEvent)
}
