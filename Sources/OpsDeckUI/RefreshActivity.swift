import OpsDeckCore

/// A refresh in progress, as the status bar shows it: "refreshing roles 37/120 accounts".
public struct RefreshActivity: Sendable, Hashable {
    /// Tells concurrent refreshes apart.
    public var id: Int
    /// The sources it reads.
    public var sources: [Source]
    /// Fetches done.
    public var done: Int
    /// Fetches known so far (grows once the organization has been read).
    public var total: Int

    /// Creates an activity.
    public init(id: Int, sources: [Source], done: Int = 0, total: Int = 0) {
        self.id = id
        self.sources = sources
        self.done = done
        self.total = total
    }

    /// "refreshing roles 37/120 accounts"; regional sources count account-regions.
    public var text: String {
        let names = sources.map(\.rawValue).sorted().joined(separator: ", ")
        guard total > 0 else { return "refreshing \(names)…" }
        let regional = sources.contains { $0 == .alarms || $0 == .pipelines }
        return "refreshing \(names) \(done)/\(total) \(regional ? "account-regions" : "accounts")"
    }
}
