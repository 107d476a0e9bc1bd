import Foundation
import SRMQuizCLI

/// The `srmquiz` executable: runs the root command on the process's arguments and exits with
/// its status.
@main
enum SRMQuizMain {
    static func main() async {
        // A file-size limit (`ulimit -f`) becomes a write error (EFBIG, reported with the file's
        // path) instead of a SIGXFSZ that kills the process in the middle of saving.
        _ = signal(SIGXFSZ, SIG_IGN)
        let status = await SRMQuizCommand.execute(Array(CommandLine.arguments.dropFirst()))
        exit(status)
    }
}
