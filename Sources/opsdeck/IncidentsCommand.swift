import ArgumentParser
import Foundation
import OpsDeckApp
import OpsDeckCore
import OpsDeckUI

/// `opsdeck incidents list|ack|resolve|note|flush`: PagerDuty incidents for scripts.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List PagerDuty incidents, or acknowledge, resolve or note them.",
        discussion: """
            Talks to PagerDuty's REST API directly (token from PAGERDUTY_TOKEN or pagerduty.token; \
            changes need pagerduty.user_email). An action PagerDuty cannot take now is queued in the \
            cache and sent by the next refresh or `opsdeck incidents flush`. Exit status: 0 done, \
            1 refused by PagerDuty, 2 not attempted, 3 PagerDuty unreachable (nothing sent), \
            4 somebody else changed the incident first, 5 queued (not sent yet).
            """,
        subcommands: [List.self, Ack.self, Resolve.self, Note.self, Flush.self])

    struct Shared: ParsableArguments {
        @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
        var config: String?

        @Option(
            help:
                "Path of the cache file, which holds queued actions (default: $XDG_CACHE_HOME/opsdeck/cache.sqlite)."
        )
        var cache: String?
    }

    struct ChangeOptions: ParsableArguments {
        @Flag(help: "Do not ask for confirmation (needed when stdin is not a terminal).")
        var yes = false

        @Flag(help: "Refuse every change (as the console's --readonly).")
        var readonly = false
    }

    static func execute(_ request: IncidentsRunner.Request) throws {
        let status = BlockingTask.run(fallback: Int32(1)) {
            await IncidentsRunner.run(request, console: .standard)
        }
        if status != 0 { throw ExitCode(status) }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List incidents created recently.")

        @Option(help: "Only these statuses, comma-separated: triggered, acknowledged, resolved.")
        var status: String?

        @Option(help: "How many hours back to look.")
        var sinceHours = 24

        @Option(help: "json, csv or table")
        var format: ExportFormat = .table

        @OptionGroup var shared: Shared

        func run() throws {
            var statuses: [Incident.Status] = []
            for name in (status ?? "").split(separator: ",") {
                let trimmed = name.trimmingCharacters(in: .whitespaces).lowercased()
                guard let value = Incident.Status(rawValue: trimmed) else {
                    throw ValidationError(
                        "unknown status \"\(trimmed)\"; use triggered, acknowledged or resolved")
                }
                statuses.append(value)
            }
            try IncidentsCommand.execute(
                IncidentsRunner.Request(
                    command: .list(statuses: statuses, sinceHours: sinceHours), format: format,
                    configPath: shared.config, cachePath: shared.cache,
                    environment: ProcessInfo.processInfo.environment))
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Acknowledge incidents by id.")

        @Argument(help: "PagerDuty incident ids (not numbers).")
        var ids: [String]

        @OptionGroup var change: ChangeOptions
        @OptionGroup var shared: Shared

        func run() throws {
            try IncidentsCommand.execute(
                IncidentsRunner.Request(
                    command: .act(kind: .acknowledge, incidentIds: ids), yes: change.yes,
                    readonly: change.readonly,
                    configPath: shared.config, cachePath: shared.cache,
                    environment: ProcessInfo.processInfo.environment))
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Resolve incidents by id.")

        @Argument(help: "PagerDuty incident ids (not numbers).")
        var ids: [String]

        @OptionGroup var change: ChangeOptions
        @OptionGroup var shared: Shared

        func run() throws {
            try IncidentsCommand.execute(
                IncidentsRunner.Request(
                    command: .act(kind: .resolve, incidentIds: ids), yes: change.yes,
                    readonly: change.readonly,
                    configPath: shared.config, cachePath: shared.cache,
                    environment: ProcessInfo.processInfo.environment))
        }
    }

    struct Note: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add a note to an incident.")

        @Argument(help: "The PagerDuty incident id.")
        var id: String

        @Argument(help: "The note's text.")
        var text: String

        @OptionGroup var change: ChangeOptions
        @OptionGroup var shared: Shared

        func run() throws {
            guard !text.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw ValidationError("the note is empty")
            }
            try IncidentsCommand.execute(
                IncidentsRunner.Request(
                    command: .act(kind: .note(text), incidentIds: [id]), yes: change.yes,
                    readonly: change.readonly,
                    configPath: shared.config, cachePath: shared.cache,
                    environment: ProcessInfo.processInfo.environment))
        }
    }

    struct Flush: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Send the actions queued while PagerDuty could not be reached.",
            discussion:
                "Exit status: 0 all sent (or none queued), 1 refused, 3 still unreachable, 4 conflict.")

        @Flag(help: "Refuse every change (as the console's --readonly).")
        var readonly = false

        @OptionGroup var shared: Shared

        func run() throws {
            try IncidentsCommand.execute(
                IncidentsRunner.Request(
                    command: .flush, readonly: readonly, configPath: shared.config, cachePath: shared.cache,
                    environment: ProcessInfo.processInfo.environment))
        }
    }
}
