import Foundation

/// Reads the CSV that ``CSVExporter`` writes: a header row naming the columns (`prompt`, `choices`
/// and `answers` are required; `id`, `kind`, `explanation`, `nuance`, `tags`, `sources` are used
/// when present; others are ignored), lists joined with ` | `.
///
/// A nuance is kept as a last `Nuance: …` paragraph of the explanation; `service:` and `topic:`
/// tags become the question's services and topics.
package struct CSVImporter: QuestionImporter {
    package init() {}

    package func read(_ text: String) -> ImportRead {
        let records: [CSVCodec.Record]
        do {
            records = try CSVCodec.parse(text)
        } catch {
            return ImportRead(problems: [
                ImportProblem(line: error.line, message: "malformed CSV: \(error.message)")
            ])
        }
        guard let header = records.first else {
            return ImportRead(problems: [
                ImportProblem(line: 1, message: "the file is empty (expected a header row)")
            ])
        }
        var column: [String: Int] = [:]
        for (index, name) in header.fields.enumerated() {
            column[name.trimmingCharacters(in: .whitespaces).lowercased()] = index
        }
        let missing = ["prompt", "choices", "answers"].filter { column[$0] == nil }
        guard missing.isEmpty else {
            return ImportRead(
                problems: [
                    ImportProblem(
                        line: header.line,
                        message:
                            "the header row lacks the column(s) \(missing.joined(separator: ", ")); expected "
                            + CSVExporter.columns.joined(separator: ","))
                ]
            )
        }

        var drafts: [ImportDraft] = []
        var problems: [ImportProblem] = []
        for record in records.dropFirst() {
            guard record.fields.count == header.fields.count else {
                problems.append(
                    ImportProblem(
                        line: record.line,
                        message: "expected \(header.fields.count) fields, found \(record.fields.count)"))
                continue
            }
            func value(_ name: String) -> String {
                column[name].map { CSVCodec.restored(record.fields[$0]) } ?? ""
            }
            func list(_ name: String) -> [String] {
                let raw = value(name)
                if raw.trimmingCharacters(in: .whitespaces).isEmpty { return [] }
                return raw.components(separatedBy: CSVExporter.listSeparator)
            }
            if value("kind") == ItemKind.flashcard.rawValue || list("choices").isEmpty {
                problems.append(
                    ImportProblem(line: record.line, message: "flashcards (no choices) cannot be converted"))
                continue
            }
            let choices = list("choices")
            let answers = list("answers")
            var explanation = value("explanation")
            let nuance = value("nuance").trimmingCharacters(in: .whitespacesAndNewlines)
            if !nuance.isEmpty {
                explanation += (explanation.isEmpty ? "" : "\n\n") + GIFTExporter.nuanceLabel + nuance
            }
            let tags = list("tags")
            func tagValues(_ name: String) -> [String] {
                tags.compactMap { $0.hasPrefix(name + ":") ? String($0.dropFirst(name.count + 1)) : nil }
            }
            let id = value("id").trimmingCharacters(in: .whitespaces)
            drafts.append(
                ImportDraft(
                    line: record.line, proposedID: id.isEmpty ? nil : id,
                    style: ImportDraft.style(choices: choices, answers: answers), prompt: value("prompt"),
                    choices: choices, answers: answers, explanation: explanation, sources: list("sources"),
                    services: tagValues("service").filter { $0 != Fact.allServices },
                    topics: tagValues("topic")))
        }
        return ImportRead(drafts: drafts, problems: problems)
    }
}
