import ArgumentParser
import Foundation
import OpsDeckApp
import OpsDeckCore
import OpsDeckUI

/// `opsdeck incidents list|ack|resolve|note`: PagerDuty incidents for scripts.
struct IncidentsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "incidents",
        abstract: "List PagerDuty incidents, or acknowledge, resolve or note them.",
        discussion: """
            Talks to PagerDuty's REST API directly (token from PAGERDUTY_TOKEN or pagerduty.token; \
            changes need pagerduty.user_email). Exit status: 0 done, 1 refused by PagerDuty, \
            2 not attempted, 3 PagerDuty unreachable, 4 somebody else changed the incident first.
            """,
        subcommands: [List.self, Ack.self, Resolve.self, Note.self])

    struct Shared: ParsableArguments {
        @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
        var config: String?
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
                    configPath: shared.config, environment: ProcessInfo.processInfo.environment))
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
                    configPath: shared.config, environment: ProcessInfo.processInfo.environment))
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
                    configPath: shared.config, environment: ProcessInfo.processInfo.environment))
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
                    configPath: shared.config, environment: ProcessInfo.processInfo.environment))
        }
    }
}
