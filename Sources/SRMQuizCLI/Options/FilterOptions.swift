import ArgumentParser
import SRMQuizKit

/// `--service`, `--owner`, `--kind`, `--tag`: which questions a command draws from. One group, so
/// every command that selects questions takes the same filters with the same errors.
struct FilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only questions about this service id (repeatable).", valueName: "id"))
    var service: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions whose answer is this owner: aws, customer, shared (repeatable).",
            valueName: "owner"))
    var owner: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions of this kind, e.g. owner, multiple-choice (repeatable).", valueName: "kind"))
    var kind: [String] = []

    @Option(
        help: ArgumentHelp(
            "Only questions with this tag, e.g. topic:patching or patching (repeatable).", valueName: "tag"))
    var tag: [String] = []

    func validate() throws {
        for name in SessionRunner.split(owner) where Owner(rawValue: name.lowercased()) == nil {
            throw ValidationError("--owner: unknown owner '\(name)'; expected aws, customer or shared")
        }
        for name in SessionRunner.split(kind) where ItemKind(rawValue: name) == nil {
            throw ValidationError(
                "--kind: unknown kind '\(name)'; expected one of "
                    + ItemKind.allCases.map(\.rawValue).joined(separator: ", "))
        }
    }

    /// The filter these options describe (comma-separated values split).
    var filter: ItemFilter {
        ItemFilter(
            services: SessionRunner.split(service), owners: SessionRunner.split(owner),
            kinds: SessionRunner.split(kind), tags: SessionRunner.split(tag))
    }
}
