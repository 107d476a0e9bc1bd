import Yams

/// Writes questions as a bank file in the format of docs/bank-format.md (`format: 1` and a
/// `questions:` list).
///
/// Yams emits every string, quoting whatever YAML would otherwise read as something else (`True`,
/// `no`, `1.0`, `: `, `#`, leading spaces, …).
package enum BankWriter {
    /// The YAML text of a bank holding `questions`, with `comment` lines (`# …`) on top.
    package static func yaml(questions: [AuthoredQuestion], comment: [String] = []) throws(BankWriterError)
        -> String
    {
        let list = questions.map(node)
        let root = Node.mapping(
            Node.Mapping([
                (scalar("format"), Node.scalar(Node.Scalar("1"))),
                (scalar("questions"), Node.sequence(Node.Sequence(list))),
            ]))
        let body: String
        do {
            body = try Yams.serialize(node: root, width: -1, allowUnicode: true)
        } catch {
            throw BankWriterError(message: "cannot write YAML: \(error)")
        }
        let header = comment.map {
            "# " + $0.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
        }
        return header.joined() + body
    }

    static func node(_ question: AuthoredQuestion) -> Node {
        var pairs: [(Node, Node)] = [
            (scalar("id"), scalar(question.id)),
            (scalar("type"), scalar(question.style.rawValue)),
            (scalar("prompt"), scalar(question.prompt)),
        ]
        if question.style != .trueFalse { pairs.append((scalar("choices"), sequence(question.choices))) }
        pairs.append((scalar("answer"), sequence(question.answers, flow: true)))
        pairs.append((scalar("explanation"), scalar(question.explanation)))
        if !question.services.isEmpty {
            pairs.append((scalar("services"), sequence(question.services, flow: true)))
        }
        if !question.topics.isEmpty {
            pairs.append((scalar("topics"), sequence(question.topics, flow: true)))
        }
        if !question.facts.isEmpty { pairs.append((scalar("facts"), sequence(question.facts, flow: true))) }
        pairs.append((scalar("sources"), sequence(question.sources)))
        return .mapping(Node.Mapping(pairs))
    }

    static func scalar(_ text: String) -> Node { .scalar(text.represented()) }

    static func sequence(_ values: [String], flow: Bool = false) -> Node {
        .sequence(Node.Sequence(values.map(scalar), Tag(.implicit), flow ? .flow : .block))
    }
}

/// The bank could not be written.
package struct BankWriterError: Error, Sendable, CustomStringConvertible {
    package var message: String
    package var description: String { message }
}
