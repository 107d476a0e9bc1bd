/// The text a class session prints: the scoreboard after each question, and at the end the
/// podium and the per-question table.
package enum ClassSummary {
    /// Players by points, highest first, with ranks (ties share a rank).
    package static func standings(_ result: ClassResult) -> [(
        rank: Int, player: String, points: Int, correct: Int
    )] {
        let totals = result.totals
        let correct = result.correctCounts
        let ranks = ClassScoring.ranks(totals)
        return result.players.indices
            .map { (rank: ranks[$0], player: result.players[$0], points: totals[$0], correct: correct[$0]) }
            .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.player < $1.player }
    }

    /// The scoreboard.
    package static func scoreboard(_ result: ClassResult) -> String {
        let width = max(6, result.players.map(\.count).max() ?? 0)
        var text = "Scoreboard:\n"
        for row in standings(result) {
            text +=
                "  \(row.rank). " + row.player.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(row.points)\n"
        }
        return text
    }

    /// The end: podium and per-question table.
    package static func text(for result: ClassResult) -> String {
        var text = "\nFinal standings\n"
        let medals = ["1st", "2nd", "3rd"]
        for row in standings(result) where row.rank <= 3 {
            text += "  \(medals[row.rank - 1])  \(row.player)  \(row.points) points (\(row.correct) right)\n"
        }
        text += "\nQuestion  Answer  Right\n"
        for q in result.questions {
            let right = q.responses.filter(\.correct).map(\.player)
            let number = String(q.number).padding(toLength: 8, withPad: " ", startingAt: 0)
            let answer = q.correctLetters.joined(separator: ",").padding(
                toLength: 6, withPad: " ", startingAt: 0)
            text += "  \(number)\(answer)  \(right.isEmpty ? "nobody" : right.joined(separator: ", "))\n"
        }
        return text
    }
}
