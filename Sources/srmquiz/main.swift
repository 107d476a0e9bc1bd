import SRMQuizCLI

/// Top-level `await SRMQuizCommand.main()` resolves to ParsableCommand's synchronous `main()`,
/// which refuses an async root command; inside an async function the async overload is chosen.
func runSRMQuiz() async {
    await SRMQuizCommand.main()
}

await runSRMQuiz()
