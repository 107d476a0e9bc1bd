import SRMQuizKit
import Testing

@Suite struct ClassScoringTests {
    // points = round(1000 × (1 − (t/T)/2)) for a correct answer within T.
    @Test(arguments: [
        (0.0, 20.0, 1000),  // instant: 1000 × (1 − 0) = 1000
        (10.0, 20.0, 750),  // half-way: 1000 × (1 − 0.25) = 750
        (20.0, 20.0, 500),  // at the buzzer: 1000 × (1 − 0.5) = 500
        (3.0, 20.0, 925),  // 1000 × (1 − 0.075) = 925
        (1.0, 30.0, 983),  // 1000 × (1 − 1/60) = 983.33 → 983
        (20.5, 20.0, 0),  // too late
    ])
    func speedBonus(elapsed: Double, timer: Double, points: Int) {
        #expect(
            ClassScoring.points(correct: true, elapsed: elapsed, timer: timer, speedBonus: true) == points)
    }

    @Test func wrongScoresNothingAndNoTimerOrNoBonusScoresFull() {
        #expect(ClassScoring.points(correct: false, elapsed: 0, timer: 20, speedBonus: true) == 0)
        #expect(ClassScoring.points(correct: true, elapsed: 99, timer: nil, speedBonus: true) == 1000)
        #expect(ClassScoring.points(correct: true, elapsed: 19, timer: 20, speedBonus: false) == 1000)
        #expect(ClassScoring.points(correct: true, elapsed: 21, timer: 20, speedBonus: false) == 0)
    }

    @Test func tiesShareARank() {
        #expect(ClassScoring.ranks([500, 1000, 1000, 0]) == [3, 1, 1, 4])
    }
}

@Suite struct RosterTests {
    @Test func parsesListsAndFiles() throws {
        #expect(try Roster.parse(list: " Ann , Bo,Cy").players == ["Ann", "Bo", "Cy"])
        let file = "# period 3\nAnn\n\n  Bo   # back row\nZoë O'Neil\n"
        #expect(try Roster.parse(file: file, path: "r.txt").players == ["Ann", "Bo", "Zoë O'Neil"])
    }

    @Test(arguments: [
        ("Ann\nBo\nann\n", "r.txt:3: duplicate name \"ann\" (first at line 1)"),
        (
            "Ann\n<script>\n",
            "r.txt:2: \"<script>\": a name may hold letters, digits, spaces and . - ' _ only"
        ),
        ("# nobody\n", "r.txt: no players"),
        ("Ann\n" + String(repeating: "x", count: 41) + "\n", "r.txt:2: name longer than 40 characters"),
    ])
    func badRosterFilesNameTheLine(text: String, message: String) {
        #expect(throws: RosterError.self) { try Roster.parse(file: text, path: "r.txt") }
        do {
            _ = try Roster.parse(file: text, path: "r.txt")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func badPlayerListsNameTheEntry() {
        do {
            _ = try Roster.parse(list: "Ann,,Bo")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "--players: name 2: empty name")
        }
    }
}
