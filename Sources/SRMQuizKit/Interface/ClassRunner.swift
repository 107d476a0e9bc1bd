import Foundation

/// Runs a class session for a room: shows each question, reads the instructor's line of answers
/// (in roster order, `-` for no answer) or each player's answer in turn, then shows the right
/// answer, its explanation and the scoreboard; at the end, the podium and a per-question table.
public final class ClassRunner {
    private let reader: any LineReader
    private let sink: any TextSink
    private let clock: any Clock
    private var session: ClassSession
    private let bankFiles: [String]

    public init(
        items: [Item], players: [String], mode: ClassResult.Mode, timerSeconds: Double?, speedBonus: Bool,
        seed: UInt64, bankFiles: [String], reader: any LineReader, sink: any TextSink, clock: any Clock
    ) {
        self.reader = reader
        self.sink = sink
        self.clock = clock
        self.bankFiles = bankFiles
        self.session = ClassSession(
            items: items, players: players, mode: mode, timerSeconds: timerSeconds, speedBonus: speedBonus,
            seed: seed,
            startedAt: clock.now())
    }

    /// Runs the session to the last question (or `:quit`, or end of input) and returns the result.
    public func run() -> ClassResult {
        let players = session.players
        var intro =
            "Class quiz: \(session.items.count) questions, players \(players.joined(separator: ", ")). Seed \(session.seed).\n"
        if let t = session.timerSeconds {
            intro +=
                "Timer: \(ExamRunner.format(t)) seconds per question"
                + (session.speedBonus ? " (faster correct answers score more).\n" : ".\n")
        }
        intro +=
            session.mode == .together
            ? "Type everyone's answers on one line in roster order, e.g. \(example(players.count)); - for no answer.\n"
            : "Each player answers their own question in turn; - for no answer.\n"
        intro += "Type :quit to stop early.\n"
        sink.write(intro)
        while let item = session.nextItem {
            let index = session.records.count
            let who = session.answerers(of: index)
            showQuestion(item, index: index, answerers: who)
            let shownAt = clock.now()
            guard let answers = readAnswers(for: item, answerers: who) else { break }
            let elapsed = clock.now().timeIntervalSince(shownAt)
            guard let record = session.answerNext(answers, elapsed: elapsed) else { break }
            showOutcome(record, item: item)
        }
        let result = session.result(finishedAt: clock.now(), bankFiles: bankFiles)
        sink.write(ClassSummary.text(for: result))
        return result
    }

    private func example(_ count: Int) -> String {
        (0..<count).map { ["a", "c", "b", "-", "d"][$0 % 5] }.joined(separator: " ")
    }

    private func showQuestion(_ item: Item, index: Int, answerers: [String]) {
        var text = "\nQuestion \(index + 1) of \(session.items.count)"
        if session.mode == .turns, let who = answerers.first { text += " — \(who)'s turn" }
        if let t = session.timerSeconds { text += "  (\(ExamRunner.format(t)) s)" }
        text += "\n" + TerminalText.sanitize(item.prompt) + "\n"
        if item.isMultipleResponse { text += "(Choose \(ExamRunner.numberWord(item.answers.count)).)\n" }
        for (n, choice) in item.choices.enumerated() {
            text += "  \(ChoiceAnswer.letter(n))) \(TerminalText.sanitize(choice))\n"
        }
        sink.write(text)
    }

    /// Reads one valid line of answers; `nil` at end of input or `:quit`.
    private func readAnswers(for item: Item, answerers: [String]) -> [ChoiceAnswer?]? {
        let prompt =
            answerers.count == 1 ? "\(answerers[0]) > " : "Answers (\(answerers.joined(separator: " "))) > "
        while true {
            guard let line = reader.readLine(prompt: prompt) else { return nil }
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.lowercased() == ":quit" || text.lowercased() == ":q" { return nil }
            if text == ":help" {
                sink.write(
                    "Type \(answerers.count == 1 ? "the answer" : "one answer per player, in roster order"); "
                        + "- for no answer; letters together for several choices (ac); :quit to stop.\n")
                continue
            }
            let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if answerers.count == 1 {
                // One player: allow "a c" for a multiple response as well as "ac".
                if text == "-" { return [nil] }
                if let answer = ChoiceAnswer.parse(text, choiceCount: item.choices.count) { return [answer] }
                sink.write(
                    "Type letters from a to \(ChoiceAnswer.letter(item.choices.count - 1)), or - for no answer.\n"
                )
                continue
            }
            guard tokens.count == answerers.count else {
                sink.write(
                    "Expected \(answerers.count) answers, one per player in this order: "
                        + "\(answerers.joined(separator: ", ")); got \(tokens.count). Use - for no answer.\n")
                continue
            }
            var answers: [ChoiceAnswer?] = []
            var bad: String?
            for (n, token) in tokens.enumerated() {
                if token == "-" {
                    answers.append(nil)
                } else if let answer = ChoiceAnswer.parse(token, choiceCount: item.choices.count) {
                    answers.append(answer)
                } else {
                    bad =
                        "\(answerers[n]): \"\(TerminalText.sanitize(token))\" is not a letter from a to "
                        + "\(ChoiceAnswer.letter(item.choices.count - 1)) or -"
                    break
                }
            }
            if let bad {
                sink.write(bad + ". Type the whole line again.\n")
                continue
            }
            return answers
        }
    }

    private func showOutcome(_ record: ClassQuestionRecord, item: Item) {
        var text =
            "Correct answer: " + ChoiceAnswer.describe(record.correctLetters, choices: item.choices) + "\n"
        if !item.explanation.isEmpty { text += TerminalText.sanitize(item.explanation) + "\n" }
        if record.responses.contains(where: \.late) {
            text +=
                "Too late (after the timer): "
                + record.responses.filter(\.late).map(\.player).joined(separator: ", ") + "\n"
        }
        let right = record.responses.filter(\.correct).map(\.player)
        text += "Right: \(right.isEmpty ? "nobody" : right.joined(separator: ", "))\n"
        text += ClassSummary.scoreboard(session.result(finishedAt: clock.now(), bankFiles: bankFiles))
        sink.write(text)
    }
}
