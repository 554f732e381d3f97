import GRDB

/// The cache's schema as an append-only list of migrations.
///
/// A shipped migration is never edited: users' files already ran it. Change the schema by
/// appending a new one. The SQL is spelled out rather than built from the records' `Columns`
/// so that renaming a Swift property can never change what an old migration does.
enum CacheSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: v1)
        }
        migrator.registerMigration("v2-metrics-cost") { db in try db.execute(sql: v2MetricsCost) }
        migrator.registerMigration("v2-pagerduty") { db in try db.execute(sql: v2PagerDuty) }
        return migrator
    }

    /// Every data table carries the scope of the fetch that wrote it (`account_id`, `region`,
    /// `source`, `fetched_at`), indexed so a refresh can replace exactly its own rows. Dates
    /// are REAL seconds since 2001-01-01 UTC (Foundation's reference date): numbers the cost
    /// aggregation can compare, which give back exactly the `Date` that was stored (seconds
    /// since 1970 lose the last bits of a fractional date on the way back).
    private static let v1 = """
        CREATE TABLE meta (
            key TEXT PRIMARY KEY NOT NULL,
            value TEXT NOT NULL
        );
        INSERT INTO meta (key, value) VALUES ('version', '0');
        CREATE TABLE counters (
            name TEXT NOT NULL,
            day TEXT NOT NULL,
            value INTEGER NOT NULL,
            PRIMARY KEY (name, day)
        );
        CREATE TABLE organization (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            organization_id TEXT NOT NULL,
            management_account_id TEXT NOT NULL,
            management_account_name TEXT NOT NULL,
            caller_arn TEXT NOT NULL,
            profile TEXT NOT NULL,
            regions TEXT NOT NULL DEFAULT '[]',
            is_demo INTEGER NOT NULL DEFAULT 0,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL
        );
        CREATE TABLE org_units (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            parent_id TEXT,
            path TEXT NOT NULL,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL
        );
        CREATE INDEX org_units_scope ON org_units (account_id, region);
        CREATE TABLE accounts (
            id TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            email TEXT NOT NULL,
            status TEXT NOT NULL,
            ou_id TEXT NOT NULL,
            ou_path TEXT NOT NULL,
            environment TEXT NOT NULL,
            alias TEXT,
            tags TEXT NOT NULL DEFAULT '{}',
            is_management INTEGER NOT NULL DEFAULT 0,
            joined_at REAL,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL
        );
        CREATE INDEX accounts_scope ON accounts (account_id, region);
        CREATE TABLE roles (
            arn TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            path TEXT NOT NULL,
            trust_policy TEXT NOT NULL,
            max_session_duration INTEGER NOT NULL,
            created_at REAL,
            last_used_at REAL,
            tags TEXT NOT NULL DEFAULT '{}',
            is_break_glass INTEGER NOT NULL DEFAULT 0,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL
        );
        CREATE INDEX roles_scope ON roles (account_id, region);
        CREATE TABLE pipeline_runs (
            id TEXT NOT NULL,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            status TEXT NOT NULL,
            stage TEXT,
            triggered_by TEXT,
            commit_sha TEXT,
            started_at REAL NOT NULL,
            finished_at REAL,
            url TEXT,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL,
            UNIQUE (kind, id)
        );
        CREATE INDEX pipeline_runs_scope ON pipeline_runs (account_id, region);
        CREATE TABLE alarms (
            arn TEXT PRIMARY KEY NOT NULL,
            name TEXT NOT NULL,
            state TEXT NOT NULL,
            state_reason TEXT NOT NULL DEFAULT '',
            state_updated_at REAL NOT NULL,
            namespace TEXT,
            metric_name TEXT,
            threshold REAL,
            is_composite INTEGER NOT NULL DEFAULT 0,
            severity TEXT NOT NULL,
            actions TEXT NOT NULL DEFAULT '[]',
            tags TEXT NOT NULL DEFAULT '{}',
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL
        );
        CREATE INDEX alarms_scope ON alarms (account_id, region);
        CREATE TABLE incidents (
            id TEXT PRIMARY KEY NOT NULL,
            number INTEGER NOT NULL,
            title TEXT NOT NULL,
            status TEXT NOT NULL,
            urgency TEXT NOT NULL,
            priority TEXT,
            service_name TEXT NOT NULL,
            assignees TEXT NOT NULL DEFAULT '[]',
            escalation_policy TEXT,
            created_at REAL NOT NULL,
            updated_at REAL NOT NULL,
            incident_key TEXT,
            html_url TEXT,
            alarm_arn TEXT,
            incident_account_id TEXT,
            incident_region TEXT,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL
        );
        CREATE INDEX incidents_scope ON incidents (account_id, region);
        CREATE TABLE cost_points (
            granularity TEXT NOT NULL CHECK (granularity IN ('daily', 'monthly')),
            dimension TEXT NOT NULL,
            key TEXT NOT NULL,
            date REAL NOT NULL,
            amount REAL NOT NULL,
            currency TEXT NOT NULL,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL,
            UNIQUE (account_id, region, granularity, dimension, key, date)
        );
        CREATE INDEX cost_points_window ON cost_points (granularity, date, dimension, key, amount);
        CREATE TABLE cost_forecasts (
            period_start REAL NOT NULL,
            period_end REAL NOT NULL,
            amount REAL NOT NULL,
            currency TEXT NOT NULL,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL,
            PRIMARY KEY (account_id, region, period_start)
        );
        CREATE TABLE budgets (
            budget_account_id TEXT NOT NULL,
            name TEXT NOT NULL,
            limit_amount REAL NOT NULL,
            actual REAL NOT NULL,
            forecasted REAL,
            currency TEXT NOT NULL,
            time_unit TEXT NOT NULL,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL,
            UNIQUE (budget_account_id, name)
        );
        CREATE INDEX budgets_scope ON budgets (account_id, region);
        CREATE TABLE source_status (
            source TEXT NOT NULL,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            last_attempt_at REAL,
            last_success_at REAL,
            last_error TEXT,
            PRIMARY KEY (source, account_id, region)
        ) WITHOUT ROWID;
        """
}
