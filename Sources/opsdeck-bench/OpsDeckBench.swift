import ArgumentParser
import Foundation

/// `opsdeck-bench`: the performance figures of docs/performance.md, on the large demo.
@main
struct OpsDeckBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "opsdeck-bench",
        abstract:
            "Measure OpsDeck on the large demo organization and print the figures against their targets.",
        discussion: """
            Runs the release opsdeck in a pseudo-terminal (120x40, xterm-256color) for the start-up, \
            scroll, repaint, idle and memory figures, and the filter in process over 100,000 pipeline runs. \
            Everything it writes goes to a temporary directory, removed at the end.
            """,
        subcommands: [WebhookIngestBenchmark.self, AWSRefreshBenchmark.self])

    enum Part: String, ExpressibleByArgument, CaseIterable {
        case firstFrame = "first-frame"
        case filter
        case screen
    }

    @Option(help: "The opsdeck executable (default: the one next to this binary).")
    var opsdeck: String?

    @Option(help: "Timed start-up runs.")
    var runs = 15

    @Option(help: "Rounds of the filter key sequence (44 keystrokes each).")
    var filterRounds = 20

    @Option(help: "Keys measured for each scroll figure.")
    var keySamples = 9

    @Option(help: "Seconds to watch the idle console.")
    var idleSeconds = 60

    @Option(help: "Run only these parts (repeat): first-frame, filter, screen.")
    var only: [Part] = []

    @Flag(help: "Print the table as Markdown (for docs/performance.md).")
    var markdown = false

    @Option(help: "Write what the console wrote for each measured key into this directory.")
    var dump: String?

    @Flag(help: "Keep the temporary directory (demo cache, opsdeck's log) and print its path.")
    var keepWorkspace = false

    func validate() throws {
        guard (1...1000).contains(runs) else { throw ValidationError("--runs must be 1...1000") }
        guard (1...1000).contains(filterRounds) else {
            throw ValidationError("--filter-rounds must be 1...1000")
        }
        guard (1...100).contains(keySamples) else { throw ValidationError("--key-samples must be 1...100") }
        guard (1...3600).contains(idleSeconds) else {
            throw ValidationError("--idle-seconds must be 1...3600")
        }
    }

    func run() throws {
        let parts = only.isEmpty ? Set(Part.allCases) : Set(only)
        let opsdeckPath = try locateOpsdeck()
        let workspace = try BenchWorkspace.create()
        defer {
            if keepWorkspace {
                log("workspace kept: \(workspace.root)")
            } else {
                workspace.remove()
            }
        }
        var report = Report(
            machine: .current(), command: CommandLine.arguments.joined(separator: " "), opsdeck: opsdeckPath)
        if parts.contains(.firstFrame) {
            report.firstFrame = try FirstFrameBenchmark(
                opsdeck: opsdeckPath, workspace: workspace, runs: runs
            )
            .run(progress: log)
            report.startup = try StartupBreakdown(opsdeck: opsdeckPath, workspace: workspace).run(
                progress: log)
        }
        if parts.contains(.filter) {
            report.filter = try FilterBenchmark(rounds: filterRounds).run(progress: log)
        }
        if parts.contains(.screen) {
            report.screen = try ScreenTrafficBenchmark(
                opsdeck: opsdeckPath, workspace: workspace, keySamples: keySamples, idleSeconds: idleSeconds
            ).run(progress: log)
            if let dump, let screen = report.screen { try Self.dump(screen, into: dump) }
        }
        report.loadAfter = MachineInfo.loadAverage()
        print(report.render(markdown: markdown), terminator: "")
    }

    /// `--opsdeck`, or `opsdeck` in the directory this executable was built into.
    private func locateOpsdeck() throws -> String {
        let path: String
        if let opsdeck {
            path = opsdeck
        } else {
            let selfPath =
                (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
                ?? CommandLine.arguments[0]
            path = ((selfPath as NSString).deletingLastPathComponent as NSString).appendingPathComponent(
                "opsdeck")
        }
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw BenchError.opsdeckNotFound(path)
        }
        return path
    }

    /// One file per measured key, named after the figure it went into.
    private static func dump(_ screen: ScreenTrafficBenchmark.Result, into directory: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            let groups = [
                ("zoomed-move", screen.zoomedMove), ("zoomed-scroll", screen.zoomedScroll),
                ("zoomed-repaint", screen.zoomedRepaint), ("dashboard-scroll", screen.dashboardScroll),
                ("dashboard-repaint", screen.dashboardRepaint),
            ]
            for (name, samples) in groups {
                for (index, sample) in samples.enumerated() {
                    let url = URL(fileURLWithPath: directory).appendingPathComponent(
                        "\(name)-\(index + 1).bin")
                    try Data(sample.raw).write(to: url)
                }
            }
        } catch {
            throw BenchError.setupFailed(
                "cannot write the dump into \(directory): \(error.localizedDescription)")
        }
    }

    /// Progress goes to stderr so stdout holds only the report.
    private func log(_ line: String) {
        FileHandle.standardError.write(Data("[bench] \(line)\n".utf8))
    }
}
