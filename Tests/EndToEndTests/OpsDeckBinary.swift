import Foundation

/// Where the built `opsdeck` is: `<repo>/.build/debug/opsdeck`, found from this file's
/// path so the tests work from any directory; `OPSDECK_BIN` overrides it.
enum OpsDeckBinary {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()  // EndToEndTests
            .deletingLastPathComponent()  // Tests
            .deletingLastPathComponent()
    }

    static var path: String {
        if let override = ProcessInfo.processInfo.environment["OPSDECK_BIN"], !override.isEmpty {
            return override
        }
        return repositoryRoot.appendingPathComponent(".build/debug/opsdeck").path
    }

    /// The binary's path. Warns once on stderr when a file under Sources/ is newer than
    /// the binary: `swift test` compiles the app's modules but does not relink the
    /// executable, so after an edit only `swift build` brings the binary up to date.
    /// - Throws: `E2EError.binaryMissing` when it has not been built.
    static func require() throws -> String {
        let path = self.path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw E2EError.binaryMissing(path: path)
        }
        _ = staleWarning
        return path
    }

    /// Printed at most once per test run (a static let is initialised once).
    private static let staleWarning: Void = {
        guard let newer = newestSource(after: path) else { return }
        let message =
            "warning: \(path) is older than \(newer); the end-to-end tests may run an out-of-date app. "
            + "Run `swift build` first.\n"
        FileHandle.standardError.write(Data(message.utf8))
    }()

    /// A file under Sources/ modified after the file at `path`, if any.
    private static func newestSource(after path: String) -> String? {
        let manager = FileManager.default
        guard let built = (try? manager.attributesOfItem(atPath: path))?[.modificationDate] as? Date else {
            return nil
        }
        let sources = repositoryRoot.appendingPathComponent("Sources")
        guard
            let walker = manager.enumerator(
                at: sources, includingPropertiesForKeys: [.contentModificationDateKey])
        else { return nil }
        for case let url as URL in walker {
            let modified = (try? url.resourceValues(forKeys: [.contentModificationDateKey]))?
                .contentModificationDate
            if let modified, modified > built { return url.path }
        }
        return nil
    }
}
