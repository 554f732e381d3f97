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

    /// The binary's path.
    /// - Throws: `E2EError.binaryMissing` when it has not been built.
    static func require() throws -> String {
        let path = self.path
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw E2EError.binaryMissing(path: path)
        }
        return path
    }
}
