import AWSClient
import AWSSigV4
import Foundation
import OpsDeckHTTP
import Testing

@testable import BreakGlass

/// The announcement of a break-glass session: what it says (and never says), SNS through
/// moto with signature checking on (read back from a subscribed SQS queue), an HTTP webhook
/// receiver on loopback, and failures recorded in the audit log without undoing the session.
@Suite struct BreakGlassNotifierTests {
    static let secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY"
    static let token = "FwoGZXIvYXdzSESSIONTOKEN"

    static func notification(ticket: String? = "PD#42 P1ABCDE") -> BreakGlassNotification {
        let target = BreakGlassAssumerTests.production
        let session = BreakGlassSession(
            target: target, sessionId: "0a1b2c3d", sessionName: "alice-0a1b2c3d",
            credentials: AWSCredentials(
                accessKeyId: "ASIATESTKEY0000WXYZ", secretAccessKey: secret, sessionToken: token),
            expiration: AuditFixtures.start.addingTimeInterval(3600),
            assumedRoleArn: "arn:aws:sts::210987654321:assumed-role/BreakGlassAdmin/alice-0a1b2c3d",
            region: "eu-west-1")
        let request = BreakGlassRequest(
            target: target, reason: "payments database failover, primary is down", ticket: ticket,
            durationSeconds: 3600)
        return BreakGlassNotification(
            session: session, request: request, identity: LocalIdentity(user: "alice", host: "bastion-1"),
            assumedAt: AuditFixtures.start)
    }

