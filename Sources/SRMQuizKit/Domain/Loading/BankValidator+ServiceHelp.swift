/// Cross-checks of the `tool-families` and `service-help` sections: every service, family, fact
/// and source resolves, an answer is never also a wrong answer, and each need leaves at least
/// three wrong answers in its family.
extension BankValidator {
    /// The fewest wrong answers a "which service helps?" item needs.
    static let serviceHelpDistractors = 3

    func serviceHelpProblems(checkSources: (_ references: [String], _ field: YAMLPlace) -> Void)
        -> [BankProblem]
    {
        var problems: [BankProblem] = []
        let bank = reader.bank
        let serviceIDs = Set(bank.services.map(\.id))
        let factIDs = Set(bank.facts.map(\.id))
        let families = Dictionary(
            bank.toolFamilies.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        let familyPlaces = reader.places[.toolFamilies] ?? []
        for (index, family) in bank.toolFamilies.enumerated() where index < familyPlaces.count {
            let field = familyPlaces[index].field
            for service in family.services where !serviceIDs.contains(service) {
                problems.append(
                    field.problem(
                        "unknown service '\(service)' in tool family '\(family.id)'; expected a service id"))
            }
        }

        let helpPlaces = reader.places[.serviceHelp] ?? []
        for (index, help) in bank.serviceHelp.enumerated() where index < helpPlaces.count {
            let field = helpPlaces[index].field
            checkSources(help.sources, field)
            for service in help.answers + help.alsoHelps where !serviceIDs.contains(service) {
                problems.append(
                    field.problem(
                        "unknown service '\(service)' in service-help '\(help.id)'; expected a service id"))
            }
            for fact in help.facts where !factIDs.contains(fact) {
                problems.append(field.problem("unknown fact '\(fact)' in service-help '\(help.id)'"))
            }
            if help.answers.isEmpty {
                problems.append(field.problem("service-help '\(help.id)' needs at least one answer"))
            }
            for service in help.answers where help.alsoHelps.contains(service) {
                problems.append(
                    field.problem(
                        "service '\(service)' is both an answer and in 'also' in service-help '\(help.id)'"))
            }
            guard let family = families[help.family] else {
                problems.append(
                    field.problem(
                        "unknown tool family '\(help.family)' in service-help '\(help.id)'; expected an id from 'tool-families'"
                    ))
                continue
            }
            let excluded = Set(help.answers + help.alsoHelps)
            let wrong = family.services.filter { !excluded.contains($0) && serviceIDs.contains($0) }
            if wrong.count < Self.serviceHelpDistractors {
                problems.append(
                    field.problem(
                        "service-help '\(help.id)' leaves \(wrong.count) wrong answers in family '\(family.id)'; expected at least \(Self.serviceHelpDistractors)"
                    ))
            }
        }
        return problems
    }
}
