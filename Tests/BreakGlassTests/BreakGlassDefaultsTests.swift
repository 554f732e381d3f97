import Testing

@testable import BreakGlass

@Test func auditFileIsJSONLines() {
    #expect(BreakGlassDefaults.auditFileName.hasSuffix(".jsonl"))
}
