/// The one definition of accuracy: right answers among *graded* answers — a choice, or an owner
/// typed on a flashcard, checked against the key.
///
/// A flashcard only rated 1–4 has no right or wrong: it is counted apart as self-rated and never
/// enters accuracy. `progress show`, reports and session summaries all count and word it through
/// this type.
public struct Accuracy: Sendable, Hashable, Codable {
    /// Graded answers.
    public var graded: Int
    /// Right graded answers.
    public var correct: Int
    /// Self-rated flashcard answers (not in accuracy).
    public var selfRated: Int

    package init(graded: Int = 0, correct: Int = 0, selfRated: Int = 0) {
        self.graded = graded
        self.correct = correct
        self.selfRated = selfRated
    }

    /// The accuracy of `answers`, each `true` or `false` when graded, `nil` when self-rated (as
    /// ``ReviewLogEntry/correct`` is kept).
    package init(_ answers: some Sequence<Bool?>) {
        self.init()
        for answer in answers { count(answer) }
    }

    /// Counts one answer: `true`/`false` when graded, `nil` when self-rated.
    package mutating func count(_ correct: Bool?) {
        guard let correct else {
            selfRated += 1
            return
        }
        graded += 1
        if correct { self.correct += 1 }
    }

    /// Right answers as a fraction of graded answers; `nil` when none was graded.
    public var fraction: Double? { graded == 0 ? nil : Double(correct) / Double(graded) }

    /// The whole percentage, such as `67%`; `nil` when none was graded.
    public var percentText: String? { fraction.map { "\(Int(($0 * 100).rounded()))%" } }

    /// `67% (2 of 3 graded answers)`, then `; 2 self-rated flashcards not counted` when there
    /// are some; `no graded answers yet` when none was graded.
    public var text: String {
        var out =
            percentText.map { "\($0) (\(correct) of \(TextFormat.count(graded, "graded answer")))" }
            ?? "no graded answers yet"
        if selfRated > 0 {
            out += "; " + TextFormat.count(selfRated, "self-rated flashcard") + " not counted"
        }
        return out
    }
}
