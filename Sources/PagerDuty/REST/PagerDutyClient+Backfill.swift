import Foundation
import OpsDeckCore

extension PagerDutyClient {
    /// Everything that changed since `cursor`: reads the log entries after it (paged), then
    /// each incident they touch as it is now.
    ///
    /// The new cursor is the newest entry's time (or `cursor` when nothing happened), so a
    /// refresh that fails half-way is simply repeated from the old one.
    /// - Parameters:
    ///   - cursor: the time of the last event already seen.
    ///   - now: the end of the range asked for.
    ///   - maxIncidents: how many changed incidents to read at most; the rest wait for the
    ///     next refresh (the cursor then stays at the last entry whose incident was read).
    /// - Throws: `PagerDutyError`.
    public func backfill(
        since cursor: Date, now: Date, maxIncidents: Int = 500
    ) async throws(PagerDutyError) -> IncidentBackfill {
        let limit = max(1, min(configuration.pageSize, 100))
        var offset = 0
        var entries: [PagerDutyWire.LogEntry] = []
        while true {
            let query: [(String, String)] = [
                ("since", PagerDutyDate.format(cursor)), ("until", PagerDutyDate.format(now)),
                ("is_overview", "true"), ("limit", String(limit)), ("offset", String(offset)),
            ]
            let response = try await send(try request("GET", path: "/log_entries", query: query))
            let page = try decode(PagerDutyWire.LogEntryList.self, from: response)
            entries += page.logEntries
            offset += page.logEntries.count
            guard page.more == true, !page.logEntries.isEmpty, offset + limit <= configuration.offsetCap
            else { break }
        }
        // Oldest first, so a cut at maxIncidents leaves a cursor that misses nothing.
        let dated = entries.compactMap { entry -> (Date, String)? in
            guard let date = PagerDutyDate.parse(entry.createdAt), let id = entry.incident?.id else {
                return nil
            }
            return (date, id)
        }.sorted { $0.0 < $1.0 }
        var order: [String] = []
        var seen = Set<String>()
        var newCursor = cursor
        for (date, id) in dated {
            if !seen.contains(id) {
                guard order.count < maxIncidents else { break }
                seen.insert(id)
                order.append(id)
            }
            newCursor = max(newCursor, date)
        }
        var incidents: [Incident] = []
        for id in order {
            do {
                incidents.append(try await incident(id: id))
            } catch .notFound {
                continue
            }
        }
        return IncidentBackfill(incidents: incidents, cursor: newCursor, entries: entries.count)
    }
}
