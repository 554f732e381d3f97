import OpsDeckUI

/// Rules for what `[keys]` may bind.
public enum KeyBindingRules {
    /// Actions that change something outside OpsDeck (acknowledge an incident, assume
    /// a role, ...). They may not sit on a Ctrl chord, where a slip of the finger
    /// meant for Ctrl-C or Ctrl-L would fire them. Add them here as they are added to
    /// `KeyAction`.
    public static let destructiveActions: Set<KeyAction> = [.breakGlass]

    /// Actions the user must always be able to reach: a config that leaves one without
    /// a key gets a warning.
    public static let essentialActions: [KeyAction] = [.quit]
}
