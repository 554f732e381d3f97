import AWSClient
import AWSSigV4
import Foundation

@testable import BreakGlass

/// A `BreakGlassSTS` that records the AssumeRole calls and answers as configured.
final class RecordingSTS: BreakGlassSTS, @unchecked Sendable {
    struct Call: Equatable {
        var roleArn: String
        var sessionName: String
        var durationSeconds: Int
        var serialNumber: String?
        var tokenCode: String?
        var sourceIdentity: String
        var tags: [String: String]
    }

    struct Refused: Error, CustomStringConvertible {
        var description: String { "AccessDenied: not authorized to perform sts:AssumeRole" }
    }

    private let lock = NSLock()
    private var recorded: [Call] = []
    let callerArn: String
    let fails: Bool
    let expiration: Date

    init(
        callerArn: String = "arn:aws:iam::123456789012:user/alice", fails: Bool = false,
        expiration: Date = AuditFixtures.start.addingTimeInterval(3600)
    ) {
        self.callerArn = callerArn
        self.fails = fails
        self.expiration = expiration
    }

    var calls: [Call] { lock.withLock { recorded } }

    func callerIdentity() async throws -> STSCallerIdentity {
        STSCallerIdentity(account: "123456789012", arn: callerArn, userId: "AIDAEXAMPLE")
    }

    func assumeRole(
        roleArn: String, sessionName: String, durationSeconds: Int, serialNumber: String?, tokenCode: String?,
        sourceIdentity: String, tags: [String: String]
    ) async throws -> STSAssumedRole {
        lock.withLock {
            recorded.append(
                Call(
                    roleArn: roleArn, sessionName: sessionName, durationSeconds: durationSeconds,
                    serialNumber: serialNumber, tokenCode: tokenCode, sourceIdentity: sourceIdentity,
                    tags: tags))
        }
        if fails { throw Refused() }
        return STSAssumedRole(
            credentials: AWSCredentials(
                accessKeyId: "ASIATESTKEY0000WXYZ", secretAccessKey: "secret/key+value",
                sessionToken: "token-value"),
            expiration: expiration,
            assumedRoleArn: "arn:aws:sts::210987654321:assumed-role/BreakGlassAdmin/x",
            assumedRoleId: "AROAEXAMPLE:x")
    }
}
