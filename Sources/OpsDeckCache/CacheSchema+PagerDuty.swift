extension CacheSchema {
    /// PagerDuty webhooks and the REST write-back queue.
    ///
    /// - `webhook_deliveries`: one row per stored delivery; `X-Webhook-Id` is unique, so a
    ///   retried delivery is recognised inside the storing transaction.
    /// - `incident_events`: every event, raw body and parsed columns, unique by `event.id`;
    ///   types OpsDeck does not know are kept (`known = 0`).
    /// - `incidents` gains the service id, the `occurred_at` of the event that last set its
    ///   state (older events never roll it back) and its timeline (JSON).
    /// - `pagerduty_services`: the service list `service.*` events maintain.
    /// - `pagerduty_actions`: acknowledge/resolve/... requests queued for the REST API.
    /// - `oncalls`: who is on call, per escalation policy and level.
    static let v2PagerDuty = """
        ALTER TABLE incidents ADD COLUMN service_id TEXT;
        ALTER TABLE incidents ADD COLUMN last_event_at REAL;
        ALTER TABLE incidents ADD COLUMN timeline TEXT NOT NULL DEFAULT '[]';
        CREATE TABLE webhook_deliveries (
            id INTEGER PRIMARY KEY,
            webhook_id TEXT UNIQUE,
            event_id TEXT NOT NULL,
            received_at REAL NOT NULL
        );
        CREATE TABLE incident_events (
            event_id TEXT PRIMARY KEY NOT NULL,
            event_type TEXT NOT NULL,
            resource_type TEXT NOT NULL,
            incident_id TEXT,
            occurred_at REAL NOT NULL,
            agent TEXT,
            summary TEXT NOT NULL,
            known INTEGER NOT NULL,
            webhook_id TEXT,
            received_at REAL NOT NULL,
            raw TEXT NOT NULL
        );
        CREATE INDEX incident_events_incident ON incident_events (incident_id, occurred_at);
        CREATE TABLE pagerduty_services (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            html_url TEXT,
            status TEXT,
            teams TEXT NOT NULL DEFAULT '[]',
            deleted INTEGER NOT NULL DEFAULT 0,
            last_event_at REAL,
            account_id TEXT NOT NULL DEFAULT '*',
            region TEXT NOT NULL DEFAULT 'global',
            source TEXT NOT NULL DEFAULT 'incidents',
            fetched_at REAL NOT NULL
        );
        CREATE TABLE pagerduty_actions (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            incident_id TEXT NOT NULL,
            action TEXT NOT NULL,
            payload TEXT NOT NULL DEFAULT '{}',
            created_at REAL NOT NULL,
            updated_at REAL,
            attempts INTEGER NOT NULL DEFAULT 0,
            state TEXT NOT NULL DEFAULT 'pending'
                CHECK (state IN ('pending', 'sent', 'failed', 'conflict')),
            last_error TEXT
        );
        CREATE INDEX pagerduty_actions_state ON pagerduty_actions (state, created_at);
        CREATE INDEX pagerduty_actions_incident ON pagerduty_actions (incident_id);
        CREATE TABLE oncalls (
            user_id TEXT,
            user_name TEXT NOT NULL,
            schedule_id TEXT,
            schedule_name TEXT,
            escalation_policy_id TEXT,
            escalation_policy_name TEXT NOT NULL,
            escalation_level INTEGER NOT NULL,
            start_at REAL,
            end_at REAL,
            account_id TEXT NOT NULL DEFAULT '*',
            region TEXT NOT NULL DEFAULT 'global',
            source TEXT NOT NULL DEFAULT 'incidents',
            fetched_at REAL NOT NULL
        );
        CREATE INDEX oncalls_policy ON oncalls (escalation_policy_id, escalation_level);
        """
}
