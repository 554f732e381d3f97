import Foundation

/// Bytes the real console writes to its terminal: for a key (a one-row scroll, a
/// selection move, a full repaint), and while idle; and the console's peak RSS.
///
/// The header clock redraws once a second. Each key is sent right after a clock tick's
/// output has ended, and its bytes are counted until the output has been quiet for
/// `quiet`, which ends well before the next tick, so the clock is not in the figure.
struct ScreenTrafficBenchmark {
    var opsdeck: String
    var workspace: BenchWorkspace
    var keySamples: Int
    var idleSeconds: Int
    var columns = 120
    var rows = 40
    /// Quiet time that ends a key's output; far longer than a frame, far shorter than a tick.
    var quiet: Duration = .milliseconds(250)

    struct KeySample {
        var bytes: Int
        var analysis: OutputAnalysis
        /// What the console wrote for the key, for `--dump`.
        var raw: [UInt8]
    }

    struct Result {
        var startupBytes = 0
        /// From sending a key 300 ms after the first frame went quiet to its first output byte.
        var firstKeyLatency: Duration?
        var tickBytes: [Int] = []
        var tickAnalysis: OutputAnalysis?
        var zoomedMove: [KeySample] = []
        var zoomedScroll: [KeySample] = []
        var zoomedRepaint: [KeySample] = []
        var dashboardScroll: [KeySample] = []
        var dashboardRepaint: [KeySample] = []
        /// The zoomed one-row scroll again with `[ui] selection = "bar"` (the full-width bar).
        var barZoomedScroll: [KeySample] = []
        var idleSecondsMeasured: Double = 0
        var idleBytes = 0
        var idleBursts: [Int] = []
        /// Rows written during the idle period (1-based), over all bursts.
        var idleRows: Set<Int> = []
        var idleSampleText: [String] = []
        /// Idle bursts that wrote more than the header: the rows, and the text written.
        var idleBeyondHeader: [(rows: String, text: String)] = []
        /// Idle bursts beyond the header that update a data-age label, and all the others.
        var idleDataAgeBursts = 0
        var idleOtherBursts = 0
        /// VmHWM of the console after the scroll tests, and at the end, in bytes.
        var highWaterAfterScroll: Int?
        var highWaterAtEnd: Int?
        /// VmHWM of the console showing the standard demo (25 accounts): the fixed cost.
        var standardDemoHighWater: Int?
        var exitCode: Int32?
        /// Keys whose output ran into the window's limit (so the count may include a tick).
        var truncatedSamples = 0
    }

