import Foundation
import SRMQuizTestSupport
import Testing

/// `docs/srmquiz.1` is generated from the commands' help by `scripts/generate-manual.sh`; this
/// checks that the committed page matches the help of the binary just built.
@Suite struct ManualPageTests {
    /// The folder of the built `srmquiz`, if it also holds swift-argument-parser's
    /// `generate-manual` (built with the package's tests).
    static var binFolder: URL? {
        guard let binary = try? CLI.binary else { return nil }
        let folder = binary.deletingLastPathComponent()
        let tool = folder.appendingPathComponent("generate-manual")
        return FileManager.default.isExecutableFile(atPath: tool.path) ? folder : nil
    }

    @Test(
        .enabled(
            if: binFolder != nil,
            "needs generate-manual beside srmquiz: swift build --product generate-manual"))
    func manualPageIsUpToDate() throws {
        let folder = try #require(Self.binFolder)
        let check = try CLI.launch(
            ["/bin/sh", CLI.root.appendingPathComponent("scripts/generate-manual.sh").path, "--check"],
            environment: ProcessInfo.processInfo.environment.merging(["BIN": folder.path]) { $1 })
        #expect(check.status == 0, "\(check.stderr)")
    }

    @Test func manualPageHasTheSections() throws {
        let page = try String(
            contentsOf: CLI.root.appendingPathComponent("docs/srmquiz.1"), encoding: .utf8)
        for needle in [
            ".Sh NAME", ".Sh SYNOPSIS", "ENVIRONMENT:", "SRMQUIZ_BANKS", "NO_COLOR", "FILES:",
            "EXAMPLES:", "study", "quiz", "exam", "progress", "--no-color", "--service",
        ] {
            #expect(page.contains(needle), "docs/srmquiz.1 lacks \(needle)")
        }
    }
}
