import ArgumentParser
import Foundation
import OpsDeckApp
import OpsDeckCore
import OpsDeckDemo
import OpsDeckUI

/// `opsdeck`: the console (default), plus the script-facing subcommands.
@main
struct OpsDeckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck",
        abstract: "A terminal operations console for multi-account AWS organizations.",
        version: OpsDeckVersion.current,
        subcommands: [
            Console.self, Refresh.self, Export.self, ConfigCommand.self, IncidentsCommand.self, Doctor.self,
            AssumeCommand.self, AuditCommand.self, WebhookCommand.self,
        ],
        defaultSubcommand: Console.self
    )
}

/// Options every subcommand that reads the cache shares.
struct CacheOptions: ParsableArguments {
    @Flag(help: "Use the generated demo organization (its own cache, never the real one).")
    var demo = false

    @Option(help: "Size of the demo organization: standard (about 25 accounts) or large (1,000).")
    var demoSize: DemoSize = .standard

    @Option(help: "Path of the cache file (default: $XDG_CACHE_HOME/opsdeck/cache.sqlite).")
    var cache: String?

    @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
    var config: String?
}

extension DemoSize: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct Console: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "console", abstract: "Run the interactive console (the default).")

    @OptionGroup var cacheOptions: CacheOptions

    @Option(
        help:
            "Theme name (default, light, high-contrast, monochrome, solarized-dark) or a path to a .toml file."
    )
    var theme: String?

    @Flag(help: "No colours (also when NO_COLOR is set).")
    var noColor = false

    @Flag(help: "Draw with ASCII characters only.")
    var ascii = false

    @Flag(help: "Disable every action that would change anything.")
    var readonly = false

    @Option(help: "AWS profile to use.")
    var profile: String?

    @Option(name: .customLong("region"), help: "Region to show (repeat for more).")
    var regions: [String] = []

    @Option(help: "Send every AWS call to this endpoint (as the AWS CLI's --endpoint-url).")
    var endpointURL: String?

    @Option(help: "Also receive PagerDuty webhooks on this host:port (e.g. 127.0.0.1:8787).")
    var webhookListen: String?

    @Flag(help: .hidden)
    var exitAfterFirstFrame = false

    func run() throws {
        var options = ConsoleOptions()
        options.demo = cacheOptions.demo
        options.demoSize = cacheOptions.demoSize
        options.cachePath = cacheOptions.cache
        options.configPath = cacheOptions.config
        options.theme = theme
        options.noColor = noColor
        options.ascii = ascii
        options.readonly = readonly
        options.profile = profile
        options.regions = regions
        options.exitAfterFirstFrame = exitAfterFirstFrame
        options.webhookListen = webhookListen
        options.endpointURL = endpointURL
        options.environment = ProcessInfo.processInfo.environment
        let status = ConsoleSession.run(options)
        if status != 0 { throw ExitCode(status) }
    }
}

struct Refresh: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract:
            "One pass over AWS (and PagerDuty) into the cache; exits non-zero naming every fetch that failed."
    )

    @Option(
        help: ArgumentHelp(
            "Only these sources, comma-separated: organizations, roles, alarms, pipelines, cost, incidents "
                + "(alias: accounts). Default: all; incidents only when a PagerDuty token is configured.")
    )
    var only: String?

    @Option(help: "AWS profile to use.")
    var profile: String?

    @Option(name: .customLong("region"), help: "Region to read (repeat for more).")
    var regions: [String] = []

    @Option(help: "Send every AWS call to this endpoint (as the AWS CLI's --endpoint-url).")
    var endpointURL: String?

    @Option(help: "Path of the cache file (default: $XDG_CACHE_HOME/opsdeck/cache.sqlite).")
    var cache: String?

    @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
    var config: String?

    @Flag(help: "Fetch cost even if its refresh interval (6 h by default) has not passed.")
    var force = false

    @Option(help: "The current MFA code for a profile with mfa_serial (otherwise the terminal asks).")
    var mfaCode: String?

    func run() throws {
        var sources = Set(Source.allCases)
        if let only {
            sources = []
            for name in only.split(separator: ",").map({
                $0.trimmingCharacters(in: .whitespaces).lowercased()
            }) {
                guard let source = name == "accounts" ? .organizations : Source(rawValue: name) else {
                    throw ValidationError(
                        "unknown source \"\(name)\"; use organizations, roles, alarms, pipelines, cost or "
                            + "incidents")
                }
                sources.insert(source)
            }
        }
        var options = ConsoleOptions()
        options.cachePath = cache
        options.configPath = config
        options.profile = profile
        options.regions = regions
        options.environment = ProcessInfo.processInfo.environment
        let request = RefreshRunner.Request(
            only: sources, endpointURL: endpointURL, options: options, force: force, mfaCode: mfaCode,
            incidentsOptional: only == nil)
        let status = BlockingTask.run(fallback: Int32(1)) { await RefreshRunner.run(request) }
        if status != 0 { throw ExitCode(status) }
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print a pane's rows from the cache, for scripts and reports.",
        discussion: "PANE is one of: accounts, roles, pipelines, alerts, cost.")

    @Argument(help: "accounts, roles, pipelines, alerts or cost")
    var pane: String

    @Option(help: "json, csv or table")
    var format: ExportFormat = .table

    @Flag(help: "Roles: the baseline view (missing and drifted roles) instead of every role.")
    var baseline = false

    @Flag(help: "Cost: by service instead of by account.")
    var byService = false

    @OptionGroup var cacheOptions: CacheOptions

    func run() throws {
        var options = ConsoleOptions()
        options.demo = cacheOptions.demo
        options.demoSize = cacheOptions.demoSize
        options.cachePath = cacheOptions.cache
        options.configPath = cacheOptions.config
        options.environment = ProcessInfo.processInfo.environment
        do {
            let text = try ExportRunner.run(
                pane: pane, format: format, baseline: baseline, byService: byService, options: options)
            FileHandle.standardOutput.write(Data(text.utf8))
        } catch {
            FileHandle.standardError.write(Data("opsdeck export: \(error)\n".utf8))
            throw ExitCode(2)
        }
    }
}

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check or show the configuration.",
        subcommands: [Check.self, Show.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Report every problem in the config file, with its line; exit 1 on any error.")

        @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
        var config: String?

        func run() throws {
            let report = ConfigReport.check(path: config, environment: ProcessInfo.processInfo.environment)
            print(report.text, terminator: "")
            if report.hasErrors { throw ExitCode(1) }
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the configuration in effect (secrets are never shown).")

        @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
        var config: String?

        func run() throws {
            print(
                ConfigReport.show(path: config, environment: ProcessInfo.processInfo.environment),
                terminator: "")
        }
    }
}
