import Foundation

/// Formats the figures: a table of the headline figures against their targets, then
/// the details that explain them.
struct Report {
    struct Row {
        var measure: String
        var figure: String
        var target: String
        var verdict: String
    }

    var machine: MachineInfo
    var command: String
    var opsdeck: String
    var loadBefore = MachineInfo.loadAverage()
    var loadAfter = ""
    var firstFrame: FirstFrameBenchmark.Result?
    var startup: StartupBreakdown.Result?
    var filter: FilterBenchmark.Result?
    var screen: ScreenTrafficBenchmark.Result?

    static let firstFrameTarget = 100e6
    static let filterTarget = 8e6
    static let zoomedScrollTarget = 400.0
    static let rssTarget = 80 * 1_048_576.0

    var rows: [Row] {
        var rows: [Row] = []
        if let firstFrame {
            let stats = Statistics(firstFrame.samples)
            rows.append(
                Row(
                    measure: "Start to first complete frame (\(stats.count) runs)",
                    figure: "median \(Self.milliseconds(stats.median)), max \(Self.milliseconds(stats.max))",
                    target: "< 100 ms", verdict: Self.verdict(stats.median < Self.firstFrameTarget)))
        }
        if let filter {
            let stats = Statistics(filter.perKey)
            let median = Self.milliseconds(stats.median)
            let p99 = Self.milliseconds(stats.percentile(99))
            let rowCount = Self.count(filter.rowCount)
            rows.append(
                Row(
                    measure: "Filter keystroke to frame, \(rowCount) rows (\(stats.count) keys)",
                    figure: "median \(median), p99 \(p99)",
                    target: "< 8 ms median", verdict: Self.verdict(stats.median < Self.filterTarget)))
        }
        if let screen {
            let zoomed = Statistics(screen.zoomedScroll.map(\.bytes))
            rows.append(
                Row(
                    measure: "One-row scroll, zoomed pane (\(zoomed.count) keys)",
                    figure: "median \(Self.bytes(zoomed.median)), max \(Self.bytes(zoomed.max))",
                    target: "< 400 B", verdict: Self.verdict(zoomed.median < Self.zoomedScrollTarget)))
            if !screen.barZoomedScroll.isEmpty {
                let bar = Statistics(screen.barZoomedScroll.map(\.bytes))
                rows.append(
                    Row(
                        measure: "One-row scroll, zoomed, selection = \"bar\" (\(bar.count) keys)",
                        figure: "median \(Self.bytes(bar.median)), max \(Self.bytes(bar.max))",
                        target: "(the bar's cost)", verdict: "-"))
            }
            let dashboard = Statistics(screen.dashboardScroll.map(\.bytes))
            rows.append(
                Row(
                    measure: "One-row scroll, dashboard (\(dashboard.count) keys)",
                    figure: "median \(Self.bytes(dashboard.median)), max \(Self.bytes(dashboard.max))",
                    target: "(none; compare with repaint)", verdict: "-"))
            let zoomedRepaint = Statistics(screen.zoomedRepaint.map(\.bytes))
            let dashboardRepaint = Statistics(screen.dashboardRepaint.map(\.bytes))
            rows.append(
                Row(
                    measure: "Full repaint (Ctrl-L), zoomed / dashboard",
                    figure: "\(Self.bytes(zoomedRepaint.median)) / \(Self.bytes(dashboardRepaint.median))",
                    target: "(reference)", verdict: "-"))
            let perMinute =
                screen.idleSecondsMeasured > 0
                ? Double(screen.idleBytes) * 60 / screen.idleSecondsMeasured : 0
            var what = "clock"
            if screen.idleDataAgeBursts > 0 {
                what += " + \(screen.idleDataAgeBursts) data-age label update(s)"
            }
            if screen.idleOtherBursts > 0 { what += " + \(screen.idleOtherBursts) other update(s)" }
            rows.append(
                Row(
                    measure: "Idle output (\(Int(screen.idleSecondsMeasured.rounded())) s)",
                    figure: "\(Self.bytes(perMinute))/min: \(what); rows \(Self.rowList(screen.idleRows))",
                    target: "header clock only", verdict: Self.verdict(screen.idleOtherBursts == 0)))
            // ru_maxrss is not used: a posix_spawn child starts as a vfork of this process and
            // inherits its high-water mark. VmHWM is the console's own.
            let peak = [screen.highWaterAtEnd, screen.highWaterAfterScroll].compactMap { $0 }.max()
            rows.append(
                Row(
                    measure: "Peak RSS of opsdeck (large demo)",
                    figure: peak.map { Self.megabytes(Double($0)) } ?? "unknown",
                    target: "< 80 MB", verdict: peak.map { Self.verdict(Double($0) < Self.rssTarget) } ?? "?")
            )
        }
        return rows
    }

