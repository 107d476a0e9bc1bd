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
    ],
    targets: [
        .systemLibrary(
            name: "CReadline",
            providers: [.apt(["libreadline-dev"])]
        ),
        // The core: domain, questions, session, reports and exchange. No terminal, no network.
        .target(
            name: "SRMQuizKit",
            dependencies: [.product(name: "Yams", package: "Yams")]
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
        .testTarget(
            name: "SRMQuizKitTests",
            dependencies: ["SRMQuizKit", "SRMQuizTerminal", "SRMQuizCLI"],
            exclude: ["Fixtures"]
        ),
    ]
)
