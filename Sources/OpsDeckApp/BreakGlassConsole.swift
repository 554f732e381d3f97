import BreakGlass
import Foundation
import OpsDeckConfig
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckUI

/// Break-glass for the console: assumes a role off the main thread (the audit log written
/// before and after), announces it, runs the subshell while the console is handed off, and
/// reads the audit log for the header's countdown and the Audit view.
///
/// The session's credentials live here, in memory, only between the assumption and the end
/// of its subshell; the console's state never holds them.
final class BreakGlassConsole: @unchecked Sendable {
    /// Assumes with the audit log; nil refuses every request with `unavailable`.
    private let assumer: BreakGlassAssumer?
    private let notifier: BreakGlassNotifier
    private let readonly: Bool
    private let unavailable: String
    private let environment: [String: String]
    private let shellCommand: String?
    /// The audit log.
    let auditPath: String
    /// The profile's `mfa_serial`.
    let mfaSerial: String?
    private let closeTransports: @Sendable () async -> Void
    // Guarded by `lock`: filled by the assumption task, emptied on the main thread.
    private let lock = NSLock()
    private var sessions: [String: BreakGlassSession] = [:]
    /// Notification failures waiting for their session's subshell to end, so the message
    /// after it does not hide them.
    private var heldNotices: [String: String] = [:]
    /// Sessions whose subshell has ended.
    private var shellsEnded: Set<String> = []

    /// - Parameters:
    ///   - assumer: nil when break-glass cannot run here (the demo); `unavailable` says why.
    ///   - shellCommand: `OPSDECK_BREAKGLASS_EXEC`: a command instead of `$SHELL` (tests).
    init(
        assumer: BreakGlassAssumer?, notifier: BreakGlassNotifier = BreakGlassNotifier(), readonly: Bool,
        unavailable: String = "", environment: [String: String], auditPath: String, mfaSerial: String?,
        shellCommand: String? = nil, closeTransports: @escaping @Sendable () async -> Void = {}
    ) {
        self.assumer = assumer
        self.notifier = notifier
        self.readonly = readonly
        self.unavailable = unavailable
        self.environment = environment
        self.auditPath = auditPath
        self.mfaSerial = mfaSerial
        self.shellCommand = shellCommand
        self.closeTransports = closeTransports
    }

    /// The console's wiring: the runner's assumer and notifier on one transport.
    static func live(options: ConsoleOptions, configuration: OpsDeckConfiguration, readonly: Bool)
        -> BreakGlassConsole
    {
        let env = options.environment
        let auditPath = AuditLog.defaultPath(environment: env)
        guard !options.demo else {
            return BreakGlassConsole(
                assumer: nil, readonly: readonly,
                unavailable: "The demo does not assume roles: start opsdeck without --demo",
                environment: env, auditPath: auditPath, mfaSerial: nil)
        }
        let runner = BreakGlassRunner(
            profile: options.profile, region: options.regions.first, endpointURL: options.endpointURL,
            cachePath: options.cachePath, environment: env, configuration: configuration)
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        return BreakGlassConsole(
            assumer: runner.assumer(transport: transport, auditPath: auditPath),
            notifier: runner.notifier(transport: transport, pagerDutyTransport: transport),
            readonly: readonly,
            environment: env, auditPath: auditPath, mfaSerial: runner.mfaSerial(transport: transport),
            shellCommand: env["OPSDECK_BREAKGLASS_EXEC"].flatMap { $0.isEmpty ? nil : $0 },
            closeTransports: { try? await transport.shutdown() })
    }

    /// Assumes the submitted role in the background; the result arrives in `mailbox`.
    func assume(
        _ submission: BreakGlassForm.Submission, accounts: [Account], roles: [Role], mailbox: ActionMailbox
    ) {
        guard !readonly else {
            mailbox.post(.breakGlassFailed(message: BreakGlassError.readonly.description, field: nil))
            return
        }
        guard let assumer else {
            mailbox.post(.breakGlassFailed(message: unavailable, field: nil))
            return
        }
        let target: BreakGlassTarget
        do {
            target = try BreakGlassTarget.resolve(
                account: submission.accountId, role: submission.roleName, accounts: accounts, roles: roles)
        } catch {
            mailbox.post(.breakGlassFailed(message: error.description, field: nil))
            return
        }
        let request = BreakGlassRequest(
            target: target, reason: submission.reason, ticket: submission.ticket,
            durationSeconds: submission.durationSeconds,
            mfaSerial: submission.mfaCode == nil ? nil : mfaSerial,
            mfaCode: submission.mfaCode, confirmation: submission.confirmation, readonly: readonly)
        let notifier = self.notifier
        Task.detached { [self] in
            let session: BreakGlassSession
            do throws(BreakGlassError) {
                session = try await assumer.assume(request)
            } catch {
                mailbox.post(.breakGlassFailed(message: error.description, field: Self.field(for: error)))
                return
            }
            store(session)
            mailbox.post(
                .breakGlassAssumed(
                    sessionId: session.sessionId, label: Self.label(session.target),
                    expiration: session.expiration))
            guard notifier.isConfigured else { return }
            let notification = BreakGlassNotification(
                session: session, request: request, identity: assumer.identity, assumedAt: assumer.now())
            let failures = await notifier.announce(
                notification, durationSeconds: request.durationSeconds, audit: assumer.audit,
                now: assumer.now())
            if !failures.isEmpty {
                let notice = "Session stands, but not announced: " + failures.joined(separator: "; ")
                if !hold(notice, for: session.sessionId) { mailbox.post(.message(notice, isError: true)) }
            }
        }
    }