    func run(progress: (String) -> Void) throws -> Result {
        // Without the first-frame part, nothing has generated the demo yet: do it in a
        // console of its own, so the measured one reads a ready cache and its peak RSS is
        // not the generator's (several MB more).
        if !FileManager.default.fileExists(atPath: workspace.demoCache) {
            progress("screen: generating the large demo cache")
            let generator = try PseudoTerminalProcess(
                executable: opsdeck,
                arguments: [
                    "--demo", "--demo-size", "large", "--cache", workspace.demoCache,
                    "--exit-after-first-frame",
                ],
                environment: workspace.childEnvironment, columns: columns, rows: rows)
            generator.keepsOutput = true
            if !generator.waitForExit(limit: .seconds(300)) { generator.terminate() }
        }
        let child = try PseudoTerminalProcess(
            executable: opsdeck,
            arguments: ["--demo", "--demo-size", "large", "--cache", workspace.demoCache],
            environment: workspace.childEnvironment, columns: columns, rows: rows)
        child.keepsOutput = true
        defer { child.terminate() }
        var result = Result()

        progress("screen: waiting for the first frame")
        // Curses' set-up comes first, the frame only after the cache is read and every
        // pane built, so wait for at least half a screen of output. A demo older than ten
        // minutes is regenerated at start: allow for it.
        result.startupBytes = try waitForFirstFrame(child)
        // How soon the console answers a key once its first frame is out (help opens).
        let clock = ContinuousClock()
        let sent = clock.now
        child.send(Array("?".utf8))
        let answer = child.readUntilQuiet(
            quiet: .milliseconds(100), limit: .seconds(10), awaitFirstByte: true)
        result.firstKeyLatency = answer.firstByteAt.map { $0 - sent }
        try settle(child, after: Array("q".utf8))

        progress("screen: idle clock ticks")
        for _ in 0..<3 {
            let mark = child.transcript.count
            let tick = child.readUntilQuiet(
                quiet: .milliseconds(40), limit: .seconds(2), awaitFirstByte: true)
            result.tickBytes.append(tick.bytes)
            result.tickAnalysis = OutputAnalysis(Array(child.transcript[mark...]))
        }

        progress("screen: zoom, move the selection")
        try settle(child, after: Array("z".utf8))
        result.zoomedMove = try measure(child, key: Array("j".utf8), count: min(keySamples, 5), into: &result)
        // Take the selection to the bottom of the viewport, so every further j scrolls one row.
        try settle(child, after: Array(repeating: UInt8(ascii: "j"), count: rows + 5))
        progress("screen: zoomed one-row scrolls")
        result.zoomedScroll = try measure(child, key: Array("j".utf8), count: keySamples, into: &result)
        progress("screen: zoomed full repaints (Ctrl-L)")
        result.zoomedRepaint = try measure(child, key: [0x0C], count: 3, into: &result)

        progress("screen: dashboard one-row scrolls")
        // Unzoomed, the selection is kept at the bottom of the smaller viewport, so j scrolls.
        try settle(child, after: Array("z".utf8))
        result.dashboardScroll = try measure(child, key: Array("j".utf8), count: keySamples, into: &result)
        progress("screen: dashboard full repaints (Ctrl-L)")
        result.dashboardRepaint = try measure(child, key: [0x0C], count: 3, into: &result)
        result.highWaterAfterScroll = Self.highWaterMark(of: child.pid)

        progress("screen: idle for \(idleSeconds) s")
        measureIdle(child, into: &result)
        result.highWaterAtEnd = Self.highWaterMark(of: child.pid)

        child.send(Array("q".utf8))
        if !child.waitForExit(limit: .seconds(5)) {
            progress("screen: the console did not quit within 5 s of q; killing it")
            child.terminate()
        }
        result.exitCode = child.exitCode
        progress("screen: zoomed one-row scrolls with selection = \"bar\"")
        result.barZoomedScroll = try barZoomedScroll(into: &result)
        progress("screen: memory with the standard demo, for comparison")
        result.standardDemoHighWater = try standardDemoHighWater()
        return result
    }

    /// The zoomed one-row scroll of a console configured with `[ui] selection = "bar"`.
    private func barZoomedScroll(into result: inout Result) throws -> [KeySample] {
        let configRoot = workspace.root + "/config-bar"
        do {
            try FileManager.default.createDirectory(
                atPath: configRoot + "/opsdeck", withIntermediateDirectories: true)
            try Data("[ui]\nselection = \"bar\"\n".utf8).write(
                to: URL(fileURLWithPath: configRoot + "/opsdeck/config.toml"))
        } catch {
            throw BenchError.setupFailed("cannot write \(configRoot)/opsdeck/config.toml: \(error)")
        }
        var environment = workspace.childEnvironment
        environment["XDG_CONFIG_HOME"] = configRoot
        let child = try PseudoTerminalProcess(
            executable: opsdeck,
            arguments: ["--demo", "--demo-size", "large", "--cache", workspace.demoCache],
            environment: environment, columns: columns, rows: rows)
        child.keepsOutput = true
        defer { child.terminate() }
        _ = try waitForFirstFrame(child)
        try settle(child, after: Array("z".utf8))
        try settle(child, after: Array(repeating: UInt8(ascii: "j"), count: rows + 10))
        let samples = try measure(child, key: Array("j".utf8), count: keySamples, into: &result)
        child.send(Array("q".utf8))
        _ = child.waitForExit(limit: .seconds(5))
        return samples
    }

    /// VmHWM of the console on the 25-account demo, once its first frame is drawn and
    /// its cache observer has delivered (two clock ticks later).
    private func standardDemoHighWater() throws -> Int? {
        let child = try PseudoTerminalProcess(
            executable: opsdeck,
            arguments: ["--demo", "--cache", workspace.cache + "/opsdeck/demo-standard.sqlite"],
            environment: workspace.childEnvironment, columns: columns, rows: rows)
        child.keepsOutput = true
        defer { child.terminate() }
        _ = try waitForFirstFrame(child)
        _ = child.drain(for: .seconds(2))
        let highWater = Self.highWaterMark(of: child.pid)
        child.send(Array("q".utf8))
        _ = child.waitForExit(limit: .seconds(5))
        return highWater
    }

