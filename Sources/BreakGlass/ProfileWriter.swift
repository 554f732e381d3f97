import Foundation

/// `--write-profile NAME`: the only way OpsDeck puts break-glass credentials on disk, and
/// only when asked. Replaces (or appends) `[NAME]` in the shared credentials file, keeping
/// every other line as it was; the file is replaced atomically and stays 0600.
public struct ProfileWriter: Sendable {
    /// The credentials file (`AWS_SHARED_CREDENTIALS_FILE`, else `~/.aws/credentials`).
    public var path: String

    /// Creates a writer for `path`.
    public init(path: String) {
        self.path = path
    }

    /// The credentials file the AWS CLI reads for `environment`.
    public static func defaultPath(environment: [String: String]) -> String {
        if let file = environment["AWS_SHARED_CREDENTIALS_FILE"], !file.isEmpty {
            return file.hasPrefix("~/") ? (environment["HOME"] ?? NSHomeDirectory()) + file.dropFirst() : file
        }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.aws/credentials"
    }

    /// True for a name that can be a section header.
    public static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64
            && name.allSatisfy { $0.isLetter || $0.isNumber || "-_.@+".contains($0) }
    }

    /// `text` with `[profile]` holding the session's credentials.
    public static func updated(_ text: String, profile: String, session: BreakGlassSession) -> String {
        var section = [
            "[\(profile)]",
            "# break-glass \(session.label), session \(session.sessionName), expires "
                + CredentialOutput.iso8601(session.expiration),
            "aws_access_key_id = \(session.credentials.accessKeyId)",
            "aws_secret_access_key = \(session.credentials.secretAccessKey)",
        ]
        if let token = session.credentials.sessionToken { section.append("aws_session_token = \(token)") }
        var lines = text.isEmpty ? [] : text.components(separatedBy: "\n")
        if lines.last == "" { lines.removeLast() }
        let header = "[\(profile)]"
        if let start = lines.firstIndex(where: { $0.trimmingCharacters(in: .whitespaces) == header }) {
            var end = start + 1
            while end < lines.count, !lines[end].trimmingCharacters(in: .whitespaces).hasPrefix("[") {
                end += 1
            }
            let blankTail = end > start + 1 && lines[end - 1].trimmingCharacters(in: .whitespaces).isEmpty
            lines.replaceSubrange(start..<end, with: section + (blankTail ? [""] : []))
        } else {
            if let last = lines.last, !last.trimmingCharacters(in: .whitespaces).isEmpty { lines.append("") }
            lines += section
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Writes `session` as `[profile]`.
    /// - Throws: `ProfileWriterError` naming the file.
    public func write(profile: String, session: BreakGlassSession) throws(ProfileWriterError) {
        guard Self.isValidName(profile) else { throw .invalidName(profile) }
        let directory = (path as NSString).deletingLastPathComponent
        let existing: String
        do {
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            existing =
                FileManager.default.fileExists(atPath: path)
                ? try String(contentsOfFile: path, encoding: .utf8) : ""
        } catch {
            throw .failed(path: path, reason: "\(error.localizedDescription)")
        }
        let temporary = path + ".opsdeck-\(UUID().uuidString.prefix(8))"
        let data = Data(Self.updated(existing, profile: profile, session: session).utf8)
        guard
            FileManager.default.createFile(
                atPath: temporary, contents: nil, attributes: [.posixPermissions: 0o600])
        else { throw .failed(path: path, reason: "cannot create \(temporary)") }
        do {
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
            try handle.write(contentsOf: data)
            try handle.synchronize()
            try handle.close()
            guard rename(temporary, path) == 0 else {
                throw CocoaError(.fileWriteUnknown)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw .failed(path: path, reason: "\(error.localizedDescription)")
        }
    }
}