    /// The headline table as aligned text, or as Markdown.
    func table(markdown: Bool) -> String {
        let header = Row(measure: "Measure", figure: "Figure", target: "Target", verdict: "Verdict")
        let all = [header] + rows
        if markdown {
            var lines = all.map { "| \($0.measure) | \($0.figure) | \($0.target) | \($0.verdict) |" }
            lines.insert("|---|---|---|---|", at: 1)
            return lines.joined(separator: "\n") + "\n"
        }
        let widths = [
            all.map(\.measure.count).max() ?? 0, all.map(\.figure.count).max() ?? 0,
            all.map(\.target.count).max() ?? 0,
        ]
        func pad(_ text: String, _ width: Int) -> String {
            text + String(repeating: " ", count: max(0, width - text.count))
        }
        var lines: [String] = []
        for (index, row) in all.enumerated() {
            let cells = [pad(row.measure, widths[0]), pad(row.figure, widths[1]), pad(row.target, widths[2])]
            lines.append((cells + [row.verdict]).joined(separator: "  "))
            if index == 0 { lines.append(String(repeating: "-", count: widths.reduce(6, +) + 8)) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Everything behind the headline figures.
    var details: String {
        var out = ""
        if let firstFrame { out += Self.describe(firstFrame) }
        if let startup { out += Self.describe(startup) }
        if let filter { out += Self.describe(filter) }
        if let screen { out += Self.describe(screen) }
        return out
    }

    static func describe(_ firstFrame: FirstFrameBenchmark.Result) -> String {
        let stats = Statistics(firstFrame.samples)
        var out = "First frame: min \(milliseconds(stats.min)), median \(milliseconds(stats.median)), "
        out += "max \(milliseconds(stats.max)); warm-up (demo generation) "
        return out + "\(milliseconds(Double(firstFrame.warmUpNanoseconds)))\n"
    }

    static func describe(_ startup: StartupBreakdown.Result) -> String {
        var out = "Start-up steps in process (median of \(startup.steps.first?.samples.count ?? 0)):\n"
        let width = startup.steps.map(\.name.count).max() ?? 0
        for step in startup.steps {
            let padding = String(repeating: " ", count: max(0, width - step.name.count))
            out += "  \(step.name)\(padding)  \(milliseconds(Statistics(step.samples).median))\n"
        }
        out += "Resident memory, growth of this process's VmRSS:\n"
        for (name, bytes) in startup.memory {
            out += "  \(name): +\(megabytes(Double(bytes)))\n"
        }
        return out
    }

    static func describe(_ filter: FilterBenchmark.Result) -> String {
        let rows = count(filter.rowCount)
        let scanMegabytes = filter.meanSearchTextBytes * Double(filter.rowCount) / 1e6
        var out = "Filter: data built in \(String(format: "%.1f", filter.generateSeconds)) s; "
        out += "\"\(FilterBenchmark.substringQuery)\" leaves \(count(filter.substringMatches)) rows, "
        out += "\"\(FilterBenchmark.fuzzyQuery)\" leaves \(count(filter.fuzzyMatches))\n"
        out += "  per key, median / p99: total \(pair(filter.perKey)); reduce \(pair(filter.reduce)); "
        out += "render \(pair(filter.render)); present \(pair(filter.present))\n"
        out += "  search text \(String(format: "%.0f", filter.meanSearchTextBytes)) B per row on average, "
        out += "\(String(format: "%.1f", scanMegabytes)) MB per full scan; "
        out += "built by the first search of a snapshot in \(milliseconds(Double(filter.corpusBuild)))\n"
        out += "  typing (narrowing) \(pair(filter.typing)); "
        out += "backspace (widening) \(pair(filter.erasing))\n"
        out += "  j in the zoomed \(rows)-row pane: \(pair(filter.scrollKey)); "
        return out + "applying a \(rows)-run snapshot: \(pair(filter.snapshotApply))\n"
    }

    static func describe(_ screen: ScreenTrafficBenchmark.Result) -> String {
        var out = "Screen: first frame \(bytes(Double(screen.startupBytes))); clock ticks "
        out += screen.tickBytes.map { "\($0) B" }.joined(separator: ", ")
        if let tick = screen.tickAnalysis { out += " (rows \(tick.rowsDescription))" }
        out += "\n"
        if let latency = screen.firstKeyLatency {
            out += "  a key sent 300 ms after the first frame was answered after "
            out += "\(milliseconds(latency.milliseconds * 1e6))\n"
        }
        let groups = [
            ("selection move, zoomed (no scroll)", screen.zoomedMove),
            ("one-row scroll, zoomed", screen.zoomedScroll),
            ("repaint, zoomed", screen.zoomedRepaint),
            ("one-row scroll, dashboard", screen.dashboardScroll),
            ("repaint, dashboard", screen.dashboardRepaint),
            ("one-row scroll, zoomed, selection = \"bar\"", screen.barZoomedScroll),
        ]
        for (name, samples) in groups where !samples.isEmpty {
            let described = samples.map { sample in
                let analysis = sample.analysis
                let scrolled = analysis.setsScrollRegion || analysis.scrollCommands > 0
                let how = scrolled ? "scroll region, " : ""
                return "\(sample.bytes) (\(how)rows \(analysis.rowsDescription))"
            }
            out += "  \(name), bytes: \(described.joined(separator: "; "))\n"
        }
        if screen.truncatedSamples > 0 {
            out += "  \(screen.truncatedSamples) key(s) were still drawing at the end of their window: "
            out += "their figure may hold a clock tick\n"
        }
        let idleSeconds = String(format: "%.1f", screen.idleSecondsMeasured)
        let texts = screen.idleSampleText.prefix(3).map { "\"\($0.prefix(60))\"" }
        out += "  idle: \(screen.idleBytes) B in \(idleSeconds) s, \(screen.idleBursts.count) bursts "
        out += "(median \(bytes(Statistics(screen.idleBursts).median))); "
        out += "text of the first: \(texts.joined(separator: ", "))\n"
        for (rows, text) in screen.idleBeyondHeader {
            out += "  an idle burst wrote rows \(rows): \"\(text.prefix(100))\"\n"
        }
        out += "  RSS: VmHWM after the scroll tests \(megabytes(screen.highWaterAfterScroll)), "
        out += "at the end \(megabytes(screen.highWaterAtEnd)), "
        out += "with the standard demo (25 accounts) \(megabytes(screen.standardDemoHighWater)); "
        return out + "exit status \(screen.exitCode.map { "\($0)" } ?? "killed")\n"
    }

    func render(markdown: Bool) -> String {
        var out = "OpsDeck benchmark on the large demo (1,000 accounts, 20,000 roles, 5,000 alarms, "
        out += "2,000 incidents, 20,000 runs), terminal 120x40\n"
        out += "Machine: \(machine.summary)\n"
        out += "Load average (1, 5, 15 min): \(loadBefore) at the start, \(loadAfter) at the end\n"
        out += "Command: \(command)\n"
        out += "opsdeck: \(opsdeck)\n\n"
        out += table(markdown: markdown)
        out += "\n" + details
        return out
    }

    static func verdict(_ met: Bool) -> String { met ? "met" : "MISSED" }

    static func milliseconds(_ nanoseconds: Double) -> String {
        String(format: nanoseconds < 10e6 ? "%.2f ms" : "%.1f ms", nanoseconds / 1e6)
    }

    static func pair(_ samples: [UInt64]) -> String {
        let stats = Statistics(samples)
        return "\(milliseconds(stats.median)) / \(milliseconds(stats.percentile(99)))"
    }

    static func bytes(_ value: Double) -> String {
        value >= 10_000 ? String(format: "%.1f KB", value / 1000) : "\(Int(value.rounded())) B"
    }

    static func megabytes(_ value: Double) -> String { String(format: "%.1f MB", value / 1_048_576) }

    static func megabytes(_ value: Int?) -> String { value.map { megabytes(Double($0)) } ?? "?" }

    static func count(_ value: Int) -> String {
        let digits = String(value)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return out
    }

    static func rowList(_ rows: Set<Int>) -> String {
        var analysis = OutputAnalysis([])
        analysis.rowsWritten = rows
        return analysis.rowsDescription
    }

    /// `bytes` as text with escape sequences and control characters removed.
    static func printable(_ bytes: [UInt8]) -> String { OutputAnalysis(bytes).printable }
}
