import Foundation

/// `opsdeck config check`: every problem in a config file, each with its line.
public enum ConfigChecker {
    /// Checks config text as the loader would read it, plus the file's permissions.
    /// - Parameters:
    ///   - text: the file's contents.
    ///   - path: the file; used in messages, for relative theme paths, and to read its
    ///     permissions (a file holding a secret must be 0600). Need not exist.
    ///   - userThemesDirectory: where `theme = "NAME"` is looked up before the built-ins.
    ///   - env: for `~` in theme paths.
    /// - Returns: the problems in line order; empty when the file is fine.
    public static func check(
        text: String, path: String, userThemesDirectory: String? = nil, env: [String: String] = [:]
    ) -> [ConfigProblem] {
        check(
            text: text, path: path, fileMode: fileMode(atPath: path),
            userThemesDirectory: userThemesDirectory, env: env)
    }

    /// As `check(text:path:...)` with the permission bits given rather than read.
    static func check(
        text: String, path: String, fileMode: Int?, userThemesDirectory: String?, env: [String: String]
    ) -> [ConfigProblem] {
        let context = ConfigDecoder.Context(
            userThemesDirectory: userThemesDirectory, baseDirectory: ConfigPaths.directory(of: path), env: env
        )
        let decoded = ConfigDecoder.decode(text: text, file: path, context: context)
        let permissions = permissionProblems(decoded, text: text, path: path, fileMode: fileMode)
        return (decoded.problems + permissions).sortedByLocation()
    }

    /// A file with a secret in it must not be readable by anyone but its owner.
    static func permissionProblems(
        _ decoded: ConfigDecoder.Decoded, text: String, path: String, fileMode: Int?
    ) -> [ConfigProblem] {
        guard let mode = fileMode, mode & 0o077 != 0, let first = decoded.secretPaths.first else { return [] }
        let location = TOMLKeyLocator(text: text).location(first)?.key
        let octal = String(mode & 0o777, radix: 8)
        let names = decoded.secretPaths.map { path in
            path.map(\.description).joined(separator: ".")
        }.joined(separator: ", ")
        return [
            ConfigProblem(
                file: path, line: location?.line, column: location?.column, severity: .error,
                message: "the file holds secrets (\(names)) but other users can read it (mode \(octal)); "
                    + "run: chmod 600 \(shellQuoted(path))")
        ]
    }

    /// The permission bits of a file; nil when it does not exist or cannot be read.
    static func fileMode(atPath path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            let mode = attributes[.posixPermissions] as? NSNumber
        else { return nil }
        return mode.intValue
    }

    static func shellQuoted(_ path: String) -> String {
        let safe = path.unicodeScalars.allSatisfy {
            CharacterSet.alphanumerics.contains($0) && $0.isASCII || "/._-~".unicodeScalars.contains($0)
        }
        return safe ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
