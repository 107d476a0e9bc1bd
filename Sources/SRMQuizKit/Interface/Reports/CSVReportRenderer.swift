import Foundation

/// Renders a report's named tables as CSV a spreadsheet or gradebook imports as is: one table per
/// file, a header row, RFC 4180 quoting and the formula guard of ``CSVCodec``.
///
/// Tables of the same name from several parts (two class files) become one table when their
/// columns agree, with a first `File` column saying where each row came from.
package enum CSVReportRenderer {
    /// One CSV table: its name and its text.
    package struct File: Sendable, Hashable {
        package var name: String
        package var text: String
    }

    /// The names of the tables `doc` holds, in order.
    package static func tableNames(_ doc: ReportDocument) -> [String] {
        var names: [String] = []
        for table in doc.namedTables where !names.contains(table.name ?? "") {
            names.append(table.name ?? "")
        }
        return names
    }

    /// The tables called `names` (every table when `names` is empty), one file each.
    package static func files(_ doc: ReportDocument, tables names: [String] = [])
        throws(ReportTableError) -> [File]
    {
        let available = tableNames(doc)
        if let unknown = names.first(where: { !available.contains($0) }) {
            throw ReportTableError(unknown: unknown, available: available)
        }
        let wanted = names.isEmpty ? available : names
        return wanted.map { name in
            let tables = doc.namedTables.filter { $0.name == name }
            let sources = tables.count
            var rows: [[String]] = []
            var header = tables.first?.columns ?? []
            if sources > 1 {
                header = ["File"] + header
                for table in tables {
                    let file = table.source ?? ""
                    rows += table.rows.map { [file] + $0 }
                }
            } else {
                rows = tables.first?.rows ?? []
            }
            let clean = { (cells: [String]) in cells.map { TerminalText.sanitize($0) } }
            return File(name: name, text: CSVCodec.table(header: clean(header), rows: rows.map(clean)))
        }
    }

    /// The one table `names` selects, or the only table `doc` has.
    package static func render(_ doc: ReportDocument, table names: [String] = []) throws(ReportTableError)
        -> String
    {
        let available = tableNames(doc)
        let chosen = names.isEmpty ? available : names
        guard chosen.count == 1 else { throw ReportTableError(unknown: nil, available: available) }
        return try files(doc, tables: chosen)[0].text
    }
}

/// `report --format csv` was asked for a table the report does not have, or for several tables
/// in one file.
package struct ReportTableError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The table name asked for, or nil when the choice was ambiguous.
    package var unknown: String?
    package var available: [String]

    package var description: String {
        let list = available.joined(separator: ", ")
        if let unknown {
            return "this report has no table \"\(unknown)\"; its tables are: \(list)"
        }
        return "CSV holds one table per file: choose one with --table NAME (\(list)), "
            + "or write one file per table with --output-dir DIR"
    }
}
