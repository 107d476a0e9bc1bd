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
    var kind: [ItemKind] = []

    @Option(help: "Only entries about this service id (repeatable).")
    var service: [String] = []

    @Option(help: "The seed that orders items and their choices.")
    var seed: UInt64 = 0

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        let services = Set(service)
        switch what {
        case .items:
            emit(
                QuestionGenerator(bank: bank).generate(seed: seed)
                    .filter { kind.isEmpty || kind.contains($0.kind) }
                    .filter { services.isEmpty || !services.isDisjoint(with: $0.values(of: "service")) }
            ) { "\($0.id)\t\($0.kind.rawValue)\t\($0.prompt)" }
        case .facts:
            emit(bank.facts.filter { services.isEmpty || services.contains($0.service) }) {
                "\($0.id)\t\($0.service)\t\($0.owner.displayName)\t\($0.text)"
            }
        case .services:
            emit(bank.services.filter { services.isEmpty || services.contains($0.id) }) {
                "\($0.id)\t\($0.category.rawValue)\($0.categoryDerived ? " (derived)" : "")\t\($0.name)"
            }
        case .questions:
            emit(bank.questions.filter { services.isEmpty || !services.isDisjoint(with: $0.services) }) {
                "\($0.id)\t\($0.style.rawValue)\t\($0.prompt)"
            }
        }
    }

    /// Prints `list` as JSON, or one sanitised, tab-separated line per entry.
    private func emit<T: Encodable>(_ list: [T], line: (T) -> String) {
        if json {
            CLIOutput.print(CLIOutput.json(list))
        } else {
            for entry in list { CLIOutput.print(TerminalText.sanitize(line(entry))) }
        }
    }
}
