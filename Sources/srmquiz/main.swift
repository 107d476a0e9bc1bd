import SRMQuizCLI

SRMQuizCommand.main()
