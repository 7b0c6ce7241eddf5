import Foundation
import Testing

/// What the CLI does with paths it must not overwrite, and how it says why a write failed.
@Suite struct FileSafetyTests {
    @Test func schemaOutRefusesAnythingButARegularFile() throws {
        let workspace = try Workspace()
        let fifo = workspace.url.appendingPathComponent("fifo")
        #expect(mkfifo(fifo.path, 0o644) == 0)
        var output = try CLI.run(["schema", "--out", "fifo"], in: workspace.url)
        #expect(output.status == 1, "replaced a FIFO: \(output.stderr)")
        #expect(output.stderr.contains("cannot write \(fifo.path): it is a FIFO"), "\(output.stderr)")
        var status = stat()
        #expect(lstat(fifo.path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO, "the FIFO is gone")

        try FileManager.default.createDirectory(
            at: workspace.url.appendingPathComponent("folder"), withIntermediateDirectories: false)
        output = try CLI.run(["schema", "--out", "folder"], in: workspace.url)
        #expect(output.status == 1 && output.stderr.contains("it is a folder, not a regular file"), "\(output.stderr)")

        try workspace.write("file", "x")
        output = try CLI.run(["schema", "--out", "file/schema.json"], in: workspace.url)
        #expect(output.status == 1 && output.stderr.contains("file/schema.json: Not a directory"), "\(output.stderr)")
        #expect(!output.stderr.contains("NSCocoaErrorDomain"))

        output = try CLI.run(["schema", "--out", "sub/schema.json"], in: workspace.url)
        #expect(output.status == 0)
        #expect(try workspace.text("sub/schema.json").contains("\"$schema\""))
        #expect(workspace.files(under: "sub") == ["schema.json"])
    }

    @Test func runOutBelowARegularFileNamesTheCause() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        try workspace.write("file", "x")
        let output = try CLI.run(["run", "small.json", "--out", "file/Reports", "--quiet"], in: workspace.url)
        #expect(output.status == 1)
        #expect(
            output.stderr.contains("file/Reports: it is a regular file") || output.stderr.contains("Not a directory"),
            "\(output.stderr)")
        #expect(!output.stderr.contains("NSCocoaErrorDomain"), "\(output.stderr)")
    }
}

/// A failed run leaves the earlier report untouched, whichever file fails.
@Suite struct FailedWriteTests {
    @Test func indexThatCannotBeWrittenLeavesTheEarlierReport() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        #expect(try CLI.run(["run", "small.json", "--quiet"], in: workspace.url).status == 0)
        let before = try workspace.data("Reports/small/results.json")
        // index.html becomes something that cannot be replaced by a file.
        try FileManager.default.removeItem(at: workspace.url.appendingPathComponent("Reports/index.html"))
        try FileManager.default.createDirectory(
            at: workspace.url.appendingPathComponent("Reports/index.html"), withIntermediateDirectories: false)
        let output = try CLI.run(["run", "small.json", "--seed", "9", "--quiet"], in: workspace.url)
        #expect(output.status == 1)
        #expect(output.stderr.contains("Reports/index.html: it is a folder"), "\(output.stderr)")
        #expect(try workspace.data("Reports/small/results.json") == before, "the earlier report was replaced")
        let hidden = (try FileManager.default.contentsOfDirectory(atPath: workspace.url.path + "/Reports")).filter {
            $0.hasPrefix(".")
        }
        #expect(hidden.isEmpty, "left behind: \(hidden)")
    }
}

extension FailedWriteTests {
    /// Under a file-size limit a write fails with EFBIG (SIGXFSZ is ignored, so the process is
    /// not killed with signal 153 mid-write): a failed run, the earlier report in place.
    @Test func fileSizeLimitIsAWriteErrorNotAKill() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        #expect(try CLI.run(["run", "small.json", "--quiet"], in: workspace.url).status == 0)
        let before = try workspace.data("Reports/small/results.json")
        // env gives the signal its default action back (the test runner ignores it), as in a shell.
        let output = try CLI.run(
            [
                "--default-signal=XFSZ", "/bin/bash", "-c",
                "ulimit -f 8 && exec \"$0\" run small.json --seed 9 --quiet",
                CLI.binary.path,
            ], in: workspace.url, executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(output.status == 1, "exit status \(output.status): \(output.stderr)")
        #expect(
            output.stderr.contains("File too large") && output.stderr.contains("any earlier report is left as it was"))
        #expect(try workspace.data("Reports/small/results.json") == before)
        let hidden = try FileManager.default.contentsOfDirectory(atPath: workspace.url.path + "/Reports").filter {
            $0.hasPrefix(".")
        }
        #expect(hidden.isEmpty, "left behind: \(hidden)")
    }
}

/// A run leaves nothing in the temporary folder (it used to leave a TemporaryDirectory.* per
/// run from asking the toolchain for its version).
@Suite struct TemporaryFolderTests {
    @Test func runLeavesTheTemporaryFolderEmpty() throws {
        let workspace = try Workspace()
        try workspace.write("small.json", RunCommandTests.spec())
        let temporary = workspace.url.appendingPathComponent("tmp")
        try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: false)
        let output = try CLI.run(
            ["run", "small.json", "--quiet"], in: workspace.url, environment: ["TMPDIR": temporary.path])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
        let manifest = try workspace.text("Reports/small/manifest.json")
        #expect(manifest.contains("\"swift\": \"Swift 6."), "the compiler is recorded")
        let version = try CLI.run(["--version"], in: workspace.url)
        #expect(manifest.contains("\"version\": \"\(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines))\""))
    }
}
