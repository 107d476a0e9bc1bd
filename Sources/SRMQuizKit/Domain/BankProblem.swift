/// One problem in a bank file: where it is and what was expected.
public struct BankProblem: Sendable, Hashable, CustomStringConvertible {
    /// The bank file.
    public var file: String
    /// 1-based line, where known.
    public var line: Int?
    /// 1-based column, where known.
    public var column: Int?
    /// The field path, such as `facts[3].owner`.
    public var field: String?
    /// What is wrong and what was expected.
    public var message: String

    package init(file: String, line: Int? = nil, column: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.field = field
        self.message = message
    }

    /// `file:line:column: field: message`, with the parts known.
    public var description: String {
        var place = file
        if let line { place += ":\(line)" + (column.map { ":\($0)" } ?? "") }
        return place + ": " + (field.map { "\($0): " } ?? "") + message
    }
}
