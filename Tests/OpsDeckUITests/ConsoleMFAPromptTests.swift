import Foundation
import OpsDeckUI
import Testing

@testable import OpsDeckApp

/// The bridge between the credential chain's MFA request and the console's prompt.
@Suite struct ConsoleMFAPromptTests {
    /// Waits (by yielding, never sleeping) until the mailbox holds an action.
    func nextAction(_ mailbox: ActionMailbox) async -> [Action] {
        for _ in 0..<100_000 {
            let actions = mailbox.drain()
            if !actions.isEmpty { return actions }
            await Task.yield()
        }
        return []
    }

    func serials(_ actions: [Action]) -> [String] {
        actions.compactMap { if case .mfaRequested(let serial) = $0 { serial } else { nil } }
    }

    @Test func oneDeviceOnePromptAndEveryWaiterGetsTheCode() async throws {
        let mailbox = ActionMailbox()
        let prompt = ConsoleMFAPrompt(mailbox: mailbox)
        let serial = "arn:aws:iam::123456789012:mfa/alice"
        let first = Task { try await prompt.ask(serial) }
        #expect(serials(await nextAction(mailbox)) == [serial])
        let second = Task { try await prompt.ask(serial) }
        // Give the second request every chance to (wrongly) post a prompt of its own.
        for _ in 0..<1_000 { await Task.yield() }
        prompt.answer(MFACode("123456"))
        #expect(try await first.value == "123456")
        #expect(try await second.value == "123456")
        #expect(serials(mailbox.drain()).isEmpty)
    }

    @Test func cancellingFailsTheRequestWithAClearMessageAndOpensTheNextPrompt() async throws {
        let mailbox = ActionMailbox()
        let prompt = ConsoleMFAPrompt(mailbox: mailbox)
        let alice = "arn:aws:iam::123456789012:mfa/alice"
        let bob = "arn:aws:iam::123456789012:mfa/bob"
        let first = Task { try await prompt.ask(alice) }
        #expect(serials(await nextAction(mailbox)) == [alice])
        let second = Task { try await prompt.ask(bob) }
        for _ in 0..<1_000 { await Task.yield() }
        #expect(serials(mailbox.drain()).isEmpty)
        prompt.answer(nil)
        await #expect(throws: MFAPromptError.cancelled(serial: alice)) { try await first.value }
        #expect("\(MFAPromptError.cancelled(serial: alice))".contains("refresh again"))
        #expect(serials(await nextAction(mailbox)) == [bob])
        prompt.cancelAll()
        await #expect(throws: MFAPromptError.cancelled(serial: bob)) { try await second.value }
    }
}
