// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "srmquiz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "srmquiz", targets: ["srmquiz"]),
        .library(name: "SRMQuizKit", targets: ["SRMQuizKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ] + classServerPackages,
    targets: [
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // CRC-32C for the integrity checks of progress files (the processor's instruction if any).
        .target(name: "CCRC32C"),
        // The core: domain, questions, session, reports and exchange. No terminal, no network.
        .target(
            name: "SRMQuizKit",
            dependencies: ["CCRC32C", .product(name: "Yams", package: "Yams")]
        ),
        // The terminal: readline's callback interface, the event loop, the REPL, exam and class screens.
        .target(
            name: "SRMQuizTerminal",
            dependencies: ["SRMQuizKit", "CReadline"]
        ),
        .target(
            name: "SRMQuizCLI",
            dependencies: [
                "SRMQuizKit", "SRMQuizTerminal",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "srmquiz",
            dependencies: [
                "SRMQuizCLI", .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "srmquiz-bench",
            dependencies: ["SRMQuizKit", .product(name: "Yams", package: "Yams")]
        ),
        // The test doubles (scripted terminal, buffer sink, fixed and manual clocks, in-memory
        // store) and the process runner, shared by both test targets.
        .target(
            name: "SRMQuizTestSupport",
            dependencies: ["SRMQuizKit", "SRMQuizTerminal"],
            path: "Tests/SRMQuizTestSupport"
        ),
        .testTarget(
            name: "SRMQuizKitTests",
            dependencies: ["SRMQuizKit", "SRMQuizTerminal", "SRMQuizCLI", "SRMQuizTestSupport"],
            exclude: ["Fixtures"]
        ),
    ] + classServerTargets
)

// MARK: - Live class server (issue #9)
// The network code of `srmquiz class host` / `class join` lives in its own target, so the core
// library and the study REPL never link Hummingbird. Kept in one block so edits elsewhere in this
// file stay independent of it.
// `srmquiz class host|join` (SRMQuizCLI) and `srmquiz-bench class-load` use the server target.
for target in package.targets where ["SRMQuizCLI", "srmquiz-bench"].contains(target.name) {
    target.dependencies.append("SRMQuizServer")
}

var classServerPackages: [Package.Dependency] {
    [
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-websocket", from: "2.8.1"),
    ]
}

var classServerTargets: [Target] {
    [
        .target(
            name: "SRMQuizServer",
            dependencies: [
                "SRMQuizKit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdWebSocket", package: "hummingbird-websocket"),
                .product(name: "HummingbirdWSClient", package: "hummingbird-websocket"),
            ]
        ),
        .testTarget(
            name: "SRMQuizServerTests",
            dependencies: ["SRMQuizKit", "SRMQuizServer", "SRMQuizCLI", "SRMQuizTestSupport"]
        ),
    ]
}

// MARK: - Fuzzing (issue #14, item 8)
// Only with SRMQUIZ_FUZZ=1 (see scripts/fuzz.sh and docs/reliability.md): two libFuzzer
// executables, `srmquiz-fuzz` (the loaders of SRMQuizKit) and `srmquiz-fuzz-class` (the class
// protocol of SRMQuizServer). Our own modules are compiled optimised and instrumented
// (`-sanitize=fuzzer,address`), the fuzz executables linked with libFuzzer and AddressSanitizer;
// dependencies keep their normal flags, so NIO and BoringSSL are not rebuilt. A normal
// `swift build` / `swift test` never sees any of this.
if Context.environment["SRMQUIZ_FUZZ"] == "1" {
    let instrumented: [SwiftSetting] = [.unsafeFlags(["-sanitize=fuzzer,address", "-O"])]
    for target in package.targets where ["SRMQuizKit", "SRMQuizServer"].contains(target.name) {
        target.swiftSettings = (target.swiftSettings ?? []) + instrumented
    }
    let linked: [LinkerSetting] = [.unsafeFlags(["-sanitize=fuzzer,address"])]
    package.targets += [
        // The libFuzzer glue both executables share (the driver's entry, copying an input).
        .target(name: "SRMQuizFuzzDriver"),
        .executableTarget(
            name: "srmquiz-fuzz", dependencies: ["SRMQuizKit", "SRMQuizFuzzDriver"],
            swiftSettings: instrumented,
            linkerSettings: linked),
        .executableTarget(
            name: "srmquiz-fuzz-class", dependencies: ["SRMQuizKit", "SRMQuizServer", "SRMQuizFuzzDriver"],
            swiftSettings: instrumented, linkerSettings: linked),
    ]
    package.products += [
        .executable(name: "srmquiz-fuzz", targets: ["srmquiz-fuzz"]),
        .executable(name: "srmquiz-fuzz-class", targets: ["srmquiz-fuzz-class"]),
    ]
}
