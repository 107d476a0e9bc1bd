/// The project's seeded random choices: a Fisher–Yates shuffle and a uniform pick that draw from
/// ``SeededGenerator`` in a fixed way, so a seed gives the same order on every platform and Swift
/// version.
///
/// The standard library's `shuffled(using:)`, `randomElement(using:)` and `random(in:using:)` do
/// not promise that (their algorithms may change between toolchains), which is why
/// ``SeededGenerator`` is deliberately not a `RandomNumberGenerator`: every seeded choice has to
/// come through here.
package enum SeededShuffle {
    /// `elements` in an order fixed by `rng` (Fisher–Yates from the last position down, each
    /// swap partner `next() % (i + 1)`).
    package static func shuffled<C: Collection>(_ elements: C, using rng: inout SeededGenerator) -> [C
        .Element]
    {
        var out = Array(elements)
        guard out.count > 1 else { return out }
        for i in stride(from: out.count - 1, to: 0, by: -1) {
            let j = Int(rng.next() % UInt64(i + 1))
            out.swapAt(i, j)
        }
        return out
    }

    /// One element of `elements` chosen by `rng` (one draw, `next() % count`), or nil when empty.
    package static func pick<C: Collection>(from elements: C, using rng: inout SeededGenerator) -> C.Element?
    {
        guard !elements.isEmpty else { return nil }
        let offset = Int(rng.next() % UInt64(elements.count))
        return elements[elements.index(elements.startIndex, offsetBy: offset)]
    }
}
