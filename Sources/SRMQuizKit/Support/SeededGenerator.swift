/// A small, fast, seedable random number generator (SplitMix64).
///
/// Every random choice in the program draws from one, so a seed reproduces a run.
///
/// It is deliberately not a `RandomNumberGenerator`: the standard library's algorithms that take
/// one (`shuffled(using:)`, `randomElement(using:)`, `random(in:using:)`) may draw differently on
/// another Swift version, so seeded shuffles and picks go through ``SeededShuffle`` instead, and
/// the compiler refuses any other use.
public struct SeededGenerator: Sendable, Hashable, Codable {
    package private(set) var state: UInt64

    /// A generator whose whole stream is fixed by `seed`.
    public init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in `[0, 1)`.
    package mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }
}
