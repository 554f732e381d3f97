import Foundation
import OpsDeckCore
import Testing

@testable import OpsDeckUI

@Suite struct PaneExporterTests {
    typealias F = UIFixtures

    private func export(_ pane: PaneID, _ format: ExportFormat, _ snapshot: OrgSnapshot = F.snapshot)
        -> String
    {
        PaneExporter.export(pane, snapshot: snapshot, format: format, now: F.now)
    }

    private func jsonRows(_ text: String) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        return try #require(object as? [[String: Any]])
    }

    /// A small RFC 4180 reader: quoted fields, doubled quotes, CRLF records.
    private func parseCSV(_ text: String) -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false
        var chars = Array(text.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" {
                    if chars.first == "\"" {
                        field.unicodeScalars.append("\"")
                        chars.removeFirst()
                    } else {
                        quoted = false
                    }
                } else {
                    field.unicodeScalars.append(c)
                }
            } else if c == "\"" {
                quoted = true
            } else if c == "," {
                record.append(field)
                field = ""
            } else if c == "\r", chars.first == "\n" {
                chars.removeFirst()
                record.append(field)
                records.append(record)
                record = []
                field = ""
            } else {
                field.unicodeScalars.append(c)
            }
        }
        if !field.isEmpty || !record.isEmpty {
            record.append(field)
            records.append(record)
        }
        return records
    }

    // MARK: JSON

    @Test(arguments: PaneID.allCases)
    func jsonIsValidWithTheIdAndEveryColumnAsKeys(pane: PaneID) throws {
        let rows = try jsonRows(export(pane, .json))
        #expect(!rows.isEmpty)
        let columns = PaneContentBuilder.content(for: pane, snapshot: F.snapshot, context: F.context())
            .columns
        let expected = Set(["id"] + columns.map { PaneExporter.fieldName($0.title) })
        for row in rows { #expect(Set(row.keys) == expected) }
    }

    @Test func jsonPipelinesCarryMachineValues() throws {
        let rows = try jsonRows(export(.pipelines, .json))
        #expect(rows.map { $0["id"] as? String } == ["run-p4", "run-p2", "run-p3", "run-p5", "run-p1"])
        let finished = try #require(rows.last)
        #expect(finished["took"] as? Int == 300)
        #expect(finished["status"] as? String == "succeeded")
        #expect(finished["commit"] as? String == "0123456")
        let started = try #require(finished["age"] as? String)
        #expect(ISO8601DateFormatter().date(from: started) == F.ago(7200))
        let running = try #require(rows.first { $0["id"] as? String == "run-p3" })
        #expect(ISO8601DateFormatter().date(from: try #require(running["took"] as? String)) == F.ago(300))
    }

    @Test func jsonCostHasNumbersNullsAndArrays() throws {
        let rows = try jsonRows(export(.cost, .json))
        #expect(rows.map { $0["id"] as? String }.first == "account:\(F.paymentsProd)")
        let prod = try #require(rows.first)
        #expect((prod["mtd"] as? Double).map { abs($0 - 1200.5) < 0.001 } == true)
        #expect((prod["change"] as? Double).map { abs($0 - 20.05) < 0.001 } == true)
        #expect(prod["30_days"] as? [Double] == [1, 2, 3, 4])
        let audit = try #require(rows.first { $0["id"] as? String == "account:\(F.audit)" })
        #expect(audit["change"] is NSNull)
    }

    @Test func accountsExportSkipsOURowsAndKeepsTreeOrder() throws {
        let rows = try jsonRows(export(.accounts, .json))
        #expect(
            rows.map { $0["id"] as? String } == [
                F.audit, F.paymentsDev, F.apiProd, F.paymentsProd, F.management, F.orphan,
            ])
        let csv = parseCSV(export(.accounts, .csv))
        #expect(csv.count == 7)
        #expect(!csv.contains { $0.first?.hasPrefix("ou:") == true })
        let table = export(.accounts, .table)
        #expect(!table.contains("Workloads"))
        #expect(table.split(separator: "\n").count == 7)
    }

    @Test func emptyPaneExportsAnEmptyArrayAndJustTheHeader() throws {
        #expect(try jsonRows(export(.alerts, .json, .empty)).isEmpty)
        #expect(export(.alerts, .csv, .empty) == "id,sev,source,account,region,title,status,age\r\n")
        #expect(export(.alerts, .table, .empty) == "Sev  Source  Account  Region  Title  Status  Age\n")
    }

    @Test(arguments: [
        "plain", "quote \" inside", "back\\slash", "new\nline", "cr\rtab\t", "bell\u{07}nul\u{01}", "üñí 🚨",
        "",
    ])
    func jsonStringsRoundTrip(text: String) throws {
        let encoded = PaneExporter.quoteJSON(text)
        let decoded = try JSONSerialization.jsonObject(with: Data(encoded.utf8), options: .fragmentsAllowed)
        #expect(decoded as? String == text)
        #expect(!encoded.contains("\n"))
    }

    // MARK: CSV

    @Test func csvQuotesCommasQuotesAndNewlines() throws {
        var snapshot = F.snapshot
        snapshot.alarms = []
        snapshot.incidents = [
            Incident(
                id: "PQ", number: 1, title: "Disk \"full\", host-a\nsecond line", status: .triggered,
                urgency: .high,
                serviceName: "s", createdAt: F.ago(60), updatedAt: F.ago(60), accountId: F.paymentsProd)
        ]
        let text = export(.alerts, .csv, snapshot)
        #expect(text.contains("\"Disk \"\"full\"\", host-a\nsecond line\""))
        #expect(text.hasSuffix("\r\n"))
        let records = parseCSV(text)
        #expect(records.count == 2)
        #expect(records[0] == ["id", "sev", "source", "account", "region", "title", "status", "age"])
        let row = try #require(records.last)
        #expect(row.count == 8)
        #expect(row[0] == "pd:PQ")
        #expect(row[2] == "PD")
        #expect(row[3] == "payments-prod")
        #expect(row[5] == "Disk \"full\", host-a\nsecond line")
        #expect(ISO8601DateFormatter().date(from: row[7]) == F.ago(60))
    }

    @Test(arguments: [
        ("plain", "plain"), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""),
        ("l1\nl2", "\"l1\nl2\""),
        ("cr\r", "\"cr\r\""), ("", ""),
    ])
    func csvFieldQuoting(text: String, expected: String) {
        #expect(PaneExporter.quoteCSV(text) == expected)
    }

    @Test func csvCostUsesPlainNumbersAndBlankForNoChange() throws {
        let records = parseCSV(export(.cost, .csv))
        let header = try #require(records.first)
        #expect(
            header == ["id", "name", "ou", "mtd", "last_mo_same_days", "change", "last_month", "30_days"])
        let audit = try #require(records.first { $0.first == "account:\(F.audit)" })
        #expect(audit[3] == "10.00")
        #expect(audit[5] == "")
        #expect(audit[7] == "1.00 2.00 3.00 4.00")
        #expect(records.allSatisfy { $0.count == header.count })
    }

    // MARK: table

    @Test func tableAlignsColumnsAndTrimsTrailingSpace() throws {
        let lines = export(.pipelines, .table).split(separator: "\n").map(String.init)
        #expect(lines.count == 6)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("Status"))
        #expect(header.hasSuffix("Age"))
        // The last column is right-aligned, so every line ends in the same column.
        #expect(Set(lines.map(\.count)).count == 1)
        #expect(lines.allSatisfy { !$0.hasSuffix(" ") })
        // A left-aligned column starts at the same offset on every line.
        let nameOffset = try #require(header.range(of: "Name")).lowerBound.utf16Offset(in: header)
        let names = lines.dropFirst().map { String($0.dropFirst(nameOffset).prefix(while: { $0 != " " })) }
        #expect(names == ["audit-svc", "api-ci", "dev-build", "payments-deploy", "payments-deploy"])
        let first = lines[1]
        #expect(first.hasPrefix("failed  "))
        #expect(first.hasSuffix("15m"))
    }

    @Test(arguments: [
        ("Last mo. same days", "last_mo_same_days"), ("MTD cost", "mtd_cost"), ("30 days", "30_days"),
        ("Trust differs in", "trust_differs_in"), ("Sev", "sev"), ("  Odd--Title  ", "odd_title"),
    ])
    func fieldNames(title: String, expected: String) {
        #expect(PaneExporter.fieldName(title) == expected)
    }
}
