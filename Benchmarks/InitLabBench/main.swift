import Foundation

// initlab-bench gemm | textbook [iterations]: see Benchmarks/README.md.
let arguments = Array(CommandLine.arguments.dropFirst())
switch arguments.first {
case "gemm":
    GEMMBenchmark.run()
case "textbook":
    let iterations = arguments.count > 1 ? Int(arguments[1]) ?? 2000 : 2000
    do {
        try TextbookBenchmark.run(
            iterations: iterations, root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    } catch {
        FileHandle.standardError.write(Data("initlab-bench: \(error)\n".utf8))
        exit(1)
    }
default:
    FileHandle.standardError.write(Data("usage: initlab-bench gemm | textbook [iterations]\n".utf8))
    exit(2)
}
