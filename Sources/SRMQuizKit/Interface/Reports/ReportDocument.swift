import Foundation

/// A report laid out independently of its format: a title, a header, and sections of paragraphs,
/// tables and bar charts. Renderers turn it into text, Markdown, CSV or HTML.
public struct ReportDocument: Sendable, Hashable, Codable {
    public var title: String
    /// Label and value pairs shown under the title (date, seed, bank).
    public var header: [Field]
    public var sections: [Section]

    public init(title: String, header: [Field], sections: [Section]) {
        self.title = title
        self.header = header
        self.sections = sections
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
        public var columns: [String]
        public var numeric: [Bool]
        public var rows: [[String]]
        public init(columns: [String], numeric: [Bool]? = nil, rows: [[String]]) {
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
