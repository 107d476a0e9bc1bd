import Foundation

/// The instructor's projector screen of a live class, as text: the lobby, the open question with
/// its countdown and answer count, the results (a bar per choice, the right answer, the explanation
/// with its source, the scoreboard with movers), and the podium with the per-question table.
///
/// Pure: the host's loop prints what these return.
package enum LiveClassScreen {
    /// The keys the instructor can press.
    package static let keyHelp =
        "Keys: Enter/space start or next · p pause/resume · s skip · q end · r remove a player · ? keys"

    /// How to join: the page, the code and the terminal command.
    package static func joinInfo(urls: [String], pin: String, port: Int, hosts: [String]) -> String {
        var lines = ["Students join at:"]
        for url in urls { lines.append("  \(url)") }
        lines.append("Join code: \(pin)")
        if let host = hosts.first {
            lines.append("From a terminal: srmquiz class join \(host):\(port) --pin \(pin)")
        }
        return lines.joined(separator: "\n")
    }

    /// The lobby: who has joined.
    package static func lobby(_ state: LiveClass, width: Int = 80) -> String {
        let names = state.activePlayers.map { TerminalText.sanitize($0.name) }
        let count = "\(names.count) player\(names.count == 1 ? "" : "s") joined"
        guard !names.isEmpty else { return "Lobby: waiting for players… (Enter starts)" }
        return "Lobby: \(count): " + names.joined(separator: ", ")
    }

    /// The open question with its countdown and how many have answered.
    package static func question(_ state: LiveClass, now: Date, width: Int = 80) -> String {
        guard let index = state.phase.questionIndex, let item = state.currentItem else { return "" }
        var lines = [
            "Question \(index + 1) of \(state.items.count)",
            TextWrap.fold(TerminalText.sanitize(item.prompt), width: width),
        ]
        for (i, choice) in item.choices.enumerated() {
            lines.append(
                TextWrap.fold(
                    "\(ChoiceAnswer.letter(i))) \(TerminalText.sanitize(choice))", width: width, indent: "   "
                ))
        }
        lines.append(status(state, now: now))
        return lines.joined(separator: "\n")
    }

    /// One line: the countdown and the answer count, e.g., `[0:17] 17 of 23 answered`.
    package static func status(_ state: LiveClass, now: Date) -> String {
        let left = Int((state.remaining(now: now) ?? 0).rounded(.up))
        let clock = String(format: "%d:%02d", left / 60, left % 60)
        let paused = { if case .paused = state.phase { return " (paused)" } else { return "" } }()
        return "[\(clock)]\(paused) \(state.answeredCount) of \(state.expectedAnswerers.count) answered"
    }

    /// The results of the question that just closed, with the scoreboard.
    package static func results(_ state: LiveClass, previous: [String: Int] = [:], width: Int = 80) -> String
    {
        guard let record = state.records.last else { return "" }
        let item = state.items[record.number - 1]
        var counts = Array(repeating: 0, count: record.choices.count)
        for response in record.responses {
            for letter in response.answer ?? [] {
                if let i = ChoiceAnswer.index(of: letter, choiceCount: counts.count) { counts[i] += 1 }
            }
        }
        let most = max(1, counts.max() ?? 1)
        var lines = [
            "Question \(record.number) closed: \(record.responses.filter { $0.answer != nil }.count) answered"
        ]
        for (i, choice) in record.choices.enumerated() {
            let letter = ChoiceAnswer.letter(i)
            let mark = record.correctLetters.contains(letter) ? "✓" : " "
            let bar = String(repeating: "█", count: counts[i] * 20 / most)
            let label = String(TerminalText.sanitize(choice).prefix(28))
            lines.append(
                "\(mark) \(letter)) \(label.padding(toLength: 28, withPad: " ", startingAt: 0)) \(bar) \(counts[i])"
            )
        }
        lines.append("Answer: " + ChoiceAnswer.describe(record.correctLetters, choices: record.choices))
        lines.append(TextWrap.fold(TerminalText.sanitize(record.explanation), width: width))
        if let source = item.sources.first { lines.append("Source: \(TerminalText.sanitize(source))") }
        lines.append("")
        lines.append(scoreboard(state, previous: previous))
        return lines.joined(separator: "\n")
    }

    /// The top five, then the players who climbed most since `previous` ranks (by name).
    package static func scoreboard(_ state: LiveClass, previous: [String: Int] = [:]) -> String {
        let standings = state.standings
        var lines = ["Scoreboard:"]
        for s in standings.prefix(5) {
            lines.append("  \(s.rank). \(TerminalText.sanitize(s.name))  \(s.score)")
        }
        let movers = standings.compactMap { s -> (String, Int)? in
            guard let before = previous[s.name], before > s.rank else { return nil }
            return (s.name, before - s.rank)
        }.sorted { $0.1 > $1.1 }.prefix(3)
        if !movers.isEmpty {
            lines.append(
                "Movers: " + movers.map { "\(TerminalText.sanitize($0.0)) ↑\($0.1)" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    /// The podium and the per-question table.
    package static func podium(_ state: LiveClass) -> String {
        var lines = ["Final results:"]
        let standings = state.standings
        if standings.isEmpty { lines.append("  (no players)") }
        for s in standings where s.rank <= 3 {
            lines.append("  \(s.rank). \(TerminalText.sanitize(s.name))  \(s.score)")
        }
        if standings.count > 3 { lines.append("  … and \(standings.count - 3) more") }
        if !state.records.isEmpty {
            lines.append("")
            lines.append("  #  right  answered  answer")
            for record in state.records {
                let right = record.responses.filter(\.correct).count
                let answered = record.responses.filter { $0.answer != nil }.count
                let n = String(record.number).leftPad(3)
                lines.append(
                    "\(n)  \(String(right).leftPad(5))  \(String(answered).leftPad(8))  \(record.correctLetters.joined(separator: ","))"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Each active player's rank by name (to find the movers after the next question).
    package static func ranks(_ state: LiveClass) -> [String: Int] {
        Dictionary(state.standings.map { ($0.name, $0.rank) }, uniquingKeysWith: { a, _ in a })
    }
}

extension String {
    fileprivate func leftPad(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
