/// The letters a learner picked for one question, such as `a` or `b, d`.
///
/// Sessions read what was typed with ``AnswerParser`` (letters together `bd`, spaced `b d` or
/// with commas `b,d`, numbers, an option's words) and keep the letters here.
package struct ChoiceAnswer: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The lower-case letters, sorted, without repeats.
    package var letters: [String]

    package init(letters: [String]) {
        self.letters = Array(Set(letters.map { $0.lowercased() })).sorted()
    }

    /// The letters joined with commas, such as `b,d`.
    package var description: String { letters.joined(separator: ",") }

    /// The answer picking the choices at `indices`.
    package init(indices: some Sequence<Int>) {
        self.init(letters: indices.map(Self.letter))
    }

    /// Whether this answer picks exactly the item's correct choices.
    package func isCorrect(for item: Item) -> Bool {
        letters == item.answerLetters.sorted()
    }

    /// The index of the choice with `letter` (`a` → 0), or `nil` when it is not a lower-case letter
    /// of one of `choiceCount` choices.
    package static func index(of letter: String, choiceCount: Int) -> Int? {
        guard letter.count == 1, let ascii = letter.first?.asciiValue, ascii >= 97,
            Int(ascii) - 97 < choiceCount
        else { return nil }
        return Int(ascii) - 97
    }

    /// `letters` with their choices, such as `b) Customer; d) AWS`, sanitised for the terminal.
    package static func describe(_ letters: [String], choices: [String]) -> String {
        letters.map { letter in
            index(of: letter, choiceCount: choices.count).map {
                "\(letter)) \(TerminalText.sanitize(choices[$0]))"
            }
                ?? letter
        }.joined(separator: "; ")
    }

    /// The letter for the choice at `index` (`0` → `a`).
    package static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(97 + max(0, min(index, 25)))))
    }
}