    /// Runs the subshell of a session just assumed, on the calling thread, and forgets the
    /// credentials after. Call it with the terminal handed off.
    /// - Returns: what to tell the user once the console is back.
    func runShell(sessionId: String) -> (message: String, isError: Bool) {
        guard let session = take(sessionId) else {
            return ("That break-glass session is gone: assume the role again", true)
        }
        let label = session.label
        FileHandle.standardError.write(
            Data(
                ("opsdeck: \(label) until \(CredentialOutput.iso8601(session.expiration)) "
                    + "(session \(session.sessionName)); exit the shell to return to the console.\n").utf8))
        let shell = BreakGlassShell(
            session: session, command: shellCommand, baseEnvironment: environment,
            notify: { FileHandle.standardError.write(Data(("\n" + $0 + "\n").utf8)) })
        defer { shellEnded(sessionId) }
        let result: Result<BreakGlassShell.Exit, BreakGlassShellError> = BlockingTask.run(
            fallback: .failure(.spawnFailed(command: "subshell", reason: "it did not report back"))
        ) {
            do throws(BreakGlassShellError) {
                return .success(try await shell.run())
            } catch {
                return .failure(error)
            }
        }
        switch result {
        case .success(let exit) where exit.endedAtExpiry:
            return ("\(label) expired; the subshell was ended. Assume again if you still need it", true)
        case .success(let exit):
            return (
                "Back from the \(label) subshell (exit \(exit.exitCode)); the session runs until it expires",
                false
            )
        case .failure(let error):
            return (
                "\(error.description) (account \(session.target.accountLabel), role \(session.target.roleName))",
                true
            )
        }
    }

    /// The sessions the audit log says are still running at `now` (any process's).
    func activeSessions(now: Date) -> [BreakGlassCountdown.Session] {
        let log = AuditLog(path: auditPath)
        // A session lasts at most 12 hours: older entries cannot be running.
        guard let entries = try? log.entries(since: now.addingTimeInterval(-43_200)) else { return [] }
        return entries.compactMap { entry in
            guard entry.event == .success, let expiration = entry.expiration, expiration > now else {
                return nil
            }
            return BreakGlassCountdown.Session(
                label: "\(entry.accountName ?? entry.accountId)/\(entry.roleName)", expiration: expiration)
        }
    }

    /// Posts the audit log's running sessions now and every `interval` after, so sessions
    /// taken in other terminals join the header's countdown; cancel the task to stop.
    func watchSessions(mailbox: ActionMailbox, interval: Duration = .seconds(30)) -> Task<Void, Never> {
        Task.detached { [self] in
            while !Task.isCancelled {
                mailbox.post(.breakGlassSessions(activeSessions(now: Date())))
                try? await Task.sleep(for: interval)
            }
        }
    }

    /// The Audit view of the log.
    func auditView() -> AuditView {
        BreakGlassAuditView.load(path: auditPath, environment: environment)
    }

    /// Closes connections.
    func shutdown() async { await closeTransports() }

    /// `payments-prod/BreakGlassAdmin`, as the header shows it.
    static func label(_ target: BreakGlassTarget) -> String {
        "\(target.alias ?? target.accountName)/\(target.roleName)"
    }

    /// The form field a refusal concerns.
    static func field(for error: BreakGlassError) -> BreakGlassForm.Field? {
        switch error {
        case .reasonTooShort: .reason
        case .confirmationMismatch: .confirmation
        case .mfaCodeRequired: .mfaCode
        case .invalidDuration, .durationOutOfRange: .duration
        case .stsFailed(_, _, _, let message)
        where message.lowercased().contains("multifactor")
            || message.lowercased().contains("mfa"):
            .mfaCode
        default: nil
        }
    }

    /// Keeps `notice` for the end of the session's subshell; false when that has already come.
    private func hold(_ notice: String, for sessionId: String) -> Bool {
        lock.withLock {
            guard !shellsEnded.contains(sessionId) else { return false }
            heldNotices[sessionId] = notice
            return true
        }
    }

    private func shellEnded(_ sessionId: String) {
        lock.withLock { _ = shellsEnded.insert(sessionId) }
    }

    /// The notice held for a session whose subshell just ended.
    func takeNotice(_ sessionId: String) -> String? {
        lock.withLock { heldNotices.removeValue(forKey: sessionId) }
    }

    private func store(_ session: BreakGlassSession) {
        lock.withLock { sessions[session.sessionId] = session }
    }

    private func take(_ sessionId: String) -> BreakGlassSession? {
        lock.withLock { sessions.removeValue(forKey: sessionId) }
    }
}
