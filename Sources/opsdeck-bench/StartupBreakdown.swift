import Dispatch
import Foundation
import OpsDeckCache
import OpsDeckConfig
import OpsDeckCore
import OpsDeckUI
import TerminalKit

/// Where the time to the first frame goes: the steps `ConsoleSession` takes before its
/// first present, timed one by one in this process on the same demo cache, plus the
/// bare cost of starting the opsdeck executable (`opsdeck --version` in the pty).
struct StartupBreakdown {
    var opsdeck: String
    var workspace: BenchWorkspace
    var repeats = 5

    struct Step {
        var name: String
        /// Nanoseconds per repeat.
        var samples: [UInt64]
    }

    struct Result {
        var steps: [Step]
        /// Resident memory each held structure added to this process, in bytes.
        var memory: [(name: String, bytes: Int)]
    }

    func run(progress: (String) -> Void) throws -> Result {
        progress("first frame: memory of the snapshot and the panes, in process")
        let memory = try measureMemory()
        progress("first frame: timing the start-up steps in process")
        var steps: [Step] = []
        func time(_ name: String, _ body: () throws -> Void) rethrows {
            var samples: [UInt64] = []
            for _ in 0..<repeats {
                let start = DispatchTime.now().uptimeNanoseconds
                try body()
                samples.append(DispatchTime.now().uptimeNanoseconds - start)
            }
            steps.append(Step(name: name, samples: samples))
        }

        try time("exec opsdeck --version (process start, no work)") {
            let child = try PseudoTerminalProcess(
                executable: opsdeck, arguments: ["--version"], environment: workspace.childEnvironment,
                columns: 120,
                rows: 40)
            guard child.waitForExit(limit: .seconds(10)) else {
                child.terminate()
                throw BenchError.childFailed("opsdeck --version did not exit within 10 s")
            }
        }
        time("load the default theme") {
            _ = ThemeLoader.loadOrDefault(nameOrPath: "default", userThemesDirectory: nil)
        }
        do {
            try time("open the cache (full .quick check, for comparison)") {
                _ = try CacheDatabase.open(at: workspace.demoCache, check: .quick)
            }
            try time("open the cache (.schemaOnly, as the console does)") {
                _ = try CacheDatabase.open(at: workspace.demoCache, check: .schemaOnly)
            }
        } catch {
            throw BenchError.setupFailed("opening \(workspace.demoCache): \(error)")
        }
        let now = Date()
        let snapshot: OrgSnapshot
        do {
            let (cache, _) = try CacheDatabase.open(at: workspace.demoCache, check: .schemaOnly)
            try time("read the snapshot in one transaction (before)") {
                _ = try cache.snapshotInOneTransaction(now: now)
            }
            try time("read the snapshot on two connections (as the console does)") {
                _ = try cache.snapshot(now: now)
            }
            var halves: [(first: Duration, second: Duration)] = []
            for _ in 0..<repeats { halves.append(try cache.snapshotHalvesCPUTime(now: now)) }
            func nanoseconds(_ duration: Duration) -> UInt64 {
                UInt64(max(0, duration.components.seconds)) * 1_000_000_000
                    + UInt64(max(0, duration.components.attoseconds / 1_000_000_000))
            }
            steps.append(
                Step(
                    name: "  CPU time of the first half (organization, accounts, roles, cost)",
                    samples: halves.map { nanoseconds($0.first) }))
            steps.append(
                Step(
                    name: "  CPU time of the second half (runs, alarms, incidents, statuses)",
                    samples: halves.map { nanoseconds($0.second) }))
            snapshot = try cache.snapshot(now: now)
        } catch {
            throw BenchError.setupFailed("reading the snapshot of \(workspace.demoCache): \(error)")
        }

        let size = Size(width: 120, height: 40)
        let theme = ThemeLoader.defaultTheme
        var state = AppState(size: size, now: now, theme: theme)
        time("apply the snapshot: reduce(.snapshot), every pane rebuilt") {
            var fresh = AppState(size: size, now: now, theme: theme)
            _ = fresh.reduce(.snapshot(snapshot))
            state = fresh
        }
        let context = state.context
        for pane in PaneID.allCases {
            var content = PaneContent.empty
            time("  \(pane.title): rows from the snapshot (presenter)") {
                content = PaneContentBuilder.content(for: pane, snapshot: snapshot, context: context)
            }
            time("  \(pane.title): PaneState.setContent (order, filter) of \(content.rows.count) rows") {
                var paneState = PaneState()
                paneState.setContent(content)
            }
        }
        time("render the first frame (ConsoleRenderer.render)") { _ = ConsoleRenderer.render(state) }
        return Result(steps: steps, memory: memory)
    }

    /// Resident memory added by holding a snapshot, the app state built from it, and a
    /// second snapshot (the console holds two while its cache observer's first one is
    /// applied). Approximate: the allocator keeps freed pages, so only growth is seen.
    private func measureMemory() throws -> [(name: String, bytes: Int)] {
        let now = Date()
        do {
            let before = Self.residentBytes()
            let (cache, _) = try CacheDatabase.open(at: workspace.demoCache, check: .schemaOnly)
            let snapshot = try cache.snapshot(now: now)
            let afterSnapshot = Self.residentBytes()
            var state = AppState(
                size: Size(width: 120, height: 40), now: now, theme: ThemeLoader.defaultTheme)
            _ = state.reduce(.snapshot(snapshot))
            let afterState = Self.residentBytes()
            let second = try cache.snapshot(now: now)
            let afterSecond = Self.residentBytes()
            // Keep all three alive until every reading is taken.
            withExtendedLifetime((snapshot, state, second)) {}
            return [
                ("open the cache and read one snapshot", afterSnapshot - before),
                ("build every pane's rows from it (AppState)", afterState - afterSnapshot),
                ("read a second snapshot while holding both", afterSecond - afterState),
            ]
        } catch {
            throw BenchError.setupFailed("reading \(workspace.demoCache): \(error)")
        }
    }

    /// VmRSS of this process, in bytes (0 when /proc is not there).
    static func residentBytes() -> Int {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").compactMap({ Int($0) }).first
        else { return 0 }
        return kilobytes * 1024
    }
}
