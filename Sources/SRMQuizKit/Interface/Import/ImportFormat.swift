/// The file formats `srmquiz import` reads.
public enum ImportFormat: String, Sendable, Hashable, CaseIterable {
    case gift
    case aiken
    case csv

    /// The reader for this format.
    public var importer: any QuestionImporter {
        switch self {
        case .gift: GIFTImporter()
        case .aiken: AikenImporter()
        case .csv: CSVImporter()
        }
    }
}
