import SRMQuizCLI

await SRMQuizCommand.main()