    /// Reads until at least half a screen has been written, then until quiet; returns
    /// the bytes read.
    private func waitForFirstFrame(_ child: PseudoTerminalProcess) throws -> Int {
        let clock = ContinuousClock()
        let deadline = clock.now + .seconds(120)
        var bytes = 0
        while bytes < columns * rows / 2 && clock.now < deadline && !child.endOfFile {
            bytes +=
                child.readUntilQuiet(
                    quiet: .milliseconds(300), limit: deadline - clock.now, awaitFirstByte: true
                )
                .bytes
        }
        guard bytes >= columns * rows / 2, !child.endOfFile else {
            throw BenchError.childFailed(
                "the console drew no full frame or exited: \(Report.printable(child.transcript).suffix(300))")
        }
        return bytes
    }

    /// Sends `keys` and waits until the output is quiet again.
    private func settle(_ child: PseudoTerminalProcess, after keys: [UInt8]) throws {
        child.send(keys)
        _ = child.readUntilQuiet(quiet: .milliseconds(300), limit: .seconds(10), awaitFirstByte: true)
        guard !child.endOfFile else { throw BenchError.childFailed("the console exited during the test") }
    }

    /// Sends `key` `count` times, each right after a clock tick, counting its output.
    private func measure(
        _ child: PseudoTerminalProcess, key: [UInt8], count: Int, into result: inout Result
    ) throws -> [KeySample] {
        var samples: [KeySample] = []
        for _ in 0..<count {
            // The tick's output (up to 2 s away), then a short silence: the clock is done.
            _ = child.readUntilQuiet(quiet: .milliseconds(40), limit: .seconds(2), awaitFirstByte: true)
            let mark = child.transcript.count
            child.send(key)
            let burst = child.readUntilQuiet(quiet: quiet, limit: .milliseconds(650), awaitFirstByte: true)
            guard !child.endOfFile else { throw BenchError.childFailed("the console exited during the test") }
            if burst.hitLimit && burst.bytes > 0 { result.truncatedSamples += 1 }
            let raw = Array(child.transcript[mark...])
            samples.append(KeySample(bytes: burst.bytes, analysis: OutputAnalysis(raw), raw: raw))
        }
        return samples
    }

    private func measureIdle(_ child: PseudoTerminalProcess, into result: inout Result) {
        let clock = ContinuousClock()
        let start = clock.now
        let deadline = start + .seconds(idleSeconds)
        while clock.now < deadline && !child.endOfFile {
            let mark = child.transcript.count
            let burst = child.readUntilQuiet(
                quiet: .milliseconds(40), limit: deadline - clock.now, awaitFirstByte: true)
            guard burst.bytes > 0 else { break }
            result.idleBytes += burst.bytes
            result.idleBursts.append(burst.bytes)
            let analysis = OutputAnalysis(Array(child.transcript[mark...]))
            result.idleRows.formUnion(analysis.rowsWritten)
            if result.idleSampleText.count < 5 { result.idleSampleText.append(analysis.printable) }
            if !analysis.rowsWritten.isSubset(of: [1]) {
                if result.idleBeyondHeader.count < 5 {
                    result.idleBeyondHeader.append((analysis.rowsDescription, analysis.printable))
                }
                let text = analysis.printable
                // A pane's data age ("live", "as of 1m", "stale 2h") moving on is a real change.
                let isDataAge = ["as of ", "stale ", "live"].contains { text.contains($0) }
                if isDataAge { result.idleDataAgeBursts += 1 } else { result.idleOtherBursts += 1 }
            }
        }
        result.idleSecondsMeasured = (clock.now - start).milliseconds / 1000
    }

    /// VmHWM (peak resident set) from /proc/<pid>/status, in bytes.
    static func highWaterMark(of pid: pid_t) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8) else {
            return nil
        }
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else {
            return nil
        }
        let kilobytes = line.split(separator: " ").compactMap { Int($0) }.first
        return kilobytes.map { $0 * 1024 }
    }
}
