/// Output formats of `opsdeck export` and the other script-facing commands.
public enum ExportFormat: String, Sendable, CaseIterable {
    case json
    case csv
    case table
}
