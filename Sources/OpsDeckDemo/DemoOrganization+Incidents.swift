import Foundation
import OpsDeckCore

extension DemoOrganization {
    static let largeIncidentCount = 2_000

    private static let responders = [
        "Priya Raman", "Dana Whitfield", "Marcus Chen", "Lena Vogel", "Kofi Mensah", "Sofia Alvarez",
        "Tomasz Nowak", "Aiko Tanaka", "Omar Haddad", "Grace Okafor",
    ]

    /// One incident of the standard story.
    private struct IncidentSpec {
        var status: Incident.Status
        var priority: String
        var urgency: Incident.Urgency
        var service: String
        /// Minutes since it was created, and since its last change.
        var createdMinutes: Double
        var updatedMinutes: Double
        /// An alarm that raised it: (account, region, name); linked by ARN unless `byKey`.
        var alarm: (account: String, region: String, name: String)?
        var byKey = false
        /// The title when no alarm raised it, and the account it is about.
        var title: String?
        var account: String?
    }

    private static let story: [IncidentSpec] = [
        IncidentSpec(
            status: .triggered, priority: "P1", urgency: .high, service: "payments-api", createdMinutes: 13,
            updatedMinutes: 13, alarm: ("payments-prod", "us-east-1", "P1-payments-api-5xx-rate")),
        IncidentSpec(
            status: .acknowledged, priority: "P1", urgency: .high, service: "checkout-web",
            createdMinutes: 37,
            updatedMinutes: 31, alarm: ("checkout-prod", "us-east-1", "P1-checkout-availability")),
        // Closed while the alarm still fires: the inbox must keep showing it.
        IncidentSpec(
            status: .resolved, priority: "P3", urgency: .low, service: "catalog-indexer", createdMinutes: 185,
            updatedMinutes: 120, alarm: ("catalog-prod", "us-west-2", "P3-catalog-queue-depth")),
        IncidentSpec(
            status: .acknowledged, priority: "P3", urgency: .low, service: "network", createdMinutes: 6,
            updatedMinutes: 2, alarm: ("network", "us-west-2", "P3-vpn-tunnel-down"), byKey: true),
        IncidentSpec(
            status: .triggered, priority: "P2", urgency: .high, service: "payments-webhooks",
            createdMinutes: 22,
            updatedMinutes: 22, title: "Stripe webhook deliveries failing: 312 retries queued",
            account: "payments-prod"),
        IncidentSpec(
            status: .acknowledged, priority: "P3", urgency: .low, service: "identity-auth",
            createdMinutes: 130,
            updatedMinutes: 95, title: "Elevated login failures from the EU edge", account: "identity-prod"),
        IncidentSpec(
            status: .resolved, priority: "P2", urgency: .high, service: "payments-api", createdMinutes: 1_500,
            updatedMinutes: 1_430, alarm: ("payments-prod", "us-east-1", "P2-payments-latency-p99")),
        IncidentSpec(
            status: .resolved, priority: "P1", urgency: .high, service: "checkout-web", createdMinutes: 4_300,
            updatedMinutes: 4_210, alarm: ("checkout-prod", "us-east-1", "P1-checkout-api-5xx-rate")),
        IncidentSpec(
            status: .resolved, priority: "P2", urgency: .high, service: "security", createdMinutes: 8_700,
            updatedMinutes: 8_400,
            alarm: ("security-tooling", "us-east-1", "P2-guardduty-high-severity-findings")),
        IncidentSpec(
            status: .resolved, priority: "P3", urgency: .low, service: "data-pipeline", createdMinutes: 2_900,
            updatedMinutes: 2_750, title: "Nightly ETL job failed: orders_daily", account: "data-prod"),
        IncidentSpec(
            status: .resolved, priority: "P3", urgency: .low, service: "platform", createdMinutes: 7_300,
            updatedMinutes: 5_900, title: "Certificate for api.acme.example expires in 7 days"),
        IncidentSpec(
            status: .resolved, priority: "P4", urgency: .low, service: "ci", createdMinutes: 11_600,
            updatedMinutes: 11_500, title: "Disk space low on build runners", account: "cicd"),
        IncidentSpec(
            status: .resolved, priority: "P3", urgency: .low, service: "checkout-worker",
            createdMinutes: 20_000, updatedMinutes: 19_880,
            alarm: ("checkout-prod", "us-west-2", "P3-checkout-queue-depth")),
        IncidentSpec(
            status: .resolved, priority: "P3", urgency: .low, service: "catalog-indexer",
            createdMinutes: 33_000,
            updatedMinutes: 32_700, alarm: ("catalog-staging", "us-east-1", "P4-catalog-staging-latency")),
    ]

