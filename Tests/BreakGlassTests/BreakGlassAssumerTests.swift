import Foundation
import OpsDeckCore
import Testing

@testable import BreakGlass

@Suite struct BreakGlassAssumerTests {
    static let production = BreakGlassTarget(
        accountId: "210987654321", accountName: "Payments Production", alias: "payments-prod",
        isProduction: true, roleName: "BreakGlassAdmin",
        roleArn: "arn:aws:iam::210987654321:role/breakglass/BreakGlassAdmin", maxSessionDuration: 7200)

    static func assumer(_ sts: RecordingSTS, log: AuditLog, user: String = "alice") -> BreakGlassAssumer {
        BreakGlassAssumer(
            sts: sts, audit: log,
            identity: LocalIdentity(user: user, host: "bastion-1", sshClient: "203.0.113.9"),
            region: "eu-west-1", now: { AuditFixtures.start }, makeSessionId: { "0a1b2c3d" })
    }

    static func request(
        reason: String = "payments database failover, primary is down",
        confirmation: String? = "payments-prod",
        duration: Int = 3600, readonly: Bool = false
    ) -> BreakGlassRequest {
        BreakGlassRequest(
            target: production, reason: reason, ticket: "INC-42", durationSeconds: duration,
            mfaSerial: "arn:aws:iam::123456789012:mfa/alice", mfaCode: "123456", confirmation: confirmation,
            readonly: readonly)
    }

    @Test func aGoodRequestIsRecordedBeforeAndAfter() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = AuditLog(path: directory.path + "/audit.jsonl")
        let sts = RecordingSTS()
        let session = try await Self.assumer(sts, log: log).assume(Self.request())
        #expect(session.sessionName == "alice-0a1b2c3d")
        #expect(session.credentials.accessKeyId == "ASIATESTKEY0000WXYZ")
        let call = try #require(sts.calls.first)
        #expect(call.sourceIdentity == "alice")
        #expect(call.serialNumber == "arn:aws:iam::123456789012:mfa/alice" && call.tokenCode == "123456")
        #expect(
            call.tags == [
                "BreakGlassReason": "payments database failover primary is down",
                "BreakGlassTicket": "INC-42",
            ])
        #expect(call.durationSeconds == 3600)

        let entries = try log.entries()
        #expect(entries.map(\.event) == [.request, .success])
        #expect(entries[0].caller == "arn:aws:iam::123456789012:user/alice")
        #expect(entries[0].reason == "payments database failover, primary is down")
        #expect(entries[0].accountName == "payments-prod" && entries[0].sshClient == "203.0.113.9")
        #expect(entries[1].accessKeySuffix == "WXYZ")
        #expect(entries[1].expiration == AuditFixtures.start.addingTimeInterval(3600))
        let text = try String(contentsOfFile: log.path, encoding: .utf8)
        for secret in ["secret/key+value", "token-value", "123456\"", "ASIATESTKEY"] {
            #expect(!text.contains(secret), "the audit log holds \(secret)")
        }
    }

    @Test func anSTSFailureIsRecordedAndReported() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = AuditLog(path: directory.path + "/audit.jsonl")
        await #expect {
            _ = try await Self.assumer(RecordingSTS(fails: true), log: log).assume(Self.request())
        } throws: { error in
            guard case .stsFailed(let account, _, let region, _) = error as? BreakGlassError else {
                return false
            }
            return account.contains("210987654321") && region == "eu-west-1"
        }
        let entries = try log.entries()
        #expect(entries.map(\.event) == [.request, .failure])
        #expect(entries[1].error?.contains("AccessDenied") == true)
    }

    @Test(arguments: [
        ("", "no reason"), ("fix it", "too short"), ("urgent!!!!!!!!!!!", "one word"),
    ])
    func aMissingOrThinReasonIsRefused(reason: String, label: String) async throws {
        try await expectRefusal(Self.request(reason: reason)) { error in
            if case .reasonTooShort = error { return true }
            return false
        }
    }

    @Test func aWrongAliasIsRefused() async throws {
        try await expectRefusal(Self.request(confirmation: "payments-production")) { error in
            if case .confirmationMismatch(_, let expected) = error { return expected == "payments-prod" }
            return false
        }
        try await expectRefusal(Self.request(confirmation: nil)) { error in
            if case .confirmationMismatch = error { return true }
            return false
        }
    }

    @Test func readonlyIsRefused() async throws {
        try await expectRefusal(Self.request(readonly: true)) { $0 == .readonly }
    }

    @Test func aMissingMFACodeIsRefused() async throws {
        var request = Self.request()
        request.mfaCode = nil
        try await expectRefusal(request) { error in
            if case .mfaCodeRequired(let serial) = error { return serial.hasSuffix("mfa/alice") }
            return false
        }
    }

    @Test func moreThanTheRoleAllowsIsRefused() async throws {
        try await expectRefusal(Self.request(duration: 3 * 3600)) { error in
            guard case .durationOutOfRange(_, _, _, let maximum, let explanation) = error else {
                return false
            }
            return maximum == 7200 && explanation.contains("MaxSessionDuration")
        }
    }

    @Test func roleChainingIsExplainedAboveOneHour() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = AuditLog(path: directory.path + "/audit.jsonl")
        let sts = RecordingSTS(callerArn: "arn:aws:sts::123456789012:assumed-role/Ops/alice")
        await #expect {
            _ = try await Self.assumer(sts, log: log).assume(Self.request(duration: 7200))
        } throws: { error in
            guard case .durationOutOfRange(_, _, _, let maximum, let explanation) = error as? BreakGlassError
            else { return false }
            return maximum == 3600 && explanation.contains("role chaining")
        }
        #expect(sts.calls.isEmpty)
        _ = try await Self.assumer(sts, log: log).assume(Self.request(duration: 3600))
        #expect(sts.calls.count == 1)
    }

    @Test func anUnwritableAuditLogRefusesBeforeSTS() async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        try Data().write(to: URL(fileURLWithPath: directory.path + "/state"))
        let sts = RecordingSTS()
        let log = AuditLog(path: directory.path + "/state/opsdeck/audit.jsonl")
        await #expect {
            _ = try await Self.assumer(sts, log: log).assume(Self.request())
        } throws: { error in
            guard case .auditFailed = error as? BreakGlassError else { return false }
            return "\(error)".contains("Nothing was assumed")
        }
        #expect(sts.calls.isEmpty)
    }

    @Test func sessionNamesFitSTS() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = AuditLog(path: directory.path + "/audit.jsonl")
        let long = String(repeating: "émile ", count: 20)
        let name = Self.assumer(RecordingSTS(), log: log, user: long).sessionName(sessionId: "0a1b2c3d")
        #expect(name.count <= 64 && name.hasSuffix("-0a1b2c3d"))
        #expect(name.unicodeScalars.allSatisfy(STSLimits.isSessionNameScalar))
    }

    private func expectRefusal(
        _ request: BreakGlassRequest, _ matches: @escaping (BreakGlassError) -> Bool
    ) async throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let log = AuditLog(path: directory.path + "/audit.jsonl")
        let sts = RecordingSTS()
        await #expect {
            _ = try await Self.assumer(sts, log: log).assume(request)
        } throws: { error in
            guard let error = error as? BreakGlassError else { return false }
            return matches(error)
        }
        #expect(sts.calls.isEmpty)
        #expect(try log.entries().isEmpty)
    }
}
