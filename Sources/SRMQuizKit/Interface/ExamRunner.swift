import Foundation

/// Runs a mock exam at the terminal: shows each question with the time left, reads answers and
/// commands, and submits when asked, at the end of input, or when time is up (the clock is read
/// after every line; a line entered after the deadline is not counted).
public final class ExamRunner {
    private let reader: any LineReader
    private let sink: any TextSink
    private let clock: any Clock
    private var session: ExamSession
    private let bankFiles: [String]

    /// The commands, as `:help` lists them.
    public static let helpText = """
        Type the letter of your answer (for "Choose TWO", two letters: a c).
        Commands:
          :flag        flag this question (again to remove the flag)
          :review      list flagged and unanswered questions
          :goto N      go to question N (to change an answer)
          :next :prev  move without answering (Enter also moves on)
          :submit      end the exam and see your score
          :help        this list
        No feedback is given until the end.

        """

    public init(
        items: [Item], configuration: ExamConfiguration, bankFiles: [String], reader: any LineReader,
        sink: any TextSink, clock: any Clock
    ) {
        self.reader = reader
        self.sink = sink
        self.clock = clock
        self.bankFiles = bankFiles
        self.session = ExamSession(items: items, configuration: configuration, startedAt: clock.now())
    }

    /// Runs the exam to its end and returns the result (also printed).
    public func run() -> ExamResult {
        let count = session.items.count
        let config = session.configuration
        sink.write(
            "Mock exam: \(count) questions, \(config.minutes) minutes, pass mark \(Self.format(config.passMark))%."
                + " Seed \(config.seed).\nType :help for the commands.\n\n")
        guard count > 0 else {
            return finish(timedOut: false, at: clock.now())
        }
        session.show(0, at: clock.now())
        showCurrent(at: clock.now())
        while true {
            let line = reader.readLine(prompt: "[\(session.current + 1)/\(count)] > ")
            let now = clock.now()
            if session.isTimeUp(at: now) {
                sink.write("\nTime is up. The exam was submitted")
                sink.write(
                    line.map { $0.trimmingCharacters(in: .whitespaces).isEmpty } == false
                        ? "; the last line came after time ran out and was not counted.\n" : ".\n")
                return finish(timedOut: true, at: now)
            }
            guard let raw = line else {
                sink.write("\nEnd of input: submitting the exam.\n")
                return finish(timedOut: false, at: now)
            }
            let text = raw.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix(":") {
                if handleCommand(text, at: now) { return finish(timedOut: false, at: clock.now()) }
            } else if text.isEmpty {
                move(to: (session.current + 1) % count, at: now)
            } else {
                handleAnswer(text, at: now)
            }
        }
    }

    // MARK: - Input

    /// Handles a command; returns `true` when the exam is to be submitted.
    private func handleCommand(_ text: String, at now: Date) -> Bool {
        let parts = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
        let count = session.items.count
        switch parts[0].lowercased() {
        case ":help", ":h", ":?":
            sink.write(Self.helpText)
        case ":flag", ":f":
            let on = session.toggleFlag()
            sink.write(
                on
                    ? "Question \(session.current + 1) flagged.\n"
                    : "Flag removed from question \(session.current + 1).\n")
        case ":review", ":r":
            sink.write(reviewText())
        case ":goto", ":g":
            guard parts.count == 2, let n = Int(parts[1]), (1...count).contains(n) else {
                sink.write("Usage: :goto N, with N from 1 to \(count).\n")
                return false
            }
            move(to: n - 1, at: now)
        case ":next", ":n":
            move(to: (session.current + 1) % count, at: now)
        case ":prev", ":p":
            move(to: (session.current + count - 1) % count, at: now)
        case ":submit", ":s":
            let open = session.unanswered.count
            if open == 0 { return true }
            let line = reader.readLine(
                prompt: "\(open) question\(open == 1 ? " is" : "s are") unanswered. Submit anyway? [y/N] ")
            let answeredAt = clock.now()
            if session.isTimeUp(at: answeredAt) { return true }
            if let line, ["y", "yes"].contains(line.trimmingCharacters(in: .whitespaces).lowercased()) {
                return true
            }
            if line == nil { return true }
            sink.write("Not submitted. \(reviewText())")
        default:
            sink.write("Unknown command \(TerminalText.sanitize(parts[0])). Type :help for the list.\n")
        }
        return false
    }

    private func handleAnswer(_ text: String, at now: Date) {
        let item = session.items[session.current]
        let lastLetter = ChoiceAnswer.letter(item.choices.count - 1)
        // The same answer forms as study sessions: letters, numbers, the option's words.
        let answer: ChoiceAnswer
        switch AnswerParser(item: item).parse(text) {
        case .choices(let indices):
            answer = ChoiceAnswer(letters: indices.map(ChoiceAnswer.letter))
        case .unrecognised(let reminder) where !reminder.hasPrefix("Unknown command"):
            sink.write(TerminalText.sanitize(reminder) + "\n")
            return
        default:
            sink.write("Type a letter from a to \(lastLetter), or a command such as :help.\n")
            return
        }
        let needed = item.answers.count
        guard answer.letters.count == needed else {
            sink.write(
                needed == 1
                    ? "Choose one answer only: a single letter from a to \(lastLetter).\n"
                    : "Choose \(Self.numberWord(needed)): give \(needed) different letters, such as a c.\n")
            return
        }
        session.answer(answer, at: now)
        if let next = session.nextUnanswered() {
            move(to: next, at: now)
        } else {
            session.stopTimer(at: now)  // no question is on screen until the next :goto
            sink.write(
                "All \(session.items.count) questions are answered. Type :submit to finish, "
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
        header += "    Time left \(Self.clockText(session.secondsLeft(at: now)))"
        var text = "\n" + header + "\n" + TerminalText.sanitize(item.prompt) + "\n"
        if item.isMultipleResponse { text += "(Choose \(Self.numberWord(item.answers.count)).)\n" }
        for (n, choice) in item.choices.enumerated() {
            text += "  \(ChoiceAnswer.letter(n))) \(TerminalText.sanitize(choice))\n"
        }
        if let given = session.answers[i] { text += "Your answer: \(given.letters.joined(separator: " "))\n" }
        sink.write(text)
    }

    private func reviewText() -> String {
        let flags = session.flagged.sorted().map { String($0 + 1) }
        let open = session.unanswered.map { String($0 + 1) }
        return "Flagged: \(flags.isEmpty ? "none" : flags.joined(separator: ", "))\n"
            + "Unanswered: \(open.isEmpty ? "none" : open.joined(separator: ", "))\n"
    }

    private func finish(timedOut: Bool, at now: Date) -> ExamResult {
        session.stopTimer(at: now)
        let result = session.result(finishedAt: now, timedOut: timedOut, bankFiles: bankFiles)
        sink.write("\n" + ExamSummary.text(for: result))
        return result
    }

    // MARK: - Helpers

    /// `seconds` as `m:ss` or `h:mm:ss`.
    public static func clockText(_ seconds: Int) -> String {
        let h = seconds / 3600
        let m = (seconds % 3600) / 60
        let s = seconds % 60
        let ss = s < 10 ? "0\(s)" : "\(s)"
        if h > 0 { return "\(h):\(m < 10 ? "0" : "")\(m):\(ss)" }
        return "\(m):\(ss)"
    }

    /// `TWO`, `THREE`, … as the exam words it.
    public static func numberWord(_ n: Int) -> String {
        let words = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX"]
        return n < words.count ? words[n] : String(n)
    }

    static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(format: "%.1f", value)
    }
}
