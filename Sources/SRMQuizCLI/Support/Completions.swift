import Foundation
import SRMQuizKit

/// Values the shells complete (bash, zsh and fish, through ArgumentParser's custom completion,
/// which runs `srmquiz ---completion …` as the user types): service ids and learner names.
enum Completions {
    /// The service ids of the bundled bank (and `SRMQUIZ_BANKS`); none when it cannot be read.
    static func serviceIDs(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String] {
        guard let path = BankLocator.bundledBank(environment: environment),
            let bank = try? BankLoader.load(paths: [path])
        else { return [] }
        return bank.services.map(\.id).sorted()
    }

    /// The learners with a progress file in the data folder (`<learner>.json`).
    static func learnerNames(environment: [String: String] = ProcessInfo.processInfo.environment) -> [String]
    {
        guard let folder = try? ProgressLocation.dataFolder(environment: environment),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path)
        else { return [] }
        return names.filter { $0.hasSuffix(".json") }.map { String($0.dropLast(5)) }
            .filter { (try? ProgressLocation.validate(learner: $0)) != nil }.sorted()
    }
}
