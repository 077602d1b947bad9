// swift-tools-version:6.0
import Foundation
import PackageDescription

// A warning fails the build: the code compiles clean (issue 23), and it stays that way.
let warningsAreErrors: [SwiftSetting] = [.unsafeFlags(["-warnings-as-errors"])]

let package = Package(
  name: "Kurs",
  products: [
    .executable(name: "kurs", targets: ["kurs"]),
    .executable(name: "kurs-bench", targets: ["kurs-bench"]),
    .library(name: "KursKit", targets: ["KursKit"]),
  ],
  targets: [
    // libxml2 from the system (Debian: libxml2-dev). See Sources/CLibXML2/shim.h for the ICU note.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // OpenSSL's libcrypto from the system (Debian: libssl-dev): SHA-256 digests, Ed25519 keys and
    // signatures. Its headers only: CCryptoLoader loads the library on first use (dlopen), so that
    // starting kurs does not (BENCHMARKS.md, start-up).
    .systemLibrary(
      name: "CCrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    .target(name: "CCryptoLoader", dependencies: ["CCrypto"]),
    // HTTP for the learning record store: libcurl, loaded with dlopen only when an LRS is used,
    // so that starting kurs does not load it (BENCHMARKS.md). Needs no curl headers.
    .target(name: "CHTTP"),
    .target(
      name: "KursKit",
      dependencies: ["CLibXML2", "CCrypto", "CCryptoLoader", "CHTTP"],
      // The schema is compiled in (Loading/CourseSchema+Text.swift, scripts/embed-schema), and so
      // is the JSON-LD context (Certificates/KursContext+Text.swift, scripts/embed-context): a
      // binary copied anywhere, alone, needs no resource bundle beside it.
      // The player's JavaScript and CSS likewise (Publishing/PlayerAssets+Text.swift,
      // scripts/embed-player), and the SCORM schema files (Publishing/SCORMSchemas+Text.swift,
      // scripts/embed-scorm).
      exclude: [
        "Resources/kurs-course-1.xsd", "Resources/kurs-context-1.jsonld", "Resources/player",
        "Resources/scorm",
      ],
      swiftSettings: warningsAreErrors
    ),
    .executableTarget(
      name: "kurs",
      dependencies: ["KursKit"],
      swiftSettings: warningsAreErrors
    ),
    // The benchmark harness (scripts/bench, BENCHMARKS.md): built with the rest so it never rots.
    .executableTarget(
      name: "kurs-bench",
      dependencies: ["KursKit"],
      path: "Benchmarks/kurs-bench",
      swiftSettings: warningsAreErrors
    ),
    .testTarget(
      name: "KursKitTests",
      dependencies: ["KursKit"],
      resources: [.copy("Fixtures")],
      swiftSettings: warningsAreErrors
    ),
    .testTarget(
      name: "KursEndToEndTests",
      dependencies: ["kurs", "KursKit"],
      // Read from the checkout by path: the files are what a user hands the binary.
      exclude: ["Hostile", "JSONLD"],
      swiftSettings: warningsAreErrors
    ),
  ]
)

// Fuzz targets (docs/fuzzing.md): only with KURS_FUZZ=1. SwiftPM gives an executable its own
// entry point, so the target links libFuzzer without its main and starts the fuzzer itself.
if ProcessInfo.processInfo.environment["KURS_FUZZ"] == "1" {
  // The toolchain's clang runtime: beside the `swift` found on PATH.
  let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
  let swift =
    path.split(separator: ":").map {
      URL(fileURLWithPath: String($0)).appendingPathComponent("swift")
    }
    .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    ?? URL(fileURLWithPath: "/usr/bin/swift")
  let clang = swift.resolvingSymlinksInPath().deletingLastPathComponent()
    .deletingLastPathComponent()
    .appendingPathComponent("lib/clang")
  let versions = (try? FileManager.default.contentsOfDirectory(atPath: clang.path)) ?? []
  let library =
    versions.map {
      clang.appendingPathComponent("\($0)/lib/linux/libclang_rt.fuzzer_no_main-x86_64.a").path
    }
    .first { FileManager.default.fileExists(atPath: $0) } ?? "libclang_rt.fuzzer_no_main-x86_64.a"
  package.targets.append(
    .executableTarget(
      name: "KursFuzz", dependencies: ["KursKit"], path: "Fuzz",
      swiftSettings: [.unsafeFlags(["-parse-as-library"])],
      linkerSettings: [.unsafeFlags([library, "-lstdc++"])]))
}
