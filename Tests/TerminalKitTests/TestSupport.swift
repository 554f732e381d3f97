import TerminalKit

/// Paints with a role and no colour, so tests read roles from snapshots.
func role(_ name: String) -> Paint { Paint(.plain, role: name) }

/// Draws into a fresh buffer of `width` x `height` and returns it.
func render(_ width: Int, _ height: Int, _ draw: (inout ScreenBuffer) -> Void) -> ScreenBuffer {
    var buffer = ScreenBuffer(size: Size(width: width, height: height))
    draw(&buffer)
    return buffer
}

/// The rows of a buffer as text, trailing spaces trimmed.
func lines(_ buffer: ScreenBuffer) -> [String] {
    buffer.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
}
