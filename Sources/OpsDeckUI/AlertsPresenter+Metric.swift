import Foundation
import OpsDeckCore

extension AlertsPresenter {
    /// The widest the metric sparkline of a detail view gets, in cells.
    static let metricSparklineWidth = 48

    /// The detail lines of a metric alarm's recent data points: the sparkline (scaled with
    /// the threshold), min/max/last, how many points cross the threshold, and the time span.
    /// Nothing for composite alarms and alarms whose metric was not fetched (only those in
    /// ALARM are, on the refresh after they went off).
    public static func alarmMetricLines(
        _ alarm: Alarm, _ snapshot: OrgSnapshot, _ context: PresentationContext
    ) -> [(String, String)] {
        guard !alarm.isComposite, let series = snapshot.metricSeries[alarm.arn] else { return [] }
        let span = "\(clock(series.start))-\(clock(series.end)) UTC"
        let every = "\(series.stat) per \(duration(series.period))"
        guard let last = series.last, let low = series.minimum, let high = series.maximum else {
            return [("Datapoints", "no datapoints \(span) (\(every))")]
        }
        let values = series.values
        let graph = SparkText.render(
            values, width: min(values.count, metricSparklineWidth), ascii: context.ascii,
            including: alarm.threshold)
        var lines: [(String, String)] = [
            ("Last \(duration(Int(series.end.timeIntervalSince(series.start))))", graph),
            ("Span", "\(span), \(values.count) points, \(every)"),
            (
                "Min / max / last",
                "\(number(low)) / \(number(high)) / \(number(last.value)) at \(clock(last.timestamp)) UTC"
            ),
        ]
        if let threshold = alarm.threshold {
            let above = values.filter { $0 > threshold }.count
            lines.append(("Above threshold", "\(above) of \(values.count) points > \(number(threshold))"))
        }
        return lines
    }

    /// `HH:mm` in UTC.
    static func clock(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// `5 min`, `3 h`, `90 s`.
    static func duration(_ seconds: Int) -> String {
        if seconds >= 3_600, seconds % 3_600 == 0 { return "\(seconds / 3_600) h" }
        if seconds >= 60, seconds % 60 == 0 { return "\(seconds / 60) min" }
        return "\(seconds) s"
    }

    /// Short and exact enough for a metric: whole numbers from 100 up, two decimals from 1,
    /// three significant digits below.
    static func number(_ value: Double) -> String {
        let magnitude = abs(value)
        if magnitude >= 100 || value == value.rounded() { return String(format: "%.0f", value) }
        if magnitude >= 1 { return String(format: "%.2f", value) }
        return String(format: "%.3g", value)
    }
}
