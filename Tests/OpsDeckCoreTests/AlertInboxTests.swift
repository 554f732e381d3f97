import Foundation
import OpsDeckCore
import Testing

@Suite struct AlertInboxTests {
    typealias F = CoreFixtures

    @Test func alarmInAlarmStateIsOneCloudWatchRow() throws {
        let alarm = F.alarm("api-5xx", account: "222222222222", region: "eu-west-1", updated: 300)
        let rows = AlertInbox.merge(alarms: [alarm], incidents: [])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.id == "cw:\(alarm.arn)")
        #expect(row.sources == [.cloudWatch])
        #expect(row.title == "api-5xx")
        #expect(row.status == "ALARM")
        #expect(row.accountId == "222222222222")
        #expect(row.region == "eu-west-1")
        #expect(row.since == F.ago(300))
        #expect(row.alarm == alarm)
        #expect(row.incident == nil)
        #expect(!row.isResolvedButStillFiring)
    }

    @Test(arguments: [Alarm.State.ok, .insufficientData])
    func alarmsNotFiringAreLeftOut(state: Alarm.State) {
        #expect(AlertInbox.merge(alarms: [F.alarm("quiet", state: state)], incidents: []).isEmpty)
    }

    @Test func incidentAloneIsOnePagerDutyRow() throws {
        let incident = F.incident(
            "PABC", title: "Checkout slow", account: "333333333333", region: "us-west-2")
        let row = try #require(AlertInbox.merge(alarms: [], incidents: [incident]).first)
        #expect(row.id == "pd:PABC")
        #expect(row.sources == [.pagerDuty])
        #expect(row.status == "triggered")
        #expect(row.title == "Checkout slow")
        #expect(row.accountId == "333333333333")
        #expect(row.region == "us-west-2")
        #expect(row.alarm == nil)
    }

    @Test func incidentLinkedByAlarmARNIsOneRowWithBothSources() throws {
        let alarm = F.alarm("db-cpu", account: "444444444444", region: "us-east-2", updated: 900)
        let incident = F.incident(
            "P1", title: "DB CPU", status: .acknowledged, created: 600, alarmARN: alarm.arn)
        let rows = AlertInbox.merge(alarms: [alarm], incidents: [incident])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.id == "pd:P1")
        #expect(row.sources == [.cloudWatch, .pagerDuty])
        #expect(row.alarm == alarm)
        #expect(row.incident == incident)
        #expect(row.status == "acknowledged")
        // Account and region come from the alarm when the incident does not know them.
        #expect(row.accountId == "444444444444")
        #expect(row.region == "us-east-2")
        // The row is as old as its oldest part.
        #expect(row.since == F.ago(900))
    }

    @Test func incidentAccountAndRegionWinOverTheAlarms() throws {
        let alarm = F.alarm("db-cpu", account: "444444444444", region: "us-east-2")
        let incident = F.incident("P1", alarmARN: alarm.arn, account: "999999999999", region: "global")
        let row = try #require(AlertInbox.merge(alarms: [alarm], incidents: [incident]).first)
        #expect(row.accountId == "999999999999")
        #expect(row.region == "global")
    }

    @Test func incidentLinkedByTitleInPagerDutyCloudWatchFormat() throws {
        let alarm = F.alarm("payments-latency-high")
        let incident = F.incident("P2", title: "ALARM: \"payments-latency-high\" in US East (N. Virginia)")
        let rows = AlertInbox.merge(alarms: [alarm], incidents: [incident])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.sources == [.cloudWatch, .pagerDuty])
        #expect(row.alarm?.arn == alarm.arn)
    }

    @Test func incidentLinkedByIncidentKey() throws {
        let alarm = F.alarm("queue-depth")
        let incident = F.incident("P3", title: "Queue backing up", incidentKey: "queue-depth")
        let rows = AlertInbox.merge(alarms: [alarm], incidents: [incident])
        #expect(rows.count == 1)
        #expect(try #require(rows.first).alarm?.arn == alarm.arn)
    }

    @Test func unknownAlarmARNFallsBackToTheTitle() throws {
        let alarm = F.alarm("queue-depth")
        let incident = F.incident(
            "P3", title: "ALARM: \"queue-depth\" in EU (Ireland)",
            alarmARN: "arn:aws:cloudwatch:x:1:alarm:gone")
        let rows = AlertInbox.merge(alarms: [alarm], incidents: [incident])
        #expect(rows.count == 1)
        #expect(try #require(rows.first).alarm?.arn == alarm.arn)
    }

    @Test(arguments: [
        "ALARM: \"other-alarm\" in US East (N. Virginia)",
        "ALARM: \"queue-depth in US East",
        "queue-depth is high",
        "",
    ])
    func titlesThatNameNoKnownAlarmDoNotLink(title: String) {
        let alarm = F.alarm("queue-depth")
        let rows = AlertInbox.merge(alarms: [alarm], incidents: [F.incident("P4", title: title)])
        #expect(rows.count == 2)
        #expect(Set(rows.map(\.id)) == ["pd:P4", "cw:\(alarm.arn)"])
        let page = rows.first { $0.id == "pd:P4" }
        #expect(page?.sources == [.pagerDuty])
        #expect(page?.alarm == nil)
    }

    @Test func resolvedIncidentWhoseAlarmStillFiresIsKeptAndFlagged() throws {
        let alarm = F.alarm("disk-full")
        let incident = F.incident("P5", status: .resolved, alarmARN: alarm.arn)
        let rows = AlertInbox.merge(alarms: [alarm], incidents: [incident])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.isResolvedButStillFiring)
        #expect(row.status == "resolved")
        #expect(row.sources == [.cloudWatch, .pagerDuty])
    }

    @Test func resolvedIncidentWithOKAlarmIsDropped() {
        let alarm = F.alarm("disk-full", state: .ok)
        let incident = F.incident("P5", status: .resolved, alarmARN: alarm.arn)
        #expect(AlertInbox.merge(alarms: [alarm], incidents: [incident]).isEmpty)
    }

    @Test func resolvedIncidentWithoutAlarmIsDropped() {
        #expect(AlertInbox.merge(alarms: [], incidents: [F.incident("P6", status: .resolved)]).isEmpty)
    }

    @Test func openIncidentWithOKAlarmStaysWithBothSourcesAndIsNotFlagged() throws {
        let alarm = F.alarm("disk-full", state: .ok)
        let incident = F.incident("P7", status: .triggered, alarmARN: alarm.arn)
        let rows = AlertInbox.merge(alarms: [alarm], incidents: [incident])
        let row = try #require(rows.first)
        #expect(rows.count == 1)
        #expect(row.sources == [.cloudWatch, .pagerDuty])
        #expect(!row.isResolvedButStillFiring)
    }

    @Test func mergedSeverityIsTheMoreSevereOfTheTwo() throws {
        let alarm = F.alarm("api-errors", severity: .critical)
        let incident = F.incident("P8", urgency: .low, alarmARN: alarm.arn)
        #expect(incident.severity == .warning)
        #expect(
            try #require(AlertInbox.merge(alarms: [alarm], incidents: [incident]).first).severity == .critical
        )

        let mild = F.alarm("api-errors", severity: .info)
        let loud = F.incident("P9", priority: "P1", alarmARN: mild.arn)
        #expect(try #require(AlertInbox.merge(alarms: [mild], incidents: [loud]).first).severity == .critical)
    }

    @Test func twoIncidentsForOneAlarmBothCarryItAndTheAlarmIsNotRepeated() {
        let alarm = F.alarm("flappy")
        let rows = AlertInbox.merge(
            alarms: [alarm],
            incidents: [F.incident("PA", alarmARN: alarm.arn), F.incident("PB", incidentKey: "flappy")])
        #expect(rows.map(\.id).sorted() == ["pd:PA", "pd:PB"])
        #expect(rows.allSatisfy { $0.alarm?.arn == alarm.arn })
    }

    @Test func sortedBySeverityThenOldestFirstThenId() {
        let alarms = [
            F.alarm("w-new", updated: 10, severity: .warning),
            F.alarm("c-new", updated: 20, severity: .critical),
            F.alarm("i-old", updated: 9000, severity: .info),
            F.alarm("c-old", updated: 4000, severity: .critical),
            F.alarm("w-old", updated: 500, severity: .warning),
        ]
        let incidents = [
            F.incident("PH", urgency: .high, created: 100),
            F.incident("PW", urgency: .low, created: 500),
        ]
        let rows = AlertInbox.merge(alarms: alarms, incidents: incidents)
        #expect(
            rows.map(\.title) == [
                "c-old", "c-new", "Something broke", "w-old", "Something broke", "w-new", "i-old",
            ])
        #expect(rows.map(\.severity) == [.critical, .critical, .high, .warning, .warning, .warning, .info])
        // w-old and PW are equally old: the id breaks the tie ("cw:" before "pd:").
        #expect(rows[3].id.hasPrefix("cw:"))
        #expect(rows[4].id == "pd:PW")
    }

    @Test func mergeIsIndependentOfInputOrder() {
        let alarms = (0..<6).map {
            F.alarm("a\($0)", updated: Double($0 % 3) * 60, severity: Severity.allCases[$0 % 4])
        }
        let incidents = (0..<4).map {
            F.incident("P\($0)", urgency: $0.isMultiple(of: 2) ? .high : .low, created: 60)
        }
        let forward = AlertInbox.merge(alarms: alarms, incidents: incidents).map(\.id)
        let backward = AlertInbox.merge(alarms: alarms.reversed(), incidents: incidents.reversed()).map(\.id)
        #expect(forward == backward)
        #expect(forward.count == 10)
    }

    @Test func emptyInputsGiveAnEmptyInbox() {
        #expect(AlertInbox.merge(alarms: [], incidents: []).isEmpty)
    }

    /// Alarm names are unique per account and region only. An incident that knows its
    /// account and region and names the alarm in its title should link to that
    /// account's alarm, not to a same-named alarm elsewhere.
    @Test func titleCorrelationPrefersTheIncidentsOwnAccount() throws {
        let mine = F.alarm("high-cpu", account: "222222222222", region: "us-east-1")
        let other = F.alarm("high-cpu", account: "333333333333", region: "us-west-2")
        let incident = F.incident(
            "PX", title: "ALARM: \"high-cpu\" in US East (N. Virginia)", account: "222222222222",
            region: "us-east-1")
        let rows = AlertInbox.merge(alarms: [mine, other], incidents: [incident])
        let linked = try #require(rows.first { $0.id == "pd:PX" })
        #expect(linked.alarm?.arn == mine.arn)
        #expect(rows.contains { $0.id == "cw:\(other.arn)" })
    }
}
