import Foundation

/// Reads Aiken: a question line, options `A. text` or `A) text`, then `ANSWER: X`.
///
/// Blank lines between questions are optional. A question whose options are True and False becomes
/// a true/false question. Aiken has no explanations or sources.
package struct AikenImporter: QuestionImporter {
    package init() {}

    package func read(_ text: String) -> ImportRead {
        var drafts: [ImportDraft] = []
        var problems: [ImportProblem] = []
        var pending: (line: Int, prompt: String, options: [(letter: Character, text: String)])?
        var discarding = false  // after a broken question, skip to its ANSWER line or a blank line

        func fail(_ line: Int, _ message: String) {
            problems.append(ImportProblem(line: line, message: message))
            pending = nil
        }

        let lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(
            separator: "\n", omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                discarding = false
                continue
            }
            if let letter = Self.answerLetter(line) {
                if discarding {
                    discarding = false
                    continue
                }
                guard let question = pending else {
                    problems.append(ImportProblem(line: number, message: "an ANSWER line without a question"))
                    continue
                }
                pending = nil
                guard question.options.count >= 2 else {
                    fail(
                        question.line, "a question needs at least 2 options (found \(question.options.count))"
                    )
                    continue
                }
                guard let answer = question.options.first(where: { $0.letter == letter }) else {
                    fail(question.line, "ANSWER: \(letter) is not one of the options")
                    continue
                }
                let choices = question.options.map(\.text)
                drafts.append(
                    ImportDraft(
                        line: question.line,
                        style: ImportDraft.style(choices: choices, answers: [answer.text]),
                        prompt: question.prompt, choices: choices, answers: [answer.text]))
                continue
            }
            if discarding { continue }
            if Self.looksLikeAnswerLine(line) {
                let written = line.prefix(while: { $0 != ":" })
                let message =
                    written != "ANSWER"
                    ? "\"\(written):\" must be upper case in Aiken: write \"ANSWER: <letter>\" (Moodle reads only ANSWER in capitals)"
                    : "malformed ANSWER line (expected \"ANSWER: <letter>\", one upper-case option letter)"
                fail(pending?.line ?? number, message)
                continue
            }
            if let option = Self.option(line) {
                guard pending != nil else {
                    problems.append(ImportProblem(line: number, message: "an option without a question"))
                    discarding = true
                    continue
                }
                if pending?.options.contains(where: { $0.letter == option.letter }) == true {
                    fail(pending?.line ?? number, "option \(option.letter) appears twice")
                    discarding = true
                    continue
                }
                pending?.options.append(option)
                continue
            }
            if let question = pending {
                if question.options.isEmpty {
                    pending?.prompt += " " + line  // a question text over several lines
                    continue
                }
                problems.append(ImportProblem(line: question.line, message: "missing ANSWER line"))
            }
            pending = (number, line, [])
        }
        if let question = pending {
            problems.append(ImportProblem(line: question.line, message: "missing ANSWER line"))
        }
        return ImportRead(drafts: drafts, problems: problems)
    }

    /// `A. text` or `A) text` → (A, text).
    static func option(_ line: String) -> (letter: Character, text: String)? {
        let chars = Array(line)
        guard chars.count >= 3, let letter = chars.first, letter.isASCII, letter.isUppercase,
            chars[1] == "." || chars[1] == ")", chars[2] == " " || chars[2] == "\t"
        else { return nil }
        return (letter, String(chars[3...]).trimmingCharacters(in: .whitespaces))
    }

    /// `ANSWER` then `:` (however spaced or cased): meant as an answer line.
    static func looksLikeAnswerLine(_ line: String) -> Bool {
        guard line.uppercased().hasPrefix("ANSWER") else { return false }
        return line.dropFirst("ANSWER".count).drop(while: \.isWhitespace).first == ":"
    }

    /// `ANSWER: B` → B.
    static func answerLetter(_ line: String) -> Character? {
        guard line.hasPrefix("ANSWER:") else { return nil }
        let rest = line.dropFirst("ANSWER:".count).trimmingCharacters(in: .whitespaces)
        guard rest.count == 1, let letter = rest.first, letter.isASCII, letter.isLetter else { return nil }
        return Character(letter.uppercased())
    }
}
