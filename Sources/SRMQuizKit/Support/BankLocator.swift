import Foundation

/// Finds the bundled `QuestionBanks/` folder wherever the binary is run from.
public enum BankLocator {
    /// The folder name of the bundled bank.
    package static let folderName = "QuestionBanks"

    /// The bundled bank: `$SRMQUIZ_BANKS` if set; else a `QuestionBanks/` (or
    /// `share/srmquiz/QuestionBanks/`) beside the executable or in a folder above it; else the one
    /// in the source tree the binary was built from.
    public static func bundledBank(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        executable: String = CommandLine.arguments.first ?? ""
    ) -> String? {
        let fm = FileManager.default
        func isDirectory(_ path: String) -> Bool {
            var dir: ObjCBool = false
            return fm.fileExists(atPath: path, isDirectory: &dir) && dir.boolValue
        }
        if let env = environment["SRMQUIZ_BANKS"], !env.isEmpty { return env }
        var candidates: [URL] = []
        let exe = URL(fileURLWithPath: executable).resolvingSymlinksInPath()
        var dir = exe.deletingLastPathComponent()
        for _ in 0..<8 {
            candidates.append(dir.appendingPathComponent(folderName))
            candidates.append(dir.appendingPathComponent("share/srmquiz/\(folderName)"))
            let parent = dir.deletingLastPathComponent()
            if parent.path == dir.path { break }
            dir = parent
        }
        // Sources/SRMQuizKit/Support/BankLocator.swift → repository root.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        candidates.append(root.appendingPathComponent(folderName))
        return candidates.first { isDirectory($0.path) }?.path
    }
}
