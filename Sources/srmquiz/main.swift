import SRMQuizCLI

// Called from an async function, not from top-level code: at top level the compiler picks
// ArgumentParser's synchronous `main()`, which refuses an asynchronous root command.
func start() async {
    await SRMQuizCommand.main()
}

await start()
