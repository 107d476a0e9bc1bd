import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz quiz`: practice a seeded random selection, optionally filtered.
struct QuizCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quiz",
        abstract:
            "Practise a random selection of questions (recorded into your schedule unless --no-record).",
        discussion: "Questions come with feedback after each answer."
            + HelpText.examples([
                "srmquiz quiz --count 10 --service ec2,rds    Ten questions on two services.",
                "srmquiz quiz --owner shared --seed 3         The same selection every time.",
                "srmquiz quiz --kind true-false --no-record   Schedule untouched.",
            ])
    )

    @Option(parsing: .unconditional, help: ArgumentHelp("How many questions.", valueName: "n"))
    var count = 10

    @Option(help: ArgumentHelp("Seed for the selection and order (default: from the clock).", valueName: "s"))
    var seed: UInt64?

    @Flag(name: .customLong("no-record"), help: "Leave your schedule untouched.")
    var noRecord = false

    @OptionGroup var session: SessionOptions

    init() {}

    func validate() throws {
        try OptionCheck.count(count)
    }

    @MainActor
    mutating func run() async throws {
        let seed = seed ?? UInt64(UInt32(truncatingIfNeeded: Int(Date().timeIntervalSince1970)))
        let filter = session.filterOptions.filter
        let configuration = SessionConfiguration(
            mode: .quiz, count: count, seed: seed, filter: filter, record: !noRecord)
        try SessionRunner.run(
            configuration: configuration, generatorSeed: seed, options: session)
    }
}
