import Foundation

extension AuditLog {
    /// Reads the whole log and checks every line's hash, the chain between lines, the
    /// sequence numbers and the head record.
    /// - Returns: the entries that decode and every problem, each naming its line.
    /// - Throws: `AuditError.notReadable` when the file cannot be read at all.
    public func verify() throws(AuditError) -> AuditVerification {
        let data = try contents() ?? Data()
        let head: AuditHead?
        var headProblem: AuditProblem?
        do {
            head = try readHead()
        } catch .damaged(_, let detail) {
            head = nil
            headProblem = AuditProblem(line: 0, kind: .headMismatch, detail: detail)
        }
        var result = Self.verify(data, head: head, headPath: headPath)
        if let headProblem {
            result.problems.removeAll { $0.kind == .headMismatch && $0.line == 0 }
            result.problems.append(headProblem)
        }
        return result
    }

    /// Checks a log's bytes against a head record (pure, for tests and for other stores).
    static func verify(_ data: Data, head: AuditHead?, headPath: String) -> AuditVerification {
        var lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        var problems: [AuditProblem] = []
        if lines.last?.isEmpty == true { lines.removeLast() }
        let endsInPartialLine = !data.isEmpty && data.last != UInt8(ascii: "\n")

        // (line number, fields, entry) of each line that decodes.
        var parsed: [(line: Int, entry: AuditEntry)] = []
        for (index, bytes) in lines.enumerated() {
            let number = index + 1
            guard let fields = try? CanonicalJSON.decode(Data(bytes)), let entry = AuditEntry(fields: fields)
            else {
                let partial = endsInPartialLine && index == lines.count - 1
                problems.append(
                    AuditProblem(
                        line: number, kind: partial ? .partialLine : .malformed,
                        detail: partial
                            ? "the file ends in the middle of this line (cut off or a failed write)"
                            : "not an audit entry OpsDeck wrote (not JSON, or a field missing or of "
                                + "another type)"
                    ))
                continue
            }
            if AuditEntry.hash(of: fields) != entry.hash {
                problems.append(
                    AuditProblem(
                        line: number, kind: .edited,
                        detail: "entry \(entry.seq) was changed after it was written (its content "
                            + "does not match its hash)"))
            }
            parsed.append((number, entry))
        }
        if endsInPartialLine, let last = lines.last, !last.isEmpty,
            problems.last?.line != lines.count
        {
            problems.append(
                AuditProblem(
                    line: lines.count, kind: .partialLine,
                    detail: "the file does not end with a newline (cut off or a failed write)"))
        }

        problems += sequenceProblems(parsed)
        problems += headProblems(
            parsed.max { $0.entry.seq < $1.entry.seq }?.entry, head: head, headPath: headPath,
            lineCount: lines.count)
        problems.sort { ($0.line == 0 ? Int.max : $0.line) < ($1.line == 0 ? Int.max : $1.line) }
        return AuditVerification(lineCount: lines.count, entries: parsed.map(\.entry), problems: problems)
    }

    private static func sequenceProblems(_ parsed: [(line: Int, entry: AuditEntry)]) -> [AuditProblem] {
        var problems: [AuditProblem] = []
        let present = Set(parsed.map(\.entry.seq))
        if let first = parsed.first {
            if first.entry.seq > 1 {
                let missing = (1..<first.entry.seq).filter { !present.contains($0) }
                if !missing.isEmpty {
                    problems.append(
                        AuditProblem(
                            line: first.line, kind: .deleted,
                            detail: "the log starts at entry \(first.entry.seq): \(describe(missing)) "
                                + "deleted from the start"))
                }
            } else if first.entry.seq == 1, first.entry.previousHash != AuditEntry.genesisHash {
                problems.append(
                    AuditProblem(
                        line: first.line, kind: .relinked,
                        detail: "entry 1 does not start the chain (its previous hash is not zero)"))
            }
        }
        for (before, after) in zip(parsed, parsed.dropFirst()) {
            let expected = before.entry.seq + 1
            if after.entry.seq == expected {
                if after.entry.previousHash != before.entry.hash {
                    problems.append(
                        AuditProblem(
                            line: after.line, kind: .relinked,
                            detail: "entry \(after.entry.seq) does not link to entry \(before.entry.seq) "
                                + "on line \(before.line): line \(before.line) was changed and re-hashed, "
                                + "or replaced"))
                }
                continue
            }
            if after.entry.seq < expected {
                problems.append(
                    AuditProblem(
                        line: after.line, kind: .reordered,
                        detail: "entry \(after.entry.seq) comes after entry \(before.entry.seq) "
                            + "(moved, or copied)"))
                continue
            }
            let missing = (expected..<after.entry.seq).filter { !present.contains($0) }
            if missing.isEmpty {
                problems.append(
                    AuditProblem(
                        line: after.line, kind: .reordered,
                        detail: "entry \(after.entry.seq) follows entry \(before.entry.seq); "
                            + "the entries between them were moved elsewhere in the file"))
            } else {
                problems.append(
                    AuditProblem(
                        line: after.line, kind: .deleted,
                        detail: "\(describe(missing)) deleted between line \(before.line) and this line"))
            }
        }
        return problems
    }

    private static func headProblems(
        _ last: AuditEntry?, head: AuditHead?, headPath: String, lineCount: Int
    ) -> [AuditProblem] {
        switch (head, last) {
        case (nil, nil):
            return []
        case (nil, .some):
            return [
                AuditProblem(
                    line: 0, kind: .headMismatch,
                    detail: "the head record \(headPath) is missing, so entries cut off the end "
                        + "cannot be ruled out")
            ]
        case (.some(let head), nil):
            return head.seq == 0
                ? []
                : [
                    AuditProblem(
                        line: max(lineCount, 1), kind: .truncated,
                        detail: "the log holds no entry but the head record names entry \(head.seq): "
                            + "every entry was removed")
                ]
        case (.some(let head), .some(let last)):
            if head.seq > last.seq {
                return [
                    AuditProblem(
                        line: lineCount, kind: .truncated,
                        detail: "the log ends at entry \(last.seq) but the head record names entry "
                            + "\(head.seq): \(describe(Array((last.seq + 1)...head.seq))) cut off the end")
                ]
            }
            if head.seq == last.seq, head.hash != last.hash {
                return [
                    AuditProblem(
                        line: lineCount, kind: .relinked,
                        detail: "the last entry \(last.seq) does not match the head record: it was "
                            + "changed and re-hashed, or replaced")
                ]
            }
            if head.seq < last.seq {
                return [
                    AuditProblem(
                        line: 0, kind: .headMismatch,
                        detail: "the head record names entry \(head.seq) but the log ends at entry "
                            + "\(last.seq): entries were added without OpsDeck, or a write was "
                            + "interrupted")
                ]
            }
            return []
        }
    }

    private static func describe(_ seqs: [Int]) -> String {
        guard let first = seqs.first, let last = seqs.last else { return "no entries" }
        if seqs.count == 1 { return "entry \(first)" }
        if last - first + 1 == seqs.count { return "entries \(first)-\(last)" }
        return "entries " + seqs.map(String.init).joined(separator: ", ")
    }
}
