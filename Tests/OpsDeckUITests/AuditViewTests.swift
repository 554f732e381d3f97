import Foundation
import OpsDeckApp
import TerminalKit
import Testing

@testable import OpsDeckUI

@Suite struct AuditViewTests {
    static let rows = [
        AuditView.Row(
            time: UIFixtures.now, event: "request", who: "alice@bastion",
            account: "payments-prod (222222222222)",
            role: "BreakGlassAdmin", detail: "database failover [INC-1]"),
        AuditView.Row(
            time: UIFixtures.now.addingTimeInterval(2), event: "failure", who: "alice@bastion",
            account: "payments-prod (222222222222)", role: "BreakGlassAdmin", detail: "AccessDenied"),
    ]

    func render(_ view: AuditView) -> [String] {
        var buffer = ScreenBuffer(size: Size(width: 130, height: 5))
        view.draw(into: &buffer, area: Rect(x: 0, y: 0, width: 130, height: 5), glyphs: .unicode)
        return (0..<5).map { buffer.line($0) }
    }

    @Test func newestEntriesComeFirst() {
        let lines = render(AuditView(rows: Self.rows, problems: []))
        #expect(lines[0].hasPrefix("Audit log: 2 entries, hash chain intact"))
        #expect(lines[1].hasPrefix("TIME (UTC)"))
        #expect(lines[2].contains("failure") && lines[2].contains("AccessDenied"))
        #expect(lines[3].contains("request") && lines[3].contains("database failover [INC-1]"))
    }

    @Test func problemsAreSummarised() {
        let view = AuditView(rows: Self.rows, problems: ["line 2: edited: entry 2 was changed"])
        #expect(render(view)[0].contains("1 problem(s)") && render(view)[0].contains("line 2: edited"))
    }

    @Test func aMissingLogIsAnEmptyIntactView() {
        let view = BreakGlassAuditView.load(
            path: NSTemporaryDirectory() + "no-such-\(UUID().uuidString).jsonl", environment: [:])
        #expect(view.rows.isEmpty && view.problems.isEmpty)
    }
}
