import Foundation
import TerminalKit
import Testing

@testable import OpsDeckUI

/// The user docs must not fall behind the code: every action, default key and theme
/// role is named where users look for it.
@Suite struct DocsTests {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private func read(_ path: String) throws -> String {
        try String(contentsOf: Self.repository.appendingPathComponent(path), encoding: .utf8)
    }

    @Test func keysDocNamesEveryAction() throws {
        let doc = try read("docs/keys.md")
        for action in KeyAction.allCases {
            #expect(doc.contains("`\(action.rawValue)`"), "docs/keys.md lacks `\(action.rawValue)`")
        }
    }

    /// Single characters must appear exactly (`g` and `G` differ); named keys may be
    /// capitalised (`Ctrl-C`, `PgDn`, `Shift-Tab`).
    @Test func keysDocNamesEveryDefaultKey() throws {
        let doc = try read("docs/keys.md")
        let lowered = doc.lowercased()
        for key in Keymap.defaults.bindings.keys {
            let name = key.name
            if name.count == 1 {
                #expect(doc.contains("`\(name)`"), "docs/keys.md lacks `\(name)`")
            } else {
                #expect(lowered.contains("`\(name.lowercased())`"), "docs/keys.md lacks `\(name)`")
            }
        }
    }

    @Test func keysDocListsEveryCommand() throws {
        let doc = try read("docs/keys.md")
        for entry in ConsoleCommand.catalog {
            #expect(doc.contains("`:\(entry.name)"), "docs/keys.md lacks :\(entry.name)")
        }
    }

    @Test func themesDocNamesEveryRole() throws {
        let doc = try read("docs/themes.md")
        for role in ThemeRole.allCases {
            #expect(doc.contains("`\(role.rawValue)`"), "docs/themes.md lacks `\(role.rawValue)`")
        }
    }
}
