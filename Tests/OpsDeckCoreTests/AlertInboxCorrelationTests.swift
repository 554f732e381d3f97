import Foundation
import OpsDeckCore
import Testing

/// The alert-body correlation: PagerDuty's CloudWatch integration carries the alarm ARN
/// in the first alert's body (or as the incident key), spelled as AWS sent it.
@Suite struct AlertInboxCorrelationTests {
    typealias F = CoreFixtures

    static func cachedAlarm(state: Alarm.State = .alarm) -> Alarm {
        // An emulator's ARN: the provider rewrote account and region, not the ARN.
        Alarm(
            arn: "arn:aws:cloudwatch:us-east-1:123456789012:alarm:db-cpu", name: "db-cpu",
            accountId: "444444444444", region: "eu-west-1", state: state, stateUpdatedAt: F.ago(900))
    }

    @Test func bodyARNMatchesByNameAccountAndRegion() throws {
        let incident = F.incident(
            "P1", title: "Database CPU", alarmARN: "arn:aws:cloudwatch:eu-west-1:444444444444:alarm:db-cpu")
        let rows = AlertInbox.merge(alarms: [Self.cachedAlarm()], incidents: [incident])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.sources == [.cloudWatch, .pagerDuty])
        #expect(row.alarm?.name == "db-cpu")
    }

    @Test func incidentKeyThatIsAnAlarmARNCorrelates() throws {
        let incident = F.incident(
            "P2", title: "CPU", incidentKey: "arn:aws:cloudwatch:eu-west-1:444444444444:alarm:db-cpu")
        let rows = AlertInbox.merge(alarms: [Self.cachedAlarm()], incidents: [incident])
        #expect(rows.count == 1)
        #expect(rows.first?.sources == [.cloudWatch, .pagerDuty])
    }

    @Test func sameNameInAnotherAccountIsNotTheSameAlarm() {
        let incident = F.incident(
            "P3", title: "CPU", alarmARN: "arn:aws:cloudwatch:eu-west-1:555555555555:alarm:db-cpu")
        let rows = AlertInbox.merge(alarms: [Self.cachedAlarm()], incidents: [incident])
        #expect(rows.count == 2)
        #expect(Set(rows.map(\.sources)) == [[.pagerDuty], [.cloudWatch]])
    }

    @Test func resolvedIncidentWhoseBodyAlarmStillFiresStandsOut() throws {
        let incident = F.incident(
            "P4", title: "CPU", status: .resolved,
            alarmARN: "arn:aws:cloudwatch:eu-west-1:444444444444:alarm:db-cpu")
        let rows = AlertInbox.merge(alarms: [Self.cachedAlarm()], incidents: [incident])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.isResolvedButStillFiring)
        #expect(row.status == "resolved")
    }

    @Test func resolvedIncidentWhoseAlarmIsOKIsGone() {
        let incident = F.incident(
            "P5", status: .resolved, alarmARN: "arn:aws:cloudwatch:eu-west-1:444444444444:alarm:db-cpu")
        #expect(AlertInbox.merge(alarms: [Self.cachedAlarm(state: .ok)], incidents: [incident]).isEmpty)
    }

    @Test func severityThenAgeOrder() {
        let critical = F.incident("PC", priority: "P1", created: 10)
        let oldHigh = F.incident("PH", urgency: .high, created: 5000)
        let newHigh = F.incident("PN", urgency: .high, created: 100)
        let low = F.incident("PL", urgency: .low, created: 9000)
        let rows = AlertInbox.merge(alarms: [], incidents: [low, newHigh, critical, oldHigh])
        #expect(rows.map(\.id) == ["pd:PC", "pd:PH", "pd:PN", "pd:PL"])
    }

    @Test(arguments: [
        ("arn:aws:cloudwatch:us-east-1:111122223333:alarm:a:b", "a:b"),
        ("arn:aws:cloudwatch:us-east-1:111122223333:alarm:x", "x"),
    ])
    func alarmReferenceParses(arn: String, name: String) throws {
        let reference = try #require(AlarmReference(arn: arn))
        #expect(reference.name == name)
        #expect(reference.accountId == "111122223333")
        #expect(reference.region == "us-east-1")
    }

    @Test(arguments: [
        "", "arn:aws:sns:us-east-1:1:topic", "arn:aws:cloudwatch:us-east-1:1:dashboard:x", "HighCPU",
    ])
    func nonAlarmARNsAreNotReferences(text: String) {
        #expect(AlarmReference(arn: text) == nil)
    }
}
