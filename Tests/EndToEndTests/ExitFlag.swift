import Foundation

/// A lock-protected pair of booleans shared between the exit handler and the timer.
final class ExitFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    private var expired = false

    var isSet: Bool { lock.withLock { value } }
    var didTimeOut: Bool { lock.withLock { expired } }
    func set() { lock.withLock { value = true } }
    func timedOut() { lock.withLock { expired = true } }
}
