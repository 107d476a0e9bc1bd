import Foundation

@testable import SRMQuizKit

/// One loader fed with arbitrary bytes through its real entry point.
///
/// Any outcome but a crash, a hang or unbounded memory is fine: typed errors and problems are
/// expected results.
enum FuzzTarget: String, CaseIterable {
    /// A bank YAML file (``BankLoader``: parse, read, validate).
    case bank
    /// A progress state file `<learner>.json`, any format (``ProgressLoader``).
    case state
    /// A review log `<learner>.reviews.jsonl` beside a valid state file (``ProgressLoader``).
    case log
    /// `srmquiz import --format gift|aiken|csv`: the importer, then the bank writer, whose
    /// output must read back with the same questions.
    case gift, aiken, csv
    /// `srmquiz progress replay`: an Anki revlog CSV, replayed with FSRS and SM-2.
    case revlog

    func run(_ bytes: [UInt8]) {
        switch self {
        case .bank:
            _ = BankLoader.check(yaml: String(decoding: bytes, as: UTF8.self), name: "fuzz.yaml")
        case .state:
            FuzzFiles.shared.loadState(bytes)
        case .log:
            FuzzFiles.shared.loadLog(bytes)
        case .gift: importText(bytes, .gift)
        case .aiken: importText(bytes, .aiken)
        case .csv: importText(bytes, .csv)
        case .revlog:
            // The command decodes its input leniently (ProgressCommandSupport.readInput).
            let text = String(decoding: bytes, as: UTF8.self)
            guard let rows = try? RevlogReplay.parse(text, source: "fuzz.csv") else { return }
            for kind in [SchedulerKind.fsrs, .sm2] {
                guard let replay = try? RevlogReplay(kind: kind) else {
                    fatalError("default settings refused")
                }
                _ = replay.replay(rows)
            }
        }
    }

    /// Imports like `srmquiz import` (which refuses text that is not UTF-8), writes the bank,
    /// and reads it back: the questions written must be the questions read.
    private func importText(_ bytes: [UInt8], _ format: ImportFormat) {
        guard let text = String(validating: bytes, as: UTF8.self) else { return }
        let result = format.importer.importQuestions(from: text)
        guard !result.questions.isEmpty,
            let yaml = try? BankWriter.yaml(questions: result.questions, comment: ["fuzz"])
        else { return }
        let back = BankLoader.check(yaml: yaml, name: "imported.yaml").bank.questions
        guard back.map(\.id) == result.questions.map(\.id) else {
            fatalError("\(format): wrote \(result.questions.count) questions, read back \(back.count)")
        }
    }
}
