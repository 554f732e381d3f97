import TerminalKit

/// A named mapping from semantic roles to styles.
public struct Theme: Sendable, Hashable {
    public var name: String
    public var styles: [ThemeRole: Style]

    public init(name: String, styles: [ThemeRole: Style]) {
        self.name = name
        self.styles = styles
    }

    /// The style for `role`; a role the theme leaves out falls back to plain text.
    public subscript(role: ThemeRole) -> Style { styles[role] ?? styles[.text] ?? .plain }

    /// Roles this theme does not define.
    public var missingRoles: [ThemeRole] { ThemeRole.allCases.filter { styles[$0] == nil } }
}
