// swift-tools-version:6.0
//
// InitLab: reproducible experiments on weight initialization and activation functions.
//
// Data flows one way, and the targets follow it:
//   Spec -> Run -> Results -> Figures -> Report, tied together by Workflow and the `initlab` CLI.
// The numeric building blocks (Randomness, LinearAlgebra, Network, Training, Theory, Datasets)
// know nothing of files beyond data loading, nor of Cairo or HTML.

import PackageDescription

#if arch(x86_64)
    let kernelSettings: [SwiftSetting] = [.unsafeFlags(["-target-cpu", "haswell"])]
#else
    let kernelSettings: [SwiftSetting] = []
#endif

let package = Package(
    name: "InitLab",
    products: [
        .executable(name: "initlab", targets: ["initlab"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/JohnSundell/Ink", from: "0.6.0"),
    ],
    targets: [
        // System libraries (installed by the Makefile with apt-get).
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev", "libfreetype-dev"])]),
        .systemLibrary(name: "CCrypto", pkgConfig: "libcrypto", providers: [.apt(["libssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),

        // Foundations.
        .target(name: "Hashing", dependencies: ["CCrypto"]),
        .target(name: "JSON"),
        .target(name: "Randomness", dependencies: ["Hashing"]),
        // The experiment kinds and what each can be asked to draw: the vocabulary that the spec,
        // results and figures share (so Figures need not read the Spec).
        .target(name: "ExperimentKinds"),
        // What a run computed: pure values written as results.json.
        .target(name: "Results", dependencies: ["JSON", "Hashing", "ExperimentKinds"]),
        // Durable, atomic file and folder replacement (fsync, rename exchange, crash recovery).
        .target(name: "AtomicFiles"),

        // Numerics: pure value types and functions.
        // The numeric kernels use AVX2 and FMA (x86-64-v3: every x86 server since 2013). The flag is
        // the same in debug and release, so both compute bit-identical results.
        .target(name: "LinearAlgebra", dependencies: ["CGEMMKernel"], swiftSettings: kernelSettings),
        // The AVX-512 GEMM micro-kernel, chosen at run time (cpuid) with the AVX2 kernel in Swift as
        // the fallback. Optimized in debug builds too, so that the tests run the code users run;
        // FMA is exactly rounded, so the optimization level cannot change a bit.
        .target(name: "CGEMMKernel", cSettings: [.unsafeFlags(["-O3"])]),
        .target(
            name: "Network",
            dependencies: [
                "LinearAlgebra", "Randomness", .product(name: "RealModule", package: "swift-numerics"),
            ]),
        .target(
            name: "Training", dependencies: ["Network", "LinearAlgebra", "Randomness", "Results"],
            swiftSettings: kernelSettings),
        .target(
            name: "Theory",
            dependencies: [
                "Network", "LinearAlgebra", "Randomness", .product(name: "RealModule", package: "swift-numerics"),
            ]),
        .target(name: "Datasets", dependencies: ["CZlib", "Hashing", "Randomness", "LinearAlgebra"]),

        // spec -> run -> results -> figures -> report.
        .target(
            name: "Spec", dependencies: ["ExperimentKinds", "JSON", "Network", "Training", "Datasets", "Narrative"]),
        .target(
            name: "Run",
            dependencies: [
                "ExperimentKinds", "Spec", "Results", "Network", "Training", "Theory", "Datasets", "Randomness",
                "LinearAlgebra", "JSON",
            ]),
        .target(name: "Plotting", dependencies: ["CCairo", "Hashing"]),
        .target(name: "Figures", dependencies: ["ExperimentKinds", "Results", "Plotting"]),
        // Narrative prose: Markdown (Ink) with TeX math as MathML, cross-references and citations,
        // sanitized; knows nothing of specs or results (the callers say what a reference means).
        .target(name: "Narrative", dependencies: [.product(name: "Ink", package: "Ink")]),
        .target(
            name: "Report",
            dependencies: [
                "ExperimentKinds", "Results", "Figures", "Plotting", "Spec", "Hashing", "JSON", "AtomicFiles",
                "Datasets",
                "Narrative", .product(name: "Mustache", package: "swift-mustache"),
            ]),
        .target(
            name: "Workflow",
            dependencies: [
                "ExperimentKinds", "Spec", "Run", "Results", "Figures", "Plotting", "Report", "Datasets", "Hashing",
                "JSON", "AtomicFiles",
            ]),

        // The command-line tool: argument parsing and error printing only.
        .executableTarget(
            name: "initlab",
            dependencies: [
                "Workflow", "Spec", "Run", "Report", "Theory", "Network", "LinearAlgebra", "JSON", "AtomicFiles",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),

        // `make bench`: InitLab against NumPy and OpenBLAS (loaded at run time, only here).
        .executableTarget(
            name: "initlab-bench", dependencies: ["LinearAlgebra", "Training", "Datasets", "Randomness", "Network"],
            path: "Benchmarks/InitLabBench"),

        // Tests mirror the sources.
        .testTarget(name: "HashingTests", dependencies: ["Hashing"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "RandomnessTests", dependencies: ["Randomness"]),
        .testTarget(name: "AtomicFilesTests", dependencies: ["AtomicFiles"]),
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra", "Randomness"]),
        .testTarget(name: "NetworkTests", dependencies: ["Network", "LinearAlgebra", "Randomness"]),
        // Counts heap allocations in the test binary (its own malloc, forwarding to glibc's).
        .target(name: "AllocationCounter", path: "Tests/AllocationCounter"),
        .testTarget(
            name: "TrainingTests",
            dependencies: ["Training", "Results", "Network", "LinearAlgebra", "Randomness", "AllocationCounter"]),
        .testTarget(name: "TheoryTests", dependencies: ["Theory", "Network", "Randomness", "LinearAlgebra"]),
        .testTarget(name: "DatasetsTests", dependencies: ["Datasets", "Hashing", "Randomness"]),
        .testTarget(name: "SpecTests", dependencies: ["Spec", "JSON"]),
        .testTarget(name: "ResultsTests", dependencies: ["Results", "ExperimentKinds", "JSON"]),
        .testTarget(name: "RunTests", dependencies: ["Run", "Spec", "Results"]),
        .testTarget(name: "PlottingTests", dependencies: ["Plotting"]),
        .testTarget(name: "NarrativeTests", dependencies: ["Narrative"]),
        .testTarget(
            name: "FiguresTests",
            dependencies: ["Figures", "ExperimentKinds", "Plotting", "Results", "Spec", "Run", "CCairo", "CZlib"]),
        .testTarget(name: "ReportTests", dependencies: ["Report", "Results", "Spec", "Run", "Figures", "Hashing"]),
        .testTarget(name: "WorkflowTests", dependencies: ["Workflow", "JSON", "Run", "Spec", "ExperimentKinds"]),
        .testTarget(name: "EndToEndTests", dependencies: ["initlab", "JSON", "Randomness", "Hashing"]),
    ]
)

// `make test` also runs the LinearAlgebra tests (worker pool, parallel loop, GEMM) under
// ThreadSanitizer, in a build folder of their own. With INITLAB_TSAN_SUBSET set the manifest
// keeps only those tests and what they depend on, so that build compiles a few modules, not all.
if Context.environment["INITLAB_TSAN_SUBSET"] != nil {
    let subset: Set<String> = [
        "CCrypto", "Hashing", "Randomness", "CGEMMKernel", "LinearAlgebra", "LinearAlgebraTests",
    ]
    package.targets = package.targets.filter { subset.contains($0.name) }
    package.products = []
    package.dependencies = []
}
