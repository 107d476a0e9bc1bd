import Foundation

/// Reads Moodle GIFT, following Moodle's own parser (question/format/gift): questions are separated
/// by blank lines, `//` lines are comments, `::name::` titles, `{…}` answer blocks, `####` general
/// feedback, `#` per-answer feedback, `%w%` weights, and the escapes of ``GIFTText``.
///
/// Multiple choice (`=`/`~`, two choices or more) and multiple response (`~%w%`, right answers have a
/// positive weight) and true/false convert; a two-choice question whose choices are True and False
/// becomes a true/false question. Text marked `[html]` (Moodle's export marks almost every question so)
/// becomes plain text (``HTMLText``); answers and feedback take the question's format unless they
/// carry their own marker. Per-choice feedback is kept in the explanation ("Why not b: …"); generic
/// feedback ("Correct.", "Incorrect.") is dropped. Essay, numerical, short-answer and matching items
/// have no counterpart in the bank and are reported as problems, as are malformed blocks;
/// `$CATEGORY` lines and descriptions (text without an answer block) are counted, not reported.
/// A trailing `Sources: URL URL` paragraph of the general feedback becomes the question's sources.
package struct GIFTImporter: QuestionImporter {
    package init() {}

    package func read(_ text: String) -> ImportRead {
        var read = ImportRead()
        for block in Self.blocks(text) {
            switch Self.parse(block.text, line: block.line) {
            case .draft(let draft, let warnings):
                read.drafts.append(draft)
                read.problems += warnings.map { ImportProblem(line: block.line, message: $0) }
            case .category:
                read.categories += 1
            case .description:
                read.descriptions += 1
            case .problem(let message):
                read.problems.append(ImportProblem(line: block.line, message: message))
            }
        }
        return read
    }

    /// Blank-line separated blocks with the line of their first non-comment line; comment lines are
    /// dropped, and a `$CATEGORY:` line is a block of its own even without a blank line after it.
    static func blocks(_ text: String) -> [(line: Int, text: String)] {
        var blocks: [(line: Int, text: String)] = []
        var current: [String] = []
        var start = 0
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if index == 0, line.hasPrefix("\u{FEFF}") { line.removeFirst() }
            if line.isEmpty {
                if !current.isEmpty { blocks.append((start, current.joined(separator: "\n"))) }
                current = []
                continue
            }
            if line.hasPrefix("//") { continue }
            if line.hasPrefix("$CATEGORY:") {
                if !current.isEmpty { blocks.append((start, current.joined(separator: "\n"))) }
                blocks.append((index + 1, line))
                current = []
                continue
            }
            if current.isEmpty { start = index + 1 }
            current.append(line)
        }
        if !current.isEmpty { blocks.append((start, current.joined(separator: "\n"))) }
        return blocks
    }

    enum Parsed {
        case draft(ImportDraft, warnings: [String])
        case category
        case description
        case problem(String)
    }

    /// A text format marker: how a text is written.
    enum Markup: String {
        case moodle, html, plain, markdown
    }

    static func parse(_ raw: String, line: Int) -> Parsed {
        var text = GIFTText.protect(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("$CATEGORY:") { return .category }

        var name: String?
        if text.hasPrefix("::") {
            let rest = text.dropFirst(2)
            guard let end = rest.range(of: "::") else {
                return .problem("the question title is not closed with ::")
            }
            name = GIFTText.restore(String(rest[..<end.lowerBound])).trimmingCharacters(in: .whitespaces)
            text = String(rest[end.upperBound...]).trimmingCharacters(in: .whitespacesAndNewlines)
        }

        guard let open = text.firstIndex(of: "{") else {
            if text.contains("}") { return .problem("unbalanced braces: a } without {") }
            return .description
        }
        guard let close = text[open...].firstIndex(of: "}") else {
            return .problem("unbalanced braces: the { is not closed")
        }
        var answerText = String(text[text.index(after: open)..<close]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let after = String(text[text.index(after: close)...])
        if after.contains("{") || after.contains("}") {
            return .problem("more than one answer block; not converted")
        }
        let before = String(text[..<open])
        // A missing word: the blank stands where the block was, with the spaces around it kept.
        let hasAfter = !after.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
        let questionText = hasAfter ? before + "_____" + after : before
        let (markup, promptSource) = Self.markup(of: questionText, default: .moodle)

        var generalFeedback = ""
        if let separator = answerText.range(of: "####", options: .backwards) {
            generalFeedback = String(answerText[separator.upperBound...])
            answerText = String(answerText[..<separator.lowerBound]).trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        let prompt = finalText(promptSource, markup: markup)
        let feedback = splitSources(finalText(generalFeedback, markup: markup))

        if answerText.isEmpty { return .problem("essay questions cannot be converted") }
        if answerText.hasPrefix("#") { return .problem("numerical questions cannot be converted") }
        if answerText.contains("~") {
            return multipleChoice(
                answerText, name: name, prompt: prompt, feedback: feedback, markup: markup, line: line)
        }
        if answerText.contains("="), answerText.contains("->") {
            return .problem("matching questions cannot be converted (the bank has no matching type)")
        }
        let feedbacks = answerText.split(separator: "#", maxSplits: 2, omittingEmptySubsequences: false)
        let truthPart = feedbacks[0].trimmingCharacters(in: .whitespaces).uppercased()
        guard ["T", "TRUE", "F", "FALSE"].contains(truthPart) else {
            return .problem("short-answer questions cannot be converted (the bank has no short-answer type)")
        }
        let truth = truthPart.hasPrefix("T")
        let wrongFeedback = feedbacks.count > 1 ? finalText(String(feedbacks[1]), markup: markup) : ""
        let rightFeedback = feedbacks.count > 2 ? finalText(String(feedbacks[2]), markup: markup) : ""
        let right = truth ? "True" : "False"
        let wrong = truth ? "False" : "True"
        var explanation = feedback.explanation
        var notes: [String] = []
        if !isGeneric(rightFeedback) {
            if explanation.isEmpty {
                explanation = rightFeedback
            } else {
                notes.append("Why \(right): " + rightFeedback)
            }
        }
        if !isGeneric(wrongFeedback) { notes.append("Why not \(wrong): " + wrongFeedback) }
        var draft = ImportDraft(
            line: line, proposedID: name, style: .trueFalse, prompt: prompt, choices: ["True", "False"],
            answers: [right], explanation: explanation, sources: feedback.sources)
        draft.choiceFeedback = notes
        return .draft(draft, warnings: [])
    }

    static func multipleChoice(
        _ answerText: String, name: String?, prompt: String,
        feedback: (explanation: String, sources: [String]), markup: Markup, line: Int
    ) -> Parsed {
        struct Choice {
            var text: String
            var weight: Double
            var marked: Bool  // written with `=`
            var feedback: String
        }
        var choices: [Choice] = []
        var parts = answerText.replacingOccurrences(of: "=", with: "~=").components(separatedBy: "~")
        if parts.first?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true {
            parts.removeFirst()
        }
        for part in parts {
            var answer = Substring(part.trimmingCharacters(in: .whitespacesAndNewlines))
            var weight = 0.0
            var marked = false
            if answer.hasPrefix("=") {
                weight = 1
                marked = true
                answer = answer.dropFirst()
            } else if answer.hasPrefix("%"), let end = answer.dropFirst().firstIndex(of: "%"),
                let percent = Double(answer[answer.index(after: answer.startIndex)..<end])
            {
                weight = percent / 100
                answer = answer[answer.index(after: end)...]
            }
            let bits = answer.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
            choices.append(
                Choice(
                    text: finalText(String(bits[0]), markup: markup), weight: weight, marked: marked,
                    feedback: bits.count > 1 ? finalText(String(bits[1]), markup: markup) : ""))
        }
        guard choices.count >= 2 else {
            return .problem("a multiple-choice question needs at least 2 choices")
        }
        var warnings: [String] = []
        let correct: [Choice]
        if choices.contains(where: \.marked) {
            correct = choices.filter { $0.weight >= 1 }
            if choices.contains(where: { $0.weight > 0 && $0.weight < 1 }) {
                warnings.append("partial-credit choices were imported as wrong choices")
            }
        } else {
            correct = choices.filter { $0.weight > 0 }
        }
        guard !correct.isEmpty else {
            return .problem("no choice is marked correct (= or a positive %weight%)")
        }
        let texts = choices.map(\.text)
        let answers = correct.map(\.text)
        var explanation = feedback.explanation
        var notes: [String] = []
        for (index, choice) in choices.enumerated() where !isGeneric(choice.feedback) {
            let isRight = answers.contains(choice.text)
            if isRight, explanation.isEmpty, correct.count == 1 {
                explanation = choice.feedback
                continue
            }
            let letter = String(UnicodeScalar(UInt8(97 + min(index, 25))))
            notes.append((isRight ? "Why " : "Why not ") + letter + ": " + choice.feedback)
        }
        var draft = ImportDraft(
            line: line, proposedID: name, style: ImportDraft.style(choices: texts, answers: answers),
            prompt: prompt, choices: texts, answers: answers, explanation: explanation,
            sources: feedback.sources)
        draft.choiceFeedback = notes
        return .draft(draft, warnings: warnings)
    }

    /// Feedback that says nothing but right or wrong ("Correct.", "Incorrect!"), or none.
    static func isGeneric(_ feedback: String) -> Bool {
        let words = feedback.lowercased().filter { $0.isLetter || $0 == " " }
        return ["", "correct", "incorrect", "right", "wrong", "well done", "not quite"]
            .contains(words.trimmingCharacters(in: .whitespaces))
    }

    /// The format marker at the start of `text` (after protecting escapes), or `fallback`, and the
    /// text without it.
    static func markup(of text: String, default fallback: Markup) -> (Markup, String) {
        let trimmed = text.drop(while: \.isWhitespace)
        for markup in [Markup.html, .moodle, .plain, .markdown]
        where trimmed.hasPrefix("[\(markup.rawValue)]") {
            return (markup, String(trimmed.dropFirst(markup.rawValue.count + 2)))
        }
        return (fallback, text)
    }

    /// `text` as plain text: its own format marker (or `markup`) applied, escapes restored,
    /// trimmed.
    ///
    /// HTML becomes plain text; Moodle auto-format, plain text and Markdown are kept as written.
    static func finalText(_ text: String, markup: Markup = .moodle) -> String {
        let (format, body) = Self.markup(of: text, default: markup)
        let restored = GIFTText.restore(body.trimmingCharacters(in: .whitespacesAndNewlines))
        if format == .html { return HTMLText.plain(restored) }
        return restored.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Splits a trailing `Sources: URL URL` paragraph off general feedback.
    static func splitSources(_ feedback: String) -> (explanation: String, sources: [String]) {
        var paragraphs = feedback.components(separatedBy: "\n\n")
        guard let last = paragraphs.last else { return (feedback, []) }
        for label in [GIFTExporter.sourcesLabel, "Source: "] where last.hasPrefix(label) {
            let urls = last.dropFirst(label.count).split(whereSeparator: \.isWhitespace).map(String.init)
            if !urls.isEmpty, urls.allSatisfy({ $0.hasPrefix("https://") || $0.hasPrefix("http://") }) {
                paragraphs.removeLast()
                return (
                    paragraphs.joined(separator: "\n\n").trimmingCharacters(in: .whitespacesAndNewlines), urls
                )
            }
        }
        return (feedback, [])
    }
}
