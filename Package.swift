// swift-tools-version:6.0
import PackageDescription

// Dependencies point inward: only CursesTerminal touches curses, only OpsDeckCache
// touches SQLite, only the executables read argv and the environment.
let package = Package(
    name: "OpsDeck",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "opsdeck", targets: ["opsdeck"]),
        .executable(name: "opsdeck-bench", targets: ["opsdeck-bench"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CNCursesw",
            providers: [.apt(["libncurses-dev"])]
        ),
        .target(name: "OpsDeckCore"),
        .target(name: "TerminalKit"),
        .target(name: "CursesTerminal", dependencies: ["TerminalKit", "CNCursesw"]),
        .target(name: "OpsDeckUI", dependencies: ["OpsDeckCore", "TerminalKit"]),
        .target(
            name: "OpsDeckCache",
            dependencies: ["OpsDeckCore", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        .target(name: "OpsDeckDemo", dependencies: ["OpsDeckCore"]),
        // For the test targets and the bench: a child process run bounded and reaped, and a
        // raw loopback HTTP client.
        .target(name: "OpsDeckTestSupport"),
        .target(name: "AWSSigV4", dependencies: [.product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "OpsDeckSync",
            dependencies: [
                "AWSClient", "OpsDeckCache", "OpsDeckCore", "OpsDeckHTTP", "PagerDuty",
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "OpsDeckHTTP",
            dependencies: [.product(name: "AsyncHTTPClient", package: "async-http-client")]
        ),
        .target(
            name: "AWSClient",
            dependencies: [
                "AWSSigV4", "OpsDeckCore", "OpsDeckHTTP", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "PagerDuty",
            dependencies: [
                "OpsDeckCore", "OpsDeckHTTP", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "OpsDeckWebhook",
            dependencies: [
                "PagerDuty", "OpsDeckCache", "OpsDeckCore", .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "BreakGlass",
            dependencies: [
                "AWSClient", "OpsDeckCore", "OpsDeckHTTP", .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "OpsDeckConfig",
            dependencies: ["OpsDeckCore", "OpsDeckUI", "TerminalKit", "TOMLKit"],
            resources: [.embedInCode("themes")]
        ),
        .target(
            name: "OpsDeckApp",
            dependencies: [
                "OpsDeckCore", "TerminalKit", "CursesTerminal", "OpsDeckUI", "OpsDeckCache",
                "OpsDeckConfig", "OpsDeckDemo", "OpsDeckSync", "AWSClient", "AWSSigV4", "OpsDeckHTTP",
                "PagerDuty", "OpsDeckWebhook", "BreakGlass", .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "opsdeck",
            dependencies: [
                "OpsDeckApp", "BreakGlass", "OpsDeckConfig", "OpsDeckCore", "OpsDeckDemo", "OpsDeckHTTP",
                "OpsDeckUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "opsdeck-bench",
            dependencies: [
                "OpsDeckApp", "OpsDeckWebhook", "PagerDuty", "OpsDeckHTTP", "OpsDeckTestSupport", "OpsDeckUI",
                "OpsDeckCache",
                "OpsDeckDemo", "TerminalKit",
                "OpsDeckCore", "OpsDeckConfig",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "OpsDeckCoreTests", dependencies: ["OpsDeckCore"]),
        .testTarget(name: "TerminalKitTests", dependencies: ["TerminalKit"]),
        .testTarget(name: "AWSSigV4Tests", dependencies: ["AWSSigV4"], exclude: ["botocore_sign.py"]),
        .testTarget(
            name: "AWSClientTests",
            dependencies: [
                "AWSClient", "AWSSigV4", "OpsDeckHTTP",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(
            name: "PagerDutyTests",
            dependencies: ["PagerDuty", "OpsDeckCore", "OpsDeckHTTP", "OpsDeckTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "OpsDeckWebhookTests",
            dependencies: [
                "OpsDeckWebhook", "PagerDuty", "OpsDeckCache", "OpsDeckCore", "OpsDeckTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "BreakGlassTests", dependencies: ["BreakGlass", "AWSClient", "OpsDeckCore", "OpsDeckHTTP"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "AWSIntegrationTests",
            dependencies: [
                "AWSClient", "AWSSigV4", "OpsDeckHTTP", "OpsDeckSync", "OpsDeckCache", "OpsDeckCore",
                "OpsDeckTestSupport",
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "CursesTerminalTests", dependencies: ["CursesTerminal", "TerminalKit"]),
        .testTarget(
            name: "OpsDeckUITests",
            dependencies: [
                "OpsDeckUI", "OpsDeckCore", "TerminalKit", "OpsDeckDemo", "OpsDeckCache", "OpsDeckConfig",
                "OpsDeckApp", "BreakGlass", "AWSClient", "AWSSigV4", "OpsDeckSync",
            ],
            exclude: ["Snapshots"]
        ),
        .testTarget(name: "OpsDeckCacheTests", dependencies: ["OpsDeckCache", "OpsDeckCore", "OpsDeckDemo"]),
        .testTarget(name: "OpsDeckDemoTests", dependencies: ["OpsDeckDemo", "OpsDeckCore"]),
        .testTarget(name: "OpsDeckConfigTests", dependencies: ["OpsDeckConfig", "OpsDeckUI", "TerminalKit"]),
        .testTarget(name: "EndToEndTests", dependencies: []),
    ],
    swiftLanguageModes: [.v6]
)
