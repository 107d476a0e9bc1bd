import ArgumentParser
import Foundation
import SRMQuizKit

/// `srmquiz progress replay REVLOG.csv`: replays a review log in the FSRS optimizer's layout
/// through FSRS-6 or SM-2 (fuzz off) and prints each card's state after each review as JSON
/// lines.
package struct ProgressReplayCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a review log through the scheduler and print each card's state as JSON lines.",
        discussion: """
            REVLOG.csv is a CSV in the FSRS optimizer's layout: a header row naming at least \
            card_id, review_time (milliseconds since the Unix epoch) and review_rating (1 Again, \
            2 Hard, 3 Good, 4 Easy); other columns are ignored and rows may come in any order. \
            Each review prints one JSON object, ordered by card then time, e.g.
              {"card_id": 7, "review_time": 1767600000000, "state": "learning", "step": 0, \
            "stability": 2.3065, "difficulty": 2.1181, "due": "2026-01-05T09:10:00Z"}
            With --scheduler sm2, stability and difficulty are null and "ease" and "interval" \
            are added; days are Anki's: they start at --day-starts-at o'clock in --time-zone, \
            and a review card is due from the start of its due day. Intervals are not fuzzed, \
            so the output is reproducible.
            """)

    @Argument(help: ArgumentHelp("The review log, or - for standard input.", valueName: "REVLOG.csv"))
    package var revlog: String

    @Option(help: ArgumentHelp("FSRS desired retention, 0.70 to 0.99.", valueName: "R"))
    package var retention: Double = 0.9

    @Option(help: ArgumentHelp("The scheduler: fsrs or sm2.", valueName: "fsrs|sm2"))
    package var scheduler: SchedulerKind = .fsrs

    @Option(
        help: ArgumentHelp(
            "SM-2: the hour (0-23) at which a day starts, as Anki's \"next day starts at\".",
            valueName: "hour"))
    package var dayStartsAt: Int = StudyDay.defaultRolloverHour

    @Option(
        help: ArgumentHelp(
            "SM-2: the time zone days start in, an IANA name such as UTC (default: the system's, TZ respected).",
            valueName: "name"))
    package var timeZone: String?

    @OptionGroup var display: DisplayOptions

    package init() {}

    package func validate() throws {
        try OptionCheck.retention(retention)
        try OptionCheck.dayStartsAt(dayStartsAt)
        if let timeZone, TimeZone(identifier: timeZone) == nil {
            throw ValidationError(
                "--time-zone must be an IANA time zone name such as UTC or Europe/Berlin, not '\(timeZone)'")
        }
    }

    package func run() throws {
        let kind = scheduler
        do {
            let replay = try RevlogReplay(
                kind: kind, desiredRetention: retention, dayStartsAt: dayStartsAt, timeZone: timeZone)
            let text = try readInput()
            let results = try replay.replay(csv: text, source: revlog)
            var output = FileOutput()
            for result in results {
                output.write(result.jsonLine(kind: kind))
                output.write("\n")
            }
            output.flush()
        } catch let error as CustomStringConvertible & Error {
            throw CLIOutput.fail("progress replay: \(error.description)")
        }
    }

    private func readInput() throws -> String {
        let data: Data
        do {
            let limit = BoundedFileReader.inputFileLimit
            data =
                revlog == "-"
                ? try BoundedFileReader.readStandardInput(limit: limit)
                : try BoundedFileReader.read(path: revlog, limit: limit)
        } catch {
            throw ReplayInputError(path: revlog, reason: error.detail)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw RevlogError(source: revlog, line: 1, problem: .notText)
        }
        return text
    }
}

/// The review log file could not be read.
struct ReplayInputError: Error, CustomStringConvertible {
    var path: String
    var reason: String
    var description: String { "\(path): cannot read the review log: \(reason)" }
}

/// Buffered writes to standard output.
private struct FileOutput {
    private var buffer = ""

    mutating func write(_ text: String) {
        buffer += text
        if buffer.utf8.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        CLIOutput.document(buffer)
        buffer = ""
    }
}
