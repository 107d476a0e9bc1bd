import Foundation

/// A class session's scores and item analysis.
public struct ClassReport: Sendable, Hashable, Codable {
    /// One student's line.
    package struct Student: Sendable, Hashable, Codable {
        package var name: String
        package var rank: Int
        package var points: Int
        package var correct: Int
        package var asked: Int
        package init(name: String, rank: Int, points: Int, correct: Int, asked: Int) {
            self.name = name
            self.rank = rank
            self.points = points
            self.correct = correct
            self.asked = asked
        }
    }

    /// How often one wrong choice was picked.
    package struct OptionCount: Sendable, Hashable, Codable {
        package var letter: String
        package var choice: String
        package var count: Int
        package init(letter: String, choice: String, count: Int) {
            self.letter = letter
            self.choice = choice
            self.count = count
        }
    }

    /// One question's statistics.
    package struct Question: Sendable, Hashable, Codable {
        package var number: Int
        package var id: String
        package var prompt: String
        package var correctLetters: [String]
        package var attempts: Int
        package var correct: Int
        /// Moodle's facility index, 0–100.
        package var facility: Double?
        /// Moodle's discrimination index, −100–100; `nil` when undefined.
        package var discrimination: Double?
        /// Each wrong choice and how often it was picked (choices never picked are left out).
        package var wrongChoices: [OptionCount]
        /// Answers left blank or given after the timer.
        package var unanswered: Int
        /// Every choice and how often it was picked (a multiple-response answer counts each letter
        /// it names), the key included.
        package var picks: [OptionCount]
        package init(
            number: Int, id: String, prompt: String, correctLetters: [String], attempts: Int, correct: Int,
            facility: Double?, discrimination: Double?, wrongChoices: [OptionCount], unanswered: Int,
            picks: [OptionCount] = []
        ) {
            self.picks = picks
            self.number = number
            self.id = id
            self.prompt = prompt
            self.correctLetters = correctLetters
            self.attempts = attempts
            self.correct = correct
            self.facility = facility
            self.discrimination = discrimination
            self.wrongChoices = wrongChoices
            self.unanswered = unanswered
        }
    }

    /// A fact and how often questions on it were missed.
    package struct MissedFact: Sendable, Hashable, Codable {
        package var fact: String
        /// The fact's text, when the bank is known.
        package var text: String?
        package var missed: Int
        package var total: Int
        package init(fact: String, text: String? = nil, missed: Int, total: Int) {
            self.fact = fact
            self.text = text
            self.missed = missed
            self.total = total
        }
    }

    package var file: String
    package var seed: UInt64
    package var bankFiles: [String]
    package var mode: ClassResult.Mode
    package var startedAt: Date
    package var students: [Student]
    package var questions: [Question]
    package var mostMissedFacts: [MissedFact]

    package init(
        file: String, seed: UInt64, bankFiles: [String], mode: ClassResult.Mode, startedAt: Date,
        students: [Student], questions: [Question], mostMissedFacts: [MissedFact]
    ) {
        self.file = file
        self.seed = seed
        self.bankFiles = bankFiles
        self.mode = mode
        self.startedAt = startedAt
        self.students = students
        self.questions = questions
        self.mostMissedFacts = mostMissedFacts
    }

    /// The facts a question tests: its key's facts.
    ///
    /// Generated multiple-choice, multiple-response and "which service" questions list the key's
    /// facts first and then one fact per distractor (as many facts as choices); only the first
    /// ones, one per right answer, are tested. Other questions test all their facts; a question
    /// without facts counts under its id.
    package static func testedFacts(_ q: ClassQuestionRecord) -> [String] {
        if q.facts.isEmpty { return [q.id] }
        let keyFirst: Set<ItemKind> = [.multipleChoice, .multipleResponse, .contrast]
        if keyFirst.contains(q.kind), q.facts.count == q.choices.count, !q.correctLetters.isEmpty {
            return Array(q.facts.prefix(q.correctLetters.count))
        }
        return q.facts
    }

    /// How many missed facts are listed.
    package static let missedLimit = 10

    /// The report of a class result.
    package static func make(file: String, result: ClassResult, names: DisplayNames = DisplayNames())
        -> ClassReport
    {
        let players = result.players
        // scores[s][i]: 1 right, 0 wrong or blank, nil not asked.
        let scores: [[Double?]] = players.map { player in
            result.questions.map { q in
                q.responses.first { $0.player == player }.map { $0.correct ? 1 : 0 }
            }
        }
        let stats = ItemStatistics.compute(scores: scores)
        let questions = result.questions.enumerated().map { i, q in
            var counts: [String: Int] = [:]
            var picked: [String: Int] = [:]
            var unanswered = 0
            for r in q.responses {
                for letter in r.answer ?? [] { picked[letter, default: 0] += 1 }
            }
            for r in q.responses where !r.correct {
                guard let answer = r.answer else {
                    unanswered += 1
                    continue
                }
                for letter in answer where !q.correctLetters.contains(letter) {
                    counts[letter, default: 0] += 1
                }
            }
            let wrong = counts.keys.sorted().map { letter in
                OptionCount(
                    letter: letter,
                    choice: ChoiceAnswer.index(of: letter, choiceCount: q.choices.count).map { q.choices[$0] }
                        ?? "",
                    count: counts[letter] ?? 0)
            }
            let picks = q.choices.indices.map { index in
                let letter = ChoiceAnswer.letter(index)
                return OptionCount(letter: letter, choice: q.choices[index], count: picked[letter] ?? 0)
            }
            return Question(
                number: q.number, id: q.id, prompt: q.prompt, correctLetters: q.correctLetters,
                attempts: q.responses.count, correct: q.responses.filter(\.correct).count,
                facility: i < stats.count ? stats[i].facility : nil,
                discrimination: i < stats.count ? stats[i].discrimination : nil, wrongChoices: wrong,
                unanswered: unanswered, picks: picks)
        }
        let totals = result.totals
        let correct = result.correctCounts
        let ranks = ClassScoring.ranks(totals)
        let students = players.indices.map { s in
            Student(
                name: players[s], rank: ranks[s], points: totals[s], correct: correct[s],
                asked: scores[s].compactMap { $0 }.count)
        }
        .sorted { $0.rank != $1.rank ? $0.rank < $1.rank : $0.name < $1.name }
        var facts: [String: (missed: Int, total: Int)] = [:]
        for q in result.questions {
            let keys = testedFacts(q)
            for key in keys {
                let old = facts[key] ?? (0, 0)
                facts[key] = (
                    old.missed + q.responses.filter { !$0.correct }.count, old.total + q.responses.count
                )
            }
        }
        let missed = facts.filter { $0.value.missed > 0 }
            .map {
                MissedFact(
                    fact: $0.key, text: names.factLabels[$0.key], missed: $0.value.missed,
                    total: $0.value.total)
            }
            .sorted { $0.missed != $1.missed ? $0.missed > $1.missed : $0.fact < $1.fact }
        return ClassReport(
            file: file, seed: result.seed, bankFiles: result.bankFiles, mode: result.mode,
            startedAt: result.startedAt,
            students: students, questions: questions, mostMissedFacts: Array(missed.prefix(missedLimit)))
    }
}
