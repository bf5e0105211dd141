// swift-tools-version: 6.1
import PackageDescription

/// Release builds link the Swift runtime and Foundation into `redact` instead of loading
/// them (`-static-stdlib`, what `swift build --static-swift-stdlib` does): a git hook starts
/// `redact` once per commit, and binding the symbols of libswiftCore, Foundation and Dispatch
/// was about a quarter of a hook's start-up. The executable target is compiled with the flag
/// too, since it decides which libraries `import Foundation` asks the linker for. Debug
/// builds and tests are unchanged. libc, libstdc++, PCRE2 and SQLite stay shared.
let staticRuntime: (swift: [SwiftSetting], linker: [LinkerSetting]) = (
    [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))],
    [.unsafeFlags(["-static-stdlib"], .when(platforms: [.linux], configuration: .release))]
)

let package = Package(
    name: "Redact",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "redact", targets: ["redact"]),
        .library(name: "Redaction", targets: ["Redaction"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        // 3.12.x: HMAC-SHA256 and SHA-256 only; 4.x costs ~150 s more per clean build.
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"4.0.0"),
        // `redact serve` only (the HTTP hook for a CMS); see README.
        .package(url: "https://github.com/hummingbird-project/hummingbird", exact: "2.28.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"])]
        ),
        .target(
            name: "Redaction",
            dependencies: [
                "CPCRE2",
                "CSQLite",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "redact",
            dependencies: [
                "Redaction",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ],
            swiftSettings: staticRuntime.swift,
            linkerSettings: staticRuntime.linker
        ),
        .testTarget(
            name: "RedactionTests",
            dependencies: ["Redaction"],
            // Read by path at test time, not bundled.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["redact", "Redaction"],
            // Read by path at test time, not bundled: sample fixtures and golden outputs.
            exclude: ["Fixtures", "Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
