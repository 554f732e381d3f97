import Foundation
import GRDB
import OpsDeckCore

/// The REST side of PagerDuty in the cache: the action queue (`pagerduty_actions`), who is
/// on call (`oncalls`) and the backfill cursor (`meta`).
extension CacheDatabase {
    /// The `meta` key of the time of the last PagerDuty event read.
    static let pagerDutyCursorKey = "pagerduty.backfill_cursor"
    /// How long a conflict or failure stays on its row.
    public static let incidentActionShownFor: TimeInterval = 6 * 3600

    /// Stores a new pending action; its id is the row id.
    /// - Throws: `CacheError.writeFailed`.
    public func enqueueIncidentAction(_ action: IncidentAction, at date: Date) throws -> QueuedIncidentAction
    {
        let payload = try Self.encode(action.kind)
        let id = try write("the PagerDuty action queue") { db -> Int64 in
            try db.execute(
                sql: """
                    INSERT INTO pagerduty_actions (incident_id, action, payload, created_at, state)
                    VALUES (?, ?, ?, ?, 'pending')
                    """,
                arguments: [
                    action.incidentId, action.kind.label, payload, date.timeIntervalSinceReferenceDate,
                ])
            return db.lastInsertedRowID
        }
        return QueuedIncidentAction(id: String(id), action: action, enqueuedAt: date)
    }

    /// Stores where a queued action stands now.
    /// - Throws: `CacheError.writeFailed`.
    public func updateIncidentAction(_ queued: QueuedIncidentAction) throws {
        try write("the PagerDuty action queue") { db in
            try db.execute(
                sql: """
                    UPDATE pagerduty_actions SET state = ?, attempts = ?, last_error = ?, updated_at = ?
                    WHERE id = ?
                    """,
                arguments: [
                    queued.state.rawValue, queued.attempts, queued.message,
                    queued.lastAttemptAt?.timeIntervalSinceReferenceDate, Int64(queued.id) ?? -1,
                ])
        }
    }

    /// Pending actions, and conflicts and failures of the last `incidentActionShownFor`
    /// before `now`, oldest first.
    /// - Throws: `CacheError.readFailed`.
    public func outstandingIncidentActions(now: Date) throws -> [QueuedIncidentAction] {
        do {
            return try writer.read { db in try Self.readOutstandingActions(db, now: now) }
        } catch {
            throw CacheError.readFailed(operation: "the PagerDuty action queue", reason: Self.reason(error))
        }
    }

    /// Replaces who is on call.
    /// - Throws: `CacheError.writeFailed`.
    public func replaceOnCalls(_ onCalls: [OnCall], fetchedAt: Date) throws {
        try write("the PagerDuty on-calls") { db in
            try db.execute(sql: "DELETE FROM oncalls")
            for onCall in onCalls {
                try db.execute(
                    sql: """
                        INSERT INTO oncalls (user_id, user_name, schedule_name, escalation_policy_name,
                            escalation_level, end_at, fetched_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?)
                        """,
                    arguments: [
                        onCall.userId, onCall.userName, onCall.scheduleName, onCall.escalationPolicy,
                        onCall.escalationLevel, onCall.end?.timeIntervalSinceReferenceDate,
                        fetchedAt.timeIntervalSinceReferenceDate,
                    ])
            }
        }
    }

    /// The time of the last PagerDuty event read, nil before the first refresh.
    public func pagerDutyBackfillCursor() throws -> Date? {
        try metaValue(forKey: Self.pagerDutyCursorKey).flatMap(Double.init)
            .map(Date.init(timeIntervalSinceReferenceDate:))
    }

    /// Moves the backfill cursor and marks the incidents source fresh, in one transaction.
    /// Called after the incidents are stored, so a crash in between re-reads, never skips.
    public func recordPagerDutyRefresh(cursor: Date, fetchedAt: Date) throws {
        let scope = RefreshScope(
            source: .incidents, accountId: Self.anyAccount, region: Self.globalRegion, fetchedAt: fetchedAt)
        try write("the PagerDuty cursor") { db in
            try MetaRecord(key: Self.pagerDutyCursorKey, value: String(cursor.timeIntervalSinceReferenceDate))
                .upsert(db)
            try Self.markSuccess(scope, in: db)
        }
    }

    /// On-calls and outstanding actions for the snapshot.
    static func readPagerDutySnapshot(_ db: Database, now: Date) throws -> PagerDutySnapshot {
        var onCalls: [OnCall] = []
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT user_id, user_name, schedule_name, escalation_policy_name, escalation_level, end_at
                FROM oncalls ORDER BY escalation_level, user_name
                """)
        for row in rows {
            let end: Double? = row["end_at"]
            onCalls.append(
                OnCall(
                    userName: row["user_name"], userId: row["user_id"] ?? "",
                    escalationPolicy: row["escalation_policy_name"],
                    escalationLevel: row["escalation_level"], scheduleName: row["schedule_name"],
                    end: end.map(Date.init(timeIntervalSinceReferenceDate:))))
        }
        return PagerDutySnapshot(onCalls: onCalls, actions: try readOutstandingActions(db, now: now))
    }

    static func readOutstandingActions(_ db: Database, now: Date) throws -> [QueuedIncidentAction] {
        let since = now.addingTimeInterval(-incidentActionShownFor).timeIntervalSinceReferenceDate
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, incident_id, payload, created_at, updated_at, attempts, state, last_error
                FROM pagerduty_actions
                WHERE state = 'pending' OR (state IN ('conflict', 'failed') AND coalesce(updated_at, created_at) >= ?)
                ORDER BY created_at, id
                """, arguments: [since])
        return rows.compactMap { row in
            let payload: String = row["payload"]
            guard let kind = try? JSONDecoder().decode(IncidentAction.Kind.self, from: Data(payload.utf8)),
                let state = QueuedIncidentAction.State(rawValue: row["state"])
            else { return nil }
            let id: Int64 = row["id"]
            let created: Double = row["created_at"]
            let updated: Double? = row["updated_at"]
            return QueuedIncidentAction(
                id: String(id), action: IncidentAction(incidentId: row["incident_id"], kind: kind),
                state: state,
                enqueuedAt: Date(timeIntervalSinceReferenceDate: created), attempts: row["attempts"],
                lastAttemptAt: updated.map(Date.init(timeIntervalSinceReferenceDate:)),
                message: row["last_error"])
        }
    }

    private static func encode(_ kind: IncidentAction.Kind) throws -> String {
        do {
            return String(decoding: try JSONEncoder().encode(kind), as: UTF8.self)
        } catch {
            throw CacheError.writeFailed(operation: "the PagerDuty action queue", reason: "\(error)")
        }
    }
}
