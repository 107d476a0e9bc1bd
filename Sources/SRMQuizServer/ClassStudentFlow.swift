import Foundation
import SRMQuizKit

/// What a terminal student sees and sends, as a pure value: each event (a message from the host, a
/// line typed, the connection closing) gives the text to print, the messages to send, and whether
/// to stop.
///
/// ``ClassStudentClient`` runs it over a real connection.
package struct ClassStudentFlow: Sendable {
    /// Something that happened.
    package enum Event: Sendable, Equatable {
        case connected
        case message(ServerMessage)
        case line(String)
        case endOfInput
        case closed(code: Int?, reason: String?)
    }

    /// Something to do.
    package enum Action: Sendable, Equatable {
        case print(String)
        case send(ClientMessage)
        /// Records an answered question in the student's progress (item id, right or not,
        /// the letters, milliseconds to answer).
        case record(itemID: String, correct: Bool, answer: [String], timeMs: Int)
        /// Sets the prompt (`Join code: `, `Answer: `, or empty while waiting).
        case prompt(String)
        /// The words Tab completes to (the open question's letters and choices).
        case completions([String])
        /// Starts (seconds left) or stops (`nil`) the countdown shown in the prompt.
        case countdown(Double?)
        case finish(exitCode: Int32)
    }

    private enum Stage: Sendable, Equatable {
        case askPin, askName, joining, waiting, answering, finished
    }

    package private(set) var pin: String?
    package private(set) var name: String?
    package private(set) var token: String?
    private let pinFromOptions: Bool
    private let nameFromOptions: Bool
    private var stage: Stage
    private var question: ServerMessage?
    private var answeredQuestion: Int?
    /// Lines typed before a question opened (piped input), used in order.
    private var queued: [String] = []
    private var inputEnded = false

    package init(pin: String?, name: String?) {
        self.pin = pin
        self.name = name
        self.pinFromOptions = pin != nil
        self.nameFromOptions = name != nil
        self.stage = .askPin
    }

    package mutating func handle(_ event: Event) -> [Action] {
        switch event {
        case .connected:
            if let token { return [.send(.rejoin(token: token))] }
            return askOrJoin()
        case .line(let raw):
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            switch stage {
            case .askPin:
                guard !line.isEmpty else { return [.prompt("Join code: ")] }
                pin = line
                return askOrJoin()
            case .askName:
                guard !line.isEmpty else { return [.prompt("Your name: ")] }
                name = line
                return askOrJoin()
            case .answering: return answer(line)
            case .joining, .waiting:
                if !line.isEmpty { queued.append(line) }
                return []
            case .finished: return []
            }
        case .endOfInput:
            inputEnded = true
            switch stage {
            case .askPin, .askName:
                return [.print("No join code or name given; ending."), .finish(exitCode: 1)]
            default: return []
            }
        case .closed(let code, let reason):
            guard stage != .finished else { return [] }
            stage = .finished
            let why = reason.map { TerminalText.sanitize($0) }.flatMap { $0.isEmpty ? nil : $0 }
            return [
                .print(
                    "The host closed the class\(why.map { " (\($0))" } ?? code.map { " (code \($0))" } ?? "")."
                ),
                .finish(exitCode: 1),
            ]
        case .message(let message):
            return received(message)
        }
    }

    private mutating func askOrJoin() -> [Action] {
        if pin == nil {
            stage = .askPin
            return [.prompt("Join code: ")]
        }
        if name == nil {
            stage = .askName
            return [.prompt("Your name: ")]
        }
        stage = .joining
        return [.prompt(""), .send(.join(pin: pin ?? "", name: name ?? ""))]
    }

    private mutating func received(_ m: ServerMessage) -> [Action] {
        let s = { (text: String?) in TerminalText.sanitize(text ?? "") }
        switch m.type {
        case "welcome":
            token = m.token
            name = m.name ?? name
            stage = .waiting
            return [
                .print("Joined as \(s(m.name)). \(m.total ?? 0) questions; wait for the instructor to start.")
            ]
        case "lobby":
            return []
        case "question":
            question = m
            answeredQuestion = nil
            stage = .answering
            var lines = [
                "",
                "Question \(m.question ?? 0) of \(m.total ?? 0)  (\(Int((m.remaining ?? 0).rounded())) s)",
            ]
            lines.append(s(m.prompt))
            for (i, choice) in (m.choices ?? []).enumerated() {
                lines.append("  \(ChoiceAnswer.letter(i))) \(s(choice))")
            }
            if let pick = m.pick, pick > 1 { lines.append("(choose \(pick): letters such as a c)") }
            var actions: [Action] = [
                .print(lines.joined(separator: "\n")), .completions(completions), .countdown(m.remaining),
                .prompt("Answer: "),
            ]
            if !queued.isEmpty { actions += answer(queued.removeFirst()) }
            return actions
        case "ack":
            guard m.question == question?.question else { return [] }
            answeredQuestion = m.question
            stage = .waiting
            let seconds = Double(m.elapsedMs ?? 0) / 1000
            return [.prompt(""), .print("Answer received (\(String(format: "%.1f", seconds)) s).")]
                + [.countdown(nil)]
        case "paused":
            return [.print("The instructor paused the clock.")]
        case "resumed":
            return [.print("The clock runs again: \(Int((m.remaining ?? 0).rounded())) s left.")]
        case "results":
            stage = .waiting
            question = nil
            var actions: [Action] = [.prompt(""), .countdown(nil)]
            let choices = m.choices ?? []
            let right = ChoiceAnswer.describe(m.correct ?? [], choices: choices)
            let verdict: String
            switch m.state {
            case "right": verdict = "Right! +\(m.points ?? 0) points."
            case "wrong": verdict = "Wrong. The answer: \(right)"
            case "late": verdict = "Too late: the question closed. The answer: \(right)"
            default: verdict = "No answer. The answer: \(right)"
            }
            var lines = [verdict]
            if let e = m.explanation, !e.isEmpty { lines.append(s(e)) }
            if let source = m.sources?.first { lines.append("Source: \(s(source))") }
            lines.append("Score \(m.score ?? 0), rank \(m.rank ?? 0) of \(m.players ?? 0).")
            actions.append(.print(lines.joined(separator: "\n")))
            if let id = m.id, let answer = m.answer, m.state == "right" || m.state == "wrong" {
                actions.append(
                    .record(itemID: id, correct: m.state == "right", answer: answer, timeMs: m.elapsedMs ?? 0)
                )
            }
            return actions
        case "finished":
            stage = .finished
            var lines = [
                "",
                "The class has ended. You finished \(m.rank ?? 0) of \(m.players ?? 0) with \(m.score ?? 0) points.",
            ]
            for standing in m.top ?? [] {
                lines.append("  \(standing.rank). \(s(standing.name))  \(standing.score)")
            }
            return [.prompt(""), .print(lines.joined(separator: "\n")), .finish(exitCode: 0)]
        case "error":
            let text = s(m.message)
            switch m.code {
            case "wrong-pin":
                if pinFromOptions { return [.print("Refused: \(text)"), .finish(exitCode: 1)] }
                pin = nil
                return [.print("Refused: \(text)")] + askOrJoin()
            case "name-empty", "name-too-long", "name-invalid", "name-taken":
                if nameFromOptions { return [.print("Refused: \(text)"), .finish(exitCode: 1)] }
                name = nil
                return [.print("Refused: \(text)")] + askOrJoin()
            case "session-full", "session-finished", "removed", "unknown-token":
                stage = .finished
                return [.print("Refused: \(text)"), .finish(exitCode: 1)]
            case "duplicate-answer", "question-closed", "paused":
                if stage == .answering, m.code == "paused" { return [.print(text)] }
                stage = .waiting
                return [.prompt(""), .print(text)]
            default:
                return [.print(text)] + (stage == .answering ? [.prompt("Answer: ")] : [])
            }
        default:
            return []
        }
    }

    /// Reads `line` as an answer to the open question: letters (`b`, `a c`), a choice number
    /// (`2`) or a choice's text.
    private mutating func answer(_ line: String) -> [Action] {
        guard let question, let number = question.question else { return [] }
        let choices = question.choices ?? []
        guard !line.isEmpty else { return [.prompt("Answer: ")] }
        // The one answer parser of every session: letters, numbers, an option's words.
        guard
            let letters = AnswerParser(choices: choices).options(line).map({
                ChoiceAnswer(indices: $0).letters
            })
        else {
            let last = ChoiceAnswer.letter(max(0, choices.count - 1))
            return [
                .print("Type a letter from a to \(last), a number, or a choice's text."), .prompt("Answer: "),
            ]
        }
        stage = .waiting
        return [.prompt(""), .send(.answer(question: number, choices: letters))]
    }

    /// Completions for Tab: the letters and the choices of the open question.
    package var completions: [String] {
        guard stage == .answering, let choices = question?.choices else { return [] }
        return choices.indices.map { ChoiceAnswer.letter($0) } + choices
    }

    /// Whether a question is waiting for this student's answer.
    package var isAnswering: Bool { stage == .answering }
}
