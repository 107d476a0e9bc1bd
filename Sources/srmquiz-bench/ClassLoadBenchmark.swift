import Foundation
import HummingbirdWSClient
import Logging
import SRMQuizKit
import SRMQuizServer

#if canImport(Glibc)
    import Glibc
#endif

/// `srmquiz-bench class-load [--clients N] [--questions N] [--binary PATH]`: a real
/// `srmquiz class host` process on loopback and N simulated students in this process, who all
/// answer each question within the same second (each after a random 0–1 s).
///
/// Reports the answer-to-acknowledgement latency (p50/p99, measured by the students), the time
/// from the last answer being sent to the last student receiving the results (an upper bound of
/// close-to-results: it includes that answer's trip to the host), the host's CPU time and peak
/// memory (from wait4's rusage), and how many students saw the end.
enum ClassLoadBenchmark {
    static func run(arguments: [String]) throws {
        var clients = 300
        var questions = 10
        var binary = BenchmarkOptions.defaultBinary
        try BenchmarkOptions.read(arguments) { name, value in
            switch name {
            case "--clients": clients = min(1000, max(1, Int(value) ?? clients))
            case "--questions": questions = min(50, max(1, Int(value) ?? questions))
            case "--binary": binary = value
            default: return false
            }
            return true
        }
        try BenchmarkOptions.requireBinary(binary)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
            "srmquiz-bench-class-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }

        let host = try SpawnedHost(
            binary: binary,
            arguments: [
                "class", "host", "--bind", "127.0.0.1", "--port", "0", "--count", "\(questions)", "--seed",
                "1",
                "--timer", "20", "--auto-advance", "1", "--start-when", "\(clients)", "--max-players",
                "\(clients)",
                "--pin", "4242", "--results", dir.appendingPathComponent("class.json").path,
            ])
        let port = try host.waitForPort(timeout: 30)
        let box = ResultBox()
        let semaphore = DispatchSemaphore(value: 0)
        let started = Date()
        let total = clients
        Task.detached {
            await withTaskGroup(of: Void.self) { group in
                for n in 0..<total {
                    group.addTask { await Student(number: n, port: port, box: box).run() }
                }
            }
            semaphore.signal()
        }
        // Bounded in time: 10 questions take about 25 s.
        if semaphore.wait(timeout: .now() + .seconds(60 + questions * 25)) == .timedOut {
            host.kill()
            throw ProgressBenchmark.BenchmarkError("the class did not finish in time")
        }
        let usage = host.wait()
        let wall = Date().timeIntervalSince(started)
        let report = box.report(questions: questions)
        let cpu =
            Double(usage.ru_utime.tv_sec) + Double(usage.ru_utime.tv_usec) / 1e6
            + Double(usage.ru_stime.tv_sec) + Double(usage.ru_stime.tv_usec) / 1e6
        print(
            "class-load: \(clients) students, \(questions) questions, \(String(format: "%.1f", wall)) s wall")
        print(
            String(
                format: "answer-to-ack: p50 %.1f ms, p99 %.1f ms, max %.1f ms (%d answers)", report.ackP50,
                report.ackP99, report.ackMax, report.answers))
        print(
            String(
                format:
                    "last answer sent to last student's results: median %.1f ms, worst %.1f ms over %d questions",
                report.resultsMedian, report.resultsWorst, report.closes))
        print(
            String(
                format: "host CPU time: %.2f s; host peak memory (max RSS): %.1f MB", cpu,
                Double(usage.ru_maxrss) / 1024))
        print(
            "students who saw the end: \(report.finished) of \(clients); dropped: \(clients - report.finished)"
        )
    }

    /// What the students measured.
    final class ResultBox: @unchecked Sendable {
        private let lock = NSLock()
        private var acks: [Double] = []
        private var lastSent: [Int: Date] = [:]
        private var lastResults: [Int: Date] = [:]
        private var finished = 0

        func sent(question: Int, at date: Date) {
            lock.withLock { lastSent[question] = max(lastSent[question] ?? date, date) }
        }
        func ack(_ ms: Double) { lock.withLock { acks.append(ms) } }
        func results(question: Int, at date: Date) {
            lock.withLock { lastResults[question] = max(lastResults[question] ?? date, date) }
        }
        func finish() { lock.withLock { finished += 1 } }

        struct Report {
            var ackP50, ackP99, ackMax: Double
            var answers: Int
            var resultsMedian, resultsWorst: Double
            var closes: Int
            var finished: Int
        }

