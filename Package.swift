// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Kurs",
  products: [
    .executable(name: "kurs", targets: ["kurs"]),
    .library(name: "KursKit", targets: ["KursKit"]),
  ],
  targets: [
    // libxml2 from the system (Debian: libxml2-dev). See Sources/CLibXML2/shim.h for the ICU note.
    .systemLibrary(
      name: "CLibXML2",
      pkgConfig: "libxml-2.0",
      providers: [.apt(["libxml2-dev"])]
    ),
    // OpenSSL's libcrypto from the system (Debian: libssl-dev): SHA-256 digests, Ed25519 keys and signatures.
    .systemLibrary(
      name: "CCrypto",
      pkgConfig: "libcrypto",
      providers: [.apt(["libssl-dev"])]
    ),
    .target(
      name: "KursKit",
      dependencies: ["CLibXML2", "CCrypto"],
      resources: [.copy("Resources/kurs-course-1.xsd")]
    ),
    .executableTarget(
      name: "kurs",
      dependencies: ["KursKit"]
    ),
    .testTarget(
      name: "KursKitTests",
      dependencies: ["KursKit"],
      resources: [.copy("Fixtures")]
    ),
    .testTarget(
      name: "KursEndToEndTests",
      dependencies: ["kurs", "KursKit"],
      // Read from the checkout by path: the files are what a user hands the binary.
      exclude: ["Hostile"]
    ),
  ]
)
