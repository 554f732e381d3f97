import Foundation
import Logging
import OpsDeckConfig
import OpsDeckCore
import OpsDeckHTTP
import OpsDeckUI
import PagerDuty

/// The body of `opsdeck incidents`: list incidents, or acknowledge, resolve or note them,
/// straight against PagerDuty's REST API, for scripts.
///
/// Exit statuses: 0 done; 1 PagerDuty refused (token, permission, unknown incident);
/// 2 not attempted (usage, `--readonly`, no confirmation, not configured); 3 PagerDuty
/// unreachable, nothing sent; 4 a conflict (somebody else was first).
public enum IncidentsRunner {
    /// What to do.
    public enum Command: Sendable, Hashable {
        case list(statuses: [Incident.Status], sinceHours: Int)
        case act(kind: IncidentAction.Kind, incidentIds: [String])
    }

    /// One invocation.
    public struct Request: Sendable {
        public var command: Command
        public var format: ExportFormat
        public var yes: Bool
        public var readonly: Bool
        public var configPath: String?
        public var environment: [String: String]

        /// Creates a request.
        public init(
            command: Command, format: ExportFormat = .table, yes: Bool = false, readonly: Bool = false,
            configPath: String? = nil, environment: [String: String] = [:]
        ) {
            self.command = command
            self.format = format
            self.yes = yes
            self.readonly = readonly
            self.configPath = configPath
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
        if case .act = request.command, request.readonly {
            console.err("opsdeck incidents: refused under --readonly; nothing was sent\n")
            return 2
        }
        guard let token = settings.resolvedToken(env: request.environment) else {
            console.err(
                "opsdeck incidents: no PagerDuty token: set PAGERDUTY_TOKEN or pagerduty.token in "
                    + "\(loaded.path ?? "the config file")\n")
            return 2
        }
        guard let baseURL = URL(string: settings.baseURL), baseURL.host != nil else {
            console.err("opsdeck incidents: pagerduty.base_url \"\(settings.baseURL)\" is not a URL\n")
            return 2
        }
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let client = PagerDutyClient(
            configuration: PagerDutyRESTConfiguration(
                token: token.value, baseURL: baseURL, fromEmail: settings.userEmail),
            transport: transport, retry: PagerDutyRetryPolicy(maxAttempts: 3),
            logger: Logger(label: "opsdeck.incidents"))
        let status: Int32
        switch request.command {
        case .list(let statuses, let hours):
            status = await list(
                client, statuses: statuses, hours: hours, format: request.format, console, now)
        case .act(let kind, let ids):
            status = await act(client, kind: kind, ids: ids, yes: request.yes, console)
        }
        try? await transport.shutdown()
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

    private static func act(
        _ client: PagerDutyClient, kind: IncidentAction.Kind, ids: [String], yes: Bool, _ console: Console
    ) async -> Int32 {
        var worst: Int32 = 0
        for id in ids {
            let incident: Incident
            do {
                incident = try await client.incident(id: id)
            } catch {
                console.err("opsdeck incidents \(kind.label) \(id): \(error)\n")
                worst = max(worst, exitStatus(error))
                continue
            }
            let label = "#\(incident.number) \(incident.title) (\(incident.id), \(incident.status.rawValue))"
            if !yes {
                guard let ask = console.ask else {
                    console.err(
                        "opsdeck incidents: not a terminal, so nobody can confirm: add --yes to "
                            + "\(kind.verb) \(label)\n")
                    return 2
                }
                guard ask("\(kind.verb.prefix(1).uppercased() + kind.verb.dropFirst()) \(label)?") else {
                    console.err("skipped \(incident.id): not confirmed\n")
                    worst = max(worst, 2)
                    continue
                }
            }
            do {
                switch try await client.perform(IncidentAction(incidentId: incident.id, kind: kind)) {
                case .applied:
                    console.out("\(kind.label) \(incident.id) #\(incident.number): done\n")
                case .conflict(let status, let by):
                    console.err(
                        "opsdeck incidents \(kind.label) \(incident.id): not done, already \(status.rawValue)"
                            + (by.map { " by \($0)" } ?? "") + "\n")
                    worst = max(worst, 4)
                }
            } catch {
                console.err("opsdeck incidents \(kind.label) \(incident.id): \(error)\n")
                worst = max(worst, exitStatus(error))
            }
        }
        return worst
    }
}
