import Foundation
import Testing

@testable import AtomicFiles

/// Replacing files and folders: the old version or the new one, never a mix, nothing hidden
/// left behind, and errors that name the file, the operation and the cause.
@Suite struct AtomicFilesTests {
    /// A scratch folder, removed at the end of the test.
    final class Scratch {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("initlab-atomic-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        }

        deinit { try? FileManager.default.removeItem(at: url) }

        func path(_ name: String) -> URL { url.appendingPathComponent(name) }

        func text(_ name: String) throws -> String { try String(contentsOf: path(name), encoding: .utf8) }

        /// Every name in the folder, hidden ones included.
        var names: [String] { (try? Folder.names(in: url)) ?? [] }
    }

    /// A process id that no running process has.
    static let deadProcess: Int32 = 2_147_483_646

    @Test func writeReplacesARegularFileAndLeavesNothingHidden() throws {
        let scratch = try Scratch()
        try AtomicFile.write(Data("one".utf8), to: scratch.path("a.txt"))
        try AtomicFile.write(Data("two".utf8), to: scratch.path("a.txt"))
        #expect(try scratch.text("a.txt") == "two")
        #expect(scratch.names == ["a.txt"])
        try AtomicFile.write(Data("deep".utf8), to: scratch.path("x/y/b.txt"))
        #expect(try scratch.text("x/y/b.txt") == "deep")
    }

    @Test func writeRefusesAnythingButARegularFile() throws {
        let scratch = try Scratch()
        #expect(mkfifo(scratch.path("fifo").path, 0o644) == 0)
        try FileManager.default.createDirectory(at: scratch.path("folder"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(atPath: scratch.path("link").path, withDestinationPath: "/dev/null")
        for (name, cause) in [
            ("fifo", "it is a FIFO"), ("folder", "it is a folder"), ("link", "it is a symbolic link"),
        ] {
            let error = #expect(throws: FileSystemError.self) {
                try AtomicFile.write(Data("x".utf8), to: scratch.path(name))
            }
            #expect(
                error?.description.hasPrefix("cannot write \(scratch.path(name).path): \(cause)") == true, "\(error!)")
        }
        var status = stat()
        #expect(lstat(scratch.path("fifo").path, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        #expect(scratch.names == ["fifo", "folder", "link"])
    }

    @Test func errorsNameTheFileTheOperationAndTheCause() throws {
        let scratch = try Scratch()
        try AtomicFile.write(Data("f".utf8), to: scratch.path("file"))
        let error = #expect(throws: FileSystemError.self) {
            try AtomicFile.write(Data("x".utf8), to: scratch.path("file/below/x.json"))
        }
        #expect(error?.description == "cannot inspect \(scratch.path("file/below/x.json").path): Not a directory")
        let folderError = #expect(throws: FileSystemError.self) { try Folder.create(scratch.path("file/sub")) }
        #expect(folderError?.description.contains("Not a directory") == true, "\(folderError!)")
    }

    @Test func folderReplacementSwapsWholeFoldersAndRollsBackTogether() throws {
        let scratch = try Scratch()
        let report = scratch.path("report")
        var staged = try Staging.folder(
            for: report, files: ["a.txt": Data("old".utf8), "sub/b.txt": Data("old b".utf8)])
        try AtomicReplacement.replace([.init(staged: staged, target: report)], in: scratch.url)
        staged = try Staging.folder(for: report, files: ["a.txt": Data("new".utf8)])
        try AtomicReplacement.replace([.init(staged: staged, target: report)], in: scratch.url)
        #expect(
            try scratch.text("report/a.txt") == "new" && !FileManager.default.fileExists(atPath: report.path + "/sub"))
        #expect(scratch.names == ["report"])

        // The second replacement is refused (a folder where a file is wanted): the first is undone.
        try FileManager.default.createDirectory(at: scratch.path("page"), withIntermediateDirectories: false)
        let newer = try Staging.folder(for: report, files: ["a.txt": Data("newer".utf8)])
        let page = try Staging.file(for: scratch.path("page"), data: Data("page".utf8))
        #expect(throws: FileSystemError.self) {
            try AtomicReplacement.replace(
                [.init(staged: newer, target: report), .init(staged: page, target: scratch.path("page"))],
                in: scratch.url)
        }
        #expect(try scratch.text("report/a.txt") == "new")
        #expect(scratch.names == ["page", "report"])
    }

    @Test func recoveryRestoresAMissingTargetAndRemovesLeftovers() throws {
        let scratch = try Scratch()
        // A kill between the two renames of the fallback: no target, old and new beside it.
        let retired = ".report.retired-\(Self.deadProcess)-1"
        let staging = ".report.staging-\(Self.deadProcess)-1"
        for name in [retired, staging] {
            try FileManager.default.createDirectory(at: scratch.path(name), withIntermediateDirectories: false)
            try Data(name.utf8).write(to: scratch.path(name + "/a.txt"))
        }
        // A kill after an exchange: the target is the new version, the old one is a leftover.
        try FileManager.default.createDirectory(at: scratch.path("other"), withIntermediateDirectories: false)
        try Data("old".utf8).write(to: scratch.path(".other.staging-\(Self.deadProcess)-7"))
        // A write in progress in a live process is left alone.
        try Data("live".utf8).write(to: scratch.path(".other.staging-\(getpid())-9"))
        let actions = try SwapRecovery.recover(in: scratch.url, onlyAbandoned: true)
        #expect(actions.map(\.kind) == [.removed, .restored, .removed])
        #expect(try scratch.text("report/a.txt") == retired)
        #expect(scratch.names == [".other.staging-\(getpid())-9", "other", "report"])
        #expect(actions[1].description.hasPrefix("restored \(scratch.path("report").path) from \(retired)"))
    }

    @Test func siblingNamesParseBack() {
        let name = SiblingName.fresh(for: "index.html", role: .staging)
        #expect(SiblingName(parsing: name.text) == name)
        #expect(
            SiblingName(parsing: ".a.b-c.retired-12-3")
                == SiblingName(target: "a.b-c", role: .retired, process: 12, serial: 3))
        for other in ["index.html", ".hidden", ".x.tmp-1-2", ".x.staging-1", "..staging-1-2"] {
            #expect(SiblingName(parsing: other) == nil, "\(other)")
        }
    }
}
