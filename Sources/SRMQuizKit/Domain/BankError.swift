/// Problems found in banks, each with its place. Thrown by ``BankLoader/load(paths:)``.
public struct BankError: Error, CustomStringConvertible, Sendable {
    public var problems: [BankProblem]
    public init(problems: [BankProblem]) { self.problems = problems }
    public var description: String {
        let count = problems.count == 1 ? "1 problem" : "\(problems.count) problems"
        return "invalid question bank (\(count)):\n"
            + problems.map { "  " + $0.description }.joined(separator: "\n")
    }
}
