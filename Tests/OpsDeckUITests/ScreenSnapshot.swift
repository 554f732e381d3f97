import Foundation
import Testing

/// Compares rendered screens with committed text snapshots under `Snapshots/`.
///
/// A missing snapshot is written and the test fails, so a new screen is always looked
/// at once; `OPSDECK_RECORD_SNAPSHOTS=1` rewrites them all after a deliberate change.
enum ScreenSnapshot {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
        "Snapshots")

    static func assertMatches(
        _ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = directory.appendingPathComponent(name + ".txt")
        let record = ProcessInfo.processInfo.environment["OPSDECK_RECORD_SNAPSHOTS"] == "1"
        guard !record, let expected = try? String(contentsOf: url, encoding: .utf8) else {
            try? FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record(
                "Recorded snapshot \(name).txt; check it and run again", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
            var diff = ""
            for i in 0..<max(expectedLines.count, actualLines.count) {
                let e = i < expectedLines.count ? String(expectedLines[i]) : "<none>"
                let a = i < actualLines.count ? String(actualLines[i]) : "<none>"
                if e != a { diff += "line \(i + 1):\n  expected: \(e)\n  actual:   \(a)\n" }
                if diff.count > 3000 { break }
            }
            Issue.record("Snapshot \(name).txt differs:\n\(diff)", sourceLocation: sourceLocation)
        }
    }
}
