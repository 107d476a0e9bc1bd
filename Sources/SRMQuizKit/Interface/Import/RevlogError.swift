/// Why a review log (CSV in the FSRS optimizer's layout) cannot be read.
package struct RevlogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What was wrong.
    package enum Problem: Sendable, Hashable {
        /// The input is empty or its first line is not a header row.
        case missingHeader
        /// The header row lacks a required column.
        case missingColumn(String)
        /// A row has a different number of fields from the header.
        case wrongColumnCount(expected: Int, found: Int)
        /// A required field is not an integer.
        case notAnInteger(column: String, value: String)
        /// `review_rating` is not 1, 2, 3 or 4.
        case ratingOutOfRange(Int64)
        /// `review_time` is before 1970 or after 9999 (milliseconds since 1970).
        case timeOutOfRange(Int64)
        /// The input is not UTF-8 text.
        case notText
        /// The CSV itself is broken (an unclosed quoted field, text after a closing quote).
        case malformedCSV(String)
    }

    /// The file name (or `-` for standard input) shown in the description.
    package var source: String
    /// The 1-based line number.
    package var line: Int
    /// What was wrong there.
    package var problem: Problem

    package init(source: String, line: Int, problem: Problem) {
        self.source = source
        self.line = line
        self.problem = problem
    }

    package var description: String {
        let what: String
        switch problem {
        case .missingHeader:
            what =
                "expected a header row naming the columns card_id, review_time and review_rating"
        case .missingColumn(let name):
            what =
                "the header row has no \(name) column (card_id, review_time and review_rating are required)"
        case .wrongColumnCount(let expected, let found):
            what = "expected \(expected) comma-separated fields as in the header, found \(found)"
        case .notAnInteger(let column, let value):
            what = "\(column) is \"\(TerminalText.sanitize(value))\": expected an integer"
        case .ratingOutOfRange(let value):
            what = "review_rating is \(value): expected 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)"
        case .timeOutOfRange(let value):
            what =
                "review_time is \(value): expected milliseconds since 1970, from 0 to \(RevlogRow.latestReviewTime) (the end of 9999)"
        case .notText:
            what = "not UTF-8 text"
        case .malformedCSV(let message):
            what = "malformed CSV: \(message)"
        }
        return "\(source): line \(line): \(what)"
    }
}
