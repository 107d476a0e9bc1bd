import Foundation
import SRMQuizFuzzDriver

// libFuzzer's entry points for the loaders of SRMQuizKit. The target is chosen by the
// environment variable SRMQUIZ_FUZZ_TARGET (see ``FuzzTarget``). Built only with SRMQUIZ_FUZZ=1
// (see scripts/fuzz.sh and docs/reliability.md).

/// The executable's `main` (see ``FuzzDriver``).
@_cdecl("srmquiz_fuzz_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzDriver.run(argc: argc, argv: argv, testOneInput: fuzzerTestOneInput)
}

/// The target this process fuzzes, read once.
nonisolated(unsafe) private var selected: FuzzTarget?

/// libFuzzer calls this once before fuzzing: picks the target named by `SRMQUIZ_FUZZ_TARGET`
/// (exits 64 naming the targets when it is not one).
@_cdecl("LLVMFuzzerInitialize")
public func fuzzerInitialize(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
) -> Int32 {
    let name = ProcessInfo.processInfo.environment["SRMQUIZ_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: ", ")
        FileHandle.standardError.write(
            Data("srmquiz-fuzz: set SRMQUIZ_FUZZ_TARGET to one of: \(names)\n".utf8))
        exit(64)
    }
    selected = target
    return 0
}

/// libFuzzer calls this with each input: runs it through the selected target.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    selected?.run(FuzzDriver.bytes(data, size))
    return 0
}
