import Foundation
import SRMQuizTestSupport
import Testing

@testable import SRMQuizKit

/// The cache of generated items (`ItemCache`): a hit gives exactly what generating gives, and any
/// change to the bank files, the seed or the program, or any damage to the file, is a miss.
@Suite struct ItemCacheTests {
    /// A copy of the bundled bank in a fresh folder, and a cache file beside it.
    struct Sandbox {
        let bank: URL
        let cache: String

        init() throws {
            let root = try CLI.temporaryDirectory()
            bank = root.appendingPathComponent("bank")
            try FileManager.default.copyItem(at: URL(fileURLWithPath: CLI.bundledBank), to: bank)
            cache = root.appendingPathComponent("cache/srmquiz/items.cache").path
        }

        func generated(seed: UInt64 = 7, program: String = "build-1") throws -> (
            GeneratedBank, ItemCache.Outcome
        ) {
            try ItemCache.generated(
                paths: [bank.path], seed: seed, cache: ItemCache.Location(file: cache, program: program))
        }
    }

    @Test func aHitGivesExactlyWhatGeneratingGives() throws {
        let sandbox = try Sandbox()
        let fresh = try GeneratedBank.make(paths: [sandbox.bank.path], seed: 7)
        let (first, firstOutcome) = try sandbox.generated()
        let (second, secondOutcome) = try sandbox.generated()
        #expect(firstOutcome == .miss)
        #expect(secondOutcome == .hit)
        #expect(first == fresh)
        #expect(second == fresh)
        #expect(second.items.contains { $0.nuance != nil })  // optional fields round-trip
        let mode = try FileManager.default.attributesOfItem(atPath: sandbox.cache)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func anotherSeedOrProgramBuildMisses() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.generated(seed: 7)
        let (other, outcome) = try sandbox.generated(seed: 8)
        #expect(outcome == .miss)
        #expect(other == (try GeneratedBank.make(paths: [sandbox.bank.path], seed: 8)))
        #expect(try sandbox.generated(seed: 8, program: "build-2").1 == .miss)
        #expect(try sandbox.generated(seed: 8, program: "build-2").1 == .hit)
    }

    @Test func editingABankFileMissesAndShowsTheEdit() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.generated()
        let services = sandbox.bank.appendingPathComponent("model/services.yaml")
        var text = try String(contentsOf: services, encoding: .utf8)
        let name = try #require(text.range(of: "name: Amazon S3"))
        text.replaceSubrange(name, with: "name: Amazon S4")
        try text.write(to: services, atomically: true, encoding: .utf8)
        let (edited, outcome) = try sandbox.generated()
        #expect(outcome == .miss)
        #expect(edited.names.services.values.contains("Amazon S4"))
        #expect(try sandbox.generated().1 == .hit)
    }

    @Test func addingABankFileMisses() throws {
        let sandbox = try Sandbox()
        _ = try sandbox.generated()
        try "format: 1\n".write(
            to: sandbox.bank.appendingPathComponent("extra.yaml"), atomically: true, encoding: .utf8)
        #expect(try sandbox.generated().1 == .miss)
    }

    @Test(arguments: ["flip", "truncate", "empty", "garbage"])
    func aDamagedCacheIsAMissAndIsRewritten(damage: String) throws {
        let sandbox = try Sandbox()
        let (made, _) = try sandbox.generated()
        var bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: sandbox.cache)))
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x20
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "empty": bytes = []
        default: bytes = Array(repeating: 0xFF, count: 4096)
        }
        try Data(bytes).write(to: URL(fileURLWithPath: sandbox.cache))
        let (again, outcome) = try sandbox.generated()
        #expect(outcome == .miss)
        #expect(again == made)
        #expect(try sandbox.generated().1 == .hit)
    }

    @Test func aDecoderNeverTrustsLengths() throws {
        // Every prefix of a valid payload, with a matching header, is refused, not trapped on.
        let sandbox = try Sandbox()
        let (made, _) = try sandbox.generated()
        let small = GeneratedBank(names: made.names, items: Array(made.items.prefix(3)))
        let whole = ItemCache.encode(small, key: 42)
        #expect(ItemCache.decode(whole, key: 42) == small)
        #expect(ItemCache.decode(whole, key: 43) == nil)
        for cut in stride(from: 0, to: whole.count - 1, by: 7) {
            #expect(ItemCache.decode(Array(whole.prefix(cut)), key: 42) == nil)
        }
    }

    @Test func aBankWithProblemsThrowsAndIsNotCached() throws {
        let sandbox = try Sandbox()
        try "facts:\n  - id: Not An Id\n".write(
            to: sandbox.bank.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        #expect(throws: BankError.self) { try sandbox.generated() }
        #expect(!FileManager.default.fileExists(atPath: sandbox.cache))
    }

    @Test func anUnwritableCacheStillGivesTheItems() throws {
        let sandbox = try Sandbox()
        // The cache "folder" is a file: the write fails, the items come anyway.
        let folder = (sandbox.cache as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(
            atPath: (folder as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try "not a folder".write(toFile: folder, atomically: true, encoding: .utf8)
        let (made, outcome) = try sandbox.generated()
        #expect(outcome == .miss)
        #expect(made == (try GeneratedBank.make(paths: [sandbox.bank.path], seed: 7)))
    }

    @Test func theCacheFileFollowsXDGAndCanBeTurnedOff() {
        #expect(
            DataDirectory.itemCacheFile(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])
                == "/c/srmquiz/items.cache")
        #expect(DataDirectory.itemCacheFile(environment: ["HOME": "/h"]) == "/h/.cache/srmquiz/items.cache")
        #expect(
            DataDirectory.itemCacheFile(seed: 3, environment: ["HOME": "/h"])
                == "/h/.cache/srmquiz/items-seeded.cache")
        #expect(
            DataDirectory.itemCacheFile(environment: ["XDG_CACHE_HOME": "rel", "HOME": "/h"])
                == "/h/.cache/srmquiz/items.cache")
        #expect(DataDirectory.itemCacheFile(environment: ["HOME": "relative"]) == nil)
        #expect(DataDirectory.itemCacheFile(environment: ["HOME": "/h", "SRMQUIZ_NO_CACHE": "1"]) == nil)
        #expect(DataDirectory.itemCacheFile(environment: ["HOME": "/h", "SRMQUIZ_NO_CACHE": ""]) != nil)
    }
}
