/// The file formats `srmquiz import` reads.
package enum ImportFormat: String, Sendable, Hashable, CaseIterable {
    case gift
    case aiken
    case csv

    /// The reader for this format.
    package var importer: any QuestionImporter {
        switch self {
        case .gift: GIFTImporter()
        case .aiken: AikenImporter()
        case .csv: CSVImporter()
        }
    }
}
