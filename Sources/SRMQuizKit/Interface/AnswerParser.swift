/// Reads what a learner types for one question.
///
/// Accepted, case-insensitively:
/// - a letter (`b`), a number (`2`), or the option's text (`customer`, `the customer`), where an
///   unambiguous prefix (`cust`) or a word found in only one option (`aws` for "Security OF the
///   cloud (AWS)") is enough;
/// - several options for a multiple-response question: `a,c`, `a c` or `ac`;
/// - `t`/`f`/`true`/`false` for true/false;
/// - for a flashcard: Enter to show the back, then `1`–`4` or `again`/`hard`/`good`/`easy`; on
///   a card that asks who owns something, `aws`, `customer` or `shared` (or a prefix) instead
///   of Enter, to be graded, and then Enter to accept the proposed rating;
/// - `:` commands of `mode` (see ``SessionCommand``), by name or unambiguous prefix.
///
/// The one answer parser: study, quiz and cram, exams and class quizzes read answers with it.
package struct AnswerParser: Sendable {
    package let item: Item
    /// The session whose `:` commands are read and completed.
    package let mode: CommandMode
    private let normalisedChoices: [String]

    package init(item: Item, mode: CommandMode = .study) {
        self.item = item
        self.mode = mode
        normalisedChoices = item.choices.map(Self.normalise)
    }

    /// A parser for a question known only by its choices (a class student's screen, which is
    /// not told the answers): use ``options(_:)``.
    package init(choices: [String], mode: CommandMode = .class) {
        self.init(
            item: Item(
                id: "", kind: .scenario, prompt: "", choices: choices, answers: [], explanation: "", tags: [],
                sources: []),
            mode: mode)
    }

    /// The options `text` names, by index, with no rule on how many (class quizzes grade a
    /// wrong number as wrong): letters (`b`, `a c`, `a,c`, `ac`), numbers (`2`), or an option's
    /// words (`customer`); `nil` when any part names no option.
    package func options(_ text: String) -> Set<Int>? {
        let text = text.trimmingWhitespace()
        return text.isEmpty ? nil : resolveAll(text, multiple: true)
    }

    /// What `line` means.
    ///
    /// `backShown` tells whether a flashcard's back is on screen; `proposed` is the rating a typed
    /// answer earned, which Enter then accepts.
    package func parse(_ line: String, backShown: Bool = false, proposed: Rating? = nil) -> ParsedInput {
        let text = line.trimmingWhitespace()
        switch SessionCommand.parse(text, in: mode) {
        case .command(let command, let argument)?: return .command(command, argument: argument)
        case .rejected(let message)?: return .unrecognised(message)
        case nil: break
        }
        if item.kind == .flashcard { return parseFlashcard(text, backShown: backShown, proposed: proposed) }
        if text.isEmpty { return .empty }
        if let chosen = resolveAll(text, multiple: item.isMultipleResponse) {
            if item.isMultipleResponse, chosen.count != item.answers.count {
                return .unrecognised(
                    "Choose \(item.answers.count) options, e.g. \(example) — you gave \(chosen.count).")
            }
            return .choices(chosen)
        }
        return .unrecognised(reminder)
    }

    /// One line saying what this question accepts.
    package var reminder: String {
        if item.kind == .flashcard {
            let typed = acceptsTypedOwner ? " (or type aws, customer or shared to be graded)" : ""
            return
                "Press Enter to show the back\(typed), then rate 1 Again, 2 Hard, 3 Good, 4 Easy; :help for commands."
        }
        let last = SessionEngine.letter(item.choices.count - 1)
        let range = "a–\(last) or 1–\(item.choices.count)"
        if item.isMultipleResponse {
            return "Choose \(item.answers.count) options (\(range)), e.g. \(example); :help for commands."
        }
        if isTrueFalse {
            return "Answer t or f (true/false, a/b, 1/2); :help for commands."
        }
        return "Answer with a letter or number (\(range)) or the option's words; :help for commands."
    }

    /// What Tab may complete to: choice letters and option words (or ratings for a flashcard),
    /// then the `:` commands.
    package func completions(backShown: Bool = false) -> [String] {
        var words: [String] = []
        if item.kind == .flashcard {
            if backShown { words = ["1", "2", "3", "4", "again", "hard", "good", "easy"] }
        } else {
            words = item.choices.indices.map(SessionEngine.letter)
            var seen = Set(words)
            for choice in normalisedChoices {
                for word in choice.split(separator: " ").map(String.init)
                where word.count > 1 && word != "the" && seen.insert(word).inserted {
                    words.append(word)
                }
            }
        }
        return words + SessionCommand.completions(in: mode)
    }

    // MARK: - Private

    private var isTrueFalse: Bool {
        item.kind == .trueFalse || normalisedChoices == ["true", "false"]
    }

    private var example: String {
        let letters = item.choices.indices.prefix(max(2, item.answers.count)).map(SessionEngine.letter)
        return letters.joined(separator: ",")
    }

    /// Whether the card asks who owns something, so an owner may be typed on its front.
    private var acceptsTypedOwner: Bool { !item.values(of: "owner").isEmpty }

    /// The owner `text` names: `aws`, `customer`, `the customer`, `shared`, or a prefix of one.
    static func typedOwner(_ text: String) -> Owner? {
        let wanted = normalise(text)
        guard !wanted.isEmpty else { return nil }
        let names: [(String, Owner)] = [("aws", .aws), ("customer", .customer), ("shared", .shared)]
        let matches = names.filter { $0.0.hasPrefix(wanted) }
        return matches.count == 1 ? matches[0].1 : nil
    }

    private func parseFlashcard(_ text: String, backShown: Bool, proposed: Rating?) -> ParsedInput {
        if !backShown {
            if text.isEmpty { return .reveal }
            if acceptsTypedOwner, let owner = Self.typedOwner(text) { return .typedAnswer(owner) }
            return .unrecognised(reminder)
        }
        if text.isEmpty, let proposed { return .rating(proposed) }
        let lower = text.lowercased()
        if let value = Int(lower), let rating = Rating(rawValue: value) { return .rating(rating) }
        if !lower.isEmpty,
            let rating = Rating.allCases.first(where: { $0.displayName.lowercased().hasPrefix(lower) })
        {
            return .rating(rating)
        }
        return .unrecognised("Rate 1 Again, 2 Hard, 3 Good or 4 Easy.")
    }

    /// The options `text` names, or `nil` if any part names none.
    private func resolveAll(_ text: String, multiple: Bool) -> Set<Int>? {
        if !multiple {
            return resolveOne(text).map { [$0] }
        }
        if text.contains(",") {
            let parts = text.split(separator: ",").map { $0.trimmingWhitespace() }.filter { !$0.isEmpty }
            var out = Set<Int>()
            for part in parts {
                if let one = resolveOne(part) {
                    out.insert(one)
                } else if let run = letterRun(part) {
                    out.formUnion(run)
                } else {
                    return nil
                }
            }
            return out.isEmpty ? nil : out
        }
        if let run = letterRun(text), run.count > 1 { return run }
        let parts = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        if parts.count > 1 {
            let resolved = parts.compactMap(resolveOne)
            if resolved.count == parts.count { return Set(resolved) }
        }
        return resolveOne(text).map { [$0] }
    }

    /// `ac` → {0, 2}, when every character is a distinct letter in range.
    private func letterRun(_ text: String) -> Set<Int>? {
        let lower = text.lowercased()
        guard !lower.isEmpty else { return nil }
        var out = Set<Int>()
        for scalar in lower.unicodeScalars {
            let index = Int(scalar.value) - 97
            guard item.choices.indices.contains(index), out.insert(index).inserted else { return nil }
        }
        return out
    }

    /// The one option `text` names: letter, number, text, prefix, or a word unique to it.
    private func resolveOne(_ text: String) -> Int? {
        let lower = text.lowercased()
        if lower.unicodeScalars.count == 1, let scalar = lower.unicodeScalars.first {
            let index = Int(scalar.value) - 97
            if (0..<26).contains(index), item.choices.indices.contains(index) { return index }
        }
        if let number = Int(lower) {
            return item.choices.indices.contains(number - 1) ? number - 1 : nil
        }
        let wanted = Self.normalise(text)
        guard !wanted.isEmpty else { return nil }
        if let exact = normalisedChoices.firstIndex(of: wanted) { return exact }
        let prefixed = normalisedChoices.indices.filter { normalisedChoices[$0].hasPrefix(wanted) }
        if prefixed.count == 1 { return prefixed[0] }
        if prefixed.isEmpty, !wanted.contains(" ") {
            let withWord = normalisedChoices.indices.filter {
                normalisedChoices[$0].split(separator: " ").contains { $0 == wanted }
            }
            if withWord.count == 1 { return withWord[0] }
        }
        return nil
    }

    /// Lower-cased, punctuation turned to spaces, whitespace collapsed, a leading "the" dropped.
    static func normalise(_ text: String) -> String {
        let mapped = text.lowercased().unicodeScalars.map { scalar -> Character in
            scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-"
                ? Character(scalar) : " "
        }
        var words = String(mapped).split(separator: " ").map(String.init)
        if words.count > 1, words[0] == "the" { words.removeFirst() }
        return words.joined(separator: " ")
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let start = firstIndex(where: { !isSpace($0) }),
            let end = lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(self[start...end])
    }
}
