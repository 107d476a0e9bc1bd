import Foundation
import SRMQuizKit

// TEMPORARY SHIMS for the exam/class commands, until the REPL branch (PlainLineReader,
// ReadlineLineReader) and the progress branch (ProgressStore, LearnerOptions) land on main.
// Replace each use with the real type and delete this file.

/// TEMPORARY: reads lines from standard input with the prompt on stdout (stand-in for the REPL
/// branch's `PlainLineReader`/`ReadlineLineReader`).
final class TemporaryStdinLineReader: LineReader {
    func readLine(prompt: String) -> String? {
        StandardOutput().write(prompt)
        return Swift.readLine(strippingNewline: true)
    }
}

/// TEMPORARY: how the exam feeds a learner's schedule. Until `ProgressStore` and
/// `SchedulerSettings.makeScheduler()` land, there is no store to record into: says so on stderr.
enum TemporaryExamRecording {
    static func record(_ result: ExamResult) {
        StandardOutput.standardError.write(
            "srmquiz: note: this build cannot record exam answers in your progress yet (progress store pending)\n"
        )
    }
}
