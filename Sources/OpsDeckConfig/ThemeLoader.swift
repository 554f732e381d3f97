import Foundation
import OpsDeckUI

/// Finds, reads and decodes themes.
///
/// A user theme may leave roles out; they come from its `base` theme (a built-in,
/// `default` unless the file says `base = "light"`). Shipped themes define every role.
public enum ThemeLoader {
    /// The shipped `default` theme. Never fails: should the embedded file ever not
    /// decode (a test guards that), every role falls back to plain text.
    public static let defaultTheme: Theme = builtin(named: "default") ?? Theme(name: "default", styles: [:])

    /// A shipped theme by name, fully decoded; nil if there is none or it is broken.
    public static func builtin(named name: String) -> Theme? {
        guard let text = BuiltinThemes.text(named: name) else { return nil }
        let decoded = ThemeDecoder.decode(text: text, file: "\(name).toml")
        guard decoded.errors.isEmpty else { return nil }
        return Theme(name: name, styles: decoded.styles)
    }

    /// True when `value` names a file rather than a theme: it has a `/` or ends `.toml`.
    public static func isPath(_ value: String) -> Bool {
        value.contains("/") || value.hasSuffix(".toml")
    }

    /// Loads a theme by name or path.
    ///
    /// A path is read as is. A name is looked up as `NAME.toml` in
    /// `userThemesDirectory` first (so a user can override a shipped theme), then
    /// among the built-in themes.
    /// - Throws: `ThemeError` naming the file, the line and what is wrong.
    public static func load(nameOrPath: String, userThemesDirectory: String?) throws(ThemeError) -> Theme {
        if isPath(nameOrPath) {
            return try loadFile(nameOrPath, name: themeName(fromPath: nameOrPath))
        }
        var searched: [String] = []
        if let directory = userThemesDirectory {
            let path = ConfigPaths.join(directory, "\(nameOrPath).toml")
            if FileManager.default.fileExists(atPath: path) {
                return try loadFile(path, name: nameOrPath)
            }
            searched.append(directory)
        }
        if let text = BuiltinThemes.text(named: nameOrPath) {
            return try decode(text: text, name: nameOrPath, file: "\(nameOrPath).toml (built in)")
        }
        searched.append("the built-in themes")
        let suggestion = Suggestion.closest(
            to: nameOrPath, in: Theme.names(userThemesDirectory: userThemesDirectory))
        throw ThemeError(
            file: nameOrPath,
            kind: .notFound(
                name: nameOrPath, searched: searched, suggestion: suggestion))
    }

    /// Like `load`, but on any error returns the default theme and the error, which
    /// the app shows in its status bar instead of refusing to start.
    public static func loadOrDefault(
        nameOrPath: String, userThemesDirectory: String?
    ) -> (theme: Theme, error: ThemeError?) {
        do {
            return (try load(nameOrPath: nameOrPath, userThemesDirectory: userThemesDirectory), nil)
        } catch {
            return (defaultTheme, error)
        }
    }

    /// Decodes theme text as a user theme: left-out roles come from the base theme.
    /// - Parameters:
    ///   - name: the theme's name, as `:theme` shows it.
    ///   - file: how errors name the file.
    /// - Throws: the first `ThemeError` in line order.
    public static func decode(text: String, name: String, file: String) throws(ThemeError) -> Theme {
        let decoded = ThemeDecoder.decode(text: text, file: file)
        if let first = decoded.errors.first { throw first }
        let base = decoded.base.flatMap { builtin(named: $0) } ?? defaultTheme
        let styles = base.styles.merging(decoded.styles) { _, own in own }
        return Theme(name: name, styles: styles)
    }

    /// Every problem in a theme file, in line order; with `requireAllRoles` (for
    /// shipped themes) a role the file leaves out is a problem too.
    public static func validate(text: String, file: String, requireAllRoles: Bool) -> [ThemeError] {
        let decoded = ThemeDecoder.decode(text: text, file: file)
        guard requireAllRoles, decoded.errors.allSatisfy({ $0.kind.isSyntax == false }) else {
            return decoded.errors
        }
        let missing = ThemeRole.allCases.filter { decoded.styles[$0] == nil }
        guard !missing.isEmpty else { return decoded.errors }
        return decoded.errors + [ThemeError(file: file, kind: .missingRoles(missing.map(\.rawValue)))]
    }

    static func loadFile(_ path: String, name: String) throws(ThemeError) -> Theme {
        let text: String
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            guard let decoded = String(data: data, encoding: .utf8) else {
                throw ThemeError(file: path, kind: .unreadable(reason: "the file is not UTF-8 text"))
            }
            text = decoded
        } catch let error as ThemeError {
            throw error
        } catch {
            let reason =
                FileManager.default.fileExists(atPath: path)
                ? "permission denied or not a file"
                : "no such file"
            throw ThemeError(file: path, kind: .unreadable(reason: reason))
        }
        return try decode(text: text, name: name, file: path)
    }

    static func themeName(fromPath path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        return file.hasSuffix(".toml") ? String(file.dropLast(5)) : file
    }
}

extension ThemeError.Kind {
    var isSyntax: Bool {
        if case .syntax = self { return true }
        return false
    }
}
