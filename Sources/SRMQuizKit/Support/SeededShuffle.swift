/// A Fisher–Yates shuffle that draws from ``SeededGenerator`` in a fixed way, so a seed gives the
/// same order on every platform and Swift version (the standard library's `shuffle(using:)` does
/// not promise that).
public enum SeededShuffle {
    /// `elements` in an order fixed by `rng`.
    public static func shuffled<T>(_ elements: [T], using rng: inout SeededGenerator) -> [T] {
        var out = elements
        guard out.count > 1 else { return out }
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            out.swapAt(i, j)
        }
        return out
    }
}
