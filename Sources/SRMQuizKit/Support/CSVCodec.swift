/// RFC 4180 comma-separated values: quoting on write (with an optional spreadsheet formula guard),
/// and a reader that keeps each record's line.
///
/// The one CSV writer and reader of the project: the exporter, the report tables, Anki's
/// tab-separated columns and the importer go through it.
package enum CSVCodec {
    /// One parsed record and the 1-based line it starts on.
    package struct Record: Sendable, Hashable {
        package var line: Int
        package var fields: [String]

        package init(line: Int, fields: [String]) {
            self.line = line
            self.fields = fields
        }
    }

    /// A record that could not be read (an unterminated quoted field, text after a closing quote).
    package struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        package var line: Int
        package var message: String
        package var description: String { "line \(line): \(message)" }
    }

    /// `field`, quoted if it holds the separator, a quote, CR or LF, or when `always` (quotes
    /// doubled).
    package static func quote(_ field: String, separator: Character = ",", always: Bool = false) -> String {
        let needsQuotes =
            always || field.contains { $0 == separator || $0 == "\"" || $0 == "\n" || $0 == "\r" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// One line of `fields`, quoted as needed, ending in CRLF as RFC 4180 says.
    ///
    /// With `guardFormulas`, cells a spreadsheet would run as a formula are defused
    /// (``defused(_:)``).
    package static func row(_ fields: [String], guardFormulas: Bool = false) -> String {
        fields.map { quote(guardFormulas ? defused($0) : $0) }.joined(separator: ",") + "\r\n"
    }

    /// A whole table: the header row, then the rows, formulas guarded, CRLF line ends.
    package static func table(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map { row($0, guardFormulas: true) }.joined()
    }

    /// `field` with a leading `'` when a spreadsheet would read it as a formula: it starts with
    /// `=`, `+`, `-`, `@`, a tab or CR and is not a number (OWASP's CSV-injection advice).
    ///
    /// A field that already starts with `'` before such a character gets one more, so
    /// ``restored(_:)`` gives back exactly what was written.
    package static func defused(_ field: String) -> String {
        needsGuard(field[...]) ? "'" + field : field
    }

    /// The inverse of ``defused(_:)``: `field` without the `'` the guard put before a formula
    /// character.
    ///
    /// Readers of files this codec wrote with the guard (the CSV importer) call it.
    package static func restored(_ field: String) -> String {
        guard field.first == "'", needsGuard(field.dropFirst()) else { return field }
        return String(field.dropFirst())
    }

    /// Whether a spreadsheet would run `field` (or, after leading `'`s, what follows) as a formula.
    private static func needsGuard(_ field: Substring) -> Bool {
        guard let first = field.first else { return false }
        if first == "'" { return needsGuard(field.dropFirst()) }
        return "=+-@\t\r".contains(first) && Double(field) == nil && field != "-"
    }

    /// Reads every record of `text`.
    ///
    /// Blank lines between records are skipped. Quoted fields may span lines; CRLF inside them is
    /// kept as LF.
    package static func parse(_ text: String) throws(ParseError) -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field = ""
        var line = 1
        var recordLine = 1
        var inQuotes = false
        var afterQuote = false  // just closed a quoted field
        var fieldStarted = false
        var chars = Array(text.unicodeScalars)
        if chars.first == "\u{FEFF}" { chars.removeFirst() }
        var index = 0

        func endRecord() {
            fields.append(field)
            if !(fields.count == 1 && fields[0].isEmpty && !fieldStarted) {
                records.append(Record(line: recordLine, fields: fields))
            }
            fields = []
            field = ""
            fieldStarted = false
            afterQuote = false
        }

        while index < chars.count {
            let c = chars[index]
            if inQuotes {
                if c == "\"" {
                    if index + 1 < chars.count, chars[index + 1] == "\"" {
                        field.unicodeScalars.append("\"")
                        index += 1
                    } else {
                        inQuotes = false
                        afterQuote = true
                    }
                } else if c == "\r" {
                    if index + 1 < chars.count, chars[index + 1] == "\n" { index += 1 }
                    field.unicodeScalars.append("\n")
                    line += 1
                } else {
                    if c == "\n" { line += 1 }
                    field.unicodeScalars.append(c)
                }
            } else if c == "," {
                fields.append(field)
                field = ""
                fieldStarted = true
                afterQuote = false
            } else if c == "\r" || c == "\n" {
                if c == "\r", index + 1 < chars.count, chars[index + 1] == "\n" { index += 1 }
                endRecord()
                line += 1
                recordLine = line
            } else if afterQuote {
                throw ParseError(
                    line: line, message: "text after a closing quote (a quote inside a field must be doubled)"
                )
            } else if c == "\"" && field.isEmpty {
                inQuotes = true
                fieldStarted = true
            } else {
                field.unicodeScalars.append(c)
                fieldStarted = true
            }
            index += 1
        }
        if inQuotes {
            throw ParseError(
                line: recordLine, message: "a quoted field is not closed before the end of the file")
        }
        if fieldStarted || !field.isEmpty || !fields.isEmpty { endRecord() }
        return records
    }
}
