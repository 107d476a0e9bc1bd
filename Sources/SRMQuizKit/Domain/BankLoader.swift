/// Reads bank files (YAML) into a ``Bank``.
public enum BankLoader {
    /// Loads and merges the banks at `paths` (files or folders), then validates them.
    /// Throws ``BankError`` listing every problem.
    public static func load(paths: [String]) throws(BankError) -> Bank {
        Bank()  // filled in by the foundation work
    }
}

/// Problems found in banks, each with its place.
public struct BankError: Error, CustomStringConvertible, Sendable {
    public var problems: [BankProblem]
    public init(problems: [BankProblem]) { self.problems = problems }
    public var description: String { problems.map(\.description).joined(separator: "\n") }
}

/// One problem in a bank file.
public struct BankProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int?
    public var column: Int?
    /// The field path, such as `facts[3].owner`.
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return place + ": " + (field.map { "\($0): " } ?? "") + message
    }
}
