import Foundation
import SRMQuizCLI

/// The `srmquiz` executable: runs the root command on the process's arguments and exits with
/// its status.
@main
enum SRMQuizMain {
    static func main() async {
        let status = await SRMQuizCommand.execute(Array(CommandLine.arguments.dropFirst()))
        exit(status)
    }
}
