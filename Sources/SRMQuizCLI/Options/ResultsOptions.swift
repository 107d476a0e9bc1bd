import ArgumentParser

/// `--results FILE`: where `exam`, `class` and `class host` save their results (see
/// ``ResultsOutput``), instead of a new file in the data folder.
struct ResultsOptions: ParsableArguments {
    @Option(
        name: .customLong("results"),
        help: ArgumentHelp(
            "Where to save the results (default: $XDG_DATA_HOME/srmquiz/results/<command>-<timestamp>.json).",
            valueName: "file"))
    var file: String?

    init() {}
}
