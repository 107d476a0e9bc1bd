import Foundation
import SRMQuizKit
import Testing

@Suite struct ProgressLocationTests {
    @Test func usesXDGDataHomeThenHome() throws {
        let xdg = try ProgressLocation.resolve(
            learner: nil, progress: nil, environment: ["XDG_DATA_HOME": "/data", "HOME": "/home/u"])
        #expect(xdg.file.path == "/data/srmquiz/default.json" && xdg.learner == "default")
        let home = try ProgressLocation.resolve(
            learner: "ann.b-2_c", progress: nil, environment: ["HOME": "/home/u"])
        #expect(home.file.path == "/home/u/.local/share/srmquiz/ann.b-2_c.json")
        let relativeXDG = try ProgressLocation.resolve(
            learner: nil, progress: nil, environment: ["XDG_DATA_HOME": "data", "HOME": "/home/u"])
        #expect(relativeXDG.file.path == "/home/u/.local/share/srmquiz/default.json")
        #expect(throws: ProgressError.noDataDirectory) {
            try ProgressLocation.resolve(learner: nil, progress: nil, environment: [:])
        }
    }

    @Test func progressOverridesTheLocation() throws {
        let absolute = try ProgressLocation.resolve(
            learner: "bo", progress: "/x/y/../p.json", environment: [:], currentDirectory: "/cwd")
        #expect(absolute.file.path == "/x/p.json" && absolute.learner == "bo")
        let relative = try ProgressLocation.resolve(
            learner: nil, progress: "sub/p.json", environment: [:], currentDirectory: "/cwd")
        #expect(relative.file.path == "/cwd/sub/p.json")
    }

    @Test(arguments: ["", "../evil", "a/b", ".hidden", "sp ace", "émile", String(repeating: "x", count: 65)])
    func rejectsUnsafeLearnerNames(name: String) {
        #expect(throws: ProgressError.invalidLearnerName(name)) {
            try ProgressLocation.resolve(learner: name, progress: nil, environment: ["HOME": "/h"])
        }
    }
}
