import Foundation
import SRMQuizKit

/// A ``ReviewStore`` in memory, for tests: records like the real one and can be told to fail.
final class InMemoryReviewStore: ReviewStore {
    struct Failure: Error, CustomStringConvertible {
        var description = "disk full"
    }

    var settings: SchedulerSettings
    private(set) var cards: [String: Card]
    private(set) var log: [ReviewLogEntry]
    private var previous: [Card?] = []
    /// When set, `record` throws and records nothing.
    var failNextRecord = false

    init(
        settings: SchedulerSettings = SchedulerSettings(), cards: [String: Card] = [:],
        log: [ReviewLogEntry] = []
    ) {
        self.settings = settings
        self.cards = cards
        self.log = log
    }

    func record(_ entry: ReviewLogEntry, card: Card) throws {
        if failNextRecord {
            failNextRecord = false
            throw Failure()
        }
        previous.append(cards[entry.itemID])
        cards[entry.itemID] = card
        log.append(entry)
    }

    func undoLast() throws -> ReviewLogEntry? {
        guard let last = log.popLast() else { return nil }
        cards[last.itemID] = previous.popLast() ?? nil
        return last
    }
}

/// A scheduler for tests: Again → learning, due in 60 s; otherwise review, due in `rating` days.
///
/// Retrievability falls with days overdue, so order is predictable.
struct StubScheduler: Scheduler {
    var kind: SchedulerKind { .fsrs }

    func review(_ card: Card, rating: Rating, at now: Date, rng: inout SeededGenerator) -> Card {
        var next = card
        next.reps += 1
        next.lastReview = now
        if rating == .again {
            if card.phase == .review { next.lapses += 1 }
            next.phase = card.phase == .review ? .relearning : .learning
            next.due = now.addingTimeInterval(60)
        } else {
            next.phase = .review
            next.due = now.addingTimeInterval(Double(rating.rawValue) * 86_400)
        }
        return next
    }

    func retrievability(of card: Card, at now: Date) -> Double {
        guard card.phase != .new else { return 1 }
        return max(0, 1 - now.timeIntervalSince(card.due) / (100 * 86_400))
    }
}

// `ManualClock` (a clock tests move by hand) is in Exam/ExamTestSupport.swift.

/// Items for session tests.
enum SessionFixture {
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()

    static func owner(
        _ id: String, answer: String = "Customer", facts: [String]? = nil, service: String = "ec2"
    )
        -> Item
    {
        Item(
            id: id, kind: .owner, prompt: "Who is responsible for \(id)?",
            choices: ["AWS", "Customer", "Shared"], answers: [answer],
            explanation: "Because \(id).", nuance: nil,
            tags: [
                "kind:owner", "owner:\(answer.lowercased())", "service:\(service)", "category:infrastructure",
            ],
            sources: ["https://example.com/\(id)"], facts: facts ?? ["fact-\(id)"])
    }

    static let multi = Item(
        id: "multi", kind: .multipleResponse, prompt: "Which TWO are the customer's?",
        choices: [
            "Patching the guest OS", "Physical security", "Security group rules", "Hypervisor updates",
        ],
        answers: ["Patching the guest OS", "Security group rules"], explanation: "Guest OS and SGs.",
        tags: ["kind:multiple-response", "service:ec2"], sources: ["https://example.com/multi"],
        facts: ["m1", "m2"])

    static let trueFalse = Item(
        id: "tf", kind: .trueFalse, prompt: "True or false: AWS patches the EC2 guest OS.",
        choices: ["True", "False"], answers: ["False"], explanation: "The customer does.",
        nuance: "Unless you use SSM Patch Manager, which still runs on your behalf.",
        tags: ["kind:true-false", "owner:customer", "service:ec2", "category:infrastructure"],
        sources: ["https://example.com/tf"], facts: ["tf-fact"])

    static let ofOrIn = Item(
        id: "ofin", kind: .ofOrIn, prompt: "Is patching the hypervisor OF or IN the cloud?",
        choices: ["Security OF the cloud (AWS)", "Security IN the cloud (customer)"],
        answers: ["Security OF the cloud (AWS)"], explanation: "AWS runs the hypervisor.",
        tags: ["kind:of-or-in", "owner:aws"], sources: ["https://example.com/ofin"], facts: ["ofin-fact"])

    static let flashcard = Item(
        id: "card", kind: .flashcard, prompt: "RDS: OS patching — who?", choices: [],
        answers: ["AWS patches the DB instance OS."], explanation: "Managed service.",
        tags: ["kind:flashcard", "owner:aws", "service:rds", "category:container"],
        sources: ["https://example.com/card"], facts: ["card-fact"])
}
