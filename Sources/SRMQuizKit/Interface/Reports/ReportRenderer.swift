import Foundation

/// Renders report parts in any ``ReportFormat``.
public enum ReportRenderer {
    /// The report of `parts` in `format`, dated `generatedAt`.
    ///
    /// CSV holds one table: the one `tables` names, or the only one there is (else
    /// ``ReportTableError``).
    public static func render(
        parts: [ReportBuilder.Part], format: ReportFormat, generatedAt: Date, tables: [String] = []
    ) throws -> String {
        let doc = ReportBuilder.document(parts: parts, generatedAt: generatedAt)
        switch format {
        case .text: return TextReportRenderer.render(doc)
        case .markdown: return MarkdownReportRenderer.render(doc)
        case .csv: return try CSVReportRenderer.render(doc, table: tables)
        case .html: return HTMLReportRenderer.render(doc)
        case .json:
            let payload = JSONPayload(generatedAt: generatedAt, parts: parts.map(JSONPart.init))
            let data = try ExamResult.encoder().encode(payload)
            return String(decoding: data, as: UTF8.self) + "\n"
        }
    }

    /// One CSV file per table `tables` names (every table when empty), for `--output-dir`.
    package static func csvFiles(parts: [ReportBuilder.Part], generatedAt: Date, tables: [String] = [])
        throws(ReportTableError) -> [CSVReportRenderer.File]
    {
        try CSVReportRenderer.files(
            ReportBuilder.document(parts: parts, generatedAt: generatedAt), tables: tables)
    }

    struct JSONPayload: Encodable {
        var format = "srmquiz-report"
        var version = 1
        var generatedAt: Date
        var parts: [JSONPart]
    }

    /// A part as `{"kind": "learner", "learner": {…}}` or `{"kind": "class", "class": {…}}`.
    struct JSONPart: Encodable {
        var kind: String
        var learner: LearnerReport?
        var classSession: ClassReport?
        enum CodingKeys: String, CodingKey {
            case kind, learner
            case classSession = "class"
        }
        init(_ part: ReportBuilder.Part) {
            switch part {
            case .learner(let r): (kind, learner) = ("learner", r)
            case .classSession(let r): (kind, classSession) = ("class", r)
            }
        }
    }
}
