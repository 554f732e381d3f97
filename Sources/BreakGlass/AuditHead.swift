import Foundation

/// The last entry's sequence number and hash, kept next to the log so that entries cut off
/// its end are noticed.
struct AuditHead: Sendable, Hashable {
    var seq: Int
    var hash: String

    init(seq: Int, hash: String) {
        self.seq = seq
        self.hash = hash
    }

    init?(data: Data) {
        let text = data.last == UInt8(ascii: "\n") ? data.dropLast() : data[...]
        guard let fields = try? CanonicalJSON.decode(Data(text)),
            case .integer(let seq) = fields["seq"], case .string(let hash) = fields["hash"]
        else { return nil }
        self.init(seq: seq, hash: hash)
    }

    var line: String { CanonicalJSON.encode(["seq": .integer(seq), "hash": .string(hash)]) }
}
