import Foundation
import OpsDeckCore

extension PagerDutyClient {
    /// Who is on call now: `GET /oncalls?earliest=true`, every page.
    /// - Throws: `PagerDutyError`.
    public func onCalls() async throws(PagerDutyError) -> [OnCall] {
        let limit = max(1, min(configuration.pageSize, 100))
        var offset = 0
        var out: [OnCall] = []
        while true {
            let query: [(String, String)] = [
                ("earliest", "true"), ("limit", String(limit)), ("offset", String(offset)),
            ]
            let response = try await send(try request("GET", path: "/oncalls", query: query))
            let page = try decode(PagerDutyWire.OnCallList.self, from: response)
            out += page.oncalls.compactMap { entry in
                guard let user = entry.user, let userId = user.id else { return nil }
                return OnCall(
                    userName: user.summary ?? user.name ?? userId, userId: userId,
                    escalationPolicy: entry.escalationPolicy?.summary ?? "-",
                    escalationLevel: entry.escalationLevel ?? 1, scheduleName: entry.schedule?.summary,
                    end: entry.end.flatMap(PagerDutyDate.parse))
            }
            offset += page.oncalls.count
            guard page.more == true, !page.oncalls.isEmpty, offset + limit <= configuration.offsetCap
            else { return out }
        }
    }
}
