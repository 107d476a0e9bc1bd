import Foundation

/// Turns drafts into bank questions: checks each against the rules of docs/bank-format.md, gives it
/// an id (the proposed one if it is a valid id, or once `/` become `-`; else `imported-<n>` for the
/// n-th question read from the file; duplicates get `-2`, `-3`, …), a source when it has none, and,
/// when it has no explanation (the bank requires one), "The answer is: …", followed by the
/// per-choice feedback the file gave ("Why not b: …").
///
/// A multiple-answer prompt that does not say how many to choose gets "Choose TWO." (or THREE, …)
/// appended.
package struct ImportAssembler: Sendable {
    /// The source given to questions that have none.
    package static let defaultSource = "https://aws.amazon.com/compliance/shared-responsibility-model/"

    package var defaultSource: String

    package init(defaultSource: String = ImportAssembler.defaultSource) {
        self.defaultSource = defaultSource
    }

    package func assemble(_ drafts: [ImportDraft], problems: [ImportProblem] = []) -> ImportResult {
        var result = ImportResult(problems: problems)
        var used: Set<String> = []
        var prompts: [String: Int] = [:]  // lower-cased prompt → line (the bank rejects repeats)
        for (index, draft) in drafts.enumerated() {
            let draft = Self.trimmed(draft)
            if let message = Self.check(draft) {
                result.problems.append(ImportProblem(line: draft.line, message: message))
                continue
            }
            let key = draft.prompt.lowercased()
            if let first = prompts[key] {
                result.problems.append(
                    ImportProblem(
                        line: draft.line, message: "the same question text as the question on line \(first)"))
                continue
            }
            prompts[key] = draft.line
            var id = draft.proposedID.flatMap(Self.bankID) ?? "imported-\(index + 1)"
            if used.contains(id) {
                var n = 2
                while used.contains("\(id)-\(n)") { n += 1 }
                id = "\(id)-\(n)"
            }
            used.insert(id)
            if !draft.choiceFeedback.isEmpty { result.keptFeedback += 1 }
            var sources = draft.sources
            if sources.isEmpty {
                sources = [defaultSource]
                result.defaultedSources += 1
            }
            var explanation = draft.explanation
            if explanation.isEmpty {
                // The bank requires an explanation; Aiken has none, GIFT's is optional.
                let answers = draft.style == .trueFalse ? [Self.truthValue(draft.answers[0])] : draft.answers
                explanation =
                    (answers.count == 1 ? "The answer is: " : "The answers are: ")
                    + answers.joined(separator: "; ") + "."
                result.defaultedExplanations += 1
            }
            explanation = ([explanation] + draft.choiceFeedback).joined(separator: "\n\n")
            var prompt = draft.prompt
            if draft.style == .multiple, !prompt.lowercased().contains("choose") {
                prompt += " Choose \(Self.numberWord(draft.answers.count))."
            }
            result.questions.append(
                AuthoredQuestion(
                    id: id, style: draft.style, prompt: prompt,
                    choices: draft.style == .trueFalse ? ["True", "False"] : draft.choices,
                    answers: draft.style == .trueFalse ? [Self.truthValue(draft.answers[0])] : draft.answers,
                    explanation: explanation, sources: sources, services: draft.services,
                    topics: draft.topics))
        }
        result.problems.sort { $0.line < $1.line }
        return result
    }

    /// Why `draft` breaks the bank format's rules, or nil.
    static func check(_ draft: ImportDraft) -> String? {
        if draft.prompt.isEmpty { return "the question has no text" }
        if Set(draft.choices).count != draft.choices.count { return "two choices have the same text" }
        if let stray = draft.answers.first(where: { !draft.choices.contains($0) }) {
            return "the answer \"\(stray)\" is not one of the choices"
        }
        switch draft.style {
        case .single:
            if draft.answers.count != 1 { return "a single-answer question needs exactly one correct choice" }
            if draft.choices.count < 2 {
                return "a single-answer question needs at least 2 choices (found \(draft.choices.count))"
            }
        case .multiple:
            if draft.answers.count < 2 {
                return "a multiple-answer question needs at least 2 correct choices"
            }
            if draft.choices.count <= draft.answers.count {
                return "a multiple-answer question needs at least one wrong choice"
            }
        case .trueFalse:
            if draft.answers.count != 1
                || !["true", "false"].contains(ImportDraft.truthWord(draft.answers[0]))
            {
                return "a true/false question needs the answer True or False"
            }
        }
        return nil
    }

    static func trimmed(_ draft: ImportDraft) -> ImportDraft {
        var copy = draft
        copy.prompt = Self.trim(draft.prompt)
        copy.choices = draft.choices.map(Self.trim)
        copy.answers = draft.answers.map(Self.trim)
        copy.explanation = Self.trim(draft.explanation)
        copy.sources = draft.sources.map(Self.trim).filter { !$0.isEmpty }
        return copy
    }

    static func trim(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    static func truthValue(_ answer: String) -> String {
        ImportDraft.truthWord(answer) == "true" ? "True" : "False"
    }

    /// `proposed` if it is a valid bank id; a generated item id such as `owner/ec2-guest-os` with
    /// its slashes (and the `+` of multiple-response ids) made dashes (`owner-ec2-guest-os`), so that re-imports keep the same ids; else nil.
    static func bankID(_ proposed: String) -> String? {
        if isValidID(proposed) { return proposed }
        let dashed = String(proposed.map { $0 == "/" || $0 == "+" ? "-" : $0 })
        return isValidID(dashed) ? dashed : nil
    }

    /// Whether `id` is a bank id: lower-case words joined by `-` (`[a-z0-9][a-z0-9-]*`).
    package static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, Self.idStart(first) else { return false }
        return id.unicodeScalars.allSatisfy { Self.idStart($0) || $0 == "-" }
    }

    static func idStart(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
    }

    static func numberWord(_ n: Int) -> String {
        let words = [2: "TWO", 3: "THREE", 4: "FOUR", 5: "FIVE", 6: "SIX"]
        return words[n] ?? String(n)
    }
}
