/// How big a generated demo organization is.
public enum DemoSize: String, Sendable, CaseIterable {
    /// About 25 accounts: for people.
    case standard
    /// 1,000 accounts, 20,000 roles, 5,000 alarms, 2,000 incidents, 20,000 runs: for benchmarks.
    case large
}
