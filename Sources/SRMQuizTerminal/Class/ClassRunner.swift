import Foundation
import SRMQuizKit

/// Runs a class session for a room on one terminal: shows each question, reads the instructor's
/// line of answers (in roster order, `-` for no answer) or each player's answer in turn, then
/// shows the right answer, its explanation and the scoreboard; at the end, the podium and a
/// per-question table.
///
/// With a timer, the seconds left run in the prompt and the question closes by itself at zero:
/// nobody's answer counts after that, and a half-typed line is dropped as too late. Together
/// mode (one line for everyone) gives no speed bonus: it would time the instructor's typing.
package final class ClassRunner {
    private let terminal: any Terminal
    private let clock: any Clock
    private var session: ClassSession
    private let bankFiles: [String]

    package init(
        items: [Item], players: [String], mode: ClassResult.Mode, timerSeconds: Double?, speedBonus: Bool,
        seed: UInt64, bankFiles: [String], terminal: any Terminal, clock: any Clock
    ) {
        self.terminal = terminal
        self.clock = clock
        self.bankFiles = bankFiles
        self.session = ClassSession(
            items: items, players: players, mode: mode, timerSeconds: timerSeconds,
            speedBonus: speedBonus && mode == .turns,
            seed: seed,
            startedAt: clock.now())
    }

    /// Runs the session to the last question (or `:quit`, or end of input) and returns the result.
    package func run() -> ClassResult {
        let players = session.players
        var intro =
            "Class quiz: \(TextFormat.count(session.items.count, "question")), players \(players.joined(separator: ", ")). Seed \(session.seed).\n"
        if let t = session.timerSeconds {
            intro +=
                "Timer: \(TextFormat.number(t)) seconds per question; a question closes by itself at 0:00"
            intro +=
                session.speedBonus
                ? " (faster correct answers score more).\n"
                : session.mode == .together
                    ? ". No speed bonus in together mode (one line for everyone): every right answer scores 1000.\n"
                    : ".\n"
        }
        intro +=
            session.mode == .together
            ? "Type everyone's answers on one line in roster order, e.g. \(example(players.count)); - for no answer.\n"
            : "Each player answers their own question in turn; - for no answer.\n"
        intro += "Type :quit to stop early.\n"
        terminal.write(intro)
        while let item = session.nextItem {
            let index = session.records.count
            let who = session.answerers(of: index)
            showQuestion(item, index: index, answerers: who)
            let shownAt = clock.now()
            let deadline = session.timerSeconds.map { shownAt.addingTimeInterval($0) }
            let answers: [ChoiceAnswer?]
            let elapsed: Double
            switch readAnswers(for: item, answerers: who, shownAt: shownAt, deadline: deadline) {
            case .answers(let given):
                answers = given
                elapsed = clock.now().timeIntervalSince(shownAt)
            case .closed:
                answers = []
                elapsed = session.timerSeconds ?? 0
            case .quit:
                terminal.endPrompt()
                let result = session.result(finishedAt: clock.now(), bankFiles: bankFiles)
                terminal.write(ClassSummary.text(for: result))
                return result
            }
            guard let record = session.answerNext(answers, elapsed: elapsed) else { break }
            showOutcome(record, item: item)
        }
        terminal.endPrompt()
        let result = session.result(finishedAt: clock.now(), bankFiles: bankFiles)
        terminal.write(ClassSummary.text(for: result))
        return result
    }

    /// How reading a question's answers ended.
    private enum Reading {
        case answers([ChoiceAnswer?])
        case closed
        case quit
    }

    private func example(_ count: Int) -> String {
        (0..<count).map { ["a", "c", "b", "-", "d"][$0 % 5] }.joined(separator: " ")
    }

    private func showQuestion(_ item: Item, index: Int, answerers: [String]) {
        var text = "\nQuestion \(index + 1) of \(session.items.count)"
        if session.mode == .turns, let who = answerers.first { text += " — \(who)'s turn" }
        if let t = session.timerSeconds { text += "  (\(TextFormat.number(t)) s)" }
        text += "\n" + TerminalText.sanitize(item.prompt) + "\n"
        if let note = QuestionRenderer.chooseNote(item) { text += note + "\n" }
        for (n, choice) in item.choices.enumerated() {
            text += "  \(ChoiceAnswer.letter(n))) \(TerminalText.sanitize(choice))\n"
        }
        terminal.write(text)
        terminal.setCompletions(AnswerParser(item: item, mode: .class).completions())
    }

    /// The next line typed before `deadline`; `.closed` when the time runs out first (a
    /// half-typed line is dropped and reported as too late), `.quit` at the end of input.
    private func nextLine(prompt: String, shownAt: Date, deadline: Date?) -> Result<String, Stop> {
        while true {
            let now = clock.now()
            if let deadline, now >= deadline {
                let dropped = terminal.discardInput()
                terminal.endPrompt()
                terminal.write("Time is up: the question is closed.\n")
                if !dropped.trimmingCharacters(in: .whitespaces).isEmpty {
                    terminal.write(
                        "Too late: \"\(TerminalText.sanitize(dropped))\" came after 0:00 and was not counted.\n"
                    )
                }
                return .failure(.closed)
            }
            var shown = prompt
            var tick: Date? = nil
            if let deadline {
                let left = deadline.timeIntervalSince(now)
                shown = "[\(TextFormat.clock(Int(left.rounded(.up))))] " + prompt
                tick = deadline.addingTimeInterval(-max(0, ((left - 0.000_1).rounded(.down))))
            }
            terminal.setPrompt(shown)
            switch terminal.nextEvent(until: tick) {
            case .line(let line):
                if let deadline, clock.now() >= deadline { continue }  // closes above, as too late
                return .success(line)
            case .endOfInput:
                return .failure(.quit)
            case .interrupt:
                terminal.write("Type :quit to stop the class early.\n")
            case .timeout, .wake, .resize, .key:
                continue
            }
        }
    }

    private enum Stop: Error { case closed, quit }

    /// Reads one valid line of answers (or the close, or the end).
    private func readAnswers(for item: Item, answerers: [String], shownAt: Date, deadline: Date?) -> Reading {
        let prompt =
            answerers.count == 1 ? "\(answerers[0]) > " : "Answers (\(answerers.joined(separator: " "))) > "
        while true {
            let line: String
            switch nextLine(prompt: prompt, shownAt: shownAt, deadline: deadline) {
            case .success(let text): line = text
            case .failure(.closed): return .closed
            case .failure(.quit): return .quit
            }
            let text = line.trimmingCharacters(in: .whitespaces)
            switch SessionCommand.parse(text, in: .class) {
            case .command(.quit, _)?:
                return .quit
            case .command(let command, _)?:
                if command != .help {  // the table gives class mode only :help and :quit
                    terminal.write(
                        "\(command.spelling) is not available in \(CommandMode.class.sessionName).\n")
                    continue
                }
                terminal.write(
                    "Type \(answerers.count == 1 ? "the answer" : "one answer per player, in roster order"); "
                        + "- for no answer; letters together for several choices (ac), or a number, or "
                        + "an option's word.\nCommands:\n" + SessionCommand.helpList(in: .class))
                continue
            case .rejected(let message)?:
                terminal.write(message + "\n")
                continue
            case nil:
                break
            }
            let parser = AnswerParser(item: item, mode: .class)
            let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            if answerers.count == 1 {
                // One player: allow "a c" for a multiple response as well as "ac".
                if text == "-" { return .answers([nil]) }
                if let chosen = parser.options(text) { return .answers([ChoiceAnswer(indices: chosen)]) }
                terminal.write(
                    "Type letters from a to \(ChoiceAnswer.letter(item.choices.count - 1)), a number or an "
                        + "option's word, or - for no answer.\n")
                continue
            }
            guard tokens.count == answerers.count else {
                terminal.write(
                    "Expected \(TextFormat.count(answerers.count, "answer")), one per player in this order: "
                        + "\(answerers.joined(separator: ", ")); got \(tokens.count). Use - for no answer.\n")
                continue
            }
            var answers: [ChoiceAnswer?] = []
            var bad: String?
            for (n, token) in tokens.enumerated() {
                if token == "-" {
                    answers.append(nil)
                } else if let chosen = parser.options(token) {
                    answers.append(ChoiceAnswer(indices: chosen))
                } else {
                    bad =
                        "\(answerers[n]): \"\(TerminalText.sanitize(token))\" is not a letter from a to "
                        + "\(ChoiceAnswer.letter(item.choices.count - 1)), a number or an option's word, or -"
                    break
                }
            }
            if let bad {
                terminal.write(bad + ". Type the whole line again.\n")
                continue
            }
            return .answers(answers)
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
        terminal.write(text)
    }
}
