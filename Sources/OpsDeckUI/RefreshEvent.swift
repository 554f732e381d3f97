import OpsDeckCore

/// What the runtime tells the console about a refresh it runs.
public enum RefreshEvent: Sendable, Hashable {
    /// A refresh of `sources` began.
    case started(id: Int, sources: [Source])
    /// Fetches done of fetches known so far.
    case progress(id: Int, done: Int, total: Int)
    /// It ended; `message` names what failed (account, region, what to do) or what was done.
    /// A nil message ends it silently (a scheduled refresh that went well).
    case finished(id: Int, message: String?, isError: Bool)
}
