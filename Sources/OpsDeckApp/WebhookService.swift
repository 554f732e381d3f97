import Dispatch
import Foundation
import Logging
import OpsDeckCache
import OpsDeckConfig
import OpsDeckWebhook

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `opsdeck webhook serve` and `opsdeck --webhook-listen`: where the receiver meets the
/// config file, the environment and the cache.
public enum WebhookService {
    /// Secrets from the environment (comma-separated), added to the config file's.
    public static let secretsVariable = "OPSDECK_PAGERDUTY_WEBHOOK_SECRETS"

    /// The webhook secrets from the config file and the environment, never logged.
    ///
    /// - Throws: `WebhookServiceError.configReadableByOthers` when the file holding them is
    ///   not 0600 (its secrets are then not used), `.noSecrets` when there are none at all.
    public static func secrets(configPath: String?, environment: [String: String]) throws -> [String] {
        let loaded = ConfigLoader.load(path: configPath, env: environment)
        var secrets: [String] = []
        let fromFile = loaded.configuration.pagerDuty.webhookSecrets.map(\.value).filter { !$0.isEmpty }
        if !fromFile.isEmpty {
            if let path = loaded.path, let mode = fileMode(path), mode & 0o077 != 0 {
                throw WebhookServiceError.configReadableByOthers(path: path, mode: mode & 0o777)
            }
            secrets += fromFile
        }
        let fromEnvironment = (environment[secretsVariable] ?? "").split(separator: ",")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        secrets += fromEnvironment
        if secrets.isEmpty { throw WebhookServiceError.noSecrets }
        return secrets
    }

    /// Runs the receiver until SIGTERM or SIGINT, then stores what is queued and exits.
    ///
    /// Prints `listening on HOST:PORT` on stderr once it accepts deliveries.
    /// - Returns: the exit status.
    public static func serve(
        listen: String, cachePath: String?, configPath: String?, environment: [String: String]
    ) -> Int32 {
        AppLogging.bootstrap(environment: environment)
        let logger = Logger(label: "opsdeck.webhook")
        let receiver: WebhookReceiver
        do {
            let secrets = try secrets(configPath: configPath, environment: environment)
            let path = cachePath ?? CachePaths(environment: environment).cacheFile
            let (cache, recovered) = try CacheDatabase.open(at: path, check: .quick)
            if let recovered {
                logger.warning("\(recovered)")
                printError(recovered)
            }
            receiver = try WebhookReceiver(cache: cache, secrets: secrets, listen: listen, logger: logger)
        } catch {
            printError("\(error)")
            return 1
        }
        FileHandle.standardError.write(Data("opsdeck webhook: listening on \(receiver.boundAddress)\n".utf8))
        let stop = DispatchSemaphore(value: 0)
        var sources: [any DispatchSourceSignal] = []
        for signalNumber in [SIGTERM, SIGINT] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler { stop.signal() }
            source.resume()
            sources.append(source)
        }
        stop.wait()
        receiver.stop()
        let counts = receiver.metrics.counts
        logger.info(
            "webhook receiver stopped",
            metadata: ["stored": "\(counts.stored)", "duplicates": "\(counts.duplicates)"])
        for source in sources { source.cancel() }
        return 0
    }

    /// Starts the receiver inside the console process when `--webhook-listen` asked for it.
    ///
    /// - Returns: the receiver (stop it on exit) and, when it could not start, a notice for
    ///   the status bar saying why.
    static func startInConsole(
        _ options: ConsoleOptions, cache: CacheDatabase, logger: Logger
    ) -> (receiver: WebhookReceiver?, notice: String?) {
        guard let listen = options.webhookListen else { return (nil, nil) }
        do {
            let secrets = try secrets(configPath: options.configPath, environment: options.environment)
            let receiver = try WebhookReceiver(
                cache: cache, secrets: secrets, listen: listen, threads: 1, logger: logger)
            return (receiver, nil)
        } catch {
            logger.error("webhook receiver not started: \(error)")
            return (nil, "PagerDuty webhook receiver not started: \(error)")
        }
    }

    private static func fileMode(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.posixPermissions] as? Int
    }

    private static func printError(_ message: String) {
        FileHandle.standardError.write(Data("opsdeck webhook: \(message)\n".utf8))
    }
}
