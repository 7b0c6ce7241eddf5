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
}
