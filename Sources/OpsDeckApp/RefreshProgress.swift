import Foundation

/// Progress of a refresh: a bar redrawn in place on a terminal, a plain line per tenth
/// otherwise (logs and CI stay readable).
final class RefreshProgress: @unchecked Sendable {
    // Guarded by `lock`: updated from the refresh's tasks.
    private let lock = NSLock()
    private let output: FileHandle
    private let interactive: Bool
    private var lastTenth = -1

    init(output: FileHandle, interactive: Bool) {
        self.output = output
        self.interactive = interactive
    }

    func update(_ done: Int, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        guard total > 0 else { return }
        if interactive {
            let width = 30
            let filled = min(width, done * width / total)
            let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
            output.write(Data("\r[\(bar)] \(done)/\(total)".utf8))
        } else {
            let tenth = done * 10 / total
            if tenth != lastTenth {
                lastTenth = tenth
                output.write(Data("refresh: \(done)/\(total)\n".utf8))
            }
        }
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if interactive { output.write(Data("\n".utf8)) }
    }
}
