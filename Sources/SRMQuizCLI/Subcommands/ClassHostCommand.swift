import ArgumentParser
import Foundation
import SRMQuizKit
import SRMQuizServer

/// `srmquiz class host`: run a live class; students answer from their own browser or terminal.
struct ClassHostCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "host",
        abstract: "Host a live class: students join from a browser or `srmquiz class join`.",
        discussion: """
            Starts a server on this machine (students must reach it: same network, and the port open \
            in the firewall) and prints the join address, the join code and the terminal command. \
            Your terminal becomes the projector screen: Enter or space starts and moves on, p pauses, \
            s skips, q ends (closed questions are kept), r removes a player, ? lists the keys. A \
            correct answer scores round(1000 × (1 − (t/T)/2)), t measured on this machine from the \
            question opening to that student's answer. The results file is written after every \
            question, in the format `srmquiz report` reads.
            """
    )

    @Option(parsing: .unconditional, help: "How many questions.")
    var count = 10

    @Option(help: "The seed that chooses the questions (default: random, printed).")
    var seed: UInt64?

    @OptionGroup var filterOptions: FilterOptions

    @Option(help: ArgumentHelp("Seconds per question.", valueName: "seconds"))
    var timer: Double = 20

    @Option(help: "The port to listen on (0 picks a free one and prints it).")
    var port: Int = 8765

    @Option(help: ArgumentHelp("The address to listen on (default: all interfaces).", valueName: "address"))
    var bind: String = "0.0.0.0"

    @Option(name: .customLong("max-players"), help: "The most students that may join.")
    var maxPlayers: Int = 200

    @Option(help: ArgumentHelp("The join code (default: random 6 digits).", valueName: "code"))
    var pin: String?

    @Option(
        name: .customLong("auto-advance"),
        help: ArgumentHelp(
            "Move on by itself this many seconds after each results screen.", valueName: "seconds"))
    var autoAdvance: Double?

    @Option(
        name: .customLong("start-when"),
        help: ArgumentHelp("Start by itself once this many students joined.", valueName: "n"))
    var startWhen: Int?

    @OptionGroup var results: ResultsOptions

    @OptionGroup var bankOptions: BankOptions

    @OptionGroup var display: DisplayOptions

    func validate() throws {
        try OptionCheck.count(count)
        try OptionCheck.timer(timer)
        guard (0...65535).contains(port) else { throw ValidationError("--port must be from 0 to 65535") }
        guard maxPlayers >= 1 else { throw ValidationError("--max-players must be at least 1") }
        if let autoAdvance, !(autoAdvance >= 0 && autoAdvance <= 3600) {
            throw ValidationError("--auto-advance must be from 0 to 3600 seconds")
        }
        if let startWhen, startWhen < 1 { throw ValidationError("--start-when must be at least 1") }
        if let pin, pin.isEmpty || pin.count > 12 || !pin.allSatisfy(\.isNumber) {
            throw ValidationError("--pin must be 1 to 12 digits")
        }
    }

    @MainActor
    func run() async throws {
        let bank = try CLIOutput.loadBank(bankOptions)
        let seed = self.seed ?? ResultsOutput.randomSeed()
        let items = try filterOptions.choiceQuestions(from: bank, count: count, seed: seed)
        let code = pin ?? String(format: "%06d", Int.random(in: 0...999_999))
        let settings = LiveClassSettings(
            pin: code, timerSeconds: timer, maxPlayers: maxPlayers, autoAdvanceSeconds: autoAdvance,
            startWhen: startWhen)
        let state = LiveClass(settings: settings, items: items, seed: seed, createdAt: Date())
        let console = ClassHostConsole(terminal: TerminalInput.terminal())
        let resultsOption = results.file
        let saved = SavedPath()
        let hub = ClassHub(
            state: state, bankFiles: bank.files,
            save: { result in
                do {
                    let path = try ResultsOutput.save(
                        result, to: resultsOption, prefix: "class", at: result.startedAt)
                    saved.set(path)
                } catch {}
            },
            onChange: { console.changed($0) })
        let server = ClassServer(hub: hub, host: bind, port: port)
        let bindAddress = bind
        CLIOutput.print("Live class: \(items.count) questions, \(Int(timer)) s each, seed \(seed)")
        let finished: Bool = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask {
                try await server.run { boundPort in
                    let hosts = NetworkAddresses.reachable(bind: bindAddress)
                    console.print(
                        LiveClassScreen.joinInfo(
                            urls: hosts.map { "http://\($0):\(boundPort)/" }, pin: code, port: boundPort,
                            hosts: hosts))
                    console.print(LiveClassScreen.keyHelp)
                }
                return false
            }
            group.addTask {
                await hub.runClock()
                return false
            }
            group.addTask {
                await console.run(hub: hub)
                return true
            }
            var done = false
            do {
                while let result = try await group.next() {
                    if result {
                        done = true
                        break
                    }
                }
            } catch {
                group.cancelAll()
                throw CLIOutput.fail(
                    "cannot serve on \(bindAddress):\(port): \(error); is the port in use? pick another with --port"
                )
            }
            // Let the last messages reach the students, then stop.
            try? await Task.sleep(nanoseconds: 300_000_000)
            await hub.closeAll(reason: "the class has ended")
            try? await Task.sleep(nanoseconds: 200_000_000)
            group.cancelAll()
            return done
        }
        let final = await hub.state
        console.print("\n" + LiveClassScreen.podium(final))
        if finished, let path = saved.path {
            CLIOutput.print("\nResults saved to \(path)")
        } else if final.records.isEmpty {
            CLIOutput.print("\nNo question was closed; no results file written.")
        }
    }
}

/// The results file's path once written (set from the hub's actor, read at the end).
final class SavedPath: @unchecked Sendable {
    private let lock = NSLock()
    private var value: String?
    var path: String? { lock.withLock { value } }
    func set(_ path: String) { lock.withLock { value = path } }
}
