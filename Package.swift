// swift-tools-version:6.0
import PackageDescription

// Strict settings for our own targets: every existential spelled `any`, and the
// Swift 6 language mode (data-race safety) everywhere.
let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "s3desk",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "s3desk", targets: ["s3desk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.3"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
        .package(url: "https://github.com/vapor/leaf.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/leaf-kit.git", from: "1.14.3"),
        // For the SMTP client; Vapor already depends on these.
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras.git", from: "1.35.2"),
        // /metrics: Vapor and the job runner report through swift-metrics, kept in Prometheus's format.
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        // Writes the applications' export as an Office Open XML workbook (a ZIP of XML parts).
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        // Property-based tests of the domain's algorithms (the matching against brute force).
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // The rules of the service: calendar and cut-offs, roles, validation.
        // Foundation only, so it stays fast to test and free of framework types.
        .target(
            name: "S3DeskDomain",
            swiftSettings: strict
        ),
        // The web application: models, migrations, routes, views, auth.
        .target(
            name: "S3DeskApp",
            dependencies: [
                "S3DeskDomain",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "Leaf", package: "leaf"),
                .product(name: "LeafKit", package: "leaf-kit"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "NIOExtras", package: "swift-nio-extras"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ],
            resources: [.copy("Resources"), .copy("Public")],
            swiftSettings: strict
        ),
        // Thin command-line entry point: serve, migrate, user add, demo.
        .executableTarget(
            name: "s3desk",
            dependencies: ["S3DeskApp"],
            swiftSettings: strict
        ),
        // Times the round's expert matching on a realistic 500 × 2,000 case, beside scipy
        // (scripts/bench-matching); a tool, not a test, run in a release build.
        .executableTarget(
            name: "matching-benchmark",
            dependencies: ["S3DeskDomain"],
            path: "Benchmarks/MatchingBenchmark",
            swiftSettings: strict
        ),
        .testTarget(
            name: "S3DeskDomainTests",
            dependencies: [
                "S3DeskDomain",
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "S3DeskAppTests",
            dependencies: [
                "S3DeskApp",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            // Read by path from the tests (a previous edition of the reference data), not bundled.
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
    ]
)
