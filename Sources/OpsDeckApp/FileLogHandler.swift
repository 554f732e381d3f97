import Foundation
import Logging

/// A swift-log handler that appends to a file: curses owns the screen, so nothing is
/// ever logged to it. The file is created 0600 in a 0700 directory.
public struct FileLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var logLevel: Logger.Level = .info
    private let label: String
    private let sink: Sink

    final class Sink: @unchecked Sendable {
        // Guarded by `lock`; FileHandle writes from several tasks must not interleave.
        private let lock = NSLock()
        private let handle: FileHandle?

        init(path: String) {
            let directory = (path as NSString).deletingLastPathComponent
            try? FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            if !FileManager.default.fileExists(atPath: path) {
                FileManager.default.createFile(
                    atPath: path, contents: nil, attributes: [.posixPermissions: 0o600])
            }
            handle = FileHandle(forWritingAtPath: path)
            _ = try? handle?.seekToEnd()
        }

        func write(_ line: String) {
            lock.lock()
            defer { lock.unlock() }
            try? handle?.write(contentsOf: Data(line.utf8))
        }
    }

    public init(label: String, path: String) {
        self.label = label
        self.sink = Sink(path: path)
    }

    private init(label: String, sink: Sink) {
        self.label = label
        self.sink = sink
    }

    /// A factory for `LoggingSystem.bootstrap` that shares one open file.
    public static func factory(path: String) -> @Sendable (String) -> any LogHandler {
        let sink = Sink(path: path)
        return { label in FileLogHandler(label: label, sink: sink) }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var all = metadata
        if let extra = event.metadata { all.merge(extra) { $1 } }
        let meta =
            all.isEmpty
            ? "" : " " + all.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        let stamp = ISO8601DateFormatter().string(from: Date())
        sink.write("\(stamp) \(event.level) \(label): \(event.message)\(meta)\n")
    }
}
