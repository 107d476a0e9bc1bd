import Foundation

/// How a right answer to a question with choices becomes a rating: **Easy** when quick, **Hard**
/// when slow, **Good** otherwise; a wrong answer is always **Again**.
///
/// The thresholds grow with the text to read (prompt and choices), at `charactersPerSecond`:
/// - fast: under `fastSeconds + characters / charactersPerSecond × 0.5`
/// - slow: over `slowSeconds + characters / charactersPerSecond`
///
/// With the defaults, a 100-character question is fast under 7 s and slow over 25 s.
/// An answer given after a hint is never rated Easy, and at best Hard.
package struct ResponseTiming: Sendable, Hashable, Codable {
    /// The fast threshold for an empty prompt, in seconds.
    package var fastSeconds: Double
    /// The slow threshold for an empty prompt, in seconds.
    package var slowSeconds: Double
    /// Assumed reading speed, characters per second.
    package var charactersPerSecond: Double

    package init(fastSeconds: Double = 5, slowSeconds: Double = 20, charactersPerSecond: Double = 20) {
        self.fastSeconds = fastSeconds
        self.slowSeconds = slowSeconds
        self.charactersPerSecond = max(1, charactersPerSecond)
    }

    /// The characters a learner reads before answering `item`.
    package static func readingLength(of item: Item) -> Int {
        item.prompt.count + item.choices.reduce(0) { $0 + $1.count }
    }

    /// Below this many seconds a right answer is fast.
    package func fastThreshold(for item: Item) -> Double {
        fastSeconds + Double(Self.readingLength(of: item)) / charactersPerSecond * 0.5
    }

    /// Above this many seconds a right answer is slow.
    package func slowThreshold(for item: Item) -> Double {
        slowSeconds + Double(Self.readingLength(of: item)) / charactersPerSecond
    }

    /// The rating for an answer to `item` that was `correct`, given after `duration` seconds.
    package func rating(for item: Item, correct: Bool, duration: TimeInterval, hintUsed: Bool = false)
        -> Rating
    {
        guard correct else { return .again }
        if hintUsed { return .hard }
        if duration < fastThreshold(for: item) { return .easy }
        if duration > slowThreshold(for: item) { return .hard }
        return .good
    }
}
