import ArgumentParser
import SRMQuizKit

/// `srmquiz bank stats`: counts by service, owner and kind.
struct BankStatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Count facts and items by service, owner and kind."
    )

    @Flag(help: "Print JSON.")
    var json = false

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var display: DisplayOptions

    func run() throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        let stats = BankStatistics(bank: bank, items: QuestionGenerator(bank: bank).generate())
        if json {
            CLIOutput.print(CLIOutput.json(stats))
            return
        }
        var lines = [
            "Files \(stats.files) · sources \(stats.sources) · services \(stats.services) · tasks \(stats.tasks)",
            "Controls \(stats.controls) · facts \(stats.facts) · questions \(stats.questions) · items \(stats.items)",
            "",
        ]
        func table(_ title: String, _ counts: [String: Int]) {
            lines.append(title)
            for (key, value) in counts.sorted(by: {
                $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key
            }) {
                lines.append("  " + key.padding(toLength: 28, withPad: " ", startingAt: 0) + String(value))
            }
            lines.append("")
        }
        let balance = stats.balance
        func percent(_ part: Int, _ whole: Int) -> String { whole == 0 ? "-" : "\(part * 100 / whole)%" }
        lines += [
            "Balance",
            "  owner items keyed AWS       \(balance.ownerItemsKeyedAWS) of \(balance.ownerItems) (\(percent(balance.ownerItemsKeyedAWS, balance.ownerItems)); aim ≥ 35%)",
            "  true/false items            \(balance.trueFalseItems) of \(stats.items) (\(percent(balance.trueFalseItems, stats.items)); aim ≤ 20%)",
            "  choice items, local wrongs  \(balance.choiceItemsWithLocalDistractors) of \(balance.choiceItems) (≥ 2 of 3 wrong options from the same service or category)",
            "  top generic wrong option    \(Int((balance.largestGenericDistractorShare * 1000).rounded()) / 10)% of choice items (aim ≤ 5%)",
            "",
        ]
        table("Items by kind", stats.itemsByKind)
        table("Items by owner", stats.itemsByOwner)
        table("Facts by owner", stats.factsByOwner)
        table("Facts by service", stats.factsByService)
        CLIOutput.print(lines.joined(separator: "\n"))
    }
}
