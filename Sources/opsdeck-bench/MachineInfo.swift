import Foundation

/// The machine a run happened on, as the report prints it.
struct MachineInfo {
    var processors: Int
    var cpuModel: String
    var memoryBytes: UInt64
    var kernel: String

    static func current() -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model =
            cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .flatMap { $0.split(separator: ":", maxSplits: 1).last }
            .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown"
        var kernel = "unknown"
        var name = utsname()
        if uname(&name) == 0 {
            let release = withUnsafeBytes(of: name.release) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            let system = withUnsafeBytes(of: name.sysname) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            kernel = "\(system) \(release)"
        }
        return MachineInfo(
            processors: ProcessInfo.processInfo.activeProcessorCount, cpuModel: model,
            memoryBytes: ProcessInfo.processInfo.physicalMemory, kernel: kernel)
    }

    /// The 1, 5 and 15 minute load averages: other work on a shared machine skews timings.
    static func loadAverage() -> String {
        let text = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8)) ?? ""
        return text.split(separator: " ").prefix(3).joined(separator: " ")
    }

    var summary: String {
        let gib = Double(memoryBytes) / 1_073_741_824
        return "\(processors) CPUs (nproc), \(cpuModel), \(String(format: "%.1f", gib)) GiB RAM, \(kernel)"
    }
}
