/// What reports show in place of ids: service names and fact texts, taken from the bank.
public struct ReportNames: Sendable, Hashable {
    /// Service id → name (`lambda-zip` → `AWS Lambda (managed runtime, .zip)`).
    public var services: [String: String]
    /// Fact id → its text.
    public var facts: [String: String]

    public init(services: [String: String] = [:], facts: [String: String] = [:]) {
        self.services = services
        self.facts = facts
    }

    /// The names in `bank`.
    public init(bank: Bank) {
        var services: [String: String] = [:]
        for service in bank.services { services[service.id] = service.name }
        var facts: [String: String] = [:]
        for fact in bank.facts { facts[fact.id] = fact.text }
        self.init(services: services, facts: facts)
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
}
