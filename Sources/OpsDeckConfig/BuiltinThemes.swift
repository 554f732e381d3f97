/// The themes compiled into the binary, so OpsDeck works without the repository.
///
/// The bytes come from the top-level `themes/` directory through SwiftPM's
/// `embedInCode`; a test checks that this list and that directory agree.
public enum BuiltinThemes {
    /// Every shipped theme, `default` first.
    static let all: [(name: String, bytes: [UInt8])] = [
        ("default", PackageResources.default_toml),
        ("light", PackageResources.light_toml),
        ("high-contrast", PackageResources.high_contrast_toml),
        ("monochrome", PackageResources.monochrome_toml),
        ("solarized-dark", PackageResources.solarized_dark_toml),
    ]

    /// The names of the shipped themes, `default` first.
    public static var names: [String] { all.map(\.name) }

    /// The TOML text of a shipped theme; nil when there is none by that name.
    public static func text(named name: String) -> String? {
        all.first { $0.name == name }.map { String(decoding: $0.bytes, as: UTF8.self) }
    }
}
