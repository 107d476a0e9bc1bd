import Foundation

/// Reads Moodle GIFT, following Moodle's own parser (question/format/gift): questions are separated
/// by blank lines, `//` lines are comments, `::name::` titles, `{…}` answer blocks, `####` general
/// feedback, `#` per-answer feedback, `%w%` weights, and the escapes of ``GIFTText``.
///
/// Multiple choice (`=`/`~`) and multiple response (`~%w%`, right answers have a positive weight)
/// and true/false convert. Essay, numerical, short-answer, matching and description items have no
/// counterpart in the bank and are reported as problems, as are malformed blocks.
/// A trailing `Sources: URL URL` paragraph of the general feedback becomes the question's sources.
public struct GIFTImporter: QuestionImporter {
    public init() {}

    public func drafts(from text: String) -> (drafts: [ImportDraft], problems: [ImportProblem]) {
        var drafts: [ImportDraft] = []
        var problems: [ImportProblem] = []
        for block in Self.blocks(text) {
            switch Self.parse(block.text, line: block.line) {
            case .draft(let draft, let warnings):
                drafts.append(draft)
                problems += warnings.map { ImportProblem(line: block.line, message: $0) }
            case .skip:
                break
            case .problem(let message):
                problems.append(ImportProblem(line: block.line, message: message))
            }
        }
        return (drafts, problems)
    }

    /// Blank-line separated blocks with the line of their first non-comment line; comment lines are
    /// dropped.
    static func blocks(_ text: String) -> [(line: Int, text: String)] {
        var blocks: [(line: Int, text: String)] = []
        var current: [String] = []
        var start = 0
        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                if !current.isEmpty { blocks.append((start, current.joined(separator: "\n"))) }
                current = []
                continue
            }
            if line.hasPrefix("//") { continue }
            if current.isEmpty { start = index + 1 }
            current.append(line)
        }
        if !current.isEmpty { blocks.append((start, current.joined(separator: "\n"))) }
        return blocks
    }

    enum Parsed {
        case draft(ImportDraft, warnings: [String])
        case skip
        case problem(String)
    }

    static func parse(_ raw: String, line: Int) -> Parsed {
        var text = GIFTText.protect(raw.trimmingCharacters(in: .whitespacesAndNewlines))
        if text.hasPrefix("$CATEGORY:") { return .skip }

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
            return .problem("a description (no {…} answer block) is not a question; not converted")
        }
        guard let close = text[open...].firstIndex(of: "}") else {
            return .problem("unbalanced braces: the { is not closed")
        }
        var answerText = String(text[text.index(after: open)..<close]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let after = String(text[text.index(after: close)...]).trimmingCharacters(in: .whitespacesAndNewlines)
        if after.contains("{") || after.contains("}") {
            return .problem("more than one answer block; not converted")
        }
        let before = String(text[..<open])
        let questionText = after.isEmpty ? before : before + "_____" + after

        var generalFeedback = ""
        if let separator = answerText.range(of: "####", options: .backwards) {
            generalFeedback = String(answerText[separator.upperBound...])
            answerText = String(answerText[..<separator.lowerBound]).trimmingCharacters(
                in: .whitespacesAndNewlines)
        }
        let prompt = finalText(questionText)
        let feedback = splitSources(finalText(generalFeedback))

        if answerText.isEmpty { return .problem("essay questions cannot be converted") }
        if answerText.hasPrefix("#") { return .problem("numerical questions cannot be converted") }
        if answerText.contains("~") {
            return multipleChoice(answerText, name: name, prompt: prompt, feedback: feedback, line: line)
        }
        if answerText.contains("="), answerText.contains("->") {
            return .problem("matching questions cannot be converted (the bank has no matching type)")
        }
        let truthPart = answerText.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)[0]
            .trimmingCharacters(in: .whitespaces).uppercased()
        guard ["T", "TRUE", "F", "FALSE"].contains(truthPart) else {
            return .problem("short-answer questions cannot be converted")
        }
        let truth = truthPart.hasPrefix("T")
        let feedbacks = answerText.split(separator: "#", maxSplits: 2, omittingEmptySubsequences: false)
        let rightFeedback = feedbacks.count > 2 ? finalText(String(feedbacks[2])) : ""
        let draft = ImportDraft(
            line: line, proposedID: name, style: .trueFalse, prompt: prompt, choices: ["True", "False"],
            answers: [truth ? "True" : "False"],
            explanation: feedback.explanation.isEmpty ? rightFeedback : feedback.explanation,
            sources: feedback.sources)
        return .draft(draft, warnings: [])
    }

    static func multipleChoice(
        _ answerText: String, name: String?, prompt: String,
        feedback: (explanation: String, sources: [String]), line: Int
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
                    text: finalText(String(bits[0])), weight: weight, marked: marked,
                    feedback: bits.count > 1 ? finalText(String(bits[1])) : ""))
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
        if explanation.isEmpty, let first = correct.first?.feedback, !first.isEmpty { explanation = first }
        let draft = ImportDraft(
            line: line, proposedID: name, style: ImportDraft.style(choices: texts, answers: answers),
            prompt: prompt, choices: texts, answers: answers, explanation: explanation,
            sources: feedback.sources)
        return .draft(draft, warnings: warnings)
    }

    /// Strips a `[html]`/`[moodle]`/`[plain]`/`[markdown]` format marker, restores escaped
    /// characters and trims.
    static func finalText(_ text: String) -> String {
        var text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for format in ["[html]", "[moodle]", "[plain]", "[markdown]"] where text.hasPrefix(format) {
            text.removeFirst(format.count)
        }
        return GIFTText.restore(text).trimmingCharacters(in: .whitespacesAndNewlines)
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
