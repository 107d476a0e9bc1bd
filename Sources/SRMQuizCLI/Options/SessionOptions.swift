import ArgumentParser

/// The option groups of the session commands (`study`, `quiz`, `cram`): the filter set, the
/// banks, the learner and `--no-color`, as ``SessionRunner`` takes them.
struct SessionOptions: ParsableArguments {
    @OptionGroup var filterOptions: FilterOptions
    @OptionGroup var bankOptions: BankOptions
    @OptionGroup var learnerOptions: LearnerOptions
    @OptionGroup var display: DisplayOptions

    init() {}
}
