import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

/// Anki's calendar days (``StudyDay``) and the settings that choose them.
@Suite struct StudyDayTests {
    static func at(_ text: String) -> Date {
        ISO8601DateFormatter().date(from: text)!
    }

    static func zone(_ name: String) -> TimeZone {
        TimeZone(identifier: name)!
    }

    @Test func daysStartAtTheRolloverHour() {
        let day = StudyDay(rolloverHour: 4, timeZone: Self.zone("UTC"))
        let monday = day.day(of: Self.at("2026-01-05T04:00:00Z"))
        #expect(day.day(of: Self.at("2026-01-05T03:59:59Z")) == monday - 1)
        #expect(day.day(of: Self.at("2026-01-06T03:59:59Z")) == monday)
        #expect(day.start(ofDay: monday) == Self.at("2026-01-05T04:00:00Z"))
        #expect(day.secondsUntilNextDay(from: Self.at("2026-01-05T03:55:00Z")) == 300)
        #expect(day.secondsUntilNextDay(from: Self.at("2026-01-05T04:00:00Z")) == 86_400)
    }

    @Test func theTimeZoneMovesTheRollover() {
        // 4 a.m. in New York is 09:00 UTC in winter and 08:00 UTC in summer; in Kolkata
        // (UTC+5:30) it is 22:30 UTC the day before.
        let newYork = StudyDay(rolloverHour: 4, timeZone: Self.zone("America/New_York"))
        let winter = newYork.day(of: Self.at("2026-01-05T09:00:00Z"))
        #expect(newYork.day(of: Self.at("2026-01-05T08:59:59Z")) == winter - 1)
        #expect(newYork.start(ofDay: winter) == Self.at("2026-01-05T09:00:00Z"))
        let summer = newYork.day(of: Self.at("2026-07-01T08:00:00Z"))
        #expect(newYork.day(of: Self.at("2026-07-01T07:59:59Z")) == summer - 1)
        #expect(newYork.start(ofDay: summer) == Self.at("2026-07-01T08:00:00Z"))
        // Across the spring change (2026-03-08, 2 a.m.): the day after it starts at 08:00 UTC.
        let march9 = newYork.day(of: Self.at("2026-03-09T12:00:00Z"))
        #expect(newYork.start(ofDay: march9) == Self.at("2026-03-09T08:00:00Z"))
        #expect(newYork.start(ofDay: march9 - 1) == Self.at("2026-03-08T08:00:00Z"))
        #expect(march9 - newYork.day(of: Self.at("2026-03-07T12:00:00Z")) == 2)

        let kolkata = StudyDay(rolloverHour: 4, timeZone: Self.zone("Asia/Kolkata"))
        let day = kolkata.day(of: Self.at("2026-01-04T22:30:00Z"))
        #expect(kolkata.day(of: Self.at("2026-01-04T22:29:59Z")) == day - 1)
        #expect(kolkata.start(ofDay: day) == Self.at("2026-01-04T22:30:00Z"))
    }

    @Test(arguments: [0, 4, 13, 23])
    func everyDayStartBelongsToItsDay(hour: Int) {
        for zone in ["UTC", "Europe/Berlin", "Australia/Lord_Howe", "Pacific/Chatham", "America/Sao_Paulo"] {
            let day = StudyDay(rolloverHour: hour, timeZone: Self.zone(zone))
            let first = day.day(of: Self.at("2025-01-01T12:00:00Z"))
            for n in first..<(first + 400) {
                let start = day.start(ofDay: n)
                #expect(day.day(of: start) == n, "\(zone) \(hour):00 day \(n)")
                #expect(day.day(of: start.addingTimeInterval(-1)) == n - 1, "\(zone) \(hour):00 day \(n)")
            }
        }
    }

    @Test func settingsDefaultToFourInTheSystemZone() throws {
        let settings = SchedulerSettings()
        #expect(settings.dayStartsAt == 4 && settings.timeZone == nil)
        let day = try settings.studyDay(systemTimeZone: Self.zone("Asia/Tokyo"))
        #expect(day.rolloverHour == 4 && day.timeZone.identifier == "Asia/Tokyo")
        var pinned = settings
        pinned.timeZone = "Europe/Berlin"
        pinned.dayStartsAt = 6
        let berlin = try pinned.studyDay(systemTimeZone: Self.zone("Asia/Tokyo"))
        #expect(berlin.rolloverHour == 6 && berlin.timeZone.identifier == "Europe/Berlin")
    }

    @Test func pinningRecordsTheSystemZoneOnce() throws {
        let tokyo = Self.zone("Asia/Tokyo")
        let first = try #require(SchedulerSettings().pinningStudyDay(systemTimeZone: tokyo))
        #expect(first.timeZone == "Asia/Tokyo" && first.dayStartsAt == 4)
        // Travelling: the recorded zone stays.
        #expect(first.pinningStudyDay(systemTimeZone: Self.zone("America/Denver")) == nil)
        let later = try #require(first.pinningStudyDay(dayStartsAt: 2, systemTimeZone: tokyo))
        #expect(later.dayStartsAt == 2 && later.timeZone == "Asia/Tokyo")
    }

    @Test func badDaySettingsAreRejected() {
        var settings = SchedulerSettings(kind: .sm2)
        settings.dayStartsAt = 24
        #expect(throws: SchedulerSettingsError.dayStartOutOfRange(24)) { try settings.validate() }
        settings.dayStartsAt = 4
        settings.timeZone = "Mars/Olympus_Mons"
        #expect(throws: SchedulerSettingsError.unknownTimeZone("Mars/Olympus_Mons")) {
            try settings.makeScheduler()
        }
        #expect(
            SchedulerSettingsError.unknownTimeZone("Mars/Olympus_Mons").description.contains("timeZone"))
    }

    @Test func settingsDecodeMissingKeysAsDefaults() throws {
        let empty = try JSONDecoder().decode(SchedulerSettings.self, from: Data("{}".utf8))
        #expect(empty == SchedulerSettings())
        let old = try JSONDecoder().decode(
            SchedulerSettings.self, from: Data(#"{"kind":"sm2","newPerDay":5}"#.utf8))
        #expect(old.kind == .sm2 && old.newPerDay == 5 && old.dayStartsAt == 4 && old.timeZone == nil)
        var settings = SchedulerSettings(kind: .sm2, dayStartsAt: 23, timeZone: "Asia/Kolkata")
        settings.parameters = nil
        let coded = try JSONDecoder().decode(
            SchedulerSettings.self, from: JSONEncoder().encode(settings))
        #expect(coded == settings)
    }

    @Test func progressFilesKeepTheDaySettings() throws {
        let settings = SchedulerSettings(kind: .sm2, dayStartsAt: 6, timeZone: "Europe/Berlin")
        let file = try CLI.temporaryDirectory().appendingPathComponent("d.json")
        let store = try ProgressStore.open(
            at: file, learner: "day", createWith: settings, clock: FixedClock(Date()))
        store.close()
        #expect(try ProgressDocument.read(at: file)?.document.settings == settings)
        // A file written before these settings existed reads with the defaults.
        var object = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var stored = try #require(object["settings"] as? [String: Any])
        #expect(
            stored.removeValue(forKey: "dayStartsAt") != nil && stored.removeValue(forKey: "timeZone") != nil)
        object["settings"] = stored
        object["format"] = 3  // as format 3 wrote it: no integrity check
        object["crc32c"] = nil
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        let read = try #require(try ProgressDocument.read(at: file)).document.settings
        #expect(read.dayStartsAt == 4 && read.timeZone == nil && read.kind == .sm2)
    }
}
