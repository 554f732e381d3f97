import Dispatch
import Foundation
import OpsDeckApp
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckDemo
import OpsDeckUI
import TerminalKit

/// Keystroke-to-frame time of the `/` filter over 100,000 pipeline runs, in process:
/// each keystroke is `reduce(.key)` + `ConsoleRenderer.render` + `MemoryTerminal.present`,
/// exactly the work the console loop does per key, minus curses' own output.
struct FilterBenchmark {
    var targetRuns = 100_000
    var rounds: Int
    var columns = 120
    var rows = 40

    /// The keys of one round: a substring query typed and erased, a fuzzy one typed and
    /// erased, then Esc. Each key after `/` changes the filter.
    static let substringQuery = "payments-prod"
    static let fuzzyQuery = "~pymtprd"

    static var roundKeys: [Key] {
        var keys: [Key] = [.character("/")]
        keys += substringQuery.map { .character($0) }
        keys += Array(repeating: .backspace, count: substringQuery.count)
        keys += fuzzyQuery.map { .character($0) }
        keys += Array(repeating: .backspace, count: fuzzyQuery.count)
        keys.append(.escape)
        return keys
    }

    struct Result {
        var rowCount: Int
        /// Nanoseconds per keystroke, all rounds together.
        var perKey: [UInt64]
        var reduce: [UInt64]
        var render: [UInt64]
        var present: [UInt64]
        /// Keystrokes that type into the filter only (the substring query, letter by letter).
        var typing: [UInt64]
        /// Keystrokes that widen the filter (backspace), which must scan every row again.
        var erasing: [UInt64]
        /// Rows left by the full substring and fuzzy queries.
        var substringMatches: Int
        var fuzzyMatches: Int
        /// Applying a new 100k-run snapshot (rebuilding every pane's rows), nanoseconds.
        var snapshotApply: [UInt64]
        /// One `j` in the zoomed 100k-row pane, nanoseconds.
        var scrollKey: [UInt64]
        var generateSeconds: Double
        /// Mean length of a row's folded search text, the bytes a full scan reads per row.
        var meanSearchTextBytes: Double
        /// Building the pane's search corpus, which the first search of a snapshot does.
        var corpusBuild: UInt64 = 0
    }

    func run(progress: (String) -> Void) throws -> Result {
        progress("filter: generating the large demo and replicating its runs to \(targetRuns)")
        let started = DispatchTime.now().uptimeNanoseconds
        let now = Date()
        let snapshot = try Self.makeSnapshot(runs: targetRuns, now: now)
        let generateSeconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9

        let size = Size(width: columns, height: rows)
        var state = AppState(
            size: size, now: now, theme: ThemeLoader.defaultTheme, profile: DemoOrganization.profile,
            regions: DemoOrganization.regions)
        var snapshotApply: [UInt64] = []
        for _ in 0..<3 {
            let begin = DispatchTime.now().uptimeNanoseconds
            _ = state.reduce(.snapshot(snapshot))
            snapshotApply.append(DispatchTime.now().uptimeNanoseconds - begin)
        }
        _ = state.reduce(.key(.character("3")))
        _ = state.reduce(.key(.character("z")))
        guard state.focus == .pipelines, state.zoomed else {
            throw BenchError.setupFailed("keys 3 and z did not focus and zoom the Pipelines pane")
        }
        let rowCount = state.pane(.pipelines).visible.count
        guard rowCount == targetRuns else {
            throw BenchError.setupFailed("the Pipelines pane shows \(rowCount) rows, expected \(targetRuns)")
        }
        let terminal = MemoryTerminal(size: size)
        terminal.present(ConsoleRenderer.render(state))

        let corpusStart = DispatchTime.now().uptimeNanoseconds
        let corpusBytes = state.pane(.pipelines).content.search.bytes.count
        let corpusBuild = DispatchTime.now().uptimeNanoseconds - corpusStart
        var result = Result(
            rowCount: rowCount, perKey: [], reduce: [], render: [], present: [], typing: [], erasing: [],
            substringMatches: 0, fuzzyMatches: 0, snapshotApply: snapshotApply, scrollKey: [],
            generateSeconds: generateSeconds,
            meanSearchTextBytes: Double(corpusBytes) / Double(max(1, rowCount)), corpusBuild: corpusBuild)
        let keys = Self.roundKeys
        for round in 0..<rounds {
            for (index, key) in keys.enumerated() {
                let t0 = DispatchTime.now().uptimeNanoseconds
                _ = state.reduce(.key(key))
                let t1 = DispatchTime.now().uptimeNanoseconds
                let buffer = ConsoleRenderer.render(state)
                let t2 = DispatchTime.now().uptimeNanoseconds
                terminal.present(buffer)
                let t3 = DispatchTime.now().uptimeNanoseconds
                result.perKey.append(t3 - t0)
                result.reduce.append(t1 - t0)
                result.render.append(t2 - t1)
                result.present.append(t3 - t2)
                let substringEnd = Self.substringQuery.count
                if (1...substringEnd).contains(index) { result.typing.append(t3 - t0) }
                if key == .backspace { result.erasing.append(t3 - t0) }
                if index == substringEnd { result.substringMatches = state.pane(.pipelines).visible.count }
                if index == 2 * substringEnd + Self.fuzzyQuery.count {
                    result.fuzzyMatches = state.pane(.pipelines).visible.count
                }
            }
            guard case .normal = state.mode, state.pane(.pipelines).filter == nil else {
                throw BenchError.setupFailed("a filter round did not end back in normal mode with no filter")
            }
            let median = Report.milliseconds(Statistics(result.perKey).median)
            progress("filter: round \(round + 1)/\(rounds): median so far \(median)")
        }

        // For comparison: moving the selection in the same 100k-row pane.
        for _ in 0..<200 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            _ = state.reduce(.key(.character("j")))
            terminal.present(ConsoleRenderer.render(state))
            result.scrollKey.append(DispatchTime.now().uptimeNanoseconds - t0)
        }
        return result
    }

    /// The large demo as the console would read it from its cache, with its pipeline runs
    /// copied (new ids, each copy a week further back) until there are `runs` of them.
    static func makeSnapshot(runs target: Int, now: Date) throws -> OrgSnapshot {
        let dataset = DemoOrganization.generate(size: .large, now: now)
        var snapshot: OrgSnapshot
        do {
            let cache = try CacheDatabase.inMemory()
            try DemoCache.write(dataset, into: cache)
            snapshot = try cache.snapshot(now: now)
        } catch {
            throw BenchError.setupFailed("writing or reading the demo cache: \(error)")
        }
        let original = snapshot.pipelineRuns
        guard !original.isEmpty else { throw BenchError.setupFailed("the large demo has no pipeline runs") }
        var runs: [PipelineRun] = []
        runs.reserveCapacity(target)
        var copy = 0
        while runs.count < target {
            for run in original where runs.count < target {
                var replica = run
                if copy > 0 {
                    let shift = TimeInterval(copy) * 7 * 86_400
                    replica.id = "\(run.id)~\(copy)"
                    replica.startedAt = run.startedAt.addingTimeInterval(-shift)
                    replica.finishedAt = run.finishedAt.map { $0.addingTimeInterval(-shift) }
                }
                runs.append(replica)
            }
            copy += 1
        }
        snapshot.pipelineRuns = runs
        snapshot.version += 1
        return snapshot
    }
}
