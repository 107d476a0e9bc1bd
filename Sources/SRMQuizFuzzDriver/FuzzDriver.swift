// The glue both libFuzzer executables share (`srmquiz-fuzz`, `srmquiz-fuzz-class`): handing the
// process to libFuzzer's driver and copying an input. Built only with SRMQUIZ_FUZZ=1 (see
// Package.swift, "Fuzzing", and docs/reliability.md).

/// libFuzzer's driver (compiler-rt, `FuzzerDriver.cpp`), linked into the fuzz executables.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs a fuzz executable under libFuzzer's driver.
///
/// SwiftPM links an executable on Linux with `main` defined as `<module>_main`, so libFuzzer's
/// own `main` is never used: each executable defines that function with `@_cdecl` and calls
/// ``run(argc:argv:testOneInput:)`` from it, with its `LLVMFuzzerTestOneInput`.
package enum FuzzDriver {
    /// libFuzzer's callback for one input: its bytes and their count; returns 0.
    package typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

    /// Hands the process over to libFuzzer's driver (which parses the libFuzzer options in
    /// `argv`), calling `testOneInput` for every input; returns the exit status.
    package static func run(
        argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, testOneInput: TestOneInput
    ) -> Int32 {
        var count = argc
        var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        return LLVMFuzzerRunDriver(&count, &arguments, testOneInput)
    }

    /// A copy of the input libFuzzer passes as `data` and `size`.
    package static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
        size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    }
}
