import ArgumentParser
import Foundation
import SRMQuizKit

/// `--service`, `--owner`, `--kind`, `--tag`, `--topic`: which questions a command draws from.
///
/// One group, so every command that selects questions (study, quiz, cram, exam, class, print,
/// export) takes the same filters with the same errors: an unknown value exits 64 with the valid
/// ones and the closest ("did you mean"), a filter that matches nothing exits 1. With
/// ``BankOptions`` (`--bank`, `--no-bundled`) it is the one filter set.
struct FilterOptions: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "Only questions about this service id, e.g. ec2 (repeatable, or comma-separated).",
            valueName: "id"),
        completion: .custom { _, _, _ in Completions.serviceIDs() })
    var service: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions whose answer is this owner: aws, customer, shared (repeatable).",
            valueName: "owner"),
        completion: .list(Owner.allCases.map(\.rawValue)))
    var owner: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions of this kind, e.g. owner, multiple-choice (repeatable).", valueName: "kind"),
        completion: .list(ItemKind.allCases.map(\.rawValue)))
    var kind: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions with this tag, e.g. category:abstracted or abstracted (repeatable).",
            valueName: "tag"))
    var tag: [String] = []

    @Option(
        help: ArgumentHelp("Only questions on this topic, e.g. patching (repeatable).", valueName: "topic"))
    var topic: [String] = []

    init() {}

    func validate() throws {
        for name in Self.split(owner) where Owner(rawValue: name.lowercased()) == nil {
            throw ValidationError(
                Suggestion.unknownValue(option: "--owner", value: name, valid: Owner.allCases.map(\.rawValue))
                    .message)
        }
        for name in Self.split(kind) where ItemKind(rawValue: name.lowercased()) == nil {
            throw ValidationError(
                Suggestion.unknownValue(
                    option: "--kind", value: name, valid: ItemKind.allCases.map(\.rawValue)
                )
                .message)
        }
    }

    /// The filter these options describe (comma-separated values split).
    var filter: ItemFilter {
        ItemFilter(
            services: Self.split(service), owners: Self.split(owner), kinds: Self.split(kind),
            topics: Self.split(topic), tags: Self.split(tag))
    }

    /// Whether no filter was given.
    var isEmpty: Bool { filter.isEmpty }

    /// The items of `items` that pass the filter.
    ///
    /// A service, topic or tag that no item of the banks has is a bad command line (exit 64, with
    /// the valid values and the closest); a filter whose values all exist but that together match
    /// nothing is exit 1, saying so.
    func select(from items: [Item]) throws -> [Item] {
        let filter = self.filter
        guard !filter.isEmpty else { return items }
        try check(filter.services, option: "--service", known: Self.values(of: "service", in: items))
        try check(filter.topics, option: "--topic", known: Self.values(of: "topic", in: items))
        let tagValues = Set(items.flatMap(\.tags)).union(
            items.flatMap(\.tags).compactMap { $0.split(separator: ":", maxSplits: 1).last.map(String.init) })
        try check(filter.tags, option: "--tag", known: Array(tagValues).sorted())
        let chosen = items.filter { filter.matches($0) }
        if chosen.isEmpty { throw CLIError("no questions match \(description)") }
        return chosen
    }

    /// `count` questions with choices from the items of `bank` that pass the filter.
    ///
    /// They are chosen and ordered by `seed` (``ExamSelector``): what `exam`, `class`, `class
    /// host` and `print` ask. None is an error (exit 1); fewer than `count` is a note, and those
    /// are asked.
    func choiceQuestions(from bank: Bank, count: Int, seed: UInt64) throws -> [Item] {
        let pool = try select(from: QuestionGenerator(bank: bank).generate(seed: seed))
        let items = ExamSelector.select(from: pool, count: count, seed: seed)
        guard !items.isEmpty else {
            throw CLIError(
                "no questions with choices" + (isEmpty ? " in the banks" : " match \(description)"))
        }
        if items.count < count {
            CLIOutput.note("only \(TextFormat.count(items.count, "question")) with choices; asking those")
        }
        return items
    }

    /// The filter as given, e.g., `--service ec2 --owner aws`.
    var description: String {
        let parts: [(String, [String])] = [
            ("--service", Self.split(service)), ("--owner", Self.split(owner)), ("--kind", Self.split(kind)),
            ("--tag", Self.split(tag)), ("--topic", Self.split(topic)),
        ]
        return parts.filter { !$0.1.isEmpty }.map { "\($0.0) \($0.1.joined(separator: ","))" }
            .joined(separator: " ")
    }

    private func check(_ wanted: [String], option: String, known: [String]) throws {
        let have = Set(known.map { $0.lowercased() })
        for value in wanted where !have.contains(value.lowercased()) {
            throw Suggestion.unknownValue(option: option, value: value, valid: known)
        }
    }

    /// The sorted, distinct values of the `name:` tags of `items`.
    private static func values(of name: String, in items: [Item]) -> [String] {
        Array(Set(items.flatMap { $0.values(of: name) })).sorted()
    }

    /// Splits comma-separated values of a repeatable option: `["ec2,s3", "rds"]` → three.
    static func split(_ values: [String]) -> [String] {
        values.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }
}
