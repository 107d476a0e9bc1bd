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
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
