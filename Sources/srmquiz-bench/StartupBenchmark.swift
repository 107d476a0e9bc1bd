import Foundation
import SRMQuizKit

/// `srmquiz-bench startup [--cards N] [--reviews N] [--runs N] [--binary PATH] [--dir PATH] [--keep DIR]`:
/// time from exec of the real `srmquiz` binary to its first prompt, with stdin piped, for a
/// learner whose progress file holds `cards` cards and `reviews` reviews (hyperfine-like:
/// one warm-up run, then `runs` timed runs; prints the median).
enum StartupBenchmark {
    static func run(arguments: [String]) throws {
        var cards = 5000
        var reviews = 200_000
        var runs = 10
        var binary = BenchmarkOptions.defaultBinary
        var folder = FileManager.default.temporaryDirectory
        var keep: String?
        try BenchmarkOptions.read(arguments) { name, value in
            switch name {
            case "--cards": cards = Int(value) ?? cards
            case "--reviews": reviews = Int(value) ?? reviews
            case "--runs": runs = max(1, Int(value) ?? runs)
            case "--binary": binary = value
            case "--dir": folder = URL(fileURLWithPath: value)
            case "--keep": keep = value
            default: return false
            }
            return true
        }
        try BenchmarkOptions.requireBinary(binary)
        let dir = folder.appendingPathComponent("srmquiz-bench-startup-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer {
            // --keep DIR (a path that does not exist yet): the learner's files are moved there,
            // for profiling one command on them.
            if let keep {
                do { try FileManager.default.moveItem(atPath: dir.path, toPath: keep) } catch {
                    print("could not keep the learner at \(keep): \(error.localizedDescription)")
                }
            }
            try? FileManager.default.removeItem(at: dir)
        }
        let file = dir.appendingPathComponent("learner.json")

        // A history over the bundled bank's real items (so reviews are due and the queue is
        // built for real), padded with cards of items no longer in the bank.
        guard let bankPath = BankLocator.bundledBank() else {
            throw ProgressBenchmark.BenchmarkError("no bundled bank")
        }
        let items = QuestionGenerator(bank: try BankLoader.load(paths: [bankPath])).generate(seed: 0)
        var history = ProgressBenchmark.makeHistory(cards: cards, reviews: reviews)
        let oldIDs = history.cards.keys.sorted()
        var rename: [String: String] = [:]
        for (old, item) in zip(oldIDs, items) { rename[old] = item.id }
        let now = Date()
        var remapped: [String: Card] = [:]
        for (n, old) in oldIDs.enumerated() {
            var card = history.cards[old] ?? Card.new(at: now)
            if rename[old] != nil {  // about a third due now, the rest later
                card.due = now.addingTimeInterval(Double(n % 3 == 0 ? -(n % 40) : (n % 40) + 1) * 86_400)
            }
            remapped[rename[old] ?? old] = ProgressTime.rounded(card)
        }
        history.lines = history.lines.map { line in
            var line = line
            if let id = line.review?.itemID {
                line.review?.itemID = rename[id] ?? id
                line.after = remapped[rename[id] ?? id]
            }
            return line
        }
        try ProgressStore.write(
            learner: "bench", created: history.created, settings: SchedulerSettings(), cards: remapped,
            lines: history.lines, to: file)
        let size =
            try ProgressBenchmark.fileSize(file)
            + ProgressBenchmark.fileSize(dir.appendingPathComponent("learner.reviews.jsonl"))
        print(
            "Startup to first prompt: \(cards) cards (\(min(cards, items.count)) in the bank), \(reviews) reviews, "
                + String(format: "%.1f MB; binary %@", Double(size) / 1_000_000, binary))

        var times: [Double] = []
        for run in 0...runs {
            let ms = try timeToPrompt(binary: binary, progress: file.path, home: dir.path)
            if run > 0 { times.append(ms) }  // run 0 warms the page cache
        }
        times.sort()
        let mean = times.reduce(0, +) / Double(times.count)
        print(
            String(
                format:
                    "exec → first prompt: median %.1f ms, mean %.1f ms, min %.1f ms, max %.1f ms (%d runs)",
                ProgressBenchmark.median(times), mean, times.first ?? 0, times.last ?? 0, times.count))

        // The readers, on the same learner: whole processes, median of `runs`.
        for command in [["progress", "show"], ["report"]] {
            var times: [Double] = []
            for run in 0...runs {
                let ms = try timeCommand(
                    binary: binary, arguments: command + ["--progress", file.path], home: dir.path)
                if run > 0 { times.append(ms) }
            }
            times.sort()
            print(
                String(
                    format: "srmquiz %@ (whole process): median %.1f ms, min %.1f ms, max %.1f ms (%d runs)",
                    command.joined(separator: " "), ProgressBenchmark.median(times), times.first ?? 0,
                    times.last ?? 0, times.count))
        }
    }

    /// Milliseconds that `srmquiz arguments` takes, start to exit (it must succeed).
    static func timeCommand(binary: String, arguments: [String], home: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["XDG_DATA_HOME"] = home + "/data"
        env["NO_COLOR"] = "1"
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        // `waitUntilExit` polls its run loop every 50 ms on Linux, which rounds every time up
        // to the next 50 ms; the termination handler runs as soon as the child is reaped.
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        let start = DispatchTime.now()
        try process.run()
        exited.wait()
        guard process.terminationStatus == 0 else {
            throw ProgressBenchmark.BenchmarkError("srmquiz \(arguments.joined(separator: " ")) failed")
        }
        return ProgressBenchmark.elapsed(since: start)
    }

    /// Milliseconds from starting `srmquiz study` until its prompt appears on stdout.
    static func timeToPrompt(binary: String, progress: String, home: String) throws -> Double {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["study", "--progress", progress]
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = home
        env["XDG_STATE_HOME"] = home + "/state"
        env["XDG_DATA_HOME"] = home + "/data"
        env["NO_COLOR"] = "1"
        process.environment = env
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        let start = DispatchTime.now()
        try process.run()
        var seen = Data()
        let prompt = Data("\n> ".utf8)
        while seen.range(of: prompt) == nil {
            let chunk = output.fileHandleForReading.availableData
            if chunk.isEmpty {
                throw ProgressBenchmark.BenchmarkError(
                    "srmquiz ended before its prompt:\n\(String(decoding: seen, as: UTF8.self))")
            }
            seen.append(chunk)
        }
        let elapsed = ProgressBenchmark.elapsed(since: start)
        try input.fileHandleForWriting.close()  // end of input: srmquiz saves and leaves
        _ = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return elapsed
    }
}
