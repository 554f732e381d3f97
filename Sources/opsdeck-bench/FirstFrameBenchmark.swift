import Dispatch
import Foundation

/// Time from spawning `opsdeck --exit-after-first-frame` to its first complete frame.
///
/// The child prints `first-frame-ns N` (its `DispatchTime.now().uptimeNanoseconds` at the
/// first present) on stderr, which is the pty; the same clock is read here just before
/// `posix_spawn`, so the difference covers exec, dynamic loading, config, opening the
/// cache, the snapshot read, curses setup and the first render.
struct FirstFrameBenchmark {
    var opsdeck: String
    var workspace: BenchWorkspace
    var runs: Int
    var columns = 120
    var rows = 40

    struct Result {
        /// Nanoseconds per timed run.
        var samples: [UInt64]
        /// How long the untimed warm-up (which generates the demo cache) took.
        var warmUpNanoseconds: UInt64
    }

    var arguments: [String] {
        ["--demo", "--demo-size", "large", "--cache", workspace.demoCache, "--exit-after-first-frame"]
    }

    func run(progress: (String) -> Void) throws -> Result {
        // The warm-up generates the large demo into the cache (or reuses one younger than
        // ten minutes), so the timed runs measure a start against a ready cache.
        progress("first frame: warm-up run (generates the large demo cache)")
        let warmUp = try once(limit: .seconds(300))
        var samples: [UInt64] = []
        for index in 0..<runs {
            samples.append(try once(limit: .seconds(30)))
            progress("first frame: run \(index + 1)/\(runs): \(Report.milliseconds(Double(samples[index])))")
        }
        return Result(samples: samples, warmUpNanoseconds: warmUp)
    }

    /// One spawn, read to exit; the nanoseconds from spawn to the first frame.
    private func once(limit: Duration) throws -> UInt64 {
        let start = DispatchTime.now().uptimeNanoseconds
        let child = try PseudoTerminalProcess(
            executable: opsdeck, arguments: arguments, environment: workspace.childEnvironment,
            columns: columns,
            rows: rows)
        child.keepsOutput = true
        guard child.waitForExit(limit: limit) else {
            child.terminate()
            throw BenchError.childFailed(
                "opsdeck --exit-after-first-frame was still running after \(limit); killed")
        }
        // Whatever was still in the pty when the child was reaped.
        _ = child.drain(for: .milliseconds(5))
        let text = String(decoding: child.transcript, as: UTF8.self)
        guard let stamp = Self.firstFrameStamp(in: text) else {
            throw BenchError.noFirstFrame(String(Report.printable(child.transcript).suffix(300)))
        }
        guard child.exitCode == 0 else {
            throw BenchError.childFailed("opsdeck exited with status \(child.waitStatus ?? -1)")
        }
        guard stamp > start else {
            throw BenchError.childFailed(
                "first-frame-ns \(stamp) is before the spawn (\(start)): clocks differ")
        }
        return stamp - start
    }

    /// The number after the last `first-frame-ns ` in `text`.
    static func firstFrameStamp(in text: String) -> UInt64? {
        guard let range = text.range(of: "first-frame-ns ", options: .backwards) else { return nil }
        return UInt64(text[range.upperBound...].prefix { $0.isASCII && $0.isNumber })
    }
}
