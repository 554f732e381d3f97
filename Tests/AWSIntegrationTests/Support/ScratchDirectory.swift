import Foundation

/// A private temporary directory (0700) for process output, manifests and data files.
/// The manifest holds a secret key, hence the mode.
struct ScratchDirectory: Sendable {
    let url: URL

    /// Creates a new, empty directory under the system temporary directory.
    init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("opsdeck-\(prefix)-\(UUID().uuidString.prefix(8))")
        try FileManager.default.createDirectory(
            at: url, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
    }

    /// Writes `data` to `name` inside the directory, readable by the owner only.
    func write(_ data: Data, to name: String) throws -> URL {
        let file = url.appendingPathComponent(name)
        guard
            FileManager.default.createFile(
                atPath: file.path, contents: data, attributes: [.posixPermissions: 0o600])
        else {
            throw IntegrationError.badOutput(what: "scratch directory", detail: "cannot write \(file.path)")
        }
        return file
    }

    /// Removes the directory and everything in it.
    func remove() {
        try? FileManager.default.removeItem(at: url)
    }
}
