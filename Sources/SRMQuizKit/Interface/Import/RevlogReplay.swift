import Foundation

/// Replays a review log in the FSRS optimizer's CSV layout through a scheduler (fuzz off): for
/// every review, the card's state after it, ordered by card id and then time.
///
/// The log has a header row naming at least `card_id`, `review_time` (milliseconds since the
/// Unix epoch) and `review_rating` (1–4); other columns are ignored; columns and rows may come in
/// any order; blank lines are skipped.
package struct RevlogReplay: Sendable {
    /// The scheduler replayed through.
    package let scheduler: any Scheduler

    /// A replay through `scheduler` (which should have fuzz off to be reproducible).
    package init(scheduler: any Scheduler) {
        self.scheduler = scheduler
    }

    /// A replay through the `kind` scheduler with `desiredRetention`, default settings otherwise,
    /// fuzz off.
    ///
    /// SM-2 counts days as Anki does: they start at `dayStartsAt` o'clock in `timeZone` (an IANA
    /// name; `nil` for the system's).
    /// - Throws: ``SchedulerSettingsError`` when the retention or hour is out of range or the
    ///   time zone is unknown.
    package init(
        kind: SchedulerKind, desiredRetention: Double = 0.9,
        dayStartsAt: Int = StudyDay.defaultRolloverHour, timeZone: String? = nil
    ) throws {
        let settings = SchedulerSettings(
            kind: kind, desiredRetention: desiredRetention, fuzz: false, dayStartsAt: dayStartsAt,
            timeZone: timeZone)
        scheduler = try settings.makeScheduler()
    }

    /// Reads the rows of a review log (RFC 4180 CSV read by ``CSVCodec``: quoted fields may
    /// hold commas, quotes and line breaks; fields are trimmed of spaces).
    /// - Parameter source: the name shown in errors (a path, or `-` for standard input).
    /// - Throws: ``RevlogError`` for the first bad line.
    package static func parse(_ text: String, source: String = "-") throws(RevlogError) -> [RevlogRow] {
        let records: [CSVCodec.Record]
        do {
            records = try CSVCodec.parse(text)
        } catch {
            throw RevlogError(source: source, line: error.line, problem: .malformedCSV(error.message))
        }
        let trimmed = records.map { record in
            CSVCodec.Record(
                line: record.line,
                fields: record.fields.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) })
        }
        .filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }
        guard let headerRecord = trimmed.first else {
            throw RevlogError(source: source, line: 1, problem: .missingHeader)
        }
        let header = headerRecord.fields.map { $0.lowercased() }
        let columns = ["card_id", "review_time", "review_rating"]
        var positions: [Int] = []
        for column in columns {
            guard let position = header.firstIndex(of: column) else {
                let looksLikeData = header.allSatisfy { Int64($0) != nil }
                throw RevlogError(
                    source: source, line: headerRecord.line,
                    problem: looksLikeData ? .missingHeader : .missingColumn(column))
            }
            positions.append(position)
        }

        var rows: [RevlogRow] = []
        rows.reserveCapacity(trimmed.count - 1)
        for record in trimmed.dropFirst() {
            let fields = record.fields
            let lineNumber = record.line
            guard fields.count == header.count else {
                throw RevlogError(
                    source: source, line: lineNumber,
                    problem: .wrongColumnCount(expected: header.count, found: fields.count))
            }
            var values: [Int64] = [0, 0, 0]
            for (slot, position) in positions.enumerated() {
                guard let value = Int64(fields[position]) else {
                    throw RevlogError(
                        source: source, line: lineNumber,
                        problem: .notAnInteger(column: columns[slot], value: fields[position]))
                }
                values[slot] = value
            }
            guard (1...4).contains(values[2]), let rating = Rating(rawValue: Int(values[2])) else {
                throw RevlogError(source: source, line: lineNumber, problem: .ratingOutOfRange(values[2]))
            }
            guard (0...RevlogRow.latestReviewTime).contains(values[1]) else {
                throw RevlogError(source: source, line: lineNumber, problem: .timeOutOfRange(values[1]))
            }
            rows.append(RevlogRow(cardID: values[0], reviewTime: values[1], rating: rating, line: lineNumber))
        }
        return rows
    }

    /// Every row's card state after its review, ordered by card id, then time, then line.
    ///
    /// Each card starts new at its first review.
    package func replay(_ rows: [RevlogRow]) -> [ReplayedReview] {
        let ordered = rows.sorted {
            ($0.cardID, $0.reviewTime, $0.line) < ($1.cardID, $1.reviewTime, $1.line)
        }
        var results: [ReplayedReview] = []
        results.reserveCapacity(ordered.count)
        var rng = SeededGenerator(seed: 0)
        var current: (id: Int64, card: Card)? = nil
        for row in ordered {
            let now = Date(timeIntervalSince1970: Double(row.reviewTime) / 1000)
            var before = Card.new(at: now)
            if let current, current.id == row.cardID { before = current.card }
            let after = scheduler.review(before, rating: row.rating, at: now, rng: &rng)
            current = (row.cardID, after)
            results.append(ReplayedReview(cardID: row.cardID, reviewTime: row.reviewTime, card: after))
        }
        return results
    }

    /// Parses `text` and replays it.
    /// - Throws: ``RevlogError`` for the first bad line.
    package func replay(csv text: String, source: String = "-") throws(RevlogError) -> [ReplayedReview] {
        replay(try Self.parse(text, source: source))
    }
}
