import Foundation

/// Checks the items a bank yields for what a careful editor would catch: punctuation, articles,
/// prompts that give their answer away, sources that are not AWS pages, and hand-written scenarios
/// whose key stands out by being the longest option.
///
/// Run by `srmquiz bank validate`.
package struct BankLint: Sendable {
    /// One problem with one item.
    package struct Finding: Sendable, Hashable, CustomStringConvertible {
        package var itemID: String
        package var message: String
        package var description: String { "\(itemID): \(message)" }
    }

    /// The largest share of scenarios whose key may be the longest option.
    package static let maxKeyLongestShare = 0.40
    /// The largest share of scenarios whose key may sit in any one position (as shown).
    package static let maxKeyPositionShare = 0.50
    /// The fewest scenarios the two statistics are checked on (fewer say nothing).
    package static let minimumScenariosForStatistics = 20

    package var findings: [Finding] = []
    /// Scenarios (single answer, three or more options) whose key is strictly the longest option.
    package var scenariosKeyLongest = 0
    /// Scenarios counted for the statistics.
    package var scenariosCounted = 0
    /// How many scenarios have their key in each position, as written (0 for the first option).
    package var scenarioKeyPositions: [Int] = []

    /// The share of counted scenarios whose key is the longest option.
    package var keyLongestShare: Double {
        scenariosCounted == 0 ? 0 : Double(scenariosKeyLongest) / Double(scenariosCounted)
    }

    /// Lints `items` (as generated from `bank`).
    package init(bank: Bank, items: [Item]) {
        let model = ModelIndex(bank: bank)
        let needsArticle = bank.services.filter { model.sentenceName($0) != $0.name }.map(\.name)
        // Explanations and options recur across items: each text is checked once.
        var checked: [String: [String]] = [:]
        for item in items {
            var texts = [item.prompt, item.explanation] + item.choices
            if item.kind == .flashcard { texts += item.answers }
            for text in texts {
                let messages =
                    checked[text]
                    ?? {
                        let found = Self.punctuationProblems(text) + Self.articleProblems(text, names: needsArticle)
                        checked[text] = found
                        return found
                    }()
                for message in messages {
                    findings.append(Finding(itemID: item.id, message: message))
                }
            }
            if item.kind.hasChoices {
                let prompt = item.prompt.lowercased()
                for answer in item.answers
                where answer.split(separator: " ").count >= 2 && prompt.contains(answer.lowercased()) {
                    findings.append(
                        Finding(itemID: item.id, message: "the prompt contains the key '\(answer)'"))
                }
            }
            if item.sources.isEmpty {
                findings.append(
                    Finding(itemID: item.id, message: "cites no source; expected an https AWS page"))
            }
            for source in item.sources where !Source.isAWSPage(source) {
                findings.append(
                    Finding(itemID: item.id, message: "cites '\(source)', which is not an https AWS page"))
            }
        }
        // Length as written; position as shown (choices are shuffled unless their order matters).
        for item in items where item.kind == .scenario && item.answers.count == 1 && item.choices.count >= 3 {
            guard let key = item.answers.first, let position = item.choices.firstIndex(of: key) else {
                continue
            }
            scenariosCounted += 1
            if scenarioKeyPositions.count < item.choices.count {
                scenarioKeyPositions += Array(
                    repeating: 0, count: item.choices.count - scenarioKeyPositions.count)
            }
            scenarioKeyPositions[position] += 1
            if item.choices.allSatisfy({ $0 == key || $0.count < key.count }) { scenariosKeyLongest += 1 }
        }
        if scenariosCounted >= Self.minimumScenariosForStatistics, keyLongestShare > Self.maxKeyLongestShare {
            findings.append(
                Finding(
                    itemID: "scenarios",
                    message:
                        "the key is the longest option in \(scenariosKeyLongest) of \(scenariosCounted) scenarios; at most \(Int(Self.maxKeyLongestShare * 100))% may be"
                ))
        }
        if let most = scenarioKeyPositions.max(), scenariosCounted >= Self.minimumScenariosForStatistics,
            Double(most) / Double(scenariosCounted) > Self.maxKeyPositionShare
        {
            findings.append(
                Finding(
                    itemID: "scenarios",
                    message:
                        "\(most) of \(scenariosCounted) scenarios have their key in the same position; at most \(Int(Self.maxKeyPositionShare * 100))% may"
                ))
        }
    }

    /// Doubled full stops and commas, a space before a comma or full stop, unbalanced
    /// parentheses, and an opening "When using …"/"Just as …" clause with no comma to close it.
    static func punctuationProblems(_ text: String) -> [String] {
        var problems: [String] = []
        // ASCII text (nearly all) is searched byte by byte; other text through Foundation, whose
        // comparison treats combining marks as part of the character before them.
        let ascii = text.utf8.allSatisfy { $0 < 0x80 }
        let withoutEllipses = ascii ? text : text.replacingOccurrences(of: "…", with: "")
        func has(_ needle: String) -> Bool {
            ascii ? withoutEllipses.containsBytes(needle) : withoutEllipses.contains(needle)
        }
        for bad in ["..", ",,", " ,", " .", ".?", "?.", ",.", ".,"] where has(bad) {
            if bad == " ." && has(" .zip") { continue }
            problems.append("'\(bad)' in \"\(text.prefix(80))\"")
        }
        var depth = 0
        for character in text {
            if character == "(" { depth += 1 }
            if character == ")" { depth -= 1 }
            if depth < 0 { break }
        }
        if depth != 0 { problems.append("unbalanced parentheses in \"\(text.prefix(80))\"") }
        for sentence in Self.sentences(text) {
            let body = sentence.hasPrefix("True or false: ") ? String(sentence.dropFirst(15)) : sentence
            if body.hasPrefix("When using ") || body.hasPrefix("Just as ") {
                if !body.contains(",") {
                    problems.append("no comma closes the opening clause of \"\(body.prefix(80))\"")
                }
            }
        }
        return problems
    }

    /// A service name that needs "the" ("the Amazon EKS control plane") used without it.
    static func articleProblems(_ text: String, names: [String]) -> [String] {
        var problems: [String] = []
        for name in names {
            var searchRange = text.startIndex..<text.endIndex
            while let found = text.range(of: name, range: searchRange) {
                let before = text[text.startIndex..<found.lowerBound]
                let words = before.split(separator: " ")
                let previous = words.last.map { $0.lowercased() } ?? ""
                if ["using", "on", "for", "with", "in", "of"].contains(previous) {
                    problems.append("'\(name)' needs an article after '\(previous)'")
                }
                searchRange = found.upperBound..<text.endIndex
            }
        }
        return problems
    }

    private static func sentences(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for character in text {
            current.append(character)
            if character == "." || character == "?" || character == "!" {
                out.append(current.trimmingCharacters(in: " "))
                current = ""
            }
        }
        if !current.trimmingCharacters(in: " ").isEmpty { out.append(current.trimmingCharacters(in: " ")) }
        return out
    }
}

extension String {
    /// Whether `needle`'s UTF-8 bytes occur in the text's (a byte search, no Foundation).
    fileprivate func containsBytes(_ needle: String) -> Bool {
        var haystack = self
        var needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard h.count >= n.count else { return false }
                var i = 0
                while i <= h.count - n.count {
                    if h[i] == first {
                        var j = 1
                        while j < n.count && h[i + j] == n[j] { j += 1 }
                        if j == n.count { return true }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    fileprivate func trimmingCharacters(in character: Character) -> String {
        var text = Substring(self)
        while text.first == character { text = text.dropFirst() }
        while text.last == character { text = text.dropLast() }
        return String(text)
    }
}
