import Foundation
import OpsDeckCore

extension DemoOrganization {
    struct AlarmTemplate {
        var name: String
        var namespace: String
        var metric: String
        var threshold: Double
        var unit: String = ""
    }

    static let regionNames = ["us-east-1": "US East (N. Virginia)", "us-west-2": "US West (Oregon)"]

    static let billingAlarmName = "billing-estimated-charges-monthly"
    static let largeAlarmCount = 5_000

    static func alarmARN(account: String, region: String, name: String) -> String {
        "arn:aws:cloudwatch:\(region):\(account):alarm:\(name)"
    }

    /// The alarms of one workload app in one environment.
    private static func appTemplates(app: String, environment: Environment) -> [AlarmTemplate] {
        switch environment {
        case .prod:
            [
                AlarmTemplate(
                    name: "P1-\(app)-api-5xx-rate", namespace: "AWS/ApplicationELB",
                    metric: "HTTPCode_Target_5XX_Count",
                    threshold: 50),
                AlarmTemplate(
                    name: "P2-\(app)-latency-p99", namespace: "AWS/ApplicationELB",
                    metric: "TargetResponseTime",
                    threshold: 1.5, unit: "s"),
                AlarmTemplate(
                    name: "P3-\(app)-queue-depth", namespace: "AWS/SQS",
                    metric: "ApproximateNumberOfMessagesVisible",
                    threshold: 1_000),
                AlarmTemplate(
                    name: "P2-\(app)-rds-cpu-high", namespace: "AWS/RDS", metric: "CPUUtilization",
                    threshold: 85,
                    unit: "%"),
                AlarmTemplate(
                    name: "P4-\(app)-ecs-memory", namespace: "AWS/ECS", metric: "MemoryUtilization",
                    threshold: 90,
                    unit: "%"),
            ]
        case .staging:
            [
                AlarmTemplate(
                    name: "P3-\(app)-staging-5xx-rate", namespace: "AWS/ApplicationELB",
                    metric: "HTTPCode_Target_5XX_Count", threshold: 100),
                AlarmTemplate(
                    name: "P4-\(app)-staging-latency", namespace: "AWS/ApplicationELB",
                    metric: "TargetResponseTime",
                    threshold: 3, unit: "s"),
            ]
        default:
            [
                AlarmTemplate(
                    name: "P4-\(app)-\(environment.rawValue)-errors", namespace: "AWS/Lambda",
                    metric: "Errors",
                    threshold: 25)
            ]
        }
    }

    /// Alarms of the platform accounts, by account name and region.
    private static let platformAlarms: [(account: String, region: String, template: AlarmTemplate)] = [
        (
            "network", "us-east-1",
            AlarmTemplate(
                name: "P2-nat-gateway-port-allocation-errors", namespace: "AWS/NATGateway",
                metric: "ErrorPortAllocation", threshold: 1)
        ),
        (
            "network", "us-west-2",
            AlarmTemplate(
                name: "P2-nat-gateway-port-allocation-errors", namespace: "AWS/NATGateway",
                metric: "ErrorPortAllocation", threshold: 1)
        ),
        (
            "network", "us-west-2",
            AlarmTemplate(
                name: "P3-vpn-tunnel-down", namespace: "AWS/VPN", metric: "TunnelState", threshold: 1)
        ),
        (
            "security-tooling", "us-east-1",
            AlarmTemplate(
                name: "P2-guardduty-high-severity-findings", namespace: "Custom/Security",
                metric: "HighFindings",
                threshold: 0)
        ),
        (
            "log-archive", "us-east-1",
            AlarmTemplate(
                name: "P3-cloudtrail-delivery-failures", namespace: "Custom/Security",
                metric: "DeliveryFailures",
                threshold: 0)
        ),
        (
            "cicd", "us-east-1",
            AlarmTemplate(
                name: "P3-ci-runner-capacity", namespace: "Custom/CI", metric: "QueuedJobs", threshold: 40)
        ),
        (
            "backup", "us-east-1",
            AlarmTemplate(
                name: "P3-backup-job-failures", namespace: "AWS/Backup", metric: "NumberOfBackupJobsFailed",
                threshold: 0)
        ),
    ]

