import Foundation

/// The OSC 52 escape that asks the terminal to put text on the clipboard; it travels over
/// SSH and through tmux (with `set-clipboard on`), so the user's local clipboard gets it.
public enum OSC52 {
    /// `ESC ] 52 ; c ; base64(text) BEL`.
    public static func copySequence(_ text: String) -> String {
        "\u{1B}]52;c;" + Data(text.utf8).base64EncodedString() + "\u{07}"
    }
}
