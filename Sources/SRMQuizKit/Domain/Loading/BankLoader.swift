import Foundation
import Yams

/// Reads bank files (YAML, see `docs/bank-format.md`) into a ``Bank`` and checks them.
public enum BankLoader {
    /// Loads and merges the banks at `paths` (files or folders).
    ///
    /// Throws ``BankError`` listing every problem when anything is wrong.
    public static func load(paths: [String]) throws(BankError) -> Bank {
        let result = check(paths: paths)
        if !result.problems.isEmpty { throw BankError(problems: result.problems) }
        return result.bank
    }

    /// Loads and merges the banks at `paths`, returning what could be read and every problem.
    package static func check(paths: [String]) -> (bank: Bank, problems: [BankProblem]) {
        var problems: [BankProblem] = []
        var files: [String] = []
        for path in paths {
            files.append(contentsOf: yamlFiles(at: path, problems: &problems))
        }
        // Reading and composing each file's YAML is independent of the others (about a third of
        // the time to the first question); turning the nodes into the model stays in file order.
        // As many files at a time as there are processors: a file's nodes take about 15 times
        // its size, so a large bank's would not all fit at once.
        var reader = BankReader()
        let width = max(1, ProcessInfo.processInfo.activeProcessorCount)
        for start in stride(from: 0, to: files.count, by: width) {
            let batch = Array(files[start..<min(files.count, start + width)])
            for parsed in ParallelMap.map(batch.count, { BankReader.parse(file: batch[$0]) }) {
                reader.read(parsed)
            }
        }
        problems += reader.problems
        var bank = reader.bank
        bank.files = files
        problems += BankValidator(reader: reader).problems()
        return (bank, problems)
    }

    /// Parses bank text held in memory (tests, importers).
    package static func check(yaml: String, name: String) -> (bank: Bank, problems: [BankProblem]) {
        var reader = BankReader()
        reader.read(text: yaml, file: name)
        var bank = reader.bank
        bank.files = [name]
        return (bank, reader.problems + BankValidator(reader: reader).problems())
    }

    static func yamlFiles(at path: String, problems: inout [BankProblem]) -> [String] {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDirectory) else {
            problems.append(BankProblem(file: path, message: "no such file or folder"))
            return []
        }
        guard isDirectory.boolValue else { return [path] }
        guard let enumerator = fm.enumerator(atPath: path) else {
            problems.append(BankProblem(file: path, message: "cannot read the folder"))
            return []
        }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") {
                found.append((path as NSString).appendingPathComponent(relative))
            }
        }
        if found.isEmpty {
            problems.append(BankProblem(file: path, message: "the folder holds no .yaml or .yml files"))
        }
        return found.sorted()
    }
}
