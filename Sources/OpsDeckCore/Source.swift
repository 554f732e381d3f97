/// A kind of data OpsDeck fetches; each has its own refresh interval and status.
public enum Source: String, Sendable, Codable, CaseIterable, Hashable {
    case organizations
    case roles
    case alarms
    case incidents
    case pipelines
    case cost
}
