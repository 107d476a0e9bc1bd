/// Why the live class refused a join or an answer.
///
/// Each case has a stable ``code`` (sent to clients, documented in docs/class-protocol.md) and a
/// ``description`` a student can act on.
package enum LiveClassError: Error, Sendable, Equatable, CustomStringConvertible {
    case wrongPin
    case nameEmpty
    case nameTooLong(limit: Int)
    case nameInvalid
    case nameTaken(String)
    case sessionFull(limit: Int)
    case sessionFinished
    case unknownToken
    case removed
    case unknownQuestion(Int)
    case questionClosed(Int)
    case duplicateAnswer(Int)
    case invalidAnswer
    case paused

    /// The stable code clients see.
    package var code: String {
        switch self {
        case .wrongPin: "wrong-pin"
        case .nameEmpty: "name-empty"
        case .nameTooLong: "name-too-long"
        case .nameInvalid: "name-invalid"
        case .nameTaken: "name-taken"
        case .sessionFull: "session-full"
        case .sessionFinished: "session-finished"
        case .unknownToken: "unknown-token"
        case .removed: "removed"
        case .unknownQuestion: "unknown-question"
        case .questionClosed: "question-closed"
        case .duplicateAnswer: "duplicate-answer"
        case .invalidAnswer: "invalid-answer"
        case .paused: "paused"
        }
    }

    package var description: String {
        switch self {
        case .wrongPin: "wrong join code: check the code on the projector"
        case .nameEmpty: "the name is empty: type the name to show on the scoreboard"
        case .nameTooLong(let limit): "the name is longer than \(limit) characters: choose a shorter one"
        case .nameInvalid: "the name holds control characters: use letters, digits, spaces and punctuation"
        case .nameTaken(let name):
            "the name \"\(TerminalText.sanitize(name))\" is already taken: choose another one"
        case .sessionFull(let limit): "the class is full (\(limit) players)"
        case .sessionFinished: "the class has ended"
        case .unknownToken: "this rejoin token is not known: join again with the code and a name"
        case .removed: "the instructor removed you from the class"
        case .unknownQuestion(let n): "there is no question \(n)"
        case .questionClosed(let n): "question \(n) is closed: the answer came too late"
        case .duplicateAnswer(let n): "question \(n) is already answered: only the first answer counts"
        case .invalidAnswer: "the answer names no choice of this question"
        case .paused: "the clock is paused: answer when the instructor resumes"
        }
    }
}
