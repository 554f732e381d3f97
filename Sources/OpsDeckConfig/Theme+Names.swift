import Foundation
import OpsDeckUI

extension Theme {
    /// The theme names `:theme` can complete: the built-in themes and every
    /// `NAME.toml` in the user themes directory, sorted, each once.
    public static func names(userThemesDirectory: String?) -> [String] {
        var names = Set(BuiltinThemes.names)
        if let directory = userThemesDirectory,
            let files = try? FileManager.default.contentsOfDirectory(atPath: directory)
        {
            for file in files where file.hasSuffix(".toml") && !file.hasPrefix(".") {
                names.insert(String(file.dropLast(5)))
            }
        }
        return names.sorted()
    }
}
