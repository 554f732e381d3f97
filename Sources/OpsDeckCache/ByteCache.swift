import Foundation

/// Maps column bytes to a value made once per distinct text: one shared `String` for a trust
/// policy that 1,000 roles carry, one decoded dictionary for tags that repeat.
///
/// Hashing the bytes and comparing them with `memcmp` costs less than building a `String`
/// (UTF-8 validation and an allocation) or parsing JSON for every row, and sharing the
/// result keeps a 20,000-role snapshot small.
struct ByteCache<Value> {
    private struct Entry {
        var hash: UInt64
        var key: [UInt8]
        var value: Value
    }

    private var entries: [Entry] = []
    /// Open addressing over `entries`, indices plus one (0 is empty); the hash is computed
    /// once per row and reused, where a `Dictionary` would hash it again.
    private var slots = [Int32](repeating: 0, count: 64)

    mutating func value(for bytes: UnsafeBufferPointer<UInt8>, make: (UnsafeBufferPointer<UInt8>) -> Value)
        -> Value
    {
        let hash = Self.hash(bytes)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if entries[index].hash == hash && Self.equal(entries[index].key, bytes) {
                return entries[index].value
            }
            slot = (slot + 1) & mask
        }
        let value = make(bytes)
        entries.append(Entry(hash: hash, key: Array(bytes), value: value))
        slots[slot] = Int32(truncatingIfNeeded: entries.count)
        if entries.count * 2 > slots.count { grow() }
        return value
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, entry) in entries.enumerated() {
            var slot = Int(truncatingIfNeeded: entry.hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(truncatingIfNeeded: index + 1)
        }
    }

    private static func equal(_ stored: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard stored.count == bytes.count else { return false }
        return stored.withUnsafeBufferPointer { stored in
            guard let left = stored.baseAddress, let right = bytes.baseAddress else { return true }
            return memcmp(left, right, bytes.count) == 0
        }
    }

    /// A fast non-cryptographic hash, eight bytes at a time (the table only needs spread;
    /// equality is always checked).
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        guard let base = bytes.baseAddress else { return hash }
        let raw = UnsafeRawPointer(base)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            offset += 8
        }
        while offset < bytes.count {
            hash = (hash ^ UInt64(bytes[offset])) &* 0x0000_0100_0000_01B3
            offset += 1
        }
        return hash ^ (hash >> 29)
    }
}
