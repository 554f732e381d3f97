/// Names shared by the break-glass flow and the audit trail.
public enum BreakGlassDefaults {
    /// Under `$XDG_STATE_HOME/opsdeck/`: state that must never be lost.
    public static let auditFileName = "audit.jsonl"
}