    /// What is on fire in every demo: (account, region, alarm name, minutes since it fired).
    static let firing: [(account: String, region: String, name: String, minutes: Double)] = [
        ("payments-prod", "us-east-1", "P1-payments-api-5xx-rate", 14),
        ("checkout-prod", "us-east-1", "P1-checkout-availability", 38),
        ("checkout-prod", "us-east-1", "P2-checkout-latency-p99", 41),
        ("checkout-prod", "us-west-2", "P2-checkout-latency-p99", 26),
        ("catalog-prod", "us-west-2", "P3-catalog-queue-depth", 190),
        ("data-prod", "us-east-1", "P2-data-rds-cpu-high", 95),
        ("network", "us-west-2", "P3-vpn-tunnel-down", 7),
        ("catalog-staging", "us-east-1", "P3-catalog-staging-5xx-rate", 55),
    ]

    private static let insufficient: [(account: String, region: String, name: String)] = [
        ("identity-prod", "us-west-2", "P3-identity-queue-depth"),
        ("checkout-dev", "us-east-1", "P4-checkout-dev-errors"),
    ]

    static func makeAlarms(size: DemoSize, org: GeneratedOrg, seed: UInt64, clock: DemoClock) -> [Alarm] {
        var rng = SplitMix64(seed: seed, stream: "alarms")
        var alarms: [Alarm] = []
        alarms.reserveCapacity(size == .large ? largeAlarmCount : 80)

        // The standard accounts' alarms, in both sizes, carry the story the demo tells.
        let management = org.management
        alarms.append(
            Alarm(
                arn: alarmARN(account: management.id, region: "us-east-1", name: billingAlarmName),
                name: billingAlarmName, accountId: management.id, region: "us-east-1", state: .ok,
                stateReason: "Threshold Crossed: 1 datapoint was not greater than the threshold.",
                stateUpdatedAt: clock.daysAgo(11), namespace: "AWS/Billing", metricName: "EstimatedCharges",
                threshold: size == .large ? 6_000_000 : 150_000, severity: .high,
                actions: ["arn:aws:sns:us-east-1:\(management.id):billing-alerts"], tags: ["Team": "finops"]))
        for entry in platformAlarms {
            guard let member = org.member(named: entry.account), member.account.status == .active else {
                continue
            }
            alarms.append(
                alarm(
                    entry.template, account: member.account, region: entry.region, team: member.team,
                    rng: &rng, clock: clock))
        }
        for name in workloadApps {
            for suffix in ["prod", "staging", "dev"] {
                guard let member = org.member(named: "\(name)-\(suffix)") else { continue }
                let regionsHere = suffix == "prod" ? regions : ["us-east-1"]
                for region in regionsHere {
                    for template in appTemplates(app: name, environment: member.account.environment) {
                        alarms.append(
                            alarm(
                                template, account: member.account, region: region, team: member.team,
                                rng: &rng, clock: clock))
                    }
                }
            }
        }
        if let checkout = org.member(named: "checkout-prod") {
            let parts = ["P1-checkout-api-5xx-rate", "P2-checkout-latency-p99"].map {
                "ALARM(\"\(alarmARN(account: checkout.account.id, region: "us-east-1", name: $0))\")"
            }
            alarms.append(
                Alarm(
                    arn: alarmARN(
                        account: checkout.account.id, region: "us-east-1", name: "P1-checkout-availability"),
                    name: "P1-checkout-availability", accountId: checkout.account.id, region: "us-east-1",
                    state: .ok,
                    stateReason: "Alarm rule \(parts.joined(separator: " OR ")) evaluated to FALSE.",
                    stateUpdatedAt: clock.daysAgo(6), isComposite: true,
                    actions: ["arn:aws:sns:us-east-1:\(checkout.account.id):pagerduty-critical"],
                    tags: ["Team": checkout.team]))
        }
        applyStory(to: &alarms, org: org, clock: clock)

        if size == .large {
            fillLargeAlarms(&alarms, org: org, rng: &rng, clock: clock)
        }
        return alarms
    }

    private static func alarm(
        _ template: AlarmTemplate, account: Account, region: String, team: String, rng: inout SplitMix64,
        clock: DemoClock
    ) -> Alarm {
        let threshold = formatted(template.threshold)
        let severity = Severity.infer(name: template.name, tags: [:])
        let topic = severity <= .high ? "pagerduty-critical" : "ops-notifications"
        return Alarm(
            arn: alarmARN(account: account.id, region: region, name: template.name), name: template.name,
            accountId: account.id, region: region, state: .ok,
            stateReason: "Threshold Crossed: no datapoints were greater than the threshold (\(threshold)).",
            stateUpdatedAt: clock.hoursAgo(rng.double(6...(24 * 40))), namespace: template.namespace,
            metricName: template.metric, threshold: template.threshold, severity: severity,
            actions: ["arn:aws:sns:\(region):\(account.id):\(topic)"], tags: ["Team": team])
    }

