import Foundation
import Logging
import NIOCore
import NIOHTTP1
import NIOPosix
import OpsDeckCache
import PagerDuty

/// The PagerDuty webhook receiver: an HTTP server (SwiftNIO) that verifies each delivery,
/// stores it durably through a group-commit writer, and only then answers 2xx.
///
/// Run it as a service (`opsdeck webhook serve`) or inside the console
/// (`opsdeck --webhook-listen`). It listens on 127.0.0.1 unless told otherwise.
public final class WebhookReceiver: Sendable {
    /// What every connection's handler shares.
    struct Services: Sendable {
        var signature: WebhookSignature
        var batcher: IngestBatcher
        var metrics: WebhookMetrics
        var maximumBodyBytes: Int
        var logger: Logger
        var now: @Sendable () -> Date
    }

    public let metrics: WebhookMetrics
    private let services: Services
    private let group: MultiThreadedEventLoopGroup
    private let channel: any Channel

    /// The address it is listening on, e.g. `127.0.0.1:8787` (the real port when 0 was asked).
    public let boundAddress: String

    /// Starts listening and returns once the socket is bound.
    ///
    /// - Parameters:
    ///   - cache: where deliveries are stored.
    ///   - secrets: the subscription secrets (several during a rotation); never logged.
    ///   - listen: `host:port`; port 0 picks a free port.
    ///   - threads: event-loop threads (the writer has its own).
    /// - Throws: `WebhookReceiverError`.
    public init(
        cache: CacheDatabase, secrets: [String], listen: String = WebhookDefaults.listenAddress,
        maximumBodyBytes: Int = WebhookDefaults.maximumBodyBytes,
        threads: Int = 2, logger: Logger = Logger(label: "opsdeck.webhook"),
        now: @escaping @Sendable () -> Date = { Date() }
    ) throws(WebhookReceiverError) {
        let (host, port) = try Self.parse(listen)
        let metrics = WebhookMetrics()
        let batcher = IngestBatcher(cache: cache, metrics: metrics, logger: logger)
        let services = Services(
            signature: WebhookSignature(secrets: secrets), batcher: batcher, metrics: metrics,
            maximumBodyBytes: maximumBodyBytes, logger: logger, now: now)
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .serverChannelOption(ChannelOptions.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.configureHTTPServerPipeline(withErrorHandling: true)
                    try channel.pipeline.syncOperations.addHandler(WebhookHTTPHandler(services: services))
                }
            }
        let channel: any Channel
        do {
            channel = try bootstrap.bind(host: host, port: port).wait()
        } catch {
            try? group.syncShutdownGracefully()
            throw .cannotListen(address: listen, reason: "\(error)")
        }
        batcher.start()
        self.metrics = metrics
        self.services = services
        self.group = group
        self.channel = channel
        let boundPort = channel.localAddress?.port ?? port
        boundAddress = "\(host):\(boundPort)"
        logger.info(
            "webhook receiver listening",
            metadata: ["address": "\(boundAddress)", "secrets": "\(secrets.count)"])
    }

    /// The port it is bound to.
    public var port: Int { Int(boundAddress.split(separator: ":").last ?? "") ?? 0 }

    /// Stops accepting, stores what is queued, and shuts the event loops down.
    public func stop() {
        try? channel.close().wait()
        services.batcher.stop()
        try? group.syncShutdownGracefully()
    }

    /// Splits `host:port` (`[::1]:8787` for IPv6).
    static func parse(_ address: String) throws(WebhookReceiverError) -> (String, Int) {
        guard let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (0...65535).contains(port)
        else { throw .badAddress(address) }
        var host = String(address[..<colon])
        if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        if host.isEmpty { throw .badAddress(address) }
        return (host, port)
    }
}
