/// What an audit entry records: the request (written before STS is called) or its outcome.
public enum AuditEvent: String, Sendable, Hashable, CaseIterable {
    /// Written and fsynced before the STS call; the call is refused if this fails.
    case request
    /// STS returned credentials.
    case success
    /// STS, or anything after the request entry, failed.
    case failure
    /// After a success: a configured notification (SNS, webhook, PagerDuty note) could not
    /// be sent; `error` says which and why. The session stands.
    case notification
}
