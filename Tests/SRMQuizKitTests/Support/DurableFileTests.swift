import Foundation
import SRMQuizKit
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one durable atomic writer and the one data-folder resolver (issue 12 item 5).
@Suite struct DurableFileTests {
    @Test func replaceWritesTheWholeFileWithItsModeAndLeavesNothingElse() throws {
        let temp = ProgressTempFolder()
        let path = temp.file("out/deeper/results.json").path
        try DurableFile.write("first\n", to: path)
        try DurableFile.write("second\n", to: path, mode: 0o644)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "second\n")
        #expect(try ProgressFixtures.mode(URL(fileURLWithPath: path)) == 0o644)
        #expect(try ProgressFixtures.mode(temp.file("out/deeper")) == 0o700)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: temp.file("out/deeper").path) == [
                "results.json"
            ])
    }

    @Test func aLinkOrADeviceAtTheDestinationIsRefusedNotReplacedOrWrittenThrough() throws {
        let temp = ProgressTempFolder()
        let victim = temp.file("victim.txt")
        try Data("precious\n".utf8).write(to: victim)
        let link = temp.file("report.html")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        #expect(
            throws: FileError(path: link.path, operation: "replacing", problem: .notRegular(.symbolicLink))
        ) {
            try DurableFile.write("<html>", to: link.path)
        }
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == victim.path)
        let fifo = temp.file("pipe.csv")
        #expect(mkfifo(fifo.path, 0o600) == 0)
        #expect(throws: FileError(path: fifo.path, operation: "replacing", problem: .notRegular(.fifo))) {
            try DurableFile.write("a,b\n", to: fifo.path)
        }
        #expect(throws: FileError(path: fifo.path, operation: "opening", problem: .notRegular(.fifo))) {
            _ = try DurableFile.read(fifo.path)
        }
        #expect(
            throws: FileError(path: "/dev/zero", operation: "opening", problem: .notRegular(.characterDevice))
        ) {
            _ = try DurableFile.read("/dev/zero")
        }
        #expect(try DurableFile.read(link.path, followLinks: true) == Array("precious\n".utf8))
        #expect(throws: FileError.self) { _ = try DurableFile.read(link.path) }
    }

    @Test func aFailedWriteNamesTheFileAndLeavesTheOldContent() throws {
        let temp = ProgressTempFolder()
        let folder = temp.file("sealed")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let path = folder.appendingPathComponent("x.csv").path
        try DurableFile.write("old\n", to: path)
        // A destination that is a folder cannot be replaced by a file.
        let inner = folder.appendingPathComponent("dir").path
        try FileManager.default.createDirectory(atPath: inner, withIntermediateDirectories: true)
        #expect(throws: FileError(path: inner, operation: "replacing", problem: .notRegular(.folder))) {
            try DurableFile.write("new\n", to: inner)
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old\n")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["dir", "x.csv"])
    }

    @Test func exportAndReportOutputsGoThroughTheSameWriter() throws {
        let temp = ProgressTempFolder()
        let victim = temp.file("victim.txt")
        try Data("precious\n".utf8).write(to: victim)
        let link = temp.file("items.csv")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: victim)
        let run = try ProgressCommandTests.run(
            ["export", "--format", "csv", "-o", link.path], home: temp.url)
        #expect(run.status == 1)
        #expect(run.stderr.contains("\(link.path): it is a symbolic link"), "\(run.stderr)")
        #expect(try String(contentsOf: victim, encoding: .utf8) == "precious\n")
        let out = temp.file("items2.csv")
        let ok = try ProgressCommandTests.run(["export", "--format", "csv", "-o", out.path], home: temp.url)
        #expect(ok.status == 0, "\(ok.stderr)")
        #expect(try String(contentsOf: out, encoding: .utf8).hasPrefix("id,"))
    }

    @Test func oneDataFolderRuleForProgressAndResults() throws {
        for environment in [
            ["HOME": "relative/home"], ["HOME": ""], [:], ["XDG_DATA_HOME": "rel", "HOME": "also-rel"],
        ] {
            #expect(DataDirectory.path(environment: environment) == nil, "\(environment)")
            #expect(DataDirectory.resultsFile(prefix: "exam", at: Date(), environment: environment) == nil)
            #expect(throws: ProgressError.noDataDirectory) {
                _ = try ProgressLocation.dataFolder(environment: environment)
            }
        }
        let home = ["HOME": "/home/u/", "XDG_DATA_HOME": "data"]
        #expect(DataDirectory.path(environment: home) == "/home/u/.local/share/srmquiz")
        #expect(try ProgressLocation.dataFolder(environment: home).path == "/home/u/.local/share/srmquiz")
        let xdg = ["HOME": "/home/u", "XDG_DATA_HOME": "/x/y/"]
        #expect(DataDirectory.path(environment: xdg) == "/x/y/srmquiz")
        #expect(try ProgressLocation.dataFolder(environment: xdg).path == "/x/y/srmquiz")
        let results = try #require(DataDirectory.resultsFile(prefix: "exam", at: Date(), environment: xdg))
        #expect(results.hasPrefix("/x/y/srmquiz/results/exam-"))
    }
}
