import Foundation
import SRMQuizKit

/// Runs a mock exam on a ``Terminal``: the time left runs in the prompt (`[12:04] [3/20] > `,
/// redrawn every 10 seconds, every second in the last minute), notices come at the warning times
/// (10, 5 and 1 minute left by default), and at 0:00 the exam submits itself — results shown,
/// nothing more to press.
///
/// The learner answers, flags, reviews and moves between questions; no feedback is given until the
/// end.
package final class ExamRunner {
    private let terminal: any Terminal
    private let clock: any Clock
    private var session: ExamSession
    private let bankFiles: [String]
    private let warnings: [Int]
    private let names: DisplayNames
    /// The number of unanswered questions while a `:submit` waits for its "y".
    private var confirming: Int?
    /// Called with the exam's state after every change (an answer, a flag, a move), before the
    /// next question is shown: the command keeps it in an ``ExamJournal``.
    package var onChange: ((ExamSession.Snapshot) -> Void)?

    /// What `:help` shows: how to answer and the exam's commands (``SessionCommand``).
    package static var helpText: String {
        "Type the letter of your answer (for \"Choose TWO\", two letters: a c).\nCommands:\n"
            + SessionCommand.helpList(in: .exam) + "No feedback is given until the end.\n\n"
    }

    /// An exam of `items` on `terminal`; `clock` runs the time limit; `warnAt` are the seconds
    /// left at which a notice is printed.
    package init(
        items: [Item], configuration: ExamConfiguration, bankFiles: [String], terminal: any Terminal,
        clock: any Clock, warnAt: [Int] = ExamRunner.defaultWarnings, names: DisplayNames = DisplayNames()
    ) {
        self.terminal = terminal
        self.clock = clock
        self.bankFiles = bankFiles
        self.warnings = warnAt.filter { $0 > 0 }.sorted(by: >)
        self.names = names
        self.session = ExamSession(items: items, configuration: configuration, startedAt: clock.now())
    }

    /// Takes up the exam of `snapshot` again, with the time it had left.
    package init(
        items: [Item], configuration: ExamConfiguration, resuming snapshot: ExamSession.Snapshot,
        bankFiles: [String], terminal: any Terminal, clock: any Clock,
        warnAt: [Int] = ExamRunner.defaultWarnings,
        names: DisplayNames = DisplayNames()
    ) {
        self.terminal = terminal
        self.clock = clock
        self.bankFiles = bankFiles
        self.warnings = warnAt.filter { $0 > 0 }.sorted(by: >)
        self.names = names
        self.session = ExamSession(
            items: items, configuration: configuration, resuming: snapshot, at: clock.now())
        self.resumed = true
    }

    private var resumed = false

    /// When the exam began (moved later by the time a resumed exam was away).
    package var startedAt: Date { session.startedAt }

    /// Notices at 10, 5 and 1 minute left.
    package static let defaultWarnings = [600, 300, 60]

    /// Runs the exam to its end — submitted, out of input, or out of time — and returns the
    /// result (also printed).
    package func run() -> ExamResult {
        let count = session.items.count
        let config = session.configuration
        write(
            "Mock exam: \(TextFormat.count(count, "question")), \(Self.limitText(config.timeLimit)), "
                + "pass mark \(TextFormat.number(config.passMark))%. Seed \(config.seed).\n"
                + "The time left is in the prompt; the exam submits itself at 0:00. Type :help for the commands.\n"
        )
        guard count > 0 else {
            return finish(timedOut: false, at: clock.now())
        }
        var warned = Set(warnings.filter { Double($0) >= session.deadline.timeIntervalSince(clock.now()) })
        if resumed {
            write(
                "Resumed: \(TextFormat.count(count - session.unanswered.count, "answer")) kept, "
                    + "\(TextFormat.clock(Int(session.deadline.timeIntervalSince(clock.now()).rounded(.up)))) left.\n"
            )
        }
        session.show(resumed ? session.current : 0, at: clock.now())
        showCurrent(at: clock.now())
        while true {
            let now = clock.now()
            if session.isTimeUp(at: now) {
                let dropped = terminal.discardInput().trimmingCharacters(in: .whitespaces)
                terminal.endPrompt()
                write("\nTime is up: the exam was submitted automatically.\n")
                if !dropped.isEmpty {
                    write(
                        "The half-typed \"\(TerminalText.sanitize(dropped))\" came too late and was not counted.\n"
                    )
                }
                return finish(timedOut: true, at: session.deadline)
            }
            let left = session.deadline.timeIntervalSince(now)
            if let crossed = warnings.first(where: { Double($0) >= left && !warned.contains($0) }) {
                warned.formUnion(warnings.filter { $0 >= crossed })
                write("\n" + Self.warningText(crossed) + "\n")
            }
            terminal.setPrompt(prompt(secondsLeft: Int(left.rounded(.up))))
            switch terminal.nextEvent(until: nextTick(after: now)) {
            case .timeout, .wake, .resize, .key:
                continue
            case .interrupt:
                write("The exam goes on. Type :submit to finish (or Ctrl-D to submit now).\n")
            case .endOfInput:
                write("\nEnd of input: submitting the exam.\n")
                return finish(timedOut: false, at: clock.now())
            case .line(let raw):
                let at = clock.now()
                if session.isTimeUp(at: at) {
                    write(
                        "\nTime is up: the exam was submitted automatically; the last line came too late.\n")
                    return finish(timedOut: true, at: session.deadline)
                }
                if handle(raw.trimmingCharacters(in: .whitespaces), at: at) {
                    return finish(timedOut: false, at: at)
                }
                onChange?(session.snapshot(at: clock.now()))
            }
        }
    }

    /// The prompt: the clock, then the question number or the submit question.
    private func prompt(secondsLeft: Int) -> String {
        let time = "[\(TextFormat.clock(secondsLeft))] "
        if let open = confirming {
            return time + "\(TextFormat.count(open, "question")) \(open == 1 ? "is" : "are") unanswered. "
                + "Submit anyway? [y/N] "
        }
        return time + "[\(session.current + 1)/\(session.items.count)] > "
    }

    /// When the clock in the prompt next changes: every 10 seconds, every second in the last minute.
    private func nextTick(after now: Date) -> Date {
        let left = session.deadline.timeIntervalSince(now)
        let step: Double = left > 60 ? 10 : 1
        let next = ((left - 0.000_1) / step).rounded(.down) * step
        return session.deadline.addingTimeInterval(-max(0, next))
    }

    /// "5 minutes left." and the like.
    static func warningText(_ seconds: Int) -> String {
        seconds % 60 == 0
            ? "Notice: " + TextFormat.count(seconds / 60, "minute") + " left."
            : "Notice: " + TextFormat.count(seconds, "second") + " left."
    }

    /// "90 minutes", "6 seconds", "1 minute 30 seconds".
    static func limitText(_ seconds: TimeInterval) -> String {
        let total = Int(seconds.rounded(.up))
        let (m, s) = (total / 60, total % 60)
        if m == 0 { return TextFormat.count(s, "second") }
        return TextFormat.count(m, "minute") + (s > 0 ? " " + TextFormat.count(s, "second") : "")
    }

    private func write(_ text: String) { terminal.write(text) }

    // MARK: - Input

    /// Handles a line typed; returns `true` when the exam is to be submitted.
    private func handle(_ text: String, at now: Date) -> Bool {
        if let open = confirming {
            confirming = nil
            if ["y", "yes"].contains(text.lowercased()) { return true }
            _ = open
            write("Not submitted. \(reviewText())")
            return false
        }
        let count = session.items.count
        if text.hasPrefix(":") { return handleCommand(text, at: now) }
        if text.isEmpty {
            move(to: (session.current + 1) % count, at: now)
        } else {
            handleAnswer(text, at: now)
        }
        return false
    }

    /// Handles a command; returns `true` when the exam is to be submitted.
    private func handleCommand(_ text: String, at now: Date) -> Bool {
        let count = session.items.count
        let command: SessionCommand
        let argument: String?
        switch SessionCommand.parse(text, in: .exam) {
        case .command(let named, let given)?: (command, argument) = (named, given)
        case .rejected(let message)?:
            write(message + "\n")
            return false
        case nil: return false
        }
        switch command {
        case .help:
            write(Self.helpText)
        case .flag:
            let on = session.toggleFlag()
            write(
                on
                    ? "Question \(session.current + 1) flagged.\n"
                    : "Flag removed from question \(session.current + 1).\n")
        case .review:
            write(reviewText())
        case .goto:
            guard let argument, let n = Int(argument), (1...count).contains(n) else {
                write("Usage: :goto N, with N from 1 to \(count).\n")
                return false
            }
            move(to: n - 1, at: now)
        case .next:
            move(to: (session.current + 1) % count, at: now)
        case .prev:
            move(to: (session.current + count - 1) % count, at: now)
        case .submit:
            let open = session.unanswered.count
            if open == 0 { return true }
            confirming = open
        case .skip, .hint, .explain, .undo, .stats, .quit:  // not exam commands: parsed as rejected
            write("\(command.spelling) is not available in \(CommandMode.exam.sessionName).\n")
        }
        return false
    }

    private func handleAnswer(_ text: String, at now: Date) {
        let item = session.items[session.current]
        let lastLetter = ChoiceAnswer.letter(item.choices.count - 1)
        // The same answer forms as study sessions: letters, numbers, the option's words.
        let answer: ChoiceAnswer
        switch AnswerParser(item: item, mode: .exam).parse(text) {
        case .choices(let indices):
            answer = ChoiceAnswer(letters: indices.map(ChoiceAnswer.letter))
        case .unrecognised(let reminder):
            write(TerminalText.sanitize(reminder) + "\n")
            return
        default:
            write("Type a letter from a to \(lastLetter), or a command such as :help.\n")
            return
        }
        let needed = item.answers.count
        guard answer.letters.count == needed else {
            write(
                needed == 1
                    ? "Choose one answer only: a single letter from a to \(lastLetter).\n"
                    : "Choose \(TextFormat.numberWord(needed)): give \(needed) different letters, such as a c.\n"
            )
            return
        }
        session.answer(answer, at: now)
        if let next = session.nextUnanswered() {
            move(to: next, at: now)
        } else {
            session.stopTimer(at: now)  // no question is on screen until the next :goto
            write(
                "All \(TextFormat.count(session.items.count, "question")) are answered. Type :submit to finish, "
                    + "or :goto N to change an answer.\n")
        }
    }

    private func move(to index: Int, at now: Date) {
        session.show(index, at: now)
        showCurrent(at: now)
    }

    // MARK: - Output

    private func showCurrent(at now: Date) {
        let i = session.current
        let item = session.items[i]
        var header = "Question \(i + 1) of \(session.items.count)"
        if session.flagged.contains(i) { header += "  [flagged]" }
        var text = "\n" + header + "\n" + TerminalText.sanitize(item.prompt) + "\n"
        if let note = QuestionRenderer.chooseNote(item) { text += note + "\n" }
        for (n, choice) in item.choices.enumerated() {
            text += "  \(ChoiceAnswer.letter(n))) \(TerminalText.sanitize(choice))\n"
        }
        if let given = session.answers[i] { text += "Your answer: \(given.letters.joined(separator: " "))\n" }
        write(text)
        terminal.setCompletions(AnswerParser(item: item, mode: .exam).completions())
    }

    private func reviewText() -> String {
        let flags = session.flagged.sorted().map { String($0 + 1) }
        let open = session.unanswered.map { String($0 + 1) }
        return "Flagged: \(flags.isEmpty ? "none" : flags.joined(separator: ", "))\n"
            + "Unanswered: \(open.isEmpty ? "none" : open.joined(separator: ", "))\n"
    }

    private func finish(timedOut: Bool, at now: Date) -> ExamResult {
        terminal.endPrompt()
        session.stopTimer(at: now)
        let result = session.result(finishedAt: now, timedOut: timedOut, bankFiles: bankFiles)
        write("\n" + ExamSummary.text(for: result, names: names))
        return result
    }
}
