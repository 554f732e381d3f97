import Foundation
import OpsDeckCore
import OpsDeckUI

/// Incidents as JSON, CSV or an aligned table, for `opsdeck incidents list`.
public enum IncidentsFormatter {
    static let headers = [
        "id", "number", "status", "urgency", "priority", "service", "created_at", "title", "alarm_arn",
    ]

    /// Formats `incidents`, ending with a newline.
    public static func format(_ incidents: [Incident], as format: ExportFormat) -> String {
        let rows = incidents.map { incident in
            [
                incident.id, String(incident.number), incident.status.rawValue, incident.urgency.rawValue,
                incident.priority ?? "", incident.serviceName, incident.createdAt.formatted(.iso8601),
                incident.title, incident.alarmARN ?? "",
            ]
        }
        switch format {
        case .json:
            let objects = rows.map { row -> [String: Any] in
                var object: [String: Any] = [:]
                for (name, value) in zip(headers, row) { object[name] = value }
                object["number"] = Int(row[1]) ?? 0
                return object
            }
            let data =
                (try? JSONSerialization.data(
                    withJSONObject: objects, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]))
                ?? Data("[]".utf8)
            return (String(data: data, encoding: .utf8) ?? "[]") + "\n"
        case .csv:
            return ([headers] + rows).map { $0.map(csvField).joined(separator: ",") }.joined(separator: "\n")
                + "\n"
        case .table:
            let shown = [0, 1, 2, 3, 5, 7]
            let table = ([headers] + rows).map { row in shown.map { row[$0] } }
            let widths = shown.indices.map { column in
                min(60, table.map { $0[column].count }.max() ?? 0)
            }
            return table.map { row in
                zip(row, widths).map { value, width in
                    let cut = value.count > width ? String(value.prefix(width - 1)) + "…" : value
                    return cut.padding(toLength: width, withPad: " ", startingAt: 0)
                }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
            }.joined(separator: "\n") + "\n"
        }
    }

    private static func csvField(_ value: String) -> String {
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
