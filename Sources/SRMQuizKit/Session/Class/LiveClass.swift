import Foundation

/// The state of a live class (`srmquiz class host`): players joining from their own devices,
/// questions opening and closing, answers with the moment each arrived, and the points.
///
/// A pure value: every change takes the time it happens at (`now`), so tests drive it with
/// explicit times and the server drives it with the system clock. One owner (the server's actor)
/// mutates it; the network and the terminal only turn messages and keys into calls and render
/// the result.
///
/// Scoring is ``ClassScoring`` with the speed bonus, timed per student from the moment the
/// question opened to the moment that student's answer arrived; a question closes when its timer
/// runs out or when every connected player has answered, whichever comes first.
package struct LiveClass: Sendable {
    /// One answer to the open question, before it is scored.
    package struct PendingAnswer: Sendable, Hashable {
        package var letters: [String]
        /// Seconds from the question opening to the answer arriving (pauses excluded).
        package var elapsed: Double
    }

    /// What the server tells a student after an answer is accepted.
    package struct Receipt: Sendable, Hashable {
        package var question: Int
        package var elapsed: Double
    }

    package let settings: LiveClassSettings
    package let items: [Item]
    package let seed: UInt64
    /// When the class was created (the results' start when it never started).
    package let createdAt: Date
    /// When the first question opened.
    package private(set) var startedAt: Date?
    package private(set) var phase: LiveClassPhase = .lobby
    /// Everyone who joined, in join order (removed players stay, marked).
    package private(set) var players: [LiveClassPlayer] = []
    /// The closed questions, in the order asked (skipped questions are left out).
    package private(set) var records: [ClassQuestionRecord] = []
    /// The answers to the open question, by player name.
    package private(set) var pending: [String: PendingAnswer] = [:]

    package init(settings: LiveClassSettings, items: [Item], seed: UInt64, createdAt: Date) {
        self.settings = settings
        self.items = items
        self.seed = seed
        self.createdAt = createdAt
    }

    // MARK: Players

    /// Adds a player called `name` (trimmed) with the rejoin `token`, after checking the join code
    /// and the name.
    ///
    /// Starts the class when ``LiveClassSettings/startWhen`` is reached.
    @discardableResult package mutating func join(pin: String, name rawName: String, token: String, now: Date)
        throws(LiveClassError) -> LiveClassPlayer
    {
        guard pin == settings.pin else { throw .wrongPin }
        guard phase != .finished else { throw .sessionFinished }
        let name = try Self.validate(name: rawName)
        guard !players.contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw .nameTaken(name)
        }
        guard activePlayers.count < settings.maxPlayers else {
            throw .sessionFull(limit: settings.maxPlayers)
        }
        let player = LiveClassPlayer(name: name, token: token)
        players.append(player)
        if phase == .lobby, let startWhen = settings.startWhen, activePlayers.count >= startWhen {
            start(now: now)
        }
        return player
    }

    /// The name as it will be shown, or why it is refused: empty, longer than 30 characters, or
    /// holding control, format or line-separator characters (which could rewrite a terminal or a page).
    package static func validate(name raw: String) throws(LiveClassError) -> String {
        let name = raw.trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw .nameEmpty }
        guard name.count <= LiveClassSettings.maximumNameLength else {
            throw .nameTooLong(limit: LiveClassSettings.maximumNameLength)
        }
        let bad = name.unicodeScalars.contains { scalar in
            switch scalar.properties.generalCategory {
            case .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .unassigned,
                .privateUse:
                true
            default: false
            }
        }
        guard !bad else { throw .nameInvalid }
        return name
    }

    /// Marks the player with `token` connected again (after a reload or a dropped connection).
    @discardableResult package mutating func rejoin(token: String, now: Date) throws(LiveClassError)
        -> LiveClassPlayer
    {
        let index = try playerIndex(token: token)
        players[index].connected = true
        return players[index]
    }

    /// Marks the player with `token` disconnected; they keep their score, and the question
    /// closes if everyone still connected has answered.
    package mutating func disconnect(token: String, now: Date) {
        guard let index = players.firstIndex(where: { $0.token == token }) else { return }
        players[index].connected = false
        closeIfAllAnswered(now: now)
    }

    /// Removes the player called `name` (case-insensitive); returns whether one was removed.
    @discardableResult package mutating func remove(name: String, now: Date) -> Bool {
        guard
            let index = players.firstIndex(where: { $0.name.lowercased() == name.lowercased() && !$0.removed }
            )
        else { return false }
        players[index].removed = true
        players[index].connected = false
        pending[players[index].name] = nil
        closeIfAllAnswered(now: now)
        return true
    }

    /// Players not removed.
    package var activePlayers: [LiveClassPlayer] { players.filter { !$0.removed } }

    /// Players who are expected to answer the open question: connected and not removed.
    package var expectedAnswerers: [LiveClassPlayer] { players.filter { $0.connected && !$0.removed } }

    /// The player with `token`.
    package func player(token: String) -> LiveClassPlayer? { players.first { $0.token == token } }

    // MARK: Questions

    /// The question being asked or shown, if any.
    package var currentItem: Item? { phase.questionIndex.map { items[$0] } }

    /// When ``tick(now:)`` must next be called: the open question's timer, or the end of the
    /// results screen with auto-advance.
    package var deadline: Date? {
        switch phase {
        case .open(_, let openedAt): openedAt.addingTimeInterval(settings.timerSeconds)
        case .reveal(_, let closedAt): settings.autoAdvanceSeconds.map { closedAt.addingTimeInterval($0) }
        case .lobby, .paused, .finished: nil
        }
    }

    /// Seconds left to answer the open question (the stopped clock's when paused).
    package func remaining(now: Date) -> Double? {
        switch phase {
        case .open(_, let openedAt): max(0, settings.timerSeconds - now.timeIntervalSince(openedAt))
        case .paused(_, let elapsed): max(0, settings.timerSeconds - elapsed)
        default: nil
        }
    }

    /// Opens the first question (from the lobby).
    package mutating func start(now: Date) {
        guard phase == .lobby else { return }
        startedAt = now
        open(index: 0, now: now)
    }

    /// Moves on: starts from the lobby, closes an open question, or opens the next question
    /// after the results (finishing after the last).
    package mutating func advance(now: Date) {
        switch phase {
        case .lobby: start(now: now)
        case .open, .paused: close(now: now)
        case .reveal(let index, _): open(index: index + 1, now: now)
        case .finished: break
        }
    }

    /// Applies the clock: closes the open question when its time is up, and moves on after the
    /// results with auto-advance.
    ///
    /// Returns whether anything changed.
    @discardableResult package mutating func tick(now: Date) -> Bool {
        guard let deadline, now >= deadline else { return false }
        switch phase {
        case .open: close(now: now)
        case .reveal(let index, _): open(index: index + 1, now: now)
        default: return false
        }
        return true
    }

    /// Stops or restarts the open question's clock.
    package mutating func togglePause(now: Date) {
        switch phase {
        case .open(let index, let openedAt):
            phase = .paused(index: index, elapsed: now.timeIntervalSince(openedAt))
        case .paused(let index, let elapsed):
            phase = .open(index: index, openedAt: now.addingTimeInterval(-elapsed))
        default: break
        }
    }

    /// Drops the open question (its answers are discarded and it is left out of the results)
    /// and opens the next one.
    package mutating func skip(now: Date) {
        switch phase {
        case .open(let index, _), .paused(let index, _):
            pending = [:]
            open(index: index + 1, now: now)
        default: break
        }
    }

    /// Ends the class now; the open question, if any, is dropped, closed ones are kept.
    package mutating func end(now: Date) {
        pending = [:]
        phase = .finished
    }

    /// Takes the answer `letters` to question `number` (1-based) from the player with `token`,
    /// arriving at `now`.
    ///
    /// Refuses unknown players, unknown, closed or already answered questions, answers while
    /// paused, and letters that name no choice. An answer that arrives after the timer closes the
    /// question and is refused as late (and marked so in the results).
    @discardableResult package mutating func answer(
        token: String, question number: Int, letters: [String], now: Date
    ) throws(LiveClassError) -> Receipt {
        let playerIndex = try playerIndex(token: token)
        let name = players[playerIndex].name
        let index = number - 1
        guard index >= 0, index < items.count else { throw .unknownQuestion(number) }
        switch phase {
        case .open(let current, let openedAt) where current == index:
            let elapsed = now.timeIntervalSince(openedAt)
            if elapsed > settings.timerSeconds {
                close(now: openedAt.addingTimeInterval(settings.timerSeconds))
                markLate(name: name)
                throw .questionClosed(number)
            }
            guard pending[name] == nil else { throw .duplicateAnswer(number) }
            let choiceCount = items[index].choices.count
            guard !letters.isEmpty,
                letters.allSatisfy({
                    ChoiceAnswer.index(of: $0.lowercased(), choiceCount: choiceCount) != nil
                })
            else { throw .invalidAnswer }
            pending[name] = PendingAnswer(
                letters: ChoiceAnswer(letters: letters).letters, elapsed: max(0, elapsed))
            closeIfAllAnswered(now: now)
            return Receipt(question: number, elapsed: max(0, elapsed))
        case .paused(let current, _) where current == index:
            throw .paused
        case .reveal(let current, _) where current == index:
            if records.last?.responses.first(where: { $0.player == name })?.answer != nil {
                throw .duplicateAnswer(number)
            }
            markLate(name: name)
            throw .questionClosed(number)
        case .finished:
            throw .questionClosed(number)
        default:
            if let current = phase.questionIndex, index < current { throw .questionClosed(number) }
            throw .unknownQuestion(number)
        }
    }

    /// How many of the expected players have answered the open question.
    package var answeredCount: Int { expectedAnswerers.filter { pending[$0.name] != nil }.count }

    // MARK: Results

    /// Each active player's score and competition rank, best first (ties in join order).
    package var standings: [(name: String, score: Int, rank: Int)] {
        let active = activePlayers
        let ranks = ClassScoring.ranks(active.map(\.score))
        return zip(active, ranks).map { (name: $0.name, score: $0.score, rank: $1) }
            .enumerated().sorted { ($0.element.rank, $0.offset) < ($1.element.rank, $1.offset) }
            .map(\.element)
    }

    /// The rank of the player called `name` among active players.
    package func rank(of name: String) -> Int? { standings.first { $0.name == name }?.rank }

    /// The class so far in the class-results format (`srmquiz report` reads it).
    package func result(finishedAt: Date, bankFiles: [String]) -> ClassResult {
        ClassResult(
            startedAt: startedAt ?? createdAt, finishedAt: finishedAt, seed: seed, bankFiles: bankFiles,
            mode: .together, timerSeconds: settings.timerSeconds, speedBonus: true,
            players: players.map(\.name), questions: records)
    }

    // MARK: Private

    private func playerIndex(token: String) throws(LiveClassError) -> Int {
        guard let index = players.firstIndex(where: { $0.token == token }) else { throw .unknownToken }
        guard !players[index].removed else { throw .removed }
        return index
    }

    private mutating func open(index: Int, now: Date) {
        pending = [:]
        phase = index < items.count ? .open(index: index, openedAt: now) : .finished
    }

    private mutating func closeIfAllAnswered(now: Date) {
        guard case .open = phase else { return }
        let expected = expectedAnswerers
        if !expected.isEmpty, expected.allSatisfy({ pending[$0.name] != nil }) { close(now: now) }
    }

    /// Scores the open question: every active player gets a response (no answer for those who
    /// gave none), and the results are shown.
    private mutating func close(now: Date) {
        guard let index = phase.questionIndex else { return }
        if case .reveal = phase { return }
        let item = items[index]
        let timer = settings.timerSeconds
        var responses: [ClassResponse] = []
        for (n, player) in players.enumerated() where !player.removed || pending[player.name] != nil {
            let given = pending[player.name]
            let correct = given.map { ChoiceAnswer(letters: $0.letters).isCorrect(for: item) } ?? false
            let elapsed = given?.elapsed ?? timer
            let points =
                given == nil
                ? 0 : ClassScoring.points(correct: correct, elapsed: elapsed, timer: timer, speedBonus: true)
            players[n].score += points
            responses.append(
                ClassResponse(
                    player: player.name, answer: given?.letters, correct: correct,
                    timeMs: Int((elapsed * 1000).rounded()), points: points))
        }
        records.append(ClassQuestionRecord(number: index + 1, item: item, responses: responses))
        pending = [:]
        phase = .reveal(index: index, closedAt: now)
    }

    private mutating func markLate(name: String) {
        guard let last = records.indices.last,
            let r = records[last].responses.firstIndex(where: { $0.player == name && $0.answer == nil })
        else { return }
        records[last].responses[r].late = true
    }
}
