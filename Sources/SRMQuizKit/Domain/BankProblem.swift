/// One problem in a bank file: where it is and what was expected.
public struct BankProblem: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    /// 1-based line, where known.
    public var line: Int?
    /// 1-based column, where known.
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
