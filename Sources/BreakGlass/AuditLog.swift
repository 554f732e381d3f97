import Foundation

/// The append-only, hash-chained break-glass audit log (`$XDG_STATE_HOME/opsdeck/audit.jsonl`).
///
/// Each line is one `AuditEntry` in canonical JSON carrying the hash of the line before, so
/// an edit, a deletion or a reordering breaks the chain. A small head record next to it
/// (`audit.jsonl.head`) remembers the last sequence number and hash, so cutting entries off
/// the end shows too. Appends hold an exclusive `flock` and are fsynced before they return.
/// Anyone who can write both files can still rewrite history; shipping the lines to a
/// central store as they are written is what makes that visible (see docs/break-glass.md).
public struct AuditLog: Sendable {
    /// The log file.
    public var path: String

    /// The head record: the last entry's sequence number and hash.
    public var headPath: String { path + ".head" }

    /// Creates a log at `path` (nothing is touched until the first append).
    public init(path: String) {
        self.path = path
    }

    /// The default location: `$XDG_STATE_HOME/opsdeck/audit.jsonl`, else
    /// `~/.local/state/opsdeck/audit.jsonl`.
    public static func defaultPath(environment: [String: String]) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        let state: String
        if let xdg = environment["XDG_STATE_HOME"], xdg.hasPrefix("/") {
            state = xdg
        } else {
            state = home + "/.local/state"
        }
        return state + "/opsdeck/" + BreakGlassDefaults.auditFileName
    }

    /// Appends `draft` as the next entry and syncs it to disk before returning.
    /// - Parameter draft: the entry; its `seq`, `previousHash` and `hash` are filled in here.
    /// - Returns: the entry as written.
    /// - Throws: `AuditError` when anything fails; then nothing may be assumed.
    @discardableResult
    public func append(_ draft: AuditEntry) throws(AuditError) -> AuditEntry {
        try ensureDirectory()
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .notWritable(path: path, operation: "open", reason: Self.errnoText()) }
        defer { close(fd) }
        guard flock(fd, LOCK_EX) == 0 else {
            throw .notWritable(path: path, operation: "lock", reason: Self.errnoText())
        }
        defer { flock(fd, LOCK_UN) }

        let lastEntry = try lastEntry(fd)
        let last = lastEntry.map { AuditHead(seq: $0.seq, hash: $0.hash) }
        try checkHead(against: lastEntry)
        var entry = draft
        entry.seq = (last?.seq ?? 0) + 1
        entry.previousHash = last?.hash ?? AuditEntry.genesisHash
        entry.hash = ""
        entry.hash = AuditEntry.hash(of: entry.fields)

        let bytes = Array((entry.line + "\n").utf8)
        try writeAll(fd, bytes, operation: "append to")
        guard fsync(fd) == 0 else {
            throw .notWritable(path: path, operation: "sync", reason: Self.errnoText())
        }
        try writeHead(AuditHead(seq: entry.seq, hash: entry.hash))
        return entry
    }

    /// The raw contents, or nil when there is no log yet.
    /// - Throws: `AuditError.notReadable`.
    public func contents() throws(AuditError) -> Data? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw .notReadable(path: path, reason: Self.reason(error))
        }
    }

    /// The entries that decode, oldest first, optionally only those at or after `since`.
    /// - Throws: `AuditError.notReadable`.
    public func entries(since: Date? = nil) throws(AuditError) -> [AuditEntry] {
        let all = try verify().entries
        guard let since else { return all }
        return all.filter { $0.time >= since }
    }

    // MARK: - Internals

    private func ensureDirectory() throws(AuditError) {
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw .notWritable(
                    path: path, operation: "create the directory of",
                    reason: "\(directory) is not a directory")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true,
                attributes: [.posixPermissions: 0o700])
        } catch {
            throw .notWritable(path: path, operation: "create the directory of", reason: Self.reason(error))
        }
    }

    /// The last line, checked against its own hash, or nil for an empty log.
    private func lastEntry(_ fd: Int32) throws(AuditError) -> AuditEntry? {
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            throw .notReadable(path: path, reason: Self.errnoText())
        }
        let size = Int(info.st_size)
        guard size > 0 else { return nil }
        var length = min(size, 65_536)
        var tail = try readTail(fd, size: size, length: length)
        guard tail.last == UInt8(ascii: "\n") else {
            throw .damaged(path: path, detail: "the last line is incomplete")
        }
        var body = tail.dropLast()
        if body.lastIndex(of: UInt8(ascii: "\n")) == nil, length < size {
            length = size
            tail = try readTail(fd, size: size, length: length)
            body = tail.dropLast()
        }
        let start = body.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? body.startIndex
        let line = Data(body[start...])
        guard let fields = try? CanonicalJSON.decode(line), let entry = AuditEntry(fields: fields) else {
            throw .damaged(path: path, detail: "the last line is not an audit entry")
        }
        guard AuditEntry.hash(of: fields) == entry.hash else {
            throw .damaged(path: path, detail: "the last entry does not match its hash")
        }
        return entry
    }

    private func readTail(_ fd: Int32, size: Int, length: Int) throws(AuditError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: length)
        var done = 0
        while done < length {
            let count = buffer.withUnsafeMutableBytes { raw in
                pread(fd, raw.baseAddress?.advanced(by: done), length - done, off_t(size - length + done))
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { throw .notReadable(path: path, reason: Self.errnoText()) }
            done += count
        }
        return buffer
    }

    /// Refuses to append when the head record says the log lost entries or was rewritten.
    /// A head exactly one entry behind is a crash between the two writes, and is repaired.
    private func checkHead(against last: AuditEntry?) throws(AuditError) {
        let head = try readHead()
        switch (head, last) {
        case (nil, nil):
            return
        case (nil, .some):
            throw .damaged(path: path, detail: "its head record \(headPath) is missing")
        case (.some(let head), nil):
            throw .damaged(
                path: path, detail: "the log is empty but its head record names entry \(head.seq)")
        case (.some(let head), .some(let last)):
            if head == AuditHead(seq: last.seq, hash: last.hash) { return }
            if head.seq == last.seq - 1, head.hash == last.previousHash { return }
            throw .damaged(
                path: path,
                detail: "the last entry is \(last.seq) but the head record names entry \(head.seq)")
        }
    }

    func readHead() throws(AuditError) -> AuditHead? {
        guard FileManager.default.fileExists(atPath: headPath) else { return nil }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: headPath))
        } catch {
            throw .notReadable(path: headPath, reason: Self.reason(error))
        }
        guard let head = AuditHead(data: data) else {
            throw .damaged(path: path, detail: "its head record \(headPath) is not valid")
        }
        return head
    }

    /// Replaces the head record atomically: a temporary file, fsync, rename, fsync the directory.
    private func writeHead(_ head: AuditHead) throws(AuditError) {
        let temporary = headPath + ".tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            throw .notWritable(path: headPath, operation: "create", reason: Self.errnoText())
        }
        do {
            try writeAll(fd, Array((head.line + "\n").utf8), operation: "write the head record of")
        } catch {
            close(fd)
            throw error
        }
        let synced = fsync(fd) == 0
        close(fd)
        guard synced, rename(temporary, headPath) == 0 else {
            throw .notWritable(path: headPath, operation: "replace", reason: Self.errnoText())
        }
        let directory = open((path as NSString).deletingLastPathComponent, O_RDONLY | O_CLOEXEC)
        if directory >= 0 {
            _ = fsync(directory)
            close(directory)
        }
    }

    private func writeAll(_ fd: Int32, _ bytes: [UInt8], operation: String) throws(AuditError) {
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBytes { raw in
                write(fd, raw.baseAddress?.advanced(by: written), bytes.count - written)
            }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else {
                throw .notWritable(path: path, operation: operation, reason: Self.errnoText())
            }
            written += count
        }
    }

    static func errnoText() -> String {
        String(cString: strerror(errno))
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError,
            let posix = POSIXErrorCode(rawValue: Int32(underlying.code)),
            underlying.domain == NSPOSIXErrorDomain
        {
            return String(cString: strerror(posix.rawValue))
        }
        return nsError.localizedDescription
    }
}
