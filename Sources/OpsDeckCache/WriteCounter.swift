import Foundation

/// Counts this process's committed writes, so observers notice them without asking SQLite
/// (an in-memory database has no second connection to ask).
final class WriteCounter: @unchecked Sendable {
    // `Mutex` needs macOS 15; the package supports 14.
    private let lock = NSLock()
    private var count: Int64 = 0

    var value: Int64 {
        lock.lock()
        defer { lock.unlock() }
        return count
    }

    func increment() {
        lock.lock()
        count &+= 1
        lock.unlock()
    }
}
