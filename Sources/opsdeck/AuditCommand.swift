import ArgumentParser
import BreakGlass
import Foundation

extension AuditListing.Format: ExpressibleByArgument {}

/// `opsdeck audit`: check and read the break-glass audit log.
struct AuditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit", abstract: "Check or list the break-glass audit log.",
        subcommands: [Verify.self, List.self])

    static func log(_ path: String?) -> AuditLog {
        AuditLog(path: path ?? AuditLog.defaultPath(environment: ProcessInfo.processInfo.environment))
    }

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check the hash chain; exit 1 naming the line and kind of every edit, deletion, "
                + "reordering or truncation.")

        @Option(help: "Path of the audit log (default: $XDG_STATE_HOME/opsdeck/audit.jsonl).")
        var file: String?

        func run() throws {
            let log = AuditCommand.log(file)
            let result: AuditVerification
            do {
                result = try log.verify()
            } catch {
                FileHandle.standardError.write(Data("opsdeck audit verify: \(error)\n".utf8))
                throw ExitCode(2)
            }
            if result.isIntact {
                print("\(log.path): \(result.entries.count) entries, chain intact")
                return
            }
            var text = "\(log.path): \(result.problems.count) problem(s) in \(result.lineCount) lines:\n"
            for problem in result.problems { text += "  \(problem)\n" }
            FileHandle.standardError.write(Data(text.utf8))
            throw ExitCode(1)
        }
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print the audit entries, oldest first.")

        @Option(help: "Only entries since then: 30m, 24h, 7d, 2w, 2026-11-24 or 2026-11-24T07:00:00Z.")
        var since: String?

        @Option(help: "table or json")
        var format: AuditListing.Format = .table

        @Option(help: "Path of the audit log (default: $XDG_STATE_HOME/opsdeck/audit.jsonl).")
        var file: String?

        func run() throws {
            var start: Date?
            if let since {
                guard let date = AuditListing.since(since, now: Date()) else {
                    throw ValidationError(
                        "cannot read --since \"\(since)\"; use 30m, 24h, 7d, 2w, a day (2026-11-24) or a "
                            + "timestamp (2026-11-24T07:00:00Z)")
                }
                start = date
            }
            let log = AuditCommand.log(file)
            do {
                let result = try log.verify()
                let entries = result.entries.filter { entry in start.map { entry.time >= $0 } ?? true }
                FileHandle.standardOutput.write(Data(AuditListing.render(entries, format: format).utf8))
                if !result.isIntact {
                    FileHandle.standardError.write(
                        Data(
                            ("opsdeck audit list: the log has \(result.problems.count) problem(s); "
                                + "run `opsdeck audit verify`\n").utf8))
                }
            } catch {
                FileHandle.standardError.write(Data("opsdeck audit list: \(error)\n".utf8))
                throw ExitCode(2)
            }
        }
    }
}
