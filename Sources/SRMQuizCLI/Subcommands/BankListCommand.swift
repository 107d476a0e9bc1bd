import ArgumentParser
import SRMQuizKit

/// `srmquiz bank list`: lists items, facts, services or questions.
struct BankListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the items a bank yields (or its facts, services or questions)."
    )

    enum What: String, ExpressibleByArgument, CaseIterable {
        case items, facts, services, questions
    }

    @Argument(help: "What to list: \(What.allCases.map(\.rawValue).joined(separator: ", ")).")
    var what: What = .items

    @Option(help: "Only items of this kind (repeatable).")
    var kind: [String] = []

    @Option(help: "Only entries about this service id (repeatable).")
    var service: [String] = []

    @Option(help: "The seed that orders items and their choices.")
    var seed: UInt64 = 0

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var bankOptions: BankOptions

    func validate() throws {
        for name in kind where ItemKind(rawValue: name) == nil {
            throw ValidationError("unknown kind '\(name)'; expected one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        let services = Set(service)
        switch what {
        case .items:
            let items = QuestionGenerator(bank: bank).generate(seed: seed)
                .filter { kind.isEmpty || kind.contains($0.kind.rawValue) }
                .filter { services.isEmpty || !services.isDisjoint(with: $0.values(of: "service")) }
            if json {
                CLIOutput.print(CLIOutput.json(items))
            } else {
                for item in items {
                    CLIOutput.print("\(item.id)\t\(item.kind.rawValue)\t\(TerminalText.sanitize(item.prompt))")
                }
            }
        case .facts:
            let facts = bank.facts.filter { services.isEmpty || services.contains($0.service) }
            if json {
                CLIOutput.print(CLIOutput.json(facts))
            } else {
                for fact in facts {
                    CLIOutput.print("\(fact.id)\t\(fact.service)\t\(fact.owner.displayName)\t\(TerminalText.sanitize(fact.text))")
                }
            }
        case .services:
            let list = bank.services.filter { services.isEmpty || services.contains($0.id) }
            if json {
                CLIOutput.print(CLIOutput.json(list))
            } else {
                for entry in list {
                    CLIOutput.print("\(entry.id)\t\(entry.category.rawValue)\(entry.categoryDerived ? " (derived)" : "")\t\(TerminalText.sanitize(entry.name))")
                }
            }
        case .questions:
            let list = bank.questions.filter { services.isEmpty || !services.isDisjoint(with: $0.services) }
            if json {
                CLIOutput.print(CLIOutput.json(list))
            } else {
                for question in list {
                    CLIOutput.print("\(question.id)\t\(question.style.rawValue)\t\(TerminalText.sanitize(question.prompt))")
                }
            }
        }
    }
}
