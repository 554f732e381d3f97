import Foundation

/// What `opsdeck-bench aws-refresh` prints: wall times of both sides, the ratio against
/// the target, the call counts (which must match), and moto's CPU time per run, which
/// shows when moto itself is the limit.
struct AWSRefreshReport {
    /// opsdeck should be at least this many times faster than the sequential boto3 script.
    static let targetRatio = 8.0

    var machine: MachineInfo
    var command: String
    /// The opsdeck executable measured.
    var opsdeck: String
    var accounts: Int
    /// Added to every call of the timed runs by the proxy; 0 is moto straight.
    var latencyMs: Int
    var regions: [String]
    /// Calls per "signing-name Action" as the proxy saw them.
    var opsdeckCalls: [String: Int]
    var boto3Calls: [String: Int]
    /// The boto3 script's own count, which must agree with the proxy's.
    var boto3SelfCount: Int
    var opsdeckSamples: [AWSRefreshBenchmark.Sample]
    var boto3: [AWSRefreshBenchmark.Sample]
    var loadAfter: String

    static func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }

    var ratio: Double {
        let opsdeckMedian = Self.median(opsdeckSamples.map(\.seconds))
        return opsdeckMedian > 0 ? Self.median(boto3.map(\.seconds)) / opsdeckMedian : 0
    }

    var callsMatch: Bool { opsdeckCalls == boto3Calls && boto3SelfCount == boto3Calls.values.reduce(0, +) }

    /// The figures as a Markdown table (readable as text too), then the details.
    func render() -> String {
        let opsdeckTotal = opsdeckCalls.values.reduce(0, +)
        let boto3Total = boto3Calls.values.reduce(0, +)
        func seconds(_ samples: [AWSRefreshBenchmark.Sample]) -> String {
            let median = Self.median(samples.map(\.seconds))
            let all = samples.map { String(format: "%.2f", $0.seconds) }.joined(separator: ", ")
            return String(format: "%.2f s", median) + " (runs: \(all))"
        }
        func cpu(_ samples: [AWSRefreshBenchmark.Sample]) -> String {
            String(format: "%.2f s", Self.median(samples.map(\.motoCPUSeconds)))
        }
        let rows: [(String, String, String)] = [
            ("opsdeck refresh, wall (median)", seconds(opsdeckSamples), ""),
            ("boto3 script, wall (median)", seconds(boto3), ""),
            (
                "ratio boto3 / opsdeck", String(format: "%.1fx", ratio),
                ratio >= Self.targetRatio ? "met (>= 8x)" : "MISSED (target >= 8x)"
            ),
            (
                "API calls, opsdeck / boto3",
                "\(opsdeckTotal) / \(boto3Total) (boto3 counted \(boto3SelfCount))",
                callsMatch ? "match" : "DIFFER"
            ),
            ("moto CPU per run, opsdeck / boto3", "\(cpu(opsdeckSamples)) / \(cpu(boto3))", ""),
        ]
        var lines: [String] = []
        let scope = "\(accounts) accounts x \(regions.count) regions (\(regions.joined(separator: ", ")))"
        lines.append("| figure | value | verdict |")
        lines.append("|---|---|---|")
        lines += rows.map { "| \($0.0) | \($0.1) | \($0.2) |" }
        lines.append("")
        lines.append("Organization: \(scope); machine: \(machine.summary); load after: \(loadAfter).")
        lines.append(
            latencyMs > 0
                ? "Timed runs through fault_proxy.py adding \(latencyMs) ms to every call (a network round trip)."
                : "Timed runs straight against moto on loopback (no network latency).")
        lines.append("Command: \(command)")
        lines.append("opsdeck: \(opsdeck)")
        if !callsMatch {
            lines.append("")
            lines.append("Calls that differ (opsdeck / boto3):")
            for key in Set(opsdeckCalls.keys).union(boto3Calls.keys).sorted()
            where opsdeckCalls[key] != boto3Calls[key] {
                lines.append("  \(key): \(opsdeckCalls[key] ?? 0) / \(boto3Calls[key] ?? 0)")
            }
        }
        lines.append("")
        lines.append("Calls per operation (both sides):")
        for key in opsdeckCalls.keys.sorted() {
            lines.append("  \(key): \(opsdeckCalls[key] ?? 0)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
