import Foundation
import Logging
import NIOCore
import NIOHTTP1
import OpsDeckCache
import OpsDeckCore
import PagerDuty

/// One connection's HTTP requests: `POST /webhooks/pagerduty`, `GET /healthz`, `GET /metrics`.
///
/// The body is collected raw (the signature covers its exact bytes) and refused with 413 as
/// soon as `Content-Length` or the bytes received pass the limit, without reading the rest.
/// A delivery is answered 2xx only once the batch holding it has committed.
final class WebhookHTTPHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias OutboundOut = HTTPServerResponsePart

    static let webhookPath = "/webhooks/pagerduty"

    private let services: WebhookReceiver.Services
    private var head: HTTPRequestHead?
    private var body: ByteBuffer?
    /// Set once a response was sent before the request ended (413): the rest is ignored.
    private var answeredEarly = false

    init(services: WebhookReceiver.Services) {
        self.services = services
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let head):
            self.head = head
            body = context.channel.allocator.buffer(capacity: 0)
            answeredEarly = false
            if head.method == .POST, path(of: head) == Self.webhookPath,
                let length = head.headers.first(name: "content-length").flatMap(Int.init),
                length > services.maximumBodyBytes
            {
                rejectTooLarge(context: context)
            }
        case .body(var chunk):
            guard !answeredEarly, var collected = body else { return }
            if collected.readableBytes + chunk.readableBytes > services.maximumBodyBytes {
                body = nil
                rejectTooLarge(context: context)
                return
            }
            collected.writeBuffer(&chunk)
            body = collected
        case .end:
            guard !answeredEarly, let head else { return }
            let collected = body ?? context.channel.allocator.buffer(capacity: 0)
            self.head = nil
            body = nil
            route(head, body: collected, context: context)
        }
    }

    private func path(of head: HTTPRequestHead) -> Substring {
        head.uri.prefix { $0 != "?" }
    }

    private func route(_ head: HTTPRequestHead, body: ByteBuffer, context: ChannelHandlerContext) {
        switch (head.method, path(of: head)) {
        case (.GET, "/healthz"):
            respond(context: context, head: head, status: .ok, text: "ok\n")
        case (.GET, "/metrics"):
            respond(
                context: context, head: head, status: .ok, text: services.metrics.prometheusText(),
                contentType: "text/plain; version=0.0.4; charset=utf-8")
        case (.POST, Self.webhookPath[...]):
            receive(head, body: body, context: context)
        case (_, "/healthz"), (_, "/metrics"), (_, Self.webhookPath[...]):
            services.metrics.rejected("method_not_allowed")
            respond(context: context, head: head, status: .methodNotAllowed, text: "method not allowed\n")
        default:
            services.metrics.rejected("not_found")
            respond(context: context, head: head, status: .notFound, text: "not found\n")
        }
    }

    private func receive(_ head: HTTPRequestHead, body: ByteBuffer, context: ChannelHandlerContext) {
        let metrics = services.metrics
        metrics.received()
        guard services.signature.hasSecrets else {
            metrics.rejected("no_secrets")
            respond(
                context: context, head: head, status: .serviceUnavailable,
                text: "no webhook secret is configured on this receiver\n")
            return
        }
        let data = Data(body.readableBytesView)
        do {
            try services.signature.verify(
                body: data, header: head.headers.first(name: WebhookSignature.headerName))
        } catch {
            metrics.rejected(error.reason)
            services.logger.warning(
                "refused a webhook delivery",
                metadata: ["reason": "\(error.reason)", "peer": "\(peer(context))"])
            respond(
                context: context, head: head, status: error == .mismatch ? .forbidden : .badRequest,
                text: "\(error.description)\n")
            return
        }
        let event: IncidentEvent
        do {
            event = try WebhookEventDecoder.decode(data)
        } catch {
            metrics.rejected("body_invalid")
            respond(context: context, head: head, status: .badRequest, text: "\(error.description)\n")
            return
        }
        guard let raw = String(validating: data, as: UTF8.self) else {
            metrics.rejected("body_invalid")
            respond(context: context, head: head, status: .badRequest, text: "the body is not UTF-8\n")
            return
        }
        let delivery = WebhookDelivery(
            webhookId: head.headers.first(name: "x-webhook-id"), event: event, rawBody: raw,
            receivedAt: services.now())
        let bound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
        let loop = context.eventLoop
        services.batcher.submit(delivery) { result in
            loop.execute {
                let (handler, context) = bound.value
                switch result {
                case .success(.stored):
                    handler.respond(context: context, head: head, status: .accepted, text: "stored\n")
                case .success(.duplicate):
                    handler.respond(context: context, head: head, status: .ok, text: "duplicate\n")
                case .failure(let error):
                    handler.respond(
                        context: context, head: head, status: .serviceUnavailable,
                        text: "not stored, retry later: \(error.description)\n")
                }
            }
        }
    }

    private func peer(_ context: ChannelHandlerContext) -> String {
        context.channel.remoteAddress?.description ?? "unknown"
    }

    private func rejectTooLarge(context: ChannelHandlerContext) {
        answeredEarly = true
        services.metrics.rejected("too_large")
        let text = "the body is larger than \(services.maximumBodyBytes) bytes\n"
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: "text/plain; charset=utf-8")
        headers.add(name: "content-length", value: "\(text.utf8.count)")
        headers.add(name: "connection", value: "close")
        context.write(
            wrapOutboundOut(
                .head(HTTPResponseHead(version: .http1_1, status: .payloadTooLarge, headers: headers))),
            promise: nil)
        context.write(
            wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in channel.close(promise: nil) }
    }

    private func respond(
        context: ChannelHandlerContext, head: HTTPRequestHead, status: HTTPResponseStatus, text: String,
        contentType: String = "text/plain; charset=utf-8"
    ) {
        guard context.channel.isActive else { return }
        var headers = HTTPHeaders()
        headers.add(name: "content-type", value: contentType)
        headers.add(name: "content-length", value: "\(text.utf8.count)")
        let keepAlive = head.isKeepAlive
        headers.add(name: "connection", value: keepAlive ? "keep-alive" : "close")
        context.write(
            wrapOutboundOut(.head(HTTPResponseHead(version: head.version, status: status, headers: headers))),
            promise: nil)
        context.write(
            wrapOutboundOut(.body(.byteBuffer(context.channel.allocator.buffer(string: text)))), promise: nil)
        let channel = context.channel
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in
            if !keepAlive { channel.close(promise: nil) }
        }
    }
}
