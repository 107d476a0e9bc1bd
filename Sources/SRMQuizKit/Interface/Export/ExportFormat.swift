/// The file formats `srmquiz export` writes.
package enum ExportFormat: String, Sendable, Hashable, CaseIterable {
    /// A JSON array of items, keys in a fixed order.
    case json
    /// Anki's tab-separated text import with file headers.
    case anki
    /// Moodle GIFT.
    case gift
    /// Aiken (single-answer multiple choice only).
    case aiken
    /// RFC 4180 CSV, one row per item.
    case csv

    /// The exporter for this format.
    ///
    /// `bank` supplies fact texts and service names (used by GIFT's matching questions); `deck`
    /// names the Anki deck.
    package func exporter(bank: Bank = Bank(), deck: String = AnkiExporter.defaultDeck) -> any ItemExporter {
        switch self {
        case .json: JSONExporter()
        case .anki: AnkiExporter(deck: deck)
        case .gift: GIFTExporter(bank: bank)
        case .aiken: AikenExporter()
        case .csv: CSVExporter()
        }
    }

    /// The usual file extension.
    package var fileExtension: String {
        switch self {
        case .json: "json"
        case .anki, .gift, .aiken: "txt"
        case .csv: "csv"
        }
    }
}
