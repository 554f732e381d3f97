import OpsDeckCore

/// The Alerts pane: one inbox of CloudWatch alarms in ALARM and PagerDuty incidents.
public enum AlertsPresenter {
    public static let columns = [
        PaneColumn("Sev", width: 8),
        PaneColumn("Source", width: 6, priority: 1),
        PaneColumn("Account", width: 18),
        PaneColumn("Region", width: 9, priority: 2),
        PaneColumn("Title", width: 30, flexible: true),
        PaneColumn("Status", width: 12),
        PaneColumn("Age", width: 4, alignment: .right),
    ]

    public static func severityRole(_ severity: Severity) -> ThemeRole {
        switch severity {
        case .critical: .severityCritical
        case .high: .severityHigh
        case .warning: .severityWarning
        case .info: .severityInfo
        }
    }

    static func statusRole(_ alert: Alert) -> ThemeRole {
        if alert.isResolvedButStillFiring { return .alarm }
        switch alert.incident?.status {
        case .triggered: return .incidentTriggered
        case .acknowledged: return .incidentAcknowledged
        case .resolved: return .incidentResolved
        case nil: return .alarm
        }
    }

    /// A queued action shows on its row until PagerDuty has taken it: `ack…` while
    /// pending, `conflict!` when somebody else was first, `failed!` when refused.
    static func queuedStatus(_ queued: QueuedIncidentAction, ascii: Bool) -> (String, ThemeRole) {
        switch queued.state {
        case .pending: (queued.action.kind.label + (ascii ? "..." : "…"), .stale)
        case .conflict: ("conflict!", .error)
        case .failed: ("failed!", .error)
        case .sent: (queued.action.kind.label, .muted)
        }
    }

    public static func alerts(_ snapshot: OrgSnapshot, _ context: PresentationContext) -> [Alert] {
        AlertInbox.merge(alarms: snapshot.alarms, incidents: snapshot.incidents).filter {
            context.includes(region: $0.region)
        }
    }

    public static func content(_ snapshot: OrgSnapshot, _ context: PresentationContext) -> PaneContent {
        let rows = alerts(snapshot, context).map { alert in
            let prod = context.isProduction(alert.accountId)
            var source =
                alert.sources == [.cloudWatch, .pagerDuty]
                ? "CW+PD" : (alert.sources == [.pagerDuty] ? "PD" : "CW")
            if alert.alarm?.isComposite == true { source += "*" }
            var status = alert.status.lowercased()
            if alert.isResolvedButStillFiring { status = "resolved!" }
            var cellRoles: CellRoles = [0: severityRole(alert.severity), 5: statusRole(alert)]
            if let incident = alert.incident, let queued = snapshot.pagerDuty.latestAction(for: incident.id) {
                (status, cellRoles[5]) = queuedStatus(queued, ascii: context.ascii)
            }
            if prod { cellRoles[2] = .prodText }
            return PaneRow(
                id: alert.id,
                cells: [
                    .text(alert.severity.rawValue), .text(source),
                    .text(context.accountName(alert.accountId)),
                    .text(alert.region ?? "-"), .text(alert.title), .text(status), .age(alert.since),
                ],
                role: alert.isResolvedButStillFiring ? .alarm : nil, cellRoles: cellRoles, isProduction: prod)
        }
        return PaneContent(columns: columns, rows: rows, emptyMessage: "Nothing is firing")
    }

    public static func detail(_ id: String, _ snapshot: OrgSnapshot, _ context: PresentationContext) -> [(
        String, String
    )] {
        guard let alert = alerts(snapshot, context).first(where: { $0.id == id }) else { return [] }
        var lines: [(String, String)] = [
            ("Title", alert.title), ("Severity", alert.severity.rawValue), ("Status", alert.status),
            ("Account", context.accountName(alert.accountId) + (alert.accountId.map { " (\($0))" } ?? "")),
            ("Region", alert.region ?? "-"), ("Since", "\(alert.since)"),
        ]
        if alert.isResolvedButStillFiring {
            lines.append(("Warning", "the incident is resolved but its alarm is still in ALARM"))
        }
        if let alarm = alert.alarm {
            lines += [
                ("Alarm", alarm.name), ("Alarm ARN", alarm.arn), ("Alarm state", alarm.state.rawValue),
                ("Reason", alarm.stateReason),
                ("Metric", [alarm.namespace, alarm.metricName].compactMap { $0 }.joined(separator: " ")),
                ("Composite", alarm.isComposite ? "yes" : "no"),
            ]
            if let threshold = alarm.threshold { lines.append(("Threshold", String(threshold))) }
            lines += alarmMetricLines(alarm, snapshot, context)
        }
        if let incident = alert.incident {
            lines += [
                ("Incident", "#\(incident.number) \(incident.id)"),
                ("Incident status", incident.status.rawValue),
                ("Urgency", incident.urgency.rawValue), ("Priority", incident.priority ?? "-"),
                ("Service", incident.serviceName),
                ("Assigned to", incident.assignees.joined(separator: ", ")),
                ("Escalation policy", incident.escalationPolicy ?? "-"),
                ("Incident key", incident.incidentKey ?? "-"),
                ("Link", incident.htmlURL ?? "-"),
            ]
            if let queued = snapshot.pagerDuty.latestAction(for: incident.id) {
                lines.append(
                    (
                        "Queued action",
                        "\(queued.action.kind.verb): \(queued.state.rawValue)"
                            + (queued.message.map { " (\($0))" } ?? "")
                    ))
            }
            lines += incidentTimelineLines(incident)
        }
        return lines
    }
}
