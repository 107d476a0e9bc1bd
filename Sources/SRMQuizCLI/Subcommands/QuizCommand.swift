import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz quiz`: practice a seeded random selection, optionally filtered.
struct QuizCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract: "Practise a random selection of questions (recorded into your schedule unless --no-record)."
    )

    @Option(help: ArgumentHelp("How many questions.", valueName: "n"))
    var count = 10

    @Option(help: ArgumentHelp("Seed for the selection and order (default: from the clock).", valueName: "s"))
    var seed: UInt64?

    @Option(help: ArgumentHelp("Only questions about this service id (repeatable).", valueName: "id"))
    var service: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions whose answer is this owner: aws, customer, shared (repeatable).",
            valueName: "owner"))
    var owner: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions of this kind, e.g. owner, true-false (repeatable).", valueName: "kind"))
    var kind: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions with this tag, e.g. topic:patching or patching (repeatable).", valueName: "tag"))
    var tag: [String] = []

    @Flag(name: .customLong("no-record"), help: "Leave your schedule untouched.")
    var noRecord = false

    @OptionGroup var bankOptions: BankOptions
    @OptionGroup var learnerOptions: LearnerOptions
    @OptionGroup var display: DisplayOptions

    init() {}

    func validate() throws {
        if count < 1 { throw ValidationError("--count must be 1 or more") }
        for name in SessionRunner.split(owner) where Owner(rawValue: name.lowercased()) == nil {
            throw ValidationError("--owner: unknown owner '\(name)'; expected aws, customer or shared")
        }
        for name in SessionRunner.split(kind) where ItemKind(rawValue: name) == nil {
            throw ValidationError(
                "--kind: unknown kind '\(name)'; expected one of \(ItemKind.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
    }

    @MainActor
    mutating func run() async throws {
        let seed = seed ?? UInt64(UInt32(truncatingIfNeeded: Int(Date().timeIntervalSince1970)))
        let filter = ItemFilter(
            services: SessionRunner.split(service), owners: SessionRunner.split(owner),
            kinds: SessionRunner.split(kind), tags: SessionRunner.split(tag))
        let configuration = SessionConfiguration(
            mode: .quiz, count: count, seed: seed, filter: filter, record: !noRecord)
        try SessionRunner.run(
            configuration: configuration, generatorSeed: seed, bank: bankOptions, learner: learnerOptions,
            display: display)
    }
}
