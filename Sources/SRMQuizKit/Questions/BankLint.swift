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

    private init() {}

    /// The share of counted scenarios whose key is the longest option.
    package var keyLongestShare: Double {
        scenariosCounted == 0 ? 0 : Double(scenariosKeyLongest) / Double(scenariosCounted)
    }

    /// Lints `items` (as generated from `bank`).
    package init(bank: Bank, items: [Item]) {
        var pass = Pass(bank: bank)
        for item in items { pass.add(item) }
        self = pass.finished()
    }

    /// `findings` put in ``QuestionGenerator/generate(seed:)``'s order of their items (each
    /// item's own findings stay in theirs), given the ids of every item generated.
    static func inGeneratedOrder(_ findings: [Finding], ids: [String], seed: UInt64) -> [Finding] {
        guard !findings.isEmpty else { return findings }
        let order = QuestionGenerator.generatedOrder(
            ofIDs: ids, seed: seed, wanted: Set(findings.map(\.itemID)))
        return findings.enumerated()
            .sorted {
                (order[$0.element.itemID] ?? 0, $0.offset) < (order[$1.element.itemID] ?? 0, $1.offset)
            }
            .map(\.element)
    }

    /// Lints items one at a time; ``finished()`` adds the checks over all scenarios.
    struct Pass {
        var lint = BankLint()
        /// Service names that need "the" before them.
        private let needsArticle: [String]
        /// The bytes of those names (when every name is byte-comparable), to see in one pass
        /// over a text's bytes whether any of them is in it.
        private let nameBytes: [[UInt8]]?
        /// Whether some name in ``nameBytes`` starts with each byte value.
        private let startsName: [Bool]
        /// The messages for texts already checked (explanations and options recur across items).
        ///
        /// Emptied when it grows past ``cacheLimit`` (the messages depend only on the text), so
        /// it never keeps every text of a large bank alive.
        private var checked: [String: [String]] = [:]
        static let cacheLimit = 50_000

        init(bank: Bank) {
            needsArticle = bank.services.filter { ModelIndex.sentenceName($0) != $0.name }.map(\.name)
            let nameBytes =
                needsArticle.allSatisfy(\.isByteComparable) ? needsArticle.map { Array($0.utf8) } : nil
            self.nameBytes = nameBytes
            var startsName = [Bool](repeating: false, count: 256)
            for name in nameBytes ?? [] { if let first = name.first { startsName[Int(first)] = true } }
            self.startsName = startsName
        }

        mutating func add(_ item: Item) { add(item, lowercasedPrompt: nil) }

        /// ``add(_:)``, given the item's prompt lower-cased if it is already at hand.
        mutating func add(_ item: Item, lowercasedPrompt: String?) {
            check(item.prompt, of: item)
            check(item.explanation, of: item)
            for choice in item.choices { check(choice, of: item) }
            if item.kind == .flashcard {
                for answer in item.answers { check(answer, of: item) }
            }
            if item.kind.hasChoices {
                var lowercased = lowercasedPrompt
                for answer in item.answers where Self.hasTwoWords(answer) {
                    let prompt = lowercased ?? item.prompt.lowercased()
                    lowercased = prompt
                    let key = answer.lowercased()
                    // Foundation finds nothing whose bytes are absent (see ``isByteComparable``).
                    if prompt.isByteComparable && key.isByteComparable && !prompt.containsBytes(key) {
                        continue
                    }
                    if prompt.contains(key) {
                        lint.findings.append(
                            Finding(itemID: item.id, message: "the prompt contains the key '\(answer)'"))
                    }
                }
            }
            if item.sources.isEmpty {
                lint.findings.append(
                    Finding(itemID: item.id, message: "cites no source; expected an https AWS page"))
            }
            for source in item.sources where !Source.isAWSPage(source) {
                lint.findings.append(
                    Finding(itemID: item.id, message: "cites '\(source)', which is not an https AWS page"))
            }
            // Length as written; position as shown (choices are shuffled unless their order matters).
            guard item.kind == .scenario && item.answers.count == 1 && item.choices.count >= 3,
                let key = item.answers.first, let position = item.choices.firstIndex(of: key)
            else { return }
            lint.scenariosCounted += 1
            if lint.scenarioKeyPositions.count < item.choices.count {
                lint.scenarioKeyPositions += Array(
                    repeating: 0, count: item.choices.count - lint.scenarioKeyPositions.count)
            }
            lint.scenarioKeyPositions[position] += 1
            if item.choices.allSatisfy({ $0 == key || $0.count < key.count }) {
                lint.scenariosKeyLongest += 1
            }
        }

        /// The messages for one text of `item` (its prompt, explanation, a choice, a flashcard's back).
        private mutating func check(_ text: String, of item: Item) {
            let messages: [String]
            if text.isByteComparable {
                // Checked by bytes, faster than looking the text up; the names are looked
                // at only when the bytes of one are in the text (otherwise Foundation would
                // not find it either).
                messages =
                    BankLint.bytePunctuationProblems(text)
                    + (mayHoldName(text)
                        ? BankLint.articleProblems(text, names: needsArticle, byBytes: true) : [])
            } else if let known = checked[text] {
                messages = known
            } else {
                messages =
                    BankLint.punctuationProblems(text)
                    + BankLint.articleProblems(text, names: needsArticle)
                if checked.count >= Self.cacheLimit { checked.removeAll(keepingCapacity: true) }
                checked[text] = messages
            }
            for message in messages {
                lint.findings.append(Finding(itemID: item.id, message: message))
            }
        }

        /// Whether `answer.split(separator: " ").count >= 2`, without making the words.
        static func hasTwoWords(_ answer: String) -> Bool {
            // Byte-comparable text: each character is one byte, a CR LF pair or one of the dashes
            // and quotes, and only the byte of a space is a space, so words can be counted by bytes.
            answer.isByteComparable
                ? hasTwoWords(answer.utf8, space: UInt8(ascii: " ")) : hasTwoWords(answer, space: " ")
        }

        /// Whether `elements` hold two runs of elements other than `space`.
        private static func hasTwoWords<S: Sequence>(_ elements: S, space: S.Element) -> Bool
        where S.Element: Equatable {
            var words = 0
            var inWord = false
            for element in elements {
                if element == space {
                    inWord = false
                } else if !inWord {
                    inWord = true
                    words += 1
                    if words == 2 { return true }
                }
            }
            return false
        }

        /// Whether the bytes of a name needing an article are in the (byte-comparable) text.
        private func mayHoldName(_ text: String) -> Bool {
            guard let nameBytes else { return true }
            guard !nameBytes.isEmpty else { return false }
            var text = text
            return text.withUTF8 { bytes in
                for start in bytes.indices where startsName[Int(bytes[start])] {
                    for name in nameBytes
                    where name.count <= bytes.count - start && name.first == bytes[start] {
                        var offset = 1
                        while offset < name.count && name[offset] == bytes[start + offset] { offset += 1 }
                        if offset == name.count { return true }
                    }
                }
                return false
            }
        }

        /// Takes in what `other` found, on items that come after this pass's.
        mutating func merge(_ other: Pass) {
            lint.findings += other.lint.findings
            lint.scenariosCounted += other.lint.scenariosCounted
            lint.scenariosKeyLongest += other.lint.scenariosKeyLongest
            let positions = other.lint.scenarioKeyPositions
            if lint.scenarioKeyPositions.count < positions.count {
                lint.scenarioKeyPositions += Array(
                    repeating: 0, count: positions.count - lint.scenarioKeyPositions.count)
            }
            for (position, count) in positions.enumerated() { lint.scenarioKeyPositions[position] += count }
        }

        /// The lint with the checks over all scenarios added.
        func finished() -> BankLint {
            var lint = self.lint
            let counted = lint.scenariosCounted
            if counted >= BankLint.minimumScenariosForStatistics,
                lint.keyLongestShare > BankLint.maxKeyLongestShare
            {
                lint.findings.append(
                    Finding(
                        itemID: "scenarios",
                        message:
                            "the key is the longest option in \(lint.scenariosKeyLongest) of \(counted) scenarios; at most \(Int(BankLint.maxKeyLongestShare * 100))% may be"
                    ))
            }
            if let most = lint.scenarioKeyPositions.max(), counted >= BankLint.minimumScenariosForStatistics,
                Double(most) / Double(counted) > BankLint.maxKeyPositionShare
            {
                lint.findings.append(
                    Finding(
                        itemID: "scenarios",
                        message:
                            "\(most) of \(counted) scenarios have their key in the same position; at most \(Int(BankLint.maxKeyPositionShare * 100))% may"
                    ))
            }
            return lint
        }
    }

    /// Doubled full stops and commas, a space before a comma or full stop, unbalanced
    /// parentheses, and an opening "When using …"/"Just as …" clause with no comma to close it.
    static func punctuationProblems(_ text: String) -> [String] {
        // ASCII text (nearly all), and text whose only other characters are common dashes and
        // quotes, is searched byte by byte: there a character is a byte or a whole scalar with
        // no other spelling, so bytes find what Foundation would. Other text goes through
        // Foundation, whose comparison treats combining marks as part of the character before them.
        if text.isByteComparable { return bytePunctuationProblems(text) }
        var problems: [String] = []
        let withoutEllipses = text.replacingOccurrences(of: "…", with: "")
        for bad in badPairs where withoutEllipses.contains(bad) {
            if bad == " ." && withoutEllipses.contains(" .zip") { continue }
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

    /// The marks that must not stand side by side, in the order they are reported.
    private static let badPairs = ["..", ",,", " ,", " .", ".?", "?.", ",.", ".,"]

    /// ``punctuationProblems(_:)`` of byte-comparable text: one pass over the bytes finds the
    /// doubled marks and the parentheses, another the sentences.
    static func bytePunctuationProblems(_ text: String) -> [String] {
        var found: UInt8 = 0
        var depth = 0
        var text = text
        text.withUTF8 { bytes in
            let (dot, comma, space, question) = (
                UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "?")
            )
            // The bytes below 0x40 that are looked at: ( ) , . ?
            let marks: UInt64 = 1 << 0x28 | 1 << 0x29 | 1 << 0x2C | 1 << 0x2E | 1 << 0x3F
            var previous: UInt8 = 0
            for byte in bytes {
                // Only a full stop, comma, question mark or parenthesis changes anything (a space
                // matters only as the byte before one): skip every other byte at once.
                if byte < 0x40 && marks & (1 << UInt64(byte)) != 0 {
                    if depth >= 0 {
                        if byte == UInt8(ascii: "(") { depth += 1 }
                        if byte == UInt8(ascii: ")") { depth -= 1 }
                    }
                    // The bit of the pair in ``badPairs``.
                    switch (previous, byte) {
                    case (dot, dot): found |= 1 << 0
                    case (comma, comma): found |= 1 << 1
                    case (space, comma): found |= 1 << 2
                    case (space, dot): found |= 1 << 3
                    case (dot, question): found |= 1 << 4
                    case (question, dot): found |= 1 << 5
                    case (comma, dot): found |= 1 << 6
                    case (dot, comma): found |= 1 << 7
                    default: break
                    }
                }
                previous = byte
            }
        }
        var problems: [String] = []
        for (index, bad) in badPairs.enumerated() where found & (1 << index) != 0 {
            if bad == " ." && text.containsBytes(" .zip") { continue }
            problems.append("'\(bad)' in \"\(text.prefix(80))\"")
        }
        if depth != 0 { problems.append("unbalanced parentheses in \"\(text.prefix(80))\"") }
        return problems + byteClauseProblems(text)
    }

    /// The opening-clause check of ``punctuationProblems(_:)`` on byte-comparable text, byte by
    /// byte: the same sentences as ``sentences(_:)`` (split after `.`, `?` and `!`, spaces
    /// trimmed), since those are single bytes here, without making a string of each.
    private static func byteClauseProblems(_ text: String) -> [String] {
        var problems: [String] = []
        var text = text
        text.withUTF8 { bytes in
            func starts(_ slice: Slice<UnsafeBufferPointer<UInt8>>, with prefix: StaticString) -> Bool {
                let count = prefix.utf8CodeUnitCount
                guard slice.count >= count else { return false }
                let start = prefix.utf8Start
                for offset in 0..<count where slice[slice.startIndex + offset] != start[offset] {
                    return false
                }
                return true
            }
            func check(_ lower: Int, _ upper: Int) {
                var lower = lower
                var upper = upper
                while lower < upper && bytes[lower] == UInt8(ascii: " ") { lower += 1 }
                while upper > lower && bytes[upper - 1] == UInt8(ascii: " ") { upper -= 1 }
                var body = bytes[lower..<upper]
                if starts(body, with: "True or false: ") { body = body.dropFirst(15) }
                guard starts(body, with: "When using ") || starts(body, with: "Just as "),
                    !body.contains(UInt8(ascii: ","))
                else { return }
                let sentence = String(decoding: body, as: UTF8.self)
                problems.append("no comma closes the opening clause of \"\(sentence.prefix(80))\"")
            }
            var start = 0
            for index in 0..<bytes.count
            where bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: "?")
                || bytes[index] == UInt8(ascii: "!")
            {
                check(start, index + 1)
                start = index + 1
            }
            if start < bytes.count { check(start, bytes.count) }
        }
        return problems
    }

    /// A service name that needs "the" ("the Amazon EKS control plane") used without it.
    static func articleProblems(_ text: String, names: [String]) -> [String] {
        articleProblems(text, names: names, byBytes: text.isByteComparable)
    }

    /// ``articleProblems(_:names:)``, told whether the text is byte-comparable.
    static func articleProblems(_ text: String, names: [String], byBytes: Bool) -> [String] {
        var problems: [String] = []
        for name in names {
            // A name whose bytes are not in the text is not found by Foundation either.
            if byBytes && name.isByteComparable && !text.containsBytes(name) { continue }
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
    /// Whether every character is ASCII or one of the dashes and quotes `–`, `—`, `‘`, `’`, `“`,
    /// `”`: one scalar with no canonically equivalent spelling and no combining marks, so that
    /// a search for a needle of such characters finds it exactly where its bytes occur (and finds
    /// nothing where they do not), as Foundation's search would.
    fileprivate var isByteComparable: Bool {
        var text = self
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x80 {
                    index += 1
                    continue
                }
                // U+2013, U+2014, U+2018, U+2019, U+201C, U+201D: E2 80 93/94/98/99/9C/9D.
                guard byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
                    [0x93, 0x94, 0x98, 0x99, 0x9C, 0x9D].contains(bytes[index + 2])
                else { return false }
                index += 3
            }
            return true
        }
    }

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
