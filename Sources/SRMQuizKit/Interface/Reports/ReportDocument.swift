import Foundation

/// A report laid out independently of its format: a title, a header, and sections of paragraphs,
/// tables and bar charts.
///
/// Renderers turn it into text, Markdown, CSV or HTML.
package struct ReportDocument: Sendable, Hashable, Codable {
    package var title: String
    /// Label and value pairs shown under the title (date, seed, bank).
    package var header: [Field]
    package var sections: [Section]
    /// Tables for data formats only (CSV): long per-row data that printed reports show compactly.
    package var data: [Table]

    package init(title: String, header: [Field], sections: [Section], data: [Table] = []) {
        self.title = title
        self.header = header
        self.sections = sections
        self.data = data
    }

    /// Every table with a ``Table/name``, in order: the sections' tables, then ``data``.
    package var namedTables: [Table] {
        var tables: [Table] = []
        for section in sections {
            for case .table(let table) in section.blocks where table.name != nil { tables.append(table) }
        }
        return tables + data.filter { $0.name != nil }
    }

    /// A label and its value.
    package struct Field: Sendable, Hashable, Codable {
        package var label: String
        package var value: String
        package init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A titled part of the report.
    package struct Section: Sendable, Hashable, Codable {
        package var title: String
        package var blocks: [Block]
        package init(title: String, blocks: [Block]) {
            self.title = title
            self.blocks = blocks
        }
    }

    /// A piece of a section.
    package enum Block: Sendable, Hashable, Codable {
        case paragraph(String)
        case fields([Field])
        case table(Table)
        case bars(BarChart)
    }

    /// A table; numeric columns are right-aligned.
    package struct Table: Sendable, Hashable, Codable {
        /// The name `report --table` selects it by (`students`, `questions`, …), or nil.
        package var name: String?
        /// The file the rows come from (the CSV `File` column when tables are merged).
        package var source: String?
        package var columns: [String]
        package var numeric: [Bool]
        package var rows: [[String]]
        package init(
            name: String? = nil, source: String? = nil, columns: [String], numeric: [Bool]? = nil,
            rows: [[String]]
        ) {
            self.name = name
            self.source = source
            self.columns = columns
            self.numeric = numeric ?? columns.map { _ in false }
            self.rows = rows
        }
    }

    /// Bars from 0 to 100 with labels.
    package struct BarChart: Sendable, Hashable, Codable {
        package var title: String
        package var bars: [Bar]
        package init(title: String, bars: [Bar]) {
            self.title = title
            self.bars = bars
        }
    }

    /// One bar: a label, a value 0–100 and a caption such as `7/10`.
    package struct Bar: Sendable, Hashable, Codable {
        package var label: String
        package var percent: Double
        package var caption: String
        package init(label: String, percent: Double, caption: String) {
            self.label = label
            self.percent = percent
            self.caption = caption
        }
    }
}
