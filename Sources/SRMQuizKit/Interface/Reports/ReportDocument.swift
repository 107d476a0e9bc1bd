import Foundation

/// A report laid out independently of its format: a title, a header, and sections of paragraphs,
/// tables and bar charts. Renderers turn it into text, Markdown, CSV or HTML.
public struct ReportDocument: Sendable, Hashable, Codable {
    public var title: String
    /// Label and value pairs shown under the title (date, seed, bank).
    public var header: [Field]
    public var sections: [Section]
    /// Tables for data formats only (CSV): long per-row data that printed reports show compactly.
    public var data: [Table]

    public init(title: String, header: [Field], sections: [Section], data: [Table] = []) {
        self.title = title
        self.header = header
        self.sections = sections
        self.data = data
    }

    /// Every table with a ``Table/name``, in order: the sections' tables, then ``data``.
    public var namedTables: [Table] {
        var tables: [Table] = []
        for section in sections {
            for case .table(let table) in section.blocks where table.name != nil { tables.append(table) }
        }
        return tables + data.filter { $0.name != nil }
    }

    /// A label and its value.
    public struct Field: Sendable, Hashable, Codable {
        public var label: String
        public var value: String
        public init(_ label: String, _ value: String) {
            self.label = label
            self.value = value
        }
    }

    /// A titled part of the report.
    public struct Section: Sendable, Hashable, Codable {
        public var title: String
        public var blocks: [Block]
        public init(title: String, blocks: [Block]) {
            self.title = title
            self.blocks = blocks
        }
    }

    /// A piece of a section.
    public enum Block: Sendable, Hashable, Codable {
        case paragraph(String)
        case fields([Field])
        case table(Table)
        case bars(BarChart)
    }

    /// A table; numeric columns are right-aligned.
    public struct Table: Sendable, Hashable, Codable {
        /// The name `report --table` selects it by (`students`, `questions`, …), or nil.
        public var name: String?
        /// The file the rows come from (the CSV `File` column when tables are merged).
        public var source: String?
        public var columns: [String]
        public var numeric: [Bool]
        public var rows: [[String]]
        public init(
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
    public struct BarChart: Sendable, Hashable, Codable {
        public var title: String
        public var bars: [Bar]
        public init(title: String, bars: [Bar]) {
            self.title = title
            self.bars = bars
        }
    }

    /// One bar: a label, a value 0–100 and a caption such as `7/10`.
    public struct Bar: Sendable, Hashable, Codable {
        public var label: String
        public var percent: Double
        public var caption: String
        public init(label: String, percent: Double, caption: String) {
            self.label = label
            self.percent = percent
            self.caption = caption
        }
    }
}
