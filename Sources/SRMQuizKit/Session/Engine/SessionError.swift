/// Problems a session can meet.
package enum SessionError: Error, CustomStringConvertible, Sendable, Equatable {
    /// `answer` or `skip` with no current question.
    case noCurrentQuestion
    /// A response that does not fit the question (e.g. a choice index out of range).
    case responseDoesNotFit(itemID: String, expected: String)
    /// The progress store could not record or undo.
    case store(String)

    package var description: String {
        switch self {
        case .noCurrentQuestion: "no question is being asked"
        case .responseDoesNotFit(let id, let expected): "answer to \(id) does not fit: expected \(expected)"
        case .store(let message): "could not save progress: \(message)"
        }
    }
}
