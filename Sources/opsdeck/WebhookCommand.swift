import ArgumentParser
import Foundation
import OpsDeckApp

/// `opsdeck webhook serve`: the PagerDuty webhook receiver as a service.
struct WebhookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "webhook", abstract: "Receive PagerDuty webhooks into the cache.",
        subcommands: [Serve.self])

    struct Serve: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run the PagerDuty v3 webhook receiver until SIGTERM or SIGINT.",
            discussion: """
                POST /webhooks/pagerduty takes signed deliveries (answered 2xx once durably stored), \
                GET /healthz and GET /metrics (Prometheus) report on it. Secrets come from [pagerduty] \
                webhook_secrets in the config file (mode 0600) or OPSDECK_PAGERDUTY_WEBHOOK_SECRETS.
                """)

        @Option(help: "host:port to listen on (port 0 picks a free one).")
        var listen = "127.0.0.1:8787"

        @Option(help: "Path of the cache file (default: $XDG_CACHE_HOME/opsdeck/cache.sqlite).")
        var cache: String?

        @Option(help: "Path of the config file (default: $XDG_CONFIG_HOME/opsdeck/config.toml).")
        var config: String?

        func run() throws {
            let status = WebhookService.serve(
                listen: listen, cachePath: cache, configPath: config,
                environment: ProcessInfo.processInfo.environment)
            if status != 0 { throw ExitCode(status) }
        }
    }
}
