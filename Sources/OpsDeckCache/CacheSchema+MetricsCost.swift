extension CacheSchema {
    /// Metric series of alarms in ALARM (replaced with their scope's alarms) and Cost
    /// Explorer anomalies (replaced with the cost data). Both carry the usual scope columns.
    /// `window_start`/`window_end`: `end` is an SQL keyword. `points` is a JSON array of
    /// `[seconds since 2001, value]` pairs, oldest first: a series is only ever read whole.
    static let v2MetricsCost = """
        CREATE TABLE metric_series (
            alarm_arn TEXT PRIMARY KEY NOT NULL,
            namespace TEXT NOT NULL,
            metric_name TEXT NOT NULL,
            stat TEXT NOT NULL,
            period INTEGER NOT NULL,
            window_start REAL NOT NULL,
            window_end REAL NOT NULL,
            points TEXT NOT NULL DEFAULT '[]',
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL
        );
        CREATE INDEX metric_series_scope ON metric_series (account_id, region);
        CREATE TABLE cost_anomalies (
            id TEXT PRIMARY KEY NOT NULL,
            start_date REAL NOT NULL,
            end_date REAL,
            dimension_value TEXT,
            service TEXT,
            anomaly_account_id TEXT,
            account_name TEXT,
            anomaly_region TEXT,
            usage_type TEXT,
            total_impact REAL NOT NULL,
            max_impact REAL NOT NULL,
            max_score REAL NOT NULL DEFAULT 0,
            monitor_arn TEXT,
            feedback TEXT,
            account_id TEXT NOT NULL,
            region TEXT NOT NULL,
            source TEXT NOT NULL,
            fetched_at REAL NOT NULL
        );
        CREATE INDEX cost_anomalies_scope ON cost_anomalies (account_id, region);
        """
}
