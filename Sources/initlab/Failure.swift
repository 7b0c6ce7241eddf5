import ArgumentParser
import Foundation

/// Prints a one-line cause to standard error and exits with status 1: never a stack trace.
func fail(_ message: String) -> ExitCode {
    FileHandle.standardError.write(Data("initlab: \(message)\n".utf8))
    return ExitCode.failure
}

/// Writes a line to standard error.
func note(_ message: String) {
    FileHandle.standardError.write(Data("\(message)\n".utf8))
}
