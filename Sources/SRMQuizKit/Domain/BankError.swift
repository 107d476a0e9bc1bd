/// Problems found in banks, each with its place.
///
/// Thrown by ``BankLoader/load(paths:)``.
public struct BankError: Error, CustomStringConvertible, Sendable {
    /// Every problem found, in file order.
    public var problems: [BankProblem]
    package init(problems: [BankProblem]) { self.problems = problems }
    /// One line per problem, after a count.
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "invalid question bank (\(count)):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
