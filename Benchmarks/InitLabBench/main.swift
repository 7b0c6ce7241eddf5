import Foundation

// initlab-bench gemm [FILTER] | train NAME | export NAME DIRECTORY   (NAME: textbook-mnist or wide-WIDTH)
let arguments = Array(CommandLine.arguments.dropFirst())
let usage =
    "usage: initlab-bench gemm [FILTER] | train NAME | export NAME DIRECTORY  (NAME: textbook-mnist, wide-WIDTH)\n"

func fail(_ message: String, status: Int32) -> Never {
    FileHandle.standardError.write(Data(message.utf8))
    exit(status)
}

switch (arguments.first, arguments.count) {
case ("gemm", 1), ("gemm", 2):
    GEMMBenchmark.run(filter: arguments.count > 1 ? arguments[1] : "")
case ("train", 2), ("export", 3):
    guard let benchmark = TrainingBenchmark.named(arguments[1]) else {
        fail("initlab-bench: unknown benchmark '\(arguments[1])'\n" + usage, status: 2)
    }
    do {
        if arguments[0] == "train" {
            try benchmark.run(root: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
        } else {
            try benchmark.export(to: URL(fileURLWithPath: arguments[2]))
        }
    } catch {
        fail("initlab-bench: \(error)\n", status: 1)
    }
default:
    fail(usage, status: 2)
}