    static func alarmTitle(name: String, region: String) -> String {
        "ALARM: \"\(name)\" in \(regionNames[region] ?? region)"
    }

    static func makeIncidents(
        size: DemoSize, org: GeneratedOrg, alarms: [Alarm], seed: UInt64, clock: DemoClock
    ) -> [Incident] {
        var rng = SplitMix64(seed: seed, stream: "incidents")
        var alarmsByKey: [String: Alarm] = [:]
        for alarm in alarms { alarmsByKey["\(alarm.accountId)/\(alarm.region)/\(alarm.name)"] = alarm }
        var incidents: [Incident] = []
        incidents.reserveCapacity(size == .large ? largeIncidentCount : story.count)
        var number = 4_100
        func nextId() -> String { "Q" + rng.characters(13, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") }

        for spec in story {
            number += 1
            let id = nextId()
            var title = spec.title ?? ""
            var alarm: Alarm?
            if let link = spec.alarm {
                title = alarmTitle(name: link.name, region: link.region)
                if let account = org.member(named: link.account)?.account {
                    alarm = alarmsByKey["\(account.id)/\(link.region)/\(link.name)"]
                }
            }
            let account = alarm?.accountId ?? spec.account.flatMap { org.member(named: $0)?.account.id }
            incidents.append(
                Incident(
                    id: id, number: number, title: title, status: spec.status, urgency: spec.urgency,
                    priority: spec.priority, serviceName: spec.service,
                    assignees: spec.status == .triggered ? [] : [rng.pick(responders)],
                    escalationPolicy: "\(spec.service) on-call",
                    createdAt: clock.minutesAgo(spec.createdMinutes),
                    updatedAt: clock.minutesAgo(spec.updatedMinutes),
                    incidentKey: spec.byKey ? alarm?.name : nil,
                    htmlURL: "https://acme.pagerduty.com/incidents/\(id)",
                    alarmARN: spec.byKey ? nil : alarm?.arn, accountId: account,
                    region: alarm?.region ?? (account == nil ? nil : "us-east-1")))
        }
        if size == .large {
            fillLargeIncidents(&incidents, alarms: alarms, number: number, rng: &rng, clock: clock)
        }
        return incidents
    }

    /// Pages for the generated accounts' alarms, mostly resolved, to exactly 2,000.
    private static func fillLargeIncidents(
        _ incidents: inout [Incident], alarms: [Alarm], number start: Int, rng: inout SplitMix64,
        clock: DemoClock
    ) {
        let linked = Set(incidents.compactMap(\.alarmARN))
        let firing = alarms.filter { $0.state == .alarm && $0.severity <= .high && !linked.contains($0.arn) }
        let quiet = alarms.filter { $0.state == .ok && !$0.isBillingAlarm }
        let services = [
            "api-gateway", "search", "orders", "ledger", "notifications", "media", "ml-serving", "edge",
        ]
        var number = start
        var firingIndex = 0
        while incidents.count < largeIncidentCount {
            number += 1
            let id = "Q" + rng.characters(13, from: "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
            var alarm: Alarm?
            var status = Incident.Status.resolved
            var created = clock.minutesAgo(rng.double(300...(90 * 24 * 60)))
            if firingIndex < firing.count {
                alarm = firing[firingIndex]
                firingIndex += 1
                status = rng.chance(0.45) ? .triggered : .acknowledged
                created = (alarm?.stateUpdatedAt ?? clock.now).addingTimeInterval(60)
            } else if !quiet.isEmpty && rng.chance(0.6) {
                alarm = rng.pick(quiet)
            }
            let updated =
                status == .resolved
                ? created.addingTimeInterval(rng.double(10...600) * 60)
                : min(clock.now, created.addingTimeInterval(rng.double(0...20) * 60))
            let severity = alarm?.severity ?? (rng.chance(0.3) ? .high : .warning)
            let priority: String
            switch severity {
            case .critical: priority = "P1"
            case .high: priority = "P2"
            case .warning: priority = "P3"
            case .info: priority = "P4"
            }
            let service = rng.pick(services)
            incidents.append(
                Incident(
                    id: id, number: number,
                    title: alarm.map { alarmTitle(name: $0.name, region: $0.region) }
                        ?? "\(service): error budget burn rate above 10x",
                    status: status, urgency: severity <= .high ? .high : .low, priority: priority,
                    serviceName: service, assignees: status == .triggered ? [] : [rng.pick(responders)],
                    escalationPolicy: "\(service) on-call", createdAt: created, updatedAt: updated,
                    htmlURL: "https://acme.pagerduty.com/incidents/\(id)", alarmARN: alarm?.arn,
                    accountId: alarm?.accountId, region: alarm?.region))
        }
    }
}
