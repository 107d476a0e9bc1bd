/// The letters a learner picked for one question, such as `a` or `b, d`.
///
/// Exam and class sessions parse answers with ``parse(_:choiceCount:)``: letters may be written
/// together (`bd`), spaced (`b d`) or with commas (`b,d`), in either case.
public struct ChoiceAnswer: Sendable, Hashable, Codable, CustomStringConvertible {
    /// The lower-case letters, sorted, without repeats.
    public var letters: [String]

    public init(letters: [String]) {
        self.letters = Array(Set(letters.map { $0.lowercased() })).sorted()
    }

    /// The letters joined with commas, such as `b,d`.
    public var description: String { letters.joined(separator: ",") }

    /// Parses `text` as choice letters for a question with `choiceCount` choices; `nil` when it
    /// holds anything but letters of those choices, spaces and commas, or no letter at all.
    public static func parse(_ text: String, choiceCount: Int) -> ChoiceAnswer? {
        var letters: [String] = []
        for ch in text.lowercased() {
            if ch == " " || ch == "," || ch == "\t" { continue }
            guard let ascii = ch.asciiValue, ascii >= 97, Int(ascii) - 97 < choiceCount else { return nil }
            letters.append(String(ch))
        }
        return letters.isEmpty ? nil : ChoiceAnswer(letters: letters)
    }

    /// Whether this answer picks exactly the item's correct choices.
    public func isCorrect(for item: Item) -> Bool {
        letters == item.answerLetters.sorted()
    }

    /// The letter for the choice at `index` (`0` → `a`).
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(97 + max(0, min(index, 25)))))
    }
}
