/// Help sections shared by the commands' `--help` and the man page: environment, files, exit status
/// and examples.
///
/// One paragraph per line: ArgumentParser wraps each at the terminal's width.
enum HelpText {
    /// The root command's discussion: what the commands share.
    static let rootDiscussion = """
        Run without a subcommand, srmquiz starts today's spaced-repetition session (study). Every command takes --help; commands that read banks take --bank PATH and --no-bundled; commands that choose questions take --service, --owner, --kind, --tag and --topic; every command takes --no-color.

        ENVIRONMENT:
          SRMQUIZ_BANKS   The folder (or file) of the bundled question bank, when it is not found beside the binary or in the source tree.
          XDG_DATA_HOME   Progress and results live in $XDG_DATA_HOME/srmquiz (default ~/.local/share/srmquiz); must be an absolute path.
          XDG_STATE_HOME  The readline history lives in $XDG_STATE_HOME/srmquiz/history (default ~/.local/state/srmquiz/history).
          XDG_CACHE_HOME  The generated questions are cached in $XDG_CACHE_HOME/srmquiz/items.cache (default ~/.cache/srmquiz/items.cache), so sessions start without re-reading the bank; any change to a bank file or to srmquiz makes it be rebuilt.
          SRMQUIZ_NO_CACHE  When set to a non-empty value, the question cache is neither read nor written.
          HOME            The base of the default folders above.
          NO_COLOR        When set (to any value, even empty), no colour is written, as with --no-color.
          COLUMNS         The width text is wrapped at when standard output is not a terminal (default 80).

        FILES:
          $XDG_DATA_HOME/srmquiz/<learner>.json            A learner's progress (cards and settings), mode 0600; the previous version is kept as <learner>.json.bak.
          $XDG_DATA_HOME/srmquiz/<learner>.reviews.jsonl   The learner's append-only review log, the source of truth.
          $XDG_DATA_HOME/srmquiz/results/                  Exam and class results (exam-<time>.json, class-<time>.json), read by srmquiz report.
          $XDG_STATE_HOME/srmquiz/history                  The readline history of answers.
          $XDG_CACHE_HOME/srmquiz/items.cache              The questions generated from the banks last used (items-seeded.cache: the last quiz's); safe to delete.
          QuestionBanks/                                   The bundled bank (see docs/bank-format.md to write your own).

        EXIT STATUS:
          0 success; 1 bad input or data (the message names the file, line or field); 64 a bad command line (unknown option or value, with the valid ones).

        EXAMPLES:
          srmquiz                                          Study today's reviews and new items.
          srmquiz quiz --count 10 --service ec2,rds        Practise ten questions on two services.
          srmquiz exam --count 65 --minutes 90             The full-length mock exam.
          srmquiz report --format html --output scores.html
          srmquiz bank validate my-questions.yaml          Check an instructor's bank.
          srmquiz --generate-completion-script bash        Print the bash completion script (also zsh, fish).
        """

    /// `EXAMPLES:` followed by `lines`, each `command   what it does`, for a command's discussion.
    static func examples(_ lines: [String]) -> String {
        "\n\nEXAMPLES:\n" + lines.map { "  " + $0 }.joined(separator: "\n")
    }
}
