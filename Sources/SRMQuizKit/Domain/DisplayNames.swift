import Foundation

/// What learners read in place of ids, taken from the bank: service names (`lambda-zip` →
/// `AWS Lambda (managed runtime, .zip)`), owner and category names (`aws` → `AWS`), fact texts.
///
/// Ids not in the bank are shown as they are. Screens, summaries and reports all use this.
public struct DisplayNames: Sendable, Hashable {
    /// Service id → name (`lambda-zip` → `AWS Lambda (managed runtime, .zip)`).
    package var services: [String: String]
    /// Fact id → its text.
    package var facts: [String: String]
    /// Fact id → its text after its service's name (`Amazon S3: granting IAM permissions …`), as
    /// reports list facts out of their questions.
    package var factLabels: [String: String]

    /// Names from the given tables; an id missing from them is shown as it is.
    public init(
        services: [String: String] = [:], facts: [String: String] = [:], factLabels: [String: String]? = nil
    ) {
        self.services = services
        self.facts = facts
        self.factLabels = factLabels ?? facts
    }

    /// The names in `bank`.
    public init(bank: Bank) {
        var services: [String: String] = [:]
        for service in bank.services { services[service.id] = service.name }
        var facts: [String: String] = [:]
        var labels: [String: String] = [:]
        for fact in bank.facts {
            facts[fact.id] = fact.text
            labels[fact.id] = services[fact.service].map { "\($0): \(fact.text)" } ?? fact.text
        }
        self.init(services: services, facts: facts, factLabels: labels)
    }

    /// The name for `value` of the tag `dimension` (`service`, `owner`, `category`, `kind`).
    package func name(_ value: String, of dimension: String) -> String {
        switch dimension {
        case "service": return services[value] ?? value
        case "owner": return Owner(rawValue: value)?.displayName ?? value
        case "category": return ServiceCategory(rawValue: value)?.displayName ?? value
        case "kind": return value.replacingOccurrences(of: "-", with: " ")
        default: return value
        }
    }

    /// `breakdown` with service ids replaced by names, rows sorted by label again.
    func named(_ breakdown: ScoreBreakdown) -> ScoreBreakdown {
        guard breakdown.dimension == "service", !services.isEmpty else { return breakdown }
        var copy = breakdown
        copy.rows = breakdown.rows.map { row in
            var row = row
            row.label = services[row.label] ?? row.label
            return row
        }
        .sorted { $0.label.lowercased() < $1.label.lowercased() }
        return copy
    }

    /// The name of the bank `files` come from, for a page that is handed out: the bank folder's
    /// or file's own name (`QuestionBanks`, `course.yaml`), never the path to it.
    package static func bankName(files: [String]) -> String {
        var names: [String] = []
        let folder = BankLocator.folderName
        for file in files {
            // A file inside a bank folder (QuestionBanks/model/facts.yaml) is that bank.
            let inBank = ("/" + file + "/").contains("/\(folder)/")
            let name = inBank ? folder : URL(fileURLWithPath: file).lastPathComponent
            if !names.contains(name) { names.append(name) }
        }
        return names.isEmpty ? "-" : names.joined(separator: ", ")
    }
}