    /// Names like `P2-search-api-latency-p99`; less urgent outside production.
    private static func largeTemplate(round: Int, member: GeneratedOrg.Member) -> AlarmTemplate {
        let kinds: [(rank: Int, suffix: String, namespace: String, metric: String, threshold: Double)] = [
            (1, "5xx-rate", "AWS/ApplicationELB", "HTTPCode_Target_5XX_Count", 50),
            (2, "latency-p99", "AWS/ApplicationELB", "TargetResponseTime", 1.5),
            (3, "queue-depth", "AWS/SQS", "ApproximateNumberOfMessagesVisible", 1_000),
            (2, "cpu-high", "AWS/ECS", "CPUUtilization", 85),
            (4, "memory-high", "AWS/ECS", "MemoryUtilization", 90),
        ]
        let kind = kinds[round % kinds.count]
        let bump = member.account.environment == .prod ? 0 : (member.account.environment == .staging ? 1 : 2)
        let rank = min(4, kind.rank + bump)
        let repeatSuffix = round < kinds.count ? "" : "-\(round / kinds.count + 1)"
        return AlarmTemplate(
            name: "P\(rank)-\(member.app ?? member.team)-\(kind.suffix)\(repeatSuffix)",
            namespace: kind.namespace,
            metric: kind.metric, threshold: kind.threshold)
    }

    private static func formatted(_ value: Double) -> String {
        value == value.rounded() ? String(format: "%.1f", value) : String(value)
    }

    /// Sets the firing and insufficient-data states the demo is about.
    private static func applyStory(to alarms: inout [Alarm], org: GeneratedOrg, clock: DemoClock) {
        for entry in firing {
            guard let account = org.member(named: entry.account)?.account,
                let index = alarms.firstIndex(where: {
                    $0.accountId == account.id && $0.region == entry.region && $0.name == entry.name
                })
            else { continue }
            alarms[index].state = .alarm
            alarms[index].stateUpdatedAt = clock.minutesAgo(entry.minutes)
            if alarms[index].isComposite {
                alarms[index].stateReason = alarms[index].stateReason.replacingOccurrences(
                    of: "FALSE", with: "TRUE")
            } else {
                let threshold = formatted(alarms[index].threshold ?? 0)
                alarms[index].stateReason =
                    "Threshold Crossed: 3 out of the last 3 datapoints were greater than the threshold "
                    + "(\(threshold))."
            }
        }
        for entry in insufficient {
            guard let account = org.member(named: entry.account)?.account,
                let index = alarms.firstIndex(where: {
                    $0.accountId == account.id && $0.region == entry.region && $0.name == entry.name
                })
            else { continue }
            alarms[index].state = .insufficientData
            alarms[index].stateUpdatedAt = clock.hoursAgo(5)
            alarms[index].stateReason = "Insufficient Data: 5 datapoints were unknown."
        }
    }

    /// Alarms of the generated accounts, round-robin over accounts and regions, to exactly 5,000.
    private static func fillLargeAlarms(
        _ alarms: inout [Alarm], org: GeneratedOrg, rng: inout SplitMix64, clock: DemoClock
    ) {
        let standardNames = Set(standardSpecs.map(\.name))
        let slots = org.active.filter { member in
            !standardNames.contains(member.account.name) && member.account.environment != .sandbox
        }.flatMap { member in regions.map { (member, $0) } }
        guard !slots.isEmpty else { return }
        var round = 0
        while alarms.count < largeAlarmCount {
            for (member, region) in slots where alarms.count < largeAlarmCount {
                let template = largeTemplate(round: round, member: member)
                var generated = alarm(
                    template, account: member.account, region: region, team: member.team, rng: &rng,
                    clock: clock)
                let roll = rng.unit()
                let firingChance = member.account.environment == .prod ? 0.035 : 0.015
                if roll < firingChance {
                    generated.state = .alarm
                    generated.stateUpdatedAt = clock.minutesAgo(rng.double(2...600))
                    generated.stateReason =
                        "Threshold Crossed: 3 out of the last 3 datapoints were greater than the threshold "
                        + "(\(formatted(template.threshold)))."
                } else if roll < firingChance + 0.02 {
                    generated.state = .insufficientData
                    generated.stateUpdatedAt = clock.hoursAgo(rng.double(1...48))
                    generated.stateReason = "Insufficient Data: 5 datapoints were unknown."
                }
                alarms.append(generated)
            }
            round += 1
        }
    }
}
