import Foundation
import SRMQuizKit

/// The study, quiz and cram loop: asks the engine's questions on a ``Terminal``, reads answers and
/// commands, shows feedback, and ends with a summary (on `:quit`, Ctrl-D, Ctrl-C twice, or when
/// nothing is left).
///
/// Progress is recorded by the engine as it goes.
package final class REPL {
    package let engine: SessionEngine
    private let terminal: any Terminal
    private let clock: any Clock
    private let renderer: QuestionRenderer
    private let summary: SessionSummaryRenderer
    private let prompt: String
    private let names: DisplayNames
    private var lastAnswered: Item?
    /// Whether the last event was a Ctrl-C (a second one on an empty line ends the session).
    private var interrupted = false

    /// A loop over `engine` on `terminal` in `style`; `clock` times the answers; `names` gives
    /// services and owners their display names in the summary.
    package init(
        engine: SessionEngine, terminal: any Terminal, clock: any Clock, style: TerminalStyle = .plain,
        names: DisplayNames = DisplayNames(), prompt: String = "> "
    ) {
        self.engine = engine
        self.terminal = terminal
        self.clock = clock
        self.renderer = QuestionRenderer(style: style)
        self.summary = SessionSummaryRenderer(style: style, names: names)
        self.prompt = prompt
        self.names = names
    }

    private func write(_ text: String) { terminal.write(text) }

    /// The next line typed, or `nil` when the learner leaves (Ctrl-D, or Ctrl-C twice).
    private func readLine() -> String? {
        terminal.setPrompt(prompt)
        while true {
            switch terminal.nextEvent(until: nil) {
            case .line(let line):
                interrupted = false
                return line
            case .endOfInput:
                return nil
            case .interrupt:
                if interrupted { return nil }
                interrupted = true
                write("(Ctrl-C again or Ctrl-D to save and quit)\n")
            case .key, .resize, .timeout, .wake:
                continue
            }
        }
    }

    /// Runs the session to its end and returns its tallies.
    ///
    /// Throws if progress cannot be saved, after the summary (which says the last answer was not
    /// saved); the caller reports the error (the command line: once, at the root, with the other
    /// errors).
    @discardableResult package func run() throws(SessionError) -> SessionStats {
        write(welcome() + "\n")
        if let offer = engine.introOffer { write(offer + "\n") }  // #10: intro offered on a first session
        defer { terminal.endPrompt() }
        do {
            try loop()
            terminal.endPrompt()
        } catch {
            terminal.endPrompt()
            write(summary.render(engine, now: clock.now(), saved: false))
            throw error
        }
        write(summary.render(engine, now: clock.now()))
        return engine.stats
    }

    /// The first line: what today holds.
    package func welcome() -> String {
        let config = engine.configuration
        var text: String
        switch config.mode {
        case .study:
            // The counts add up to what this session asks: learning cards due now count as due.
            let queue = engine.studyQueue ?? StudyQueue()
            let total = engine.remaining
            let new = min(queue.newCount, total)
            text = "srmquiz study: \(total - new) due now, \(new) new today"
            if !queue.learningLater.isEmpty { text += ", \(queue.learningLater.count) learning later" }
            if let limit = config.limit { text += " (limit \(limit))" }
        case .quiz:
            text = "srmquiz quiz: " + TextFormat.count(engine.remaining, "question")
            text += config.records ? ", answers go into your schedule" : ", not recorded"
        case .cram:
            text =
                "srmquiz cram: " + TextFormat.count(engine.remaining, "question")
                + ", hardest first, not recorded"
        }
        return renderer.style.bold(text) + ". Type :help for commands, Ctrl-D to stop."
    }

    private enum Flow { case nextQuestion, quit }

    private func loop() throws(SessionError) {
        while let item = engine.next() {
            if try ask(item) == .quit { return }
        }
        write("\nNothing left for now.\n")
    }

    /// Asks `item` until it is answered, skipped or undone, or the learner quits.
    private func ask(_ item: Item) throws(SessionError) -> Flow {
        let parser = AnswerParser(item: item)
        let askedAt = clock.now()
        var ruledOut = Set<Int>()
        var hintUsed = false
        var backShown = false
        var proposed: Rating?  // #10: the rating a typed flashcard answer earned
        let done = engine.stats.answered
        write(renderer.question(item, header: header(item, done: done)))
        while true {
            terminal.setCompletions(parser.completions(backShown: backShown))
            guard let line = readLine() else { return .quit }
            switch parser.parse(line, backShown: backShown, proposed: proposed) {
            case .choices(let chosen):
                let result = try engine.answer(
                    .choices(chosen), duration: clock.now().timeIntervalSince(askedAt), hintUsed: hintUsed)
                lastAnswered = item
                write(renderer.feedback(result, now: clock.now()))
                return .nextQuestion
            case .rating(let rating):
                let result = try engine.answer(
                    .selfRating(rating), duration: clock.now().timeIntervalSince(askedAt))
                lastAnswered = item
                write(renderer.feedback(result, now: clock.now()))
                return .nextQuestion
            case .reveal:
                backShown = true
                write(renderer.back(item))
            case .typedAnswer(let owner):  // #10: typed answer on a flashcard, graded; Enter accepts
                let grade = SessionEngine.grade(typed: owner, on: item)
                (backShown, proposed) = (true, grade.rating)
                write(renderer.back(item) + grade.message + "\n")
            case .empty:
                write(parser.reminder + "\n")
            case .unrecognised(let reminder):
                write(reminder + "\n")
            case .command(let command, _):
                switch command {
                case .quit:
                    return .quit
                case .skip:
                    try engine.skip()
                    write("Skipped.\n")
                    return .nextQuestion
                case .undo:
                    guard engine.canUndo else {
                        write("Nothing to undo.\n")
                        continue
                    }
                    if let again = try engine.undo() {
                        write("Took back your last answer; here it is again.\n")
                        lastAnswered = nil
                        _ = again
                    }
                    return .nextQuestion
                case .help:
                    write(help(parser))
                case .hint:
                    let text = hint(item, ruledOut: &ruledOut)
                    hintUsed = true
                    write(text)
                    if !ruledOut.isEmpty {
                        write(
                            renderer.question(item, header: header(item, done: done), ruledOut: ruledOut))
                    }
                case .explain:
                    if let lastAnswered {
                        write(renderer.style.bold("Last answer:") + "\n" + renderer.explanation(lastAnswered))
                    } else {
                        write(
                            "Nothing answered yet: :explain shows the full explanation and sources of "
                                + "your last answer once you have answered one.\n")
                    }
                case .stats:
                    write(statsLine() + "\n")
                case .flag, .review, .goto, .next, .prev, .submit:  // exam commands: parsed as rejected
                    write("\(command.spelling) is not available in \(CommandMode.study.sessionName).\n")
                }
            }
        }
    }

    private func header(_ item: Item, done: Int) -> String {
        let total = done + 1 + engine.remaining
        let reason = engine.current?.reason.rawValue ?? ""
        var parts = ["[\(done + 1)/\(total)]", reason]
        if let service = item.values(of: "service").first {
            parts.append(TerminalText.sanitize(names.name(service, of: "service")))
        }
        return parts.filter { !$0.isEmpty }.joined(separator: " · ")
    }

    private func help(_ parser: AnswerParser) -> String {
        parser.reminder + "\nCommands:\n" + SessionCommand.helpList(in: .study)
    }

    /// Rules out one wrong option (while two or more remain besides the answers); otherwise
    /// names the service's category.
    private func hint(_ item: Item, ruledOut: inout Set<Int>) -> String {
        let right = Set(item.answers.compactMap { item.choices.firstIndex(of: $0) })
        let wrong = item.choices.indices.filter { !right.contains($0) && !ruledOut.contains($0) }
        if wrong.count >= 2 {
            let seed = item.id.unicodeScalars.reduce(0) { $0 &+ Int($1.value) }
            let pick = wrong[seed % wrong.count]
            ruledOut.insert(pick)
            return
                "Hint: it is not \(SessionEngine.letter(pick))). (A hinted answer counts as Hard at best.)\n"
        }
        if let category = item.values(of: "category").first {
            return "Hint: the service is in the \(TerminalText.sanitize(category)) category.\n"
        }
        return "No hint for this one.\n"
    }

    private func statsLine() -> String {
        let stats = engine.stats
        var line = "Answered \(stats.answered)"
        if stats.answered > 0 { line += ", accuracy \(stats.accuracy.text)" }
        line += "; \(engine.remaining) left"
        if engine.learningPending > 0 { line += " + \(engine.learningPending) learning" }
        line += "; time \(RelativeTime.duration(clock.now().timeIntervalSince(stats.startedAt)))"
        return line
    }
}
