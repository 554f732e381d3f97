import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckUI
import PagerDuty

/// The body of `opsdeck incidents`: list incidents, or acknowledge, resolve or note them,
/// straight against PagerDuty's REST API, for scripts.
///
/// An action PagerDuty cannot take now (unreachable, rate limited, failing) is kept in the
/// cache's action queue, shown as pending in the console, and sent by the next refresh or
/// `opsdeck incidents flush`.
///
/// Exit statuses: 0 done; 1 PagerDuty refused (token, permission, unknown incident);
/// 2 not attempted (usage, `--readonly`, no confirmation, not configured); 3 PagerDuty
/// unreachable, nothing sent (listing; a flush that sent nothing); 4 a conflict (somebody
/// else was first); 5 queued, not sent yet.
public enum IncidentsRunner {
    /// What to do.
    public enum Command: Sendable, Hashable {
        case list(statuses: [Incident.Status], sinceHours: Int)
        case act(kind: IncidentAction.Kind, incidentIds: [String])
        /// Send the queued actions now.
        case flush
    }

    /// The exit status of an action kept in the queue for later.
    public static let queuedStatus: Int32 = 5

    /// One invocation.
    public struct Request: Sendable {
        public var command: Command
        public var format: ExportFormat
        public var yes: Bool
        public var readonly: Bool
        public var configPath: String?
        /// `--cache`; nil: the default cache file, where the queue lives.
        public var cachePath: String?
        public var environment: [String: String]

        /// Creates a request.
        public init(
            command: Command, format: ExportFormat = .table, yes: Bool = false, readonly: Bool = false,
            configPath: String? = nil, cachePath: String? = nil, environment: [String: String] = [:]
        ) {
            self.command = command
            self.format = format
            self.yes = yes
            self.readonly = readonly
            self.configPath = configPath
            self.cachePath = cachePath
            self.environment = environment
        }
    }

    /// The terminal: output, errors, and a yes/no question when there is someone to ask.
    public struct Console: Sendable {
        public var out: @Sendable (String) -> Void
        public var err: @Sendable (String) -> Void
        /// Asks a question; nil when stdin is not a terminal (nobody to ask).
        public var ask: (@Sendable (String) -> Bool)?

        /// Creates a console.
        public init(
            out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
            ask: (@Sendable (String) -> Bool)?
        ) {
            self.out = out
            self.err = err
            self.ask = ask
        }

        /// stdout, stderr, and a question on the terminal when stdin is one.
        public static var standard: Console {
            let ask: @Sendable (String) -> Bool = { question in
                FileHandle.standardError.write(Data("\(question) [y/N] ".utf8))
                let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
                return answer == "y" || answer == "yes"
            }
            return Console(
                out: { FileHandle.standardOutput.write(Data($0.utf8)) },
                err: { FileHandle.standardError.write(Data($0.utf8)) },
                ask: isatty(STDIN_FILENO) == 1 ? ask : nil)
        }
    }

    /// Runs the request. - Returns: the exit status.
    public static func run(_ request: Request, console: Console, now: Date = Date()) async -> Int32 {
        AppLogging.bootstrap(environment: request.environment)
        let loaded = ConfigLoader.load(path: request.configPath, env: request.environment)
        let settings = loaded.configuration.pagerDuty
        if request.readonly, changes(request.command) {
            console.err("opsdeck incidents: refused under --readonly; nothing was sent\n")
            return 2
        }
        let live: LivePagerDuty
        switch LivePagerDuty.make(
            settings, env: request.environment, configPath: loaded.path,
            logger: Logger(label: "opsdeck.incidents"))
        {
        case .success(let made): live = made
        case .failure(let reason):
            console.err("opsdeck incidents: \(reason)\n")
            return 2
        }
        let client = live.client
        let queue = QueueAccess(cachePath: request.cachePath, environment: request.environment, live: live)
        let status: Int32
        switch request.command {
        case .list(let statuses, let hours):
            status = await list(
                client, statuses: statuses, hours: hours, format: request.format, console, now)
        case .act(let kind, let ids):
            status = await act(client, kind: kind, ids: ids, yes: request.yes, queue: queue, console, now)
        case .flush:
            status = await flush(queue, console, now)
        }
        await live.shutdown()
        return status
    }

    static func exitStatus(_ error: PagerDutyError) -> Int32 {
        switch error {
        case .unreachable, .rateLimited, .server: 3
        case .missingFromEmail: 2
        case .conflict: 4
        default: 1
        }
    }

    private static func list(
        _ client: PagerDutyClient, statuses: [Incident.Status], hours: Int, format: ExportFormat,
        _ console: Console, _ now: Date
    ) async -> Int32 {
        do {
            let incidents = try await client.listIncidents(
                since: now.addingTimeInterval(-Double(max(1, hours)) * 3600), until: now, statuses: statuses)
            console.out(IncidentsFormatter.format(incidents, as: format))
            return 0
        } catch {
            console.err("opsdeck incidents list: \(error)\n")
            return exitStatus(error)
        }
    }

    /// Whether `command` changes incidents (refused under `--readonly`).
    static func changes(_ command: Command) -> Bool {
        if case .list = command { return false }
        return true
    }
}
