import Foundation
import GRDB
import OpsDeckCore

extension CacheDatabase {
    /// Stores verified webhook deliveries and applies them to their incidents and services,
    /// in one transaction committed with `synchronous = FULL`: when this returns, every
    /// delivery survives a crash or power loss, so the receiver may answer 2xx.
    ///
    /// A delivery whose `X-Webhook-Id` or `event.id` is already stored is a duplicate and
    /// changes nothing. Events of one incident may come in any order: the state machine
    /// (`Incident.applying`) never lets an older event roll back a newer state.
    ///
    /// - Returns: one outcome per delivery, in order.
    /// - Throws: `CacheError.writeFailed`; then nothing of the batch was stored.
    public func ingest(_ deliveries: [WebhookDelivery]) throws -> [IngestOutcome] {
        guard !deliveries.isEmpty else { return [] }
        return try durableWrite("\(deliveries.count) PagerDuty webhook deliveries") { db in
            // Several events of one incident in a batch: read and write its row once.
            var touched = TouchedIncidents()
            let outcomes = try deliveries.map { try Self.ingest($0, touched: &touched, in: db) }
            for id in touched.order {
                if let incident = touched.incidents[id] {
                    try Self.saveIncident(incident.value, fetchedAt: incident.receivedAt, in: db)
                }
            }
            return outcomes
        }
    }

    /// Inserts or updates incidents read from PagerDuty's REST API (backfill), in one
    /// transaction. A stored incident whose state is newer (its `lastEventAt`, set by a
    /// webhook event or an earlier read) than the incoming one's `lastEventAt ?? updatedAt`
    /// is kept as it is; the stored timeline is always kept.
    ///
    /// - Throws: `CacheError.writeFailed`; then nothing was written.
    public func upsertIncidents(_ incidents: [Incident], fetchedAt: Date) throws {
        guard !incidents.isEmpty else { return }
        try write("\(incidents.count) PagerDuty incidents") { db in
            for incoming in incidents {
                let version = incoming.lastEventAt ?? incoming.updatedAt
                let stored = try Self.storedIncident(incoming.id, in: db)
                if let stored, let storedVersion = stored.lastEventAt, storedVersion > version { continue }
                var incident = incoming
                incident.lastEventAt = version
                if let stored {
                    let known = Set(stored.timeline.map(\.eventId))
                    incident.timeline =
                        (stored.timeline + incoming.timeline.filter { !known.contains($0.eventId) })
                        .sorted { $0.occurredAt < $1.occurredAt }.suffix(Incident.timelineLimit)
                    incident.updatedAt = max(incident.updatedAt, stored.updatedAt)
                }
                try Self.saveIncident(incident, fetchedAt: fetchedAt, in: db)
            }
        }
    }

    /// The events stored for one incident, oldest first (raw bodies included), for the
    /// detail view and for replaying what OpsDeck did not understand when it was received.
    public func incidentEvents(incidentId: String) throws -> [StoredIncidentEvent] {
        do {
            return try writer.read { db in
                try StoredIncidentEvent.fetchAll(
                    db,
                    sql: """
                        SELECT event_id, event_type, resource_type, incident_id, occurred_at, agent, summary,
                            known, webhook_id, received_at, raw
                        FROM incident_events WHERE incident_id = ? ORDER BY occurred_at, event_id
                        """, arguments: [incidentId])
            }
        } catch {
            throw CacheError.readFailed(
                operation: "the events of incident \(incidentId)", reason: Self.reason(error))
        }
    }

    /// How many webhook deliveries and events are stored (for health checks and tests).
    public func webhookCounts() throws -> (deliveries: Int, events: Int) {
        do {
            return try writer.read { db in
                let deliveries = try Int.fetchOne(db, sql: "SELECT count(*) FROM webhook_deliveries") ?? 0
                let events = try Int.fetchOne(db, sql: "SELECT count(*) FROM incident_events") ?? 0
                return (deliveries, events)
            }
        } catch {
            throw CacheError.readFailed(operation: "the webhook counts", reason: Self.reason(error))
        }
    }

    /// The services `service.*` events keep, deleted ones left out, by name; for the snapshot.
    static func readPagerDutyServices(_ db: Database) throws -> [PagerDutyService] {
        try PagerDutyServiceRecord.filter(PagerDutyServiceRecord.Columns.deleted == false)
            .order(PagerDutyServiceRecord.Columns.name).fetchAll(db).map(\.model)
    }

    /// The incidents a batch changed, in first-touched order, written at its end.
    private struct TouchedIncidents {
        var incidents: [String: (value: Incident, receivedAt: Date)] = [:]
        var loaded: [String: Incident?] = [:]
        var order: [String] = []
    }

