import AWSSigV4
import Foundation

/// The AWS SigV4 conformance suite (as shipped with aws-c-auth): one directory per case,
/// each with `context.json`, `request.txt` and the expected canonical request, string to
/// sign, signature and signed request, for header signing and for presigning.
///
/// Found at `<dir>/shared/testdata/aws-sigv4`, where `<dir>` is `$OPSDECK_SHARED_DIR`'s
/// parent when that is set, else the package root or one of its three nearest ancestors
/// (so `/work/main` and a worktree at `/work/wt/<name>` both find `/work/shared`).
enum ConformanceSuite {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // AWSSigV4Tests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()

    static let directory: URL? = locate()

    /// Whether the suite is present; prints one line saying where it looked when it is not.
    static let isAvailable: Bool = {
        if directory == nil {
            let searched = searchedPaths.map(\.path).joined(separator: ", ")
            print("SigV4 conformance suite not found at \(searched); skipped")
        }
        return directory != nil
    }()

    /// The case directory names, sorted; empty when the suite is missing.
    static let caseNames: [String] = {
        guard let directory,
            let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path)
        else { return [] }
        return entries.filter { name in
            FileManager.default.fileExists(
                atPath: directory.appendingPathComponent(name).appendingPathComponent("context.json").path)
        }.sorted()
    }()

    static var searchedPaths: [URL] {
        var candidates: [URL] = []
        if let shared = ProcessInfo.processInfo.environment["OPSDECK_SHARED_DIR"], !shared.isEmpty {
            candidates.append(URL(fileURLWithPath: shared).appendingPathComponent("testdata/aws-sigv4"))
        }
        var dir = packageRoot
        for _ in 0...3 {
            candidates.append(dir.appendingPathComponent("shared/testdata/aws-sigv4"))
            dir = dir.deletingLastPathComponent()
        }
        return candidates
    }

    private static func locate() -> URL? {
        searchedPaths.first { url in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }
    }
}
