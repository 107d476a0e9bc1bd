import Foundation
import SRMQuizKit
import SRMQuizServer

// libFuzzer's entry point for the class protocol (docs/class-protocol.md): the input is a run of
// WebSocket text messages, one per line, sent to a ``ClassHub`` from three connections in turn,
// exactly as the server forwards them. A line `!a`, `!p`, `!s`, `!e` or `!r<name>` is a host key
// (advance, pause, skip, end, remove), and `!t` moves
// the clock 10 s on and ticks instead. Built only with SRMQUIZ_FUZZ=1.

/// SwiftPM links an executable on Linux with `main` defined as `<module>_main`, so libFuzzer's
/// own `main` is never used: this one hands over to its driver.
@_cdecl("srmquiz_fuzz_class_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&count, &arguments, fuzzerTestOneInput)
}

/// libFuzzer's driver (compiler-rt, `FuzzerDriver.cpp`).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// libFuzzer calls this with each input: feeds it to the class protocol.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let messages = bytes.split(separator: 0x0A, omittingEmptySubsequences: false).prefix(64)
        .map { String(decoding: $0, as: UTF8.self) }
    let done = DispatchSemaphore(value: 0)
    Task {
        await ClassFuzz.run(messages)
        done.signal()
    }
    done.wait()
    return 0
}