    private static func ingest(
        _ delivery: WebhookDelivery, touched: inout TouchedIncidents, in db: Database
    ) throws -> IngestOutcome {
        let event = delivery.event
        let received = delivery.receivedAt.timeIntervalSinceReferenceDate
        if let webhookId = delivery.webhookId {
            try db.cachedStatement(
                sql: """
                    INSERT INTO webhook_deliveries (webhook_id, event_id, received_at) VALUES (?, ?, ?)
                    ON CONFLICT (webhook_id) DO NOTHING
                    """
            ).execute(arguments: [webhookId, event.id, received])
            if db.changesCount == 0 { return .duplicate }
        } else {
            try db.cachedStatement(
                sql: "INSERT INTO webhook_deliveries (webhook_id, event_id, received_at) VALUES (NULL, ?, ?)"
            ).execute(arguments: [event.id, received])
        }
        try db.cachedStatement(
            sql: """
                INSERT INTO incident_events (event_id, event_type, resource_type, incident_id, occurred_at,
                    agent, summary, known, webhook_id, received_at, raw)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING
                """
        ).execute(arguments: [
            event.id, event.eventType, event.resourceType, event.incidentId,
            event.occurredAt.timeIntervalSinceReferenceDate, event.agent, event.timelineText, event.isKnown,
            delivery.webhookId, received, delivery.rawBody,
        ])
        if db.changesCount == 0 { return .duplicate }

        if let incidentId = event.incidentId {
            let current: Incident?
            if let changed = touched.incidents[incidentId] {
                current = changed.value
            } else if let loaded = touched.loaded[incidentId] {
                current = loaded
            } else {
                current = try storedIncident(incidentId, in: db)
                touched.loaded[incidentId] = .some(current)
            }
            if let incident = Incident.applying(event, to: current) {
                if touched.incidents[incidentId] == nil { touched.order.append(incidentId) }
                touched.incidents[incidentId] = (incident, delivery.receivedAt)
            }
        }
        if case .service(let service) = event.payload {
            let stored = try PagerDutyServiceRecord.fetchOne(db, key: service.id)?.model
            if let updated = PagerDutyService.applying(event, to: stored), updated != stored {
                try PagerDutyServiceRecord(updated, fetchedAt: delivery.receivedAt).upsert(db)
            }
        }
        return .stored
    }

    static func storedIncident(_ id: String, in db: Database) throws -> Incident? {
        var cache = DecodeCache()
        var found: Incident?
        try forEachRow(db, sql: IncidentRecord.selectSQL + " WHERE id = ?", arguments: [id]) { row in
            found = IncidentRecord.decode(row, cache: &cache)
        }
        return found
    }

    private static func saveIncident(_ incident: Incident, fetchedAt: Date, in db: Database) throws {
        let scope = RefreshScope(
            source: .incidents, accountId: anyAccount, region: globalRegion, fetchedAt: fetchedAt)
        let record = IncidentRecord(incident, scope: scope)
        let statement = try db.cachedStatement(sql: IncidentRecord.upsertSQL)
        // Our own record's values with its own column list: the count always matches.
        statement.setUncheckedArguments(StatementArguments(record.bulkValues))
        try statement.execute()
    }

    /// `write` committed with `synchronous = FULL` (the cache's default is NORMAL, which in
    /// WAL mode may lose the last commits on a power loss: fine for what can be fetched
    /// again, not for a delivery PagerDuty was told is stored).
    func durableWrite<T>(_ operation: String, _ body: (Database) throws -> T) throws -> T {
        let result: T
        do {
            result = try writer.writeWithoutTransaction { db in
                // No checkpoint inside this commit: the caller checkpoints after answering
                // (`checkpointAfterIngest()`), so no delivery waits for the database file's fsync.
                try db.execute(sql: "PRAGMA synchronous = FULL; PRAGMA wal_autocheckpoint = 0")
                let restore =
                    "PRAGMA synchronous = NORMAL; PRAGMA wal_autocheckpoint = \(Self.autoCheckpointPages)"
                defer { try? db.execute(sql: restore) }
                var value: T?
                try db.inTransaction(.immediate) {
                    value = try body(db)
                    try db.execute(
                        sql: "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = ?",
                        arguments: [MetaRecord.versionKey])
                    return .commit
                }
                guard let value else {
                    throw CacheError.writeFailed(operation: operation, reason: "no result")
                }
                return value
            }
        } catch let error as CacheError {
            throw error
        } catch {
            throw CacheError.writeFailed(operation: operation, reason: Self.reason(error))
        }
        writes.increment()
        return result
    }
}