        func report(questions: Int) -> Report {
            lock.withLock {
                let sorted = acks.sorted()
                func pct(_ p: Double) -> Double {
                    sorted.isEmpty
                        ? .nan
                        : sorted[min(sorted.count - 1, Int((Double(sorted.count) * p).rounded(.up)) - 1)]
                }
                let spans = lastResults.compactMap { q, date in
                    lastSent[q].map { date.timeIntervalSince($0) * 1000 }
                }.sorted()
                return Report(
                    ackP50: pct(0.5), ackP99: pct(0.99), ackMax: sorted.last ?? .nan, answers: sorted.count,
                    resultsMedian: spans.isEmpty ? .nan : spans[spans.count / 2],
                    resultsWorst: spans.last ?? .nan,
                    closes: spans.count, finished: finished)
            }
        }
    }

    /// One simulated student: joins, answers each question after a random 0–1 s, measures.
    struct Student: Sendable {
        let number: Int
        let port: Int
        let box: ResultBox

        func run() async {
            var logger = Logger(label: "bench-student")
            logger.logLevel = .critical
            _ = try? await WebSocketClient.connect(url: "ws://127.0.0.1:\(port)/ws", logger: logger) {
                inbound, outbound, _ in
                try await outbound.write(
                    .text(ClientMessage.join(pin: "4242", name: "Student \(number)").json()))
                var sentAt: [Int: Date] = [:]
                var pending: Task<Void, Never>?
                for try await message in inbound.messages(maxSize: 1 << 20) {
                    guard case .text(let text) = message,
                        let m = try? JSONDecoder().decode(ServerMessage.self, from: Data(text.utf8))
                    else { continue }
                    switch m.type {
                    case "question":
                        guard let q = m.question, let count = m.choices?.count else { continue }
                        let letter = ChoiceAnswer.letter(Int.random(in: 0..<count))
                        let delay = Double.random(in: 0..<1)
                        let sendTime = Date().addingTimeInterval(delay)
                        sentAt[q] = sendTime
                        pending = Task {
                            try? await Task.sleep(nanoseconds: UInt64(delay * 1e9))
                            box.sent(question: q, at: Date())
                            try? await outbound.write(
                                .text(ClientMessage.answer(question: q, choices: [letter]).json()))
                        }
                        _ = pending
                    case "ack":
                        if let q = m.question, let sent = sentAt[q] {
                            box.ack(max(0, Date().timeIntervalSince(sent) * 1000))
                        }
                    case "results":
                        if let q = m.question { box.results(question: q, at: Date()) }
                    case "finished":
                        box.finish()
                        return
                    default: break
                    }
                }
            }
        }
    }

    /// The host, started with posix_spawn so its resource usage can be read with wait4.
    final class SpawnedHost {
        let pid: pid_t
        private let output: FileHandle
        private var text = ""

        init(binary: String, arguments: [String]) throws {
            var fds: [Int32] = [0, 0]
            guard pipe(&fds) == 0 else { throw ProgressBenchmark.BenchmarkError("pipe failed") }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, fds[1], 1)
            posix_spawn_file_actions_addclose(&actions, fds[0])
            let argv: [UnsafeMutablePointer<CChar>?] = ([binary] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let status = posix_spawn(&pid, binary, &actions, nil, argv, environ)
            close(fds[1])
            guard status == 0 else {
                throw ProgressBenchmark.BenchmarkError("cannot start \(binary): \(status)")
            }
            self.pid = pid
            self.output = FileHandle(fileDescriptor: fds[0], closeOnDealloc: true)
        }

        /// Reads the host's output until it prints its port.
        func waitForPort(timeout: Double) throws -> Int {
            let end = Date().addingTimeInterval(timeout)
            while Date() < end {
                let data = output.availableData
                if data.isEmpty { break }
                text += String(decoding: data, as: UTF8.self)
                if let range = text.range(of: "srmquiz class join 127.0.0.1:") {
                    let digits = text[range.upperBound...].prefix { $0.isNumber }
                    if let port = Int(digits), text[range.upperBound...].dropFirst(digits.count).first == " "
                    {
                        // Keep draining the host's output so it never blocks on a full pipe.
                        let handle = output
                        Thread.detachNewThread { while !handle.availableData.isEmpty {} }
                        return port
                    }
                }
            }
            throw ProgressBenchmark.BenchmarkError("the host did not print its port:\n\(text)")
        }

        func wait() -> rusage {
            var status: Int32 = 0
            var usage = rusage()
            _ = wait4(pid, &status, 0, &usage)
            return usage
        }

        func kill() { _ = Glibc.kill(pid, SIGTERM) }
    }
}
