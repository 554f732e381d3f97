import OpsDeckUI

extension OpsDeckConfiguration {
    /// The default keymap with this configuration's `[keys]` rebinds applied.
    ///
    /// Rebinds are applied in `KeyAction` order; the loader has already dropped keys
    /// listed under two actions, so the order does not change the result.
    public func keymap() -> Keymap {
        var keymap = Keymap.defaults
        for action in KeyAction.allCases {
            if let keys = keys[action] { keymap.rebind(action, to: keys) }
        }
        return keymap
    }
}
