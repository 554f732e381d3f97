import Foundation
import OpsDeckCore
import OpsDeckSync

/// The sentences the console and `opsdeck refresh` say about a refresh.
enum RefreshMessages {
    /// The outcome of one refresh for the status bar; nil for a scheduled refresh that went
    /// well (nobody asked, nothing to say).
    static func summary(_ report: RefreshReport, sources: Set<Source>, manual: Bool) -> String? {
        let names = sources.map(\.rawValue).sorted().joined(separator: ", ")
        let total = report.succeeded + report.failures.count
        guard let first = report.failures.first else {
            return manual ? "Refreshed \(names) (\(total) fetch\(total == 1 ? "" : "es"))" : nil
        }
        var text = "\(names): \(report.failures.count) of \(total) fetch(es) failed. \(first.message)"
        if report.failures.count > 1 {
            let only = report.failedSources.map(\.rawValue).sorted().joined(separator: ",")
            text += " (+\(report.failures.count - 1) more: `opsdeck refresh --only \(only)` lists them)"
        }
        return text
    }

    /// A refresh that failed because the MFA prompt was cancelled.
    static func mfaCancelled(sources: Set<Source>, serial: String) -> String {
        let names = sources.map(\.rawValue).sorted().joined(separator: ", ")
        return "MFA cancelled, not refreshed: \(names) (r asks again for the code of \(serial))"
    }

    /// Why cost was not fetched: when it was, and when it is due.
    static func costFromCache(lastAttempt: Date?, nextDue: Date, interval: TimeInterval, now: Date) -> String
    {
        let last = lastAttempt.map { "last fetched \(stamp($0)), " } ?? ""
        return
            "cost served from the cache (\(last)next due \(stamp(nextDue)), \(span(nextDue.timeIntervalSince(now))) "
            + "from now): Cost Explorer charges per request, so cost is fetched at most every "
            + "\(span(interval))"
    }

    /// `2026-11-24 14:05 UTC`.
    static func stamp(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd HH:mm 'UTC'"
        return formatter.string(from: date)
    }

    /// `6 h`, `3 h 12 min`, `45 s`.
    static func span(_ seconds: TimeInterval) -> String {
        let total = max(0, Int(seconds.rounded()))
        if total < 120 { return "\(total) s" }
        if total < 7_200 { return "\(total / 60) min" }
        let minutes = total % 3_600 / 60
        return minutes == 0 ? "\(total / 3_600) h" : "\(total / 3_600) h \(minutes) min"
    }
}
