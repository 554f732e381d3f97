import Foundation
import OpsDeckUI
import TerminalKit
import Testing

@testable import OpsDeckConfig

/// The top-level themes/ directory, found from this file so the test does not depend
/// on the working directory.
private let themesDirectory: String = {
    let testFile = URL(fileURLWithPath: #filePath)
    return testFile.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("themes").path
}()

private func themeFileNames() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: themesDirectory)
        .filter { $0.hasSuffix(".toml") }
        .map { String($0.dropLast(5)) }
        .sorted()
}

@Suite struct ShippedThemeTests {
    @Test func everyFileInThemesIsBuiltInAndViceVersa() throws {
        let files = try themeFileNames()
        #expect(files.count >= 5)
        #expect(files == BuiltinThemes.names.sorted())
    }

    @Test func embeddedBytesMatchTheFiles() throws {
        for (name, bytes) in BuiltinThemes.all {
            let data = try Data(contentsOf: URL(fileURLWithPath: themesDirectory + "/\(name).toml"))
            #expect([UInt8](data) == bytes, "embedded \(name).toml is stale; rebuild")
        }
    }

    @Test(arguments: BuiltinThemes.names)
    func shippedThemeDecodesAndCoversEveryRole(name: String) throws {
        let text = try #require(BuiltinThemes.text(named: name))
        let problems = ThemeLoader.validate(text: text, file: "\(name).toml", requireAllRoles: true)
        #expect(problems.isEmpty, "\(problems.map(\.description))")
        let theme = try #require(ThemeLoader.builtin(named: name))
        #expect(theme.missingRoles.isEmpty)
        #expect(theme.name == name)
    }

    @Test(arguments: BuiltinThemes.names)
    func shippedThemeDocumentsTheFormat(name: String) throws {
        let text = try #require(BuiltinThemes.text(named: name))
        #expect(text.hasPrefix("# OpsDeck theme \"\(name)\""))
        #expect(text.contains("# Colours:"))
        #expect(text.contains("# Attributes:"))
    }

    /// What must stand out in every theme: selection, production, alarms and failures
    /// each look different from plain text and from each other where it matters.
    @Test(arguments: BuiltinThemes.names)
    func importantRolesStandOut(name: String) throws {
        let theme = try #require(ThemeLoader.builtin(named: name))
        let text = theme[.text]
        for role: ThemeRole in [
            .selection, .prodFrame, .prodText, .alarm, .incidentTriggered, .pipelineFailed,
            .severityCritical, .error,
        ] {
            #expect(theme[role] != text, "\(name): \(role.rawValue) looks like plain text")
        }
        #expect(theme[.prodFrame] != theme[.border], "\(name): production frame looks like any frame")
        #expect(theme[.prodFrame] != theme[.borderFocused], "\(name): production frame looks like focus")
        #expect(theme[.selection] != theme[.alarm])
        #expect(theme[.selection] != theme[.pipelineFailed])
        #expect(theme[.selection] != theme[.prodText])
        #expect(theme[.alarm].attributes.contains(.bold) || theme[.alarm].background != .default)
    }

    @Test func monochromeUsesAttributesOnly() throws {
        let theme = try #require(ThemeLoader.builtin(named: "monochrome"))
        for (role, style) in theme.styles {
            #expect(style.foreground == .default, "\(role.rawValue) has a foreground colour")
            #expect(style.background == .default, "\(role.rawValue) has a background colour")
        }
        let distinct: [ThemeRole] = [.text, .selection, .alarm, .prodText]
        let attributes = distinct.map { theme[$0].attributes.rawValue }
        #expect(Set(attributes).count == distinct.count, "monochrome roles collide: \(attributes)")
        #expect(theme[.selection].attributes.contains(.reverse))
        #expect(theme[.pipelineFailed].attributes == theme[.alarm].attributes)
        #expect(theme[.incidentTriggered].attributes.isSuperset(of: [.bold, .underline]))
        #expect(theme[.prodFrame].attributes.contains(.bold))
    }

    @Test func defaultThemeIsTheShippedDefault() throws {
        let shipped = try #require(ThemeLoader.builtin(named: "default"))
        #expect(ThemeLoader.defaultTheme == shipped)
        #expect(ThemeLoader.defaultTheme[.prodFrame].foreground == .indexed(196))
    }
}
