import Foundation

/// The exam-readiness forecast: the share of the bank's exam items a learner would answer right on
/// the exam date, with a band, per category and topic, what holds it back, and how many reviews a
/// day would reach a target.
///
/// docs/readiness.md explains the method and its limits.
///
/// - A reviewed item counts at its FSRS retrievability on the exam date (the probability of
///   recalling it then, from its stability and last review).
/// - An item never answered counts at a prior: the learner's own accuracy on *first* answers to
///   items of its kind, pulled towards their overall first-answer accuracy (a Beta prior worth
///   ``priorWeight`` answers), so a kind with few answers is not trusted on its own.
/// - The band (about 95%) adds three uncertainties: which items come out right (a Poisson
///   binomial), how well the priors are known (Beta variance), and how far the learner's real memory
///   may be from the model (stabilities off by a factor ``stabilityError`` either way, which moves
///   every reviewed item the same way, so it adds linearly).
package struct ReadinessForecast: Sendable, Hashable, Codable {
    /// One category or topic.
    package struct Group: Sendable, Hashable, Codable {
        package var name: String
        package var items: Int
        /// Items answered at least once.
        package var seen: Int
        /// The predicted share right, 0–100.
        package var predicted: Double
        /// Expected items lost: items × (1 − predicted share).
        package var lost: Double
        package init(name: String, items: Int, seen: Int, predicted: Double, lost: Double) {
            self.name = name
            self.items = items
            self.seen = seen
            self.predicted = predicted
            self.lost = lost
        }
    }

    package var examDate: Date
    /// Items the forecast covers (the bank's items with choices).
    package var items: Int
    /// Of them, items answered at least once.
    package var seen: Int
    /// The predicted share right, 0–100, and its band.
    package var predicted: Double
    package var low: Double
    package var high: Double
    package var byCategory: [Group]
    package var byTopic: [Group]
    /// The topics that cost the most expected points, worst first.
    package var holdingBack: [Group]
    /// The first-answer prior per kind, 0–100.
    package var priors: [String: Double]
    /// The target share, 0–100.
    package var target: Double
    /// Reviews a day from now to the exam date that would bring the forecast to the target; 0
    /// when it is already there, nil when even every item at ``reviewedRecall`` would not reach it.
    package var reviewsPerDay: Int?

    /// How many answers the overall first-answer accuracy is worth in a kind's prior.
    package static let priorWeight = 4.0
    /// The factor by which a learner's true stabilities may differ from the model's.
    package static let stabilityError = 1.3
    /// The z value of the band (about 95%).
    package static let z = 1.96
    /// The recall a well-reviewed item is assumed to have on the exam date (FSRS's usual retention).
    package static let reviewedRecall = 0.9
    /// How many topics are named as holding the forecast back.
    package static let holdingBackLimit = 5

    /// The forecast for the items with choices among `items`, from `cards` and `log`, made at `now`
    /// for an exam on `examDate`.
    ///
    /// `scheduler` gives retrievability (cards without a stability, as SM-2 writes them, use their
    /// interval as stability).
    package static func make(
        items: [Item], cards: [String: Card], log: [ReviewLogEntry], now: Date, examDate: Date,
        scheduler: FSRSScheduler, target: Double = 80
    ) -> ReadinessForecast {
        let pool = items.filter { !$0.choices.isEmpty }
        let kinds = Dictionary(pool.map { ($0.id, $0.kind.rawValue) }, uniquingKeysWith: { a, _ in a })
        let prior = Prior(log: log, kinds: kinds)
        let date = max(examDate, now)

        var estimates: [(item: Item, p: Double, seen: Bool)] = []
        var bernoulli = 0.0
        var systematic = 0.0
        var unseenByKind: [String: Int] = [:]
        for item in pool {
            if let card = cards[item.id], let stability = card.stability ?? card.interval,
                card.lastReview != nil
            {
                var model = card
                model.stability = max(stability, FSRSParameters.minimumStability)
                let p = scheduler.retrievability(of: model, at: date)
                var strong = model
                strong.stability = model.stability.map { $0 * stabilityError }
                var weak = model
                weak.stability = model.stability.map { $0 / stabilityError }
                systematic +=
                    (scheduler.retrievability(of: strong, at: date)
                        - scheduler.retrievability(of: weak, at: date))
                    / 2
                estimates.append((item, p, true))
                bernoulli += p * (1 - p)
            } else {
                let p = prior.mean(item.kind.rawValue)
                unseenByKind[item.kind.rawValue, default: 0] += 1
                estimates.append((item, p, false))
                bernoulli += p * (1 - p)
            }
        }
        let n = Double(max(1, pool.count))
        var priorVariance = 0.0
        for (kind, count) in unseenByKind {
            priorVariance += pow(Double(count) / n, 2) * prior.variance(kind)
        }
        let mean = estimates.reduce(0) { $0 + $1.p } / n
        let sd = (bernoulli / (n * n) + priorVariance + pow(systematic / n, 2)).squareRoot()

        func groups(_ tag: String, label: (String) -> String) -> [Group] {
            var members: [String: [(p: Double, seen: Bool)]] = [:]
            for estimate in estimates {
                for value in estimate.item.values(of: tag) {
                    members[label(value), default: []].append((estimate.p, estimate.seen))
                }
            }
            return members.map { name, list in
                let sum = list.reduce(0) { $0 + $1.p }
                return Group(
                    name: name, items: list.count, seen: list.filter(\.seen).count,
                    predicted: 100 * sum / Double(list.count), lost: Double(list.count) - sum)
            }
            .sorted { $0.name.lowercased() < $1.name.lowercased() }
        }
        let topics = groups("topic") { $0 }
        let days = max(1, Int((date.timeIntervalSince(now) / 86400).rounded(.up)))
        return ReadinessForecast(
            examDate: date, items: pool.count, seen: estimates.filter(\.seen).count, predicted: 100 * mean,
            low: max(0, 100 * (mean - z * sd)), high: min(100, 100 * (mean + z * sd)),
            byCategory: groups("category") { ServiceCategory(rawValue: $0)?.displayName ?? $0 },
            byTopic: topics,
            holdingBack: Array(
                topics.sorted { $0.lost != $1.lost ? $0.lost > $1.lost : $0.name < $1.name }
                    .prefix(holdingBackLimit)),
            priors: prior.table(), target: target,
            reviewsPerDay: reviewsPerDay(estimates.map { ($0.p, $0.seen) }, target: target / 100, days: days))
    }

    /// Reviews a day over `days` days that lift the forecast to `target`: the items with the most
    /// to gain are brought to ``reviewedRecall``, a reviewed item with two reviews, a new one with
    /// three (learning and two spaced reviews); nil when all of them would not be enough.
    static func reviewsPerDay(_ estimates: [(p: Double, seen: Bool)], target: Double, days: Int) -> Int? {
        let n = Double(max(1, estimates.count))
        var total = estimates.reduce(0) { $0 + $1.p }
        if total / n >= target { return 0 }
        var reviews = 0
        for estimate in estimates.sorted(by: { $0.p < $1.p }) where estimate.p < reviewedRecall {
            total += reviewedRecall - estimate.p
            reviews += estimate.seen ? 2 : 3
            if total / n >= target {
                return Int((Double(reviews) / Double(days)).rounded(.up))
            }
        }
        return nil
    }

    /// The learner's first-answer accuracy by kind, as Beta means.
    struct Prior {
        var byKind: [String: (right: Double, total: Double)] = [:]
        var overall: Double

        init(log: [ReviewLogEntry], kinds: [String: String]) {
            var seen: Set<String> = []
            var right = 0.0
            var total = 0.0
            // The log is written in time order: sort only a log that is not.
            let inOrder = zip(log, log.dropFirst()).allSatisfy { $0.time <= $1.time }
            for entry in inOrder ? log : log.sorted(by: { $0.time < $1.time }) {
                guard let correct = entry.correct, let kind = kinds[entry.itemID],
                    seen.insert(entry.itemID).inserted
                else { continue }
                byKind[kind, default: (0, 0)].right += correct ? 1 : 0
                byKind[kind, default: (0, 0)].total += 1
                right += correct ? 1 : 0
                total += 1
            }
            overall = (right + 1) / (total + 2)  // Laplace: 50% with no answers at all
        }

        /// The Beta parameters of `kind`'s prior.
        func beta(_ kind: String) -> (a: Double, b: Double) {
            let data = byKind[kind] ?? (0, 0)
            return (
                data.right + ReadinessForecast.priorWeight * overall,
                data.total - data.right + ReadinessForecast.priorWeight * (1 - overall)
            )
        }

        func mean(_ kind: String) -> Double {
            let (a, b) = beta(kind)
            return a / (a + b)
        }

        func variance(_ kind: String) -> Double {
            let (a, b) = beta(kind)
            return a * b / ((a + b) * (a + b) * (a + b + 1))
        }

        func table() -> [String: Double] {
            var out: [String: Double] = [:]
            for kind in byKind.keys { out[kind] = 100 * mean(kind) }
            return out
        }
    }
}
