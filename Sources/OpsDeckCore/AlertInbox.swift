import Foundation

/// Merges CloudWatch alarms and PagerDuty incidents into one inbox.
public enum AlertInbox {
    /// Builds the inbox rows: alarms in ALARM, open incidents, and resolved incidents whose
    /// alarm still fires; an incident raised by an alarm is one row with both sources.
    /// Sorted by severity, then oldest first.
    public static func merge(alarms: [Alarm], incidents: [Incident]) -> [Alert] {
        var alarmsByARN: [String: Alarm] = [:]
        var alarmsByName: [String: Alarm] = [:]
        for alarm in alarms {
            alarmsByARN[alarm.arn] = alarm
            alarmsByName[alarm.name] = alarm
        }
        var claimed = Set<String>()
        var rows: [Alert] = []
        rows.reserveCapacity(alarms.count + incidents.count)
        for incident in incidents {
            let alarm = incident.alarmARN.flatMap { alarmsByARN[$0] } ?? correlatedByName(incident, alarmsByName)
            if let alarm { claimed.insert(alarm.arn) }
            let stillFiring = alarm?.state == .alarm
            if incident.status == .resolved && !stillFiring { continue }
            var sources: Alert.Sources = [.pagerDuty]
            if alarm != nil { sources.insert(.cloudWatch) }
            let severity = min(incident.severity, alarm?.severity ?? .info)
            rows.append(
                Alert(
                    id: "pd:\(incident.id)", severity: severity, sources: sources,
                    accountId: incident.accountId ?? alarm?.accountId, region: incident.region ?? alarm?.region,
                    title: incident.title, status: incident.status.rawValue,
                    since: min(incident.createdAt, alarm?.stateUpdatedAt ?? incident.createdAt),
                    alarm: alarm, incident: incident))
        }
        for alarm in alarms where alarm.state == .alarm && !claimed.contains(alarm.arn) {
            rows.append(
                Alert(
                    id: "cw:\(alarm.arn)", severity: alarm.severity, sources: [.cloudWatch],
                    accountId: alarm.accountId, region: alarm.region, title: alarm.name, status: alarm.state.rawValue,
                    since: alarm.stateUpdatedAt, alarm: alarm))
        }
        rows.sort { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if lhs.since != rhs.since { return lhs.since < rhs.since }
            return lhs.id < rhs.id
        }
        return rows
    }

    /// PagerDuty's CloudWatch integration puts the alarm name in the title
    /// (`ALARM: "name" in US East (N. Virginia)`) or the incident key.
    private static func correlatedByName(_ incident: Incident, _ alarmsByName: [String: Alarm]) -> Alarm? {
        if let key = incident.incidentKey, let alarm = alarmsByName[key] { return alarm }
        let title = incident.title
        guard let open = title.firstIndex(of: "\"") else { return nil }
        let rest = title[title.index(after: open)...]
        guard let close = rest.firstIndex(of: "\"") else { return nil }
        return alarmsByName[String(rest[..<close])]
    }
}