    @Test func theMessageSaysWhoWhereWhyAndNothingSecret() throws {
        let n = Self.notification()
        let json = String(decoding: n.json, as: UTF8.self)
        for text in [n.text, json, n.subject] {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
            #expect(!text.contains("ASIATESTKEY"))
        }
        #expect(n.subject == "Break-glass: alice took BreakGlassAdmin in payments-prod")
        #expect(
            n.text.contains("alice@bastion-1 assumed the break-glass role BreakGlassAdmin in payments-prod"))
        #expect(n.text.contains("PRODUCTION"))
        #expect(n.text.contains("Reason: payments database failover, primary is down"))
        let object = try #require(try JSONSerialization.jsonObject(with: n.json) as? [String: Any])
        #expect(object["event"] as? String == "breakglass.assumed")
        #expect(object["accountId"] as? String == "210987654321")
        #expect(object["ticket"] as? String == "PD#42 P1ABCDE")
        #expect(object["expiresAt"] as? String == "2026-11-18T12:06:40Z")
    }

    @Test(arguments: [
        ("PD#42 P1ABCDE", "P1ABCDE" as String?), ("INC-42", nil), ("PD#42", nil), ("", nil),
    ])
    func incidentIdComesOnlyFromThePicker(ticket: String, expected: String?) {
        #expect(BreakGlassNotifier.incidentId(inTicket: ticket) == expected)
    }

    @Test func nothingConfiguredSendsNothing() async {
        let notifier = BreakGlassNotifier()
        #expect(!notifier.isConfigured)
        #expect(await notifier.send(Self.notification()).isEmpty)
    }

    @Test func pagerDutyNoteGoesToThePickedIncidentOrSaysWhyNot() async {
        let notes = NoteRecorder()
        let notifier = BreakGlassNotifier(incidentNote: { id, text in notes.add(id, text) })
        #expect(await notifier.send(Self.notification()).isEmpty)
        #expect(notes.all.map(\.0) == ["P1ABCDE"])
        #expect(notes.all.first?.1.contains("BreakGlassAdmin") == true)
        let failures = await notifier.send(Self.notification(ticket: "INC-42"))
        #expect(failures.count == 1)
        #expect(failures.first?.contains("no incident was picked") == true)
    }

    @Test(.enabled(if: NotifyPeer.isAvailable, "needs python3 with boto3 and moto[server]"))
    func snsPublishReachesASubscribedQueue() async throws {
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let moto = try await NotifyPeer.moto(transport: transport)
        defer { moto.stop() }
        do {
            let seed = try #require(
                try JSONSerialization.jsonObject(
                    with: Data(try NotifyPeer.run(["seed", moto.endpoint]).utf8))
                    as? [String: String])
            let key = try #require(seed["key"])
            let secret = try #require(seed["secret"])
            let topic = try #require(seed["topic"])
            let queue = try #require(seed["queue"])
            let core = AWSClientCore(
                region: "us-east-1",
                credentialProvider: StaticCredentialProvider(
                    AWSCredentials(accessKeyId: key, secretAccessKey: secret), source: "test"),
                transport: transport, endpoints: AWSEndpointResolver(explicitURL: moto.endpoint))
            let notifier = BreakGlassNotifier(sns: SNSClient(core: core), snsTopicArn: topic)
            #expect(await notifier.send(Self.notification()).isEmpty)

            let output = try NotifyPeer.run(["receive", moto.endpoint, key, secret, queue])
            let envelopes = try #require(
                try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]])
            let envelope = try #require(envelopes.first)
            #expect(
                envelope["Subject"] as? String == "Break-glass: alice took BreakGlassAdmin in payments-prod")
            let message = try #require(envelope["Message"] as? String)
            #expect(message.contains("Reason: payments database failover"))
            #expect(!message.contains(Self.secret))

            // A key moto does not know is refused (signature checking is on): named, not thrown.
            let badCore = AWSClientCore(
                region: "us-east-1",
                credentialProvider: StaticCredentialProvider(
                    AWSCredentials(accessKeyId: "AKIANOTKNOWN0000", secretAccessKey: "nope"), source: "test"),
                transport: transport, endpoints: AWSEndpointResolver(explicitURL: moto.endpoint),
                retryPolicy: RetryPolicy(maxAttempts: 1))
            let refused = await BreakGlassNotifier(sns: SNSClient(core: badCore), snsTopicArn: topic).send(
                Self.notification())
            #expect(refused.count == 1)
            #expect(refused.first?.contains("SNS topic \(topic)") == true)
        } catch {
            try? await transport.shutdown()
            throw error
        }
        try await transport.shutdown()
    }

    @Test func webhookGetsTheJSON() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let outfile = directory.path + "/requests.jsonl"
        let receiver = try NotifyPeer.webhook(status: 204, outfile: outfile)
        defer { receiver.stop() }
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let url = try #require(URL(string: "\(receiver.endpoint)/hooks/breakglass?token=s3cr3t"))
        let failures = await BreakGlassNotifier(webhookURL: url, transport: transport).send(
            Self.notification())
        try await transport.shutdown()
        #expect(failures.isEmpty)
        let line = try String(contentsOfFile: outfile, encoding: .utf8).split(separator: "\n").first
        let request = try #require(
            try JSONSerialization.jsonObject(with: Data((line ?? "").utf8)) as? [String: String])
        #expect(request["path"] == "/hooks/breakglass?token=s3cr3t")
        #expect(request["contentType"] == "application/json")
        let body = try #require(
            try JSONSerialization.jsonObject(with: Data((request["body"] ?? "").utf8)) as? [String: Any])
        #expect(body["roleName"] as? String == "BreakGlassAdmin")
        #expect(body["sessionName"] as? String == "alice-0a1b2c3d")
    }

    @Test func aFailedWebhookIsRecordedInTheAuditLogWithoutTheURL() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let receiver = try NotifyPeer.webhook(status: 500, outfile: directory.path + "/requests.jsonl")
        defer { receiver.stop() }
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(5))
        let url = try #require(URL(string: "\(receiver.endpoint)/hooks/breakglass?token=s3cr3t"))
        let log = AuditLog(path: directory.path + "/audit.jsonl")
        let failures = await BreakGlassNotifier(webhookURL: url, transport: transport).announce(
            Self.notification(), durationSeconds: 3600, audit: log, now: AuditFixtures.start)
        try await transport.shutdown()
        #expect(failures == ["webhook (notify_webhook_url) answered HTTP 500 (check the receiver)"])
        let entries = try log.entries()
        let entry = try #require(entries.last)
        #expect(entry.event == .notification)
        #expect(entry.sessionId == "0a1b2c3d")
        #expect(entry.error?.contains("HTTP 500") == true)
        #expect(try log.verify().problems.isEmpty)
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        #expect(!text.contains("s3cr3t"))
    }

    @Test func anUnreachableWebhookIsNamedWithoutItsToken() async throws {
        let transport = AsyncHTTPTransport(connectTimeout: .seconds(2))
        // Port 9 on loopback (discard) has no listener here: the connection is refused.
        let url = try #require(URL(string: "http://127.0.0.1:9/hooks?token=s3cr3t"))
        let failures = await BreakGlassNotifier(webhookURL: url, transport: transport, timeout: .seconds(3))
            .send(
                Self.notification())
        try await transport.shutdown()
        #expect(failures.count == 1)
        #expect(failures.first?.contains("unreachable") == true)
        #expect(failures.first?.contains("s3cr3t") == false)
    }
}

/// Notes the fake PagerDuty channel took.
final class NoteRecorder: @unchecked Sendable {
    private let lock = NSLock()
    private var notes: [(String, String)] = []

    func add(_ id: String, _ text: String) { lock.withLock { notes.append((id, text)) } }

    var all: [(String, String)] { lock.withLock { notes } }
}
