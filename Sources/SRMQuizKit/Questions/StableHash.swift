/// FNV-1a, 64-bit: a hash that is the same on every run and platform (unlike `Hasher`), used to
/// derive per-item random streams from the seed and the item's id.
enum StableHash {
    static func fnv1a(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    /// A generator for the item `id` under `seed`.
    static func generator(seed: UInt64, id: String) -> SeededGenerator {
        SeededGenerator(seed: seed ^ fnv1a(id))
    }
}

extension String {
    /// The text with its first letter upper-cased.
    var capitalizedFirst: String {
        // An ASCII first byte followed by another ASCII byte (or nothing) is a character of its
        // own, whose upper case changes that byte alone (a–z) or nothing: no new characters,
        // and no copy when nothing changes. Anything else takes the general way.
        let bytes = utf8
        if let byte = bytes.first, byte < 0x80,
            bytes.count == 1 || bytes[bytes.index(after: bytes.startIndex)] < 0x80
        {
            guard byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") else { return self }
            return String(unsafeUninitializedCapacity: bytes.count) { buffer in
                let count = buffer.initialize(fromContentsOf: bytes)
                buffer[0] = byte - 0x20
                return count
            }
        }
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
