import Foundation
import OpsDeckCore

extension PagerDutyClient {
    /// Every incident created in `[since, until)`, all statuses unless `statuses` narrows.
    ///
    /// Pages with `limit`/`offset`. PagerDuty refuses offsets past its cap (10,000), so a
    /// window holding more than that is split in two by time until each half fits.
    /// - Throws: `PagerDutyError`.
    public func listIncidents(
        since: Date, until: Date, statuses: [Incident.Status] = []
    ) async throws(PagerDutyError) -> [Incident] {
        var out: [Incident] = []
        try await collect(since: since, until: until, statuses: statuses, into: &out, depth: 0)
        var seen = Set<String>()
        return out.filter { seen.insert($0.id).inserted }
    }

    private func collect(
        since: Date, until: Date, statuses: [Incident.Status], into out: inout [Incident], depth: Int
    ) async throws(PagerDutyError) {
        let limit = max(1, min(configuration.pageSize, 100))
        var offset = 0
        var window: [Incident] = []
        while true {
            var query: [(String, String)] = [
                ("since", PagerDutyDate.format(since)), ("until", PagerDutyDate.format(until)),
                ("limit", String(limit)), ("offset", String(offset)), ("total", "true"),
                ("sort_by", "created_at:asc"), ("include[]", "first_trigger_log_entries"),
            ]
            query += statuses.map { ("statuses[]", $0.rawValue) }
            let response = try await send(try request("GET", path: "/incidents", query: query))
            let page = try decode(PagerDutyWire.IncidentList.self, from: response)
            window += page.incidents.compactMap(Self.incident)
            offset += page.incidents.count
            guard page.more == true, !page.incidents.isEmpty else {
                out += window
                return
            }
            // The next page would pass the cap (known at once from `total`, or found on the
            // way when the server does not count): split the window by time instead.
            let overCap =
                (page.total ?? 0) > configuration.offsetCap || offset + limit > configuration.offsetCap
            if overCap {
                let span = until.timeIntervalSince(since)
                guard span > 1, depth < 40 else {
                    throw .rejected(
                        status: 400,
                        message: "more than \(configuration.offsetCap) incidents within one second; "
                            + "narrow the query")
                }
                let middle = since.addingTimeInterval((span / 2).rounded(.down))
                try await collect(
                    since: since, until: middle, statuses: statuses, into: &out, depth: depth + 1)
                try await collect(
                    since: middle, until: until, statuses: statuses, into: &out, depth: depth + 1)
                return
            }
        }
    }

    /// One incident.
    /// - Throws: `PagerDutyError.notFound` when it does not exist.
    public func incident(id: String) async throws(PagerDutyError) -> Incident {
        let response = try await send(
            try request(
                "GET", path: "/incidents/\(id)", query: [("include[]", "first_trigger_log_entries")]))
        let envelope = try decode(PagerDutyWire.IncidentEnvelope.self, from: response, incidentId: id)
        guard let incident = Self.incident(envelope.incident) else {
            throw .invalidResponse("incident \(id) has an unknown status")
        }
        return incident
    }

    /// The person who last changed an incident's status, from `last_status_change_by`.
    func lastChangedBy(id: String) async -> (Incident.Status, String?)? {
        guard let response = try? await send(try request("GET", path: "/incidents/\(id)")),
            let envelope = try? decode(PagerDutyWire.IncidentEnvelope.self, from: response, incidentId: id),
            let status = Incident.Status(rawValue: envelope.incident.status)
        else { return nil }
        let by = envelope.incident.lastStatusChangeBy
        return (status, by?.summary ?? by?.name ?? by?.email)
    }

    /// Maps PagerDuty's incident to OpsDeck's; nil for a status OpsDeck does not know.
    static func incident(_ wire: PagerDutyWire.Incident) -> Incident? {
        guard let status = Incident.Status(rawValue: wire.status),
            let created = PagerDutyDate.parse(wire.createdAt)
        else { return nil }
        let updated =
            (wire.updatedAt ?? wire.lastStatusChangeAt).flatMap(PagerDutyDate.parse) ?? created
        let details = wire.firstTriggerLogEntry?.channel.flatMap { $0.details ?? $0.cefDetails }
        let alarmARN = details?.firstString(forKey: "AlarmArn") ?? details?.firstString(forKey: "alarmArn")
        let alarm = alarmARN.flatMap(AlarmReference.init(arn:))
        return Incident(
            id: wire.id, number: wire.incidentNumber, title: wire.title ?? wire.summary ?? wire.id,
            status: status, urgency: Incident.Urgency(rawValue: wire.urgency ?? "high") ?? .high,
            priority: wire.priority?.summary ?? wire.priority?.name,
            serviceName: wire.service?.summary ?? wire.service?.name ?? "-",
            assignees: (wire.assignments ?? []).compactMap { $0.assignee?.summary ?? $0.assignee?.name },
            escalationPolicy: wire.escalationPolicy?.summary, createdAt: created, updatedAt: updated,
            incidentKey: wire.incidentKey, htmlURL: wire.htmlURL, alarmARN: alarmARN,
            accountId: alarm?.accountId, region: alarm?.region, serviceId: wire.service?.id)
    }
}
