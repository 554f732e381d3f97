import Foundation

/// The process tree as Linux shows it in /proc, read without `pgrep`.
enum ProcessTable {
    /// The pids whose parent is `parent`, lowest first.
    static func children(of parent: Int32) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { parentPID(of: $0) == parent }.sorted()
    }

    /// The parent pid from `/proc/PID/stat`. The command name (field 2) may hold spaces and
    /// parentheses, so the fields are read after its last `)`.
    static func parentPID(of pid: Int32) -> Int32? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return nil }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        // After the name: state, then ppid.
        guard fields.count > 1 else { return nil }
        return Int32(fields[1])
    }

    /// True while `pid` exists and is not a zombie.
    static func isAlive(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return false }
        let state = stat[stat.index(after: close)...].split(separator: " ").first
        return state != "Z"
    }
}
