import Foundation

// initlab-bench gemm | textbook <spec>: see Benchmarks/README.md.
let arguments = CommandLine.arguments.dropFirst()
switch arguments.first {
case "gemm":
    GEMMBenchmark.run()
default:
    FileHandle.standardError.write(Data("usage: initlab-bench gemm\n".utf8))
    exit(2)
}
