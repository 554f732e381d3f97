import Foundation
import OpsDeckUI
import Synchronization

/// Connects the credential chain's request for an MFA code to the console's masked prompt:
/// `ask` posts the request to the UI and waits; the prompt's Enter or Esc calls `answer`.
///
/// Requests for the same device while one is open wait for the same answer, so concurrent
/// fetches needing one role never show two prompts.
final class ConsoleMFAPrompt: Sendable {
    private struct Waiting {
        var serial: String
        var continuations: [CheckedContinuation<String, any Error>]
    }

    private let mailbox: ActionMailbox
    // The open prompt, then requests for other devices queued behind it.
    private let queue = Mutex<[Waiting]>([])
    private let cancelled = Mutex<(count: Int, serial: String?)>((0, nil))

    /// How many prompts were cancelled so far, and the device of the last one: a refresh
    /// compares it before and after, to say in a few words why it failed.
    var cancellations: (count: Int, serial: String?) { cancelled.withLock { $0 } }

    init(mailbox: ActionMailbox) {
        self.mailbox = mailbox
    }

    /// Asks the user for the current code of `serial`.
    /// - Throws: `MFAPromptError.cancelled` when the user pressed Esc.
    func ask(_ serial: String) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            let shouldPost = queue.withLock { queue -> Bool in
                if let index = queue.firstIndex(where: { $0.serial == serial }) {
                    queue[index].continuations.append(continuation)
                    return false
                }
                queue.append(Waiting(serial: serial, continuations: [continuation]))
                return queue.count == 1
            }
            if shouldPost { mailbox.post(.mfaRequested(serial: serial)) }
        }
    }

    /// The prompt's answer: the code, or nil when cancelled. Resumes everybody waiting for
    /// that device, then opens the next prompt, if any.
    func answer(_ code: MFACode?) {
        let (answered, next) = queue.withLock { queue -> (Waiting?, String?) in
            guard !queue.isEmpty else { return (nil, nil) }
            let first = queue.removeFirst()
            return (first, queue.first?.serial)
        }
        guard let answered else { return }
        if code == nil {
            cancelled.withLock { $0 = ($0.count + 1, answered.serial) }
        }
        for continuation in answered.continuations {
            if let code {
                continuation.resume(returning: code.value)
            } else {
                continuation.resume(throwing: MFAPromptError.cancelled(serial: answered.serial))
            }
        }
        if let next { mailbox.post(.mfaRequested(serial: next)) }
    }

    /// Fails every waiting request (the console is closing).
    func cancelAll() {
        let all = queue.withLock { queue in
            defer { queue.removeAll() }
            return queue
        }
        for waiting in all {
            for continuation in waiting.continuations {
                continuation.resume(throwing: MFAPromptError.cancelled(serial: waiting.serial))
            }
        }
    }
}
