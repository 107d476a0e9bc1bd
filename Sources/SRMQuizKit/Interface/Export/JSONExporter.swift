/// A pretty JSON array of item objects, keys always in the same order: `id`, `kind`, `prompt`,
/// `choices`, `answers`, `explanation`, `nuance` (only when there is one), `tags`, `sources`, `facts`.
package struct JSONExporter: ItemExporter {
    package init() {}

    package func export(_ items: [Item]) -> ExportOutput {
        guard !items.isEmpty else { return ExportOutput(text: "[]\n") }
        let objects = items.map { item -> String in
            var fields: [(String, String)] = [
                ("id", Self.string(item.id)),
                ("kind", Self.string(item.kind.rawValue)),
                ("prompt", Self.string(item.prompt)),
                ("choices", Self.array(item.choices)),
                ("answers", Self.array(item.answers)),
                ("explanation", Self.string(item.explanation)),
            ]
            if let nuance = item.nuance { fields.append(("nuance", Self.string(nuance))) }
            fields += [
                ("tags", Self.array(item.tags)),
                ("sources", Self.array(item.sources)),
                ("facts", Self.array(item.facts)),
            ]
            let body = fields.map { "    \(Self.string($0.0)): \($0.1)" }.joined(separator: ",\n")
            return "  {\n\(body)\n  }"
        }
        return ExportOutput(text: "[\n" + objects.joined(separator: ",\n") + "\n]\n")
    }

    /// A JSON array of strings, on one line when short, else one string per line.
    static func array(_ values: [String]) -> String {
        if values.isEmpty { return "[]" }
        let items = values.map(string)
        let oneLine = "[" + items.joined(separator: ", ") + "]"
        if oneLine.count <= 80 { return oneLine }
        return "[\n" + items.map { "      " + $0 }.joined(separator: ",\n") + "\n    ]"
    }

    /// A JSON string literal (RFC 8259 escapes; control characters as `\u00XX`).
    static func string(_ value: String) -> String {
        var out = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
