// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Jixiao",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "jixiao", targets: ["jixiao"]),
        .executable(name: "jixiao-bench", targets: ["jixiao-bench"]),
        .executable(name: "jixiao-fuzz", targets: ["jixiao-fuzz"]),
        .library(name: "JixiaoCore", targets: ["JixiaoCore"]),
        .library(name: "JixiaoIO", targets: ["JixiaoIO"]),
        .library(name: "JixiaoReport", targets: ["JixiaoReport"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/attaswift/BigInt.git", from: "6.0.1"),
        .package(url: "https://github.com/vapor/vapor.git", from: "4.122.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.13.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.9.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.14.0"),
    ],
    targets: [
        // Money, dates, the domain values, templates, evaluation and findings: pure, Foundation and BigInt only
        // (exact rationals fall back to arbitrary precision where a result outgrows 128 bits).
        .target(name: "JixiaoCore", dependencies: [.product(name: "BigInt", package: "BigInt")]),
        // The JSON bundle codec, the fill-in workbook and CSV payment imports, built-in templates, JSON outputs.
        // Built-in templates and the working-day calendar are compiled in (Embedded/, scripts/embed-resources.py).
        .target(name: "JixiaoIO", dependencies: ["JixiaoCore", "JixiaoOffice"],
                exclude: ["Templates/Builtin", "Calendar/cn-work-calendar.json"]),
        // Office Open XML shared by the DOCX and XLSX writers and the XLSX reader: parts, XML, ZIP, spreadsheets.
        .target(name: "JixiaoOffice", dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // The report document model, narrative drafting and the renderers (Markdown, HTML, DOCX, XLSX, PDF).
        .target(name: "JixiaoReport", dependencies: ["JixiaoCore", "JixiaoOffice"]),
        // The database: schema, migrations, repositories that load and save department-years, users, audit log.
        .target(
            name: "JixiaoStore",
            dependencies: [
                "JixiaoCore", "JixiaoIO",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
            ]
        ),
        // The web application: pages, sign-in and roles, JSON API.
        .target(
            name: "JixiaoWeb",
            dependencies: [
                "JixiaoCore", "JixiaoIO", "JixiaoReport", "JixiaoStore",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "Fluent", package: "fluent"),
            ],
            exclude: ["Resources/openapi.json"]
        ),
        .executableTarget(
            name: "jixiao",
            dependencies: [
                "JixiaoCore", "JixiaoIO", "JixiaoOffice", "JixiaoReport", "JixiaoStore", "JixiaoWeb",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Times evaluate + render; free of server dependencies so a release build stays cheap.
        .executableTarget(name: "jixiao-bench", dependencies: ["JixiaoCore", "JixiaoIO", "JixiaoReport"]),
        // Bundles with extreme numbers and the whole pipeline they go through: shared by the fuzz executable and the
        // property tests.
        .target(name: "JixiaoFuzzing", dependencies: ["JixiaoCore", "JixiaoIO", "JixiaoReport"]),
        // Runs generated bundles through the pipeline in bulk (scripts/fuzz.sh); free of server dependencies.
        .executableTarget(name: "jixiao-fuzz", dependencies: ["JixiaoCore", "JixiaoIO", "JixiaoFuzzing"]),
        // Paths to the examples and golden files shared by the test targets.
        .target(name: "JixiaoTestSupport", dependencies: ["JixiaoIO"], path: "Tests/JixiaoTestSupport"),
        .testTarget(name: "JixiaoCoreTests", dependencies: ["JixiaoCore", "JixiaoFuzzing", "JixiaoTestSupport"]),
        .testTarget(name: "JixiaoIOTests",
                    dependencies: ["JixiaoCore", "JixiaoIO", "JixiaoOffice", "JixiaoFuzzing", "JixiaoTestSupport"]),
        .testTarget(
            name: "JixiaoReportTests",
            dependencies: ["JixiaoCore", "JixiaoIO", "JixiaoReport", "JixiaoOffice", "JixiaoFuzzing", "JixiaoTestSupport"],
            exclude: ["Golden"]
        ),
        .testTarget(name: "JixiaoCLITests", dependencies: ["jixiao", "JixiaoIO", "JixiaoOffice", "JixiaoTestSupport"]),
        .testTarget(
            name: "JixiaoWebTests",
            dependencies: [
                "JixiaoCore", "JixiaoIO", "JixiaoOffice", "JixiaoStore", "JixiaoWeb", "JixiaoFuzzing", "JixiaoTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
