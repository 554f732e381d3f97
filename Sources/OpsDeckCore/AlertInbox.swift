import Foundation

/// Merges CloudWatch alarms and PagerDuty incidents into one inbox.
public enum AlertInbox {
    /// Builds the inbox rows: alarms in ALARM, open incidents, and resolved incidents whose
    /// alarm still fires; an incident raised by an alarm is one row with both sources.
    /// Sorted by severity, then oldest first.
    public static func merge(alarms: [Alarm], incidents: [Incident]) -> [Alert] {
        var alarmsByARN: [String: Alarm] = [:]
        var alarmsByName: [String: [Alarm]] = [:]
        for alarm in alarms {
            alarmsByARN[alarm.arn] = alarm
            alarmsByName[alarm.name, default: []].append(alarm)
        }
        var claimed = Set<String>()
        var rows: [Alert] = []
        rows.reserveCapacity(alarms.count + incidents.count)
        for incident in incidents {
            let alarm =
                incident.alarmARN.flatMap { alarmsByARN[$0] } ?? correlatedByReference(incident, alarmsByName)
                ?? correlatedByName(incident, alarmsByName)
            if let alarm { claimed.insert(alarm.arn) }
            let stillFiring = alarm?.state == .alarm
            if incident.status == .resolved && !stillFiring { continue }
            var sources: Alert.Sources = [.pagerDuty]
            if alarm != nil { sources.insert(.cloudWatch) }
            let severity = min(incident.severity, alarm?.severity ?? .info)
            rows.append(
                Alert(
                    id: "pd:\(incident.id)", severity: severity, sources: sources,
                    accountId: incident.accountId ?? alarm?.accountId,
                    region: incident.region ?? alarm?.region,
                    title: incident.title, status: incident.status.rawValue,
                    since: min(incident.createdAt, alarm?.stateUpdatedAt ?? incident.createdAt),
                    alarm: alarm, incident: incident))
        }
        for alarm in alarms where alarm.state == .alarm && !claimed.contains(alarm.arn) {
            rows.append(
                Alert(
                    id: "cw:\(alarm.arn)", severity: alarm.severity, sources: [.cloudWatch],
                    accountId: alarm.accountId, region: alarm.region, title: alarm.name,
                    status: alarm.state.rawValue,
                    since: alarm.stateUpdatedAt, alarm: alarm))
        }
        rows.sort { lhs, rhs in
            if lhs.severity != rhs.severity { return lhs.severity < rhs.severity }
            if lhs.since != rhs.since { return lhs.since < rhs.since }
            return lhs.id < rhs.id
        }
        return rows
    }

    /// The alarm ARN from the alert body (or an incident key that is an ARN) names the
    /// account, region and alarm even when the ARN's spelling differs from the cached one.
    private static func correlatedByReference(_ incident: Incident, _ alarmsByName: [String: [Alarm]])
        -> Alarm?
    {
        let reference =
            incident.alarmARN.flatMap(AlarmReference.init(arn:))
            ?? incident.incidentKey.flatMap(AlarmReference.init(arn:))
        guard let reference else { return nil }
        return alarmsByName[reference.name]?.first {
            $0.accountId == reference.accountId && $0.region == reference.region
        }
    }

    /// PagerDuty's CloudWatch integration puts the alarm name in the title
    /// (`ALARM: "name" in US East (N. Virginia)`) or the incident key. Alarm names repeat
    /// across accounts and regions, so the incident's own account and region decide.
    private static func correlatedByName(_ incident: Incident, _ alarmsByName: [String: [Alarm]]) -> Alarm? {
        var name: String?
        if let key = incident.incidentKey, alarmsByName[key] != nil {
            name = key
        } else if let open = incident.title.firstIndex(of: "\"") {
            let rest = incident.title[incident.title.index(after: open)...]
            if let close = rest.firstIndex(of: "\"") { name = String(rest[..<close]) }
        }
        guard let name, let candidates = alarmsByName[name] else { return nil }
        let scored = candidates.map { alarm -> (Int, Alarm) in
            var score = 0
            if let account = incident.accountId { score += alarm.accountId == account ? 2 : -10 }
            if let region = incident.region { score += alarm.region == region ? 1 : -10 }
            if incident.region == nil, incident.title.contains(RegionNames.displayName(alarm.region)) {
                score += 1
            }
            return (score, alarm)
        }
        guard let best = scored.max(by: { $0.0 == $1.0 ? $0.1.arn > $1.1.arn : $0.0 < $1.0 }), best.0 >= 0
        else {
            return nil
        }
        return best.1
    }
}
