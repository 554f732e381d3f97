import Foundation
import OpsDeckCore

extension CostPresenter {
    /// How many anomalies the Cost table lists (largest total impact first).
    public static let anomalyRowLimit = 10
    /// Row ids of anomalies start with this.
    static let anomalyPrefix = "anomaly:"

    /// The anomaly rows under the cost lines: the impact sits in the MTD column.
    static func anomalyRows(_ snapshot: OrgSnapshot, _ context: PresentationContext) -> [PaneRow] {
        topAnomalies(snapshot.cost.anomalies, limit: anomalyRowLimit).map { anomaly in
            let account = anomaly.accountId.flatMap { context.accountsById[$0] }
            let accountName = account?.displayName ?? anomaly.accountName ?? anomaly.accountId ?? ""
            return PaneRow(
                id: anomalyPrefix + anomaly.id,
                cells: [
                    .text("Anomaly: \(anomaly.subject)"), .text(accountName), .money(anomaly.totalImpact),
                    .empty, .empty, .empty, .empty,
                ],
                role: .warning, isProduction: account?.isProduction ?? false)
        }
    }

    /// Largest total impact first.
    public static func topAnomalies(_ anomalies: [CostAnomaly], limit: Int) -> [CostAnomaly] {
        Array(anomalies.sorted(by: CostAnomaly.byImpact).prefix(max(0, limit)))
    }

    /// `3; top Amazon EC2 +$1,234.00, AWS Lambda +$88.10`, or `none`.
    public static func anomalySummary(_ anomalies: [CostAnomaly], top: Int = 2) -> String {
        guard !anomalies.isEmpty else { return "none" }
        let parts = topAnomalies(anomalies, limit: top).map {
            "\($0.subject) +\(CellValue.formatMoney($0.totalImpact))"
        }
        return "\(anomalies.count); top " + parts.joined(separator: ", ")
    }

    /// The detail lines of one anomaly; empty when the id is not an anomaly row's.
    static func anomalyDetail(_ id: String, _ snapshot: OrgSnapshot, _ context: PresentationContext) -> [(
        String, String
    )] {
        guard id.hasPrefix(anomalyPrefix) else { return [] }
        let anomalyId = String(id.dropFirst(anomalyPrefix.count))
        guard let anomaly = snapshot.cost.anomalies.first(where: { $0.id == anomalyId }) else { return [] }
        let account = anomaly.accountId.map { id in
            (context.accountsById[id]?.displayName ?? anomaly.accountName ?? id) + " (\(id))"
        }
        return [
            ("Anomaly", anomaly.id),
            ("Service", anomaly.service ?? "-"),
            ("Account", account ?? anomaly.accountName ?? "-"),
            ("Region", anomaly.region ?? "-"),
            ("Usage type", anomaly.usageType ?? "-"),
            ("Monitored value", anomaly.dimensionValue ?? "-"),
            ("Started", day(anomaly.startDate)),
            ("Ended", anomaly.endDate.map(day) ?? "ongoing"),
            ("Total impact", CellValue.formatMoney(anomaly.totalImpact)),
            ("Largest daily impact", CellValue.formatMoney(anomaly.maxImpact)),
            ("Score", String(format: "%.1f", anomaly.maxScore)),
            ("Feedback", anomaly.feedback.map(feedbackText) ?? "none given"),
            ("Monitor", anomaly.monitorArn ?? "-"),
        ]
    }

    static func feedbackText(_ feedback: CostAnomaly.Feedback) -> String {
        switch feedback {
        case .yes: "accurate anomaly"
        case .no: "not an anomaly"
        case .plannedActivity: "planned activity"
        }
    }

    /// `2026-11-20`, UTC (Cost Explorer's days are UTC).
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }
}
