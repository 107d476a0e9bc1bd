import Foundation
import SRMQuizFuzzDriver
import SRMQuizKit
import SRMQuizServer

// libFuzzer's entry point for the class protocol (docs/class-protocol.md): the input is a run of
// WebSocket text messages, one per line, sent to a ``ClassHub`` from three connections in turn,
// exactly as the server forwards them. A line `!a`, `!p`, `!s`, `!e` or `!r<name>` is a host key
// (advance, pause, skip, end, remove), and `!t` moves
// the clock 10 s on and ticks instead. Built only with SRMQUIZ_FUZZ=1.

/// The executable's `main` (see ``FuzzDriver``).
@_cdecl("srmquiz_fuzz_class_main")
public func fuzzMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> Int32 {
    FuzzDriver.run(argc: argc, argv: argv, testOneInput: fuzzerTestOneInput)
}

/// libFuzzer calls this with each input: feeds it to the class protocol.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let messages = FuzzDriver.bytes(data, size).split(separator: 0x0A, omittingEmptySubsequences: false)
        .prefix(64)
        .map { String(decoding: $0, as: UTF8.self) }
    let done = DispatchSemaphore(value: 0)
    Task {
        await ClassFuzz.run(messages)
        done.signal()
    }
    done.wait()
    return 0
}
