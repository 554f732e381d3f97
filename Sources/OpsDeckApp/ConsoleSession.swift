import CursesTerminal
import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckSync
import OpsDeckUI
import PagerDuty
import TerminalKit

/// The interactive console from start to exit: configuration, cache, terminal, loop,
/// and giving the terminal back on every path.
public enum ConsoleSession {
    /// Runs the console.
    /// - Returns: the process exit status (a terminating signal re-raises instead).
    public static func run(_ options: ConsoleOptions) -> Int32 {
        let env = options.environment
        let paths = AppPaths(environment: env)
        AppLogging.bootstrap(environment: env)
        let logger = Logger(label: "opsdeck.console")

        let setup: SessionSetup
        do {
            setup = try SessionSetup.prepare(options, logger: logger)
        } catch {
            printError("\(error)", logFile: paths.logFile)
            return 1
        }

        SignalTrap.install()
        let terminal: CursesTerminal
        do {
            terminal = try CursesTerminal(noColor: setup.noColor, mouse: setup.configuration.mouse)
        } catch {
            SignalTrap.restoreDefaults()
            printError("\(error)", logFile: paths.logFile)
            return 1
        }

        var state = AppState(
            size: terminal.size, now: Date(), theme: setup.theme, keymap: setup.configuration.keymap(),
            readonly: setup.readonly, ascii: setup.ascii, profile: setup.profile, regions: setup.regions,
            refreshIntervals: setup.refreshIntervals, themeNames: setup.themeNames)
        state.selectionStyle = setup.configuration.selection
        _ = state.reduce(.snapshot(setup.initialSnapshot))
        let breakGlass = BreakGlassConsole.live(
            options: options, configuration: setup.configuration, readonly: setup.readonly)
        state.breakGlass.mfaSerial = breakGlass.mfaSerial
        for notice in setup.notices { _ = state.reduce(.message(notice, isError: true)) }
        let webhook = WebhookService.startInConsole(options, cache: setup.cache, logger: logger)
        if let notice = webhook.notice { _ = state.reduce(.message(notice, isError: true)) }

        let mailbox = ActionMailbox()
        let cache = setup.cache
        let initialVersion = setup.initialSnapshot.version
        let observer = Task.detached {
            // Start-up already read the organization: the stream begins only when the cache
            // moves on, so 50,000 rows are not read, held and rebuilt a second time.
            for await snapshot in cache.changes(now: { Date() }, knownVersion: initialVersion) {
                mailbox.post(.snapshot(snapshot))
            }
        }
        let sessionWatch = breakGlass.watchSessions(mailbox: mailbox)
        var hooks = ConsoleLoop.Hooks()
        hooks.pendingSignal = { SignalTrap.takePending() }
        hooks.loadTheme = { name in
            Result { try ThemeLoader.load(nameOrPath: name, userThemesDirectory: setup.userThemesDirectory) }
        }
        hooks.refresh = { pane in setup.refresher.refresh(pane, mailbox: mailbox) }
        let incidentSender = IncidentActionSender(
            settings: setup.configuration.pagerDuty, env: env, store: CachePagerDutyStore(cache: setup.cache),
            demo: options.demo)
        hooks.incidentAction = { action in incidentSender.send(action, mailbox: mailbox) }
        hooks.answerMFA = { code in setup.refresher.answerMFA(code) }
        hooks.assumeBreakGlass = { submission, snapshot in
            breakGlass.assume(
                submission, accounts: snapshot.accounts, roles: snapshot.roles, mailbox: mailbox)
        }
        hooks.runBreakGlassShell = { id in
            let result = terminal.handOff { breakGlass.runShell(sessionId: id) }
            mailbox.post(.message(result.message, isError: result.isError))
            // A failed announcement outranks the note about the shell.
            if let notice = breakGlass.takeNotice(id) { mailbox.post(.message(notice, isError: true)) }
            mailbox.post(.breakGlassSessions(breakGlass.activeSessions(now: Date())))
        }
        hooks.loadAudit = { breakGlass.auditView() }
        if !options.demo {
            setup.refresher.startLive(
                mailbox: mailbox,
                inputs: LiveAWS.Inputs(
                    profile: options.profile, regions: options.regions, endpointURL: options.endpointURL,
                    environment: env),
                configuration: setup.configuration)
        }
        var firstFrameAt: UInt64?
        hooks.firstFrame = { firstFrameAt = DispatchTime.now().uptimeNanoseconds }
        let loop = ConsoleLoop(
            terminal: terminal, state: state, mailbox: mailbox, hooks: hooks,
            quitAfterFirstFrame: options.exitAfterFirstFrame)
        let exit = loop.run()
        webhook.receiver?.stop()
        observer.cancel()
        sessionWatch.cancel()
        terminal.restore()
        BlockingTask.run(fallback: ()) { await incidentSender.shutdown() }
        BlockingTask.run(fallback: ()) { await breakGlass.shutdown() }
        let refresher = setup.refresher
        BlockingTask.run(fallback: ()) { await refresher.stop() }
        logger.info("console exited", metadata: ["exit": "\(exit)"])
        if let firstFrameAt, options.exitAfterFirstFrame {
            FileHandle.standardError.write(Data("first-frame-ns \(firstFrameAt)\n".utf8))
        }
        if case .signal(let signal) = exit { SignalTrap.terminate(with: signal) }
        return 0
    }

    static func printError(_ message: String, logFile: String) {
        FileHandle.standardError.write(Data("opsdeck: \(message)\n(log: \(logFile))\n".utf8))
    }
}
