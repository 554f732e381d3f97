/// What an audit entry records: the request (written before STS is called) or its outcome.
public enum AuditEvent: String, Sendable, Hashable, CaseIterable {
    /// Written and fsynced before the STS call; the call is refused if this fails.
    case request
    /// STS returned credentials.
    case success
    /// STS, or anything after the request entry, failed.
    case failure
}
