import Datasets
import Foundation
import Testing

@Suite struct IDXReaderTests {
    static func header(_ words: [UInt32]) -> [UInt8] {
        words.flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) } }
    }
    static func images(count: Int, rows: Int = 2, columns: Int = 3, magic: UInt32 = 0x803) -> [UInt8] {
        header([magic, UInt32(count), UInt32(rows), UInt32(columns)])
            + (0..<(count * rows * columns)).map { UInt8($0 % 256) }
    }
    static func labels(_ values: [UInt8], magic: UInt32 = 0x801) -> [UInt8] {
        header([magic, UInt32(values.count)]) + values
    }

    /// Writes the two files and reads them back (or the error message).
    static func read(images: [UInt8], labels: [UInt8]) throws -> Result<LabeledImages, DatasetError> {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("idx-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let imagePath = directory.appendingPathComponent("images").path
        let labelPath = directory.appendingPathComponent("labels").path
        try Data(images).write(to: URL(fileURLWithPath: imagePath))
        try Data(labels).write(to: URL(fileURLWithPath: labelPath))
        do {
            return .success(try IDXReader.read(images: imagePath, labels: labelPath))
        } catch {
            return .failure(error)
        }
    }

    @Test func readsAValidPair() throws {
        let images = try Self.read(images: Self.images(count: 4), labels: Self.labels([3, 1, 4, 1])).get()
        #expect(images.count == 4 && images.rows == 2 && images.columns == 3)
        #expect(images.labels == [3, 1, 4, 1] && images.pixels[6] == 6)
    }

    @Test(arguments: [
        (
            "wrong image magic", Self.images(count: 2, magic: 0x801), Self.labels([1, 2]),
            "expected IDX magic 0x00000803 (images), found 0x00000801"
        ),
        (
            "wrong label magic", Self.images(count: 2), Self.labels([1, 2], magic: 0x803),
            "expected IDX magic 0x00000801"
        ),
        (
            "truncated header", Array(Self.images(count: 2).prefix(10)), Self.labels([1, 2]),
            "truncated header: expected 16 bytes, found 10"
        ),
        (
            "truncated pixels", Array(Self.images(count: 2).dropLast(1)), Self.labels([1, 2]),
            "truncated: expected 12 data bytes after the header, found 11"
        ),
        (
            "extra bytes", Self.images(count: 2) + [0, 0], Self.labels([1, 2]),
            "2 unexpected bytes after the 12 data bytes"
        ),
        ("count mismatch", Self.images(count: 2), Self.labels([1, 2, 3]), "holds 3 labels but"),
        ("bad label", Self.images(count: 2), Self.labels([1, 12]), "expected labels 0-9, found 12"),
    ])
    func corruptFilesGiveClearErrors(name: String, images: [UInt8], labels: [UInt8], message: String) throws {
        let result = try Self.read(images: images, labels: labels)
        guard case .failure(let error) = result else {
            Issue.record("\(name) was accepted")
            return
        }
        #expect(error.description.contains(message), "\(name): \(error)")
    }

    /// Headers whose sizes overflow 64-bit arithmetic, or pass the ceilings, are refused from the
    /// header alone.
    @Test(arguments: [
        (
            Self.header([0x803, 1, 0xFFFF_FFFF, 0xFFFF_FFFF]), Self.labels([1]),
            "implausible image size 4294967295x4294967295 (at most 16777216 pixels per image)"
        ),
        (Self.header([0x803, 1, 0, 28]), Self.labels([1]), "implausible image size 0x28"),
        (Self.header([0x803, 1, 4097, 4096]), Self.labels([1]), "implausible image size 4097x4096"),
        (
            Self.header([0x803, 0xFFFF_FFFF, 28, 28]), Self.header([0x801, 0xFFFF_FFFF]),
            "the header promises 4294967295 images of 28x28 pixels (3367254359280 bytes), more than the "
                + "1073741824 bytes (1 GiB) one IDX file may hold"
        ),
        (
            Self.header([0x803, 1 << 30, 1, 1]) + [0], Self.header([0x801, 1 << 30]),
            "the header promises 1073741824 images of 1x1 pixels (1073741824 bytes)"
        ),
    ])
    func impossibleHeadersAreRefused(images: [UInt8], labels: [UInt8], message: String) throws {
        guard case .failure(let error) = try Self.read(images: images, labels: labels) else {
            Issue.record("accepted \(message)")
            return
        }
        #expect(error.description.hasPrefix("cannot parse "), "\(error)")
        #expect(error.description.contains("images: " + message), "\(error)")
    }

    @Test func missingFileIsNamed() {
        #expect(throws: DatasetError.self) { try IDXReader.read(images: "/nonexistent/a", labels: "/nonexistent/b") }
    }

    static let fashion = DatasetLoader.fashionMNISTDirectory

    @Test(
        .enabled(
            if: FileManager.default.fileExists(atPath: fashion + "/t10k-labels-idx1-ubyte.gz"),
            "dataset-fashion-mnist is not installed (make data)"))
    func corruptGzipIsAnError() throws {
        let original = try Data(contentsOf: URL(fileURLWithPath: Self.fashion + "/t10k-labels-idx1-ubyte.gz"))
        // As many images as the 10,000 labels, so the headers agree and the damage is what is found.
        let images = Self.images(count: 10000, rows: 1, columns: 1)
        var flipped = [UInt8](original)
        for index in stride(from: 40, to: flipped.count - 20, by: 97) { flipped[index] ^= 0x5a }
        guard case .failure(let corrupt) = try Self.read(images: images, labels: flipped) else {
            Issue.record("corrupt gzip accepted")
            return
        }
        #expect(
            corrupt.description.contains("gzip stream is corrupt") || corrupt.description.contains("truncated"),
            "\(corrupt)")
        guard
            case .failure(let truncated) = try Self.read(
                images: images, labels: Array(original.prefix(original.count / 2)))
        else {
            Issue.record("truncated gzip accepted")
            return
        }
        #expect(truncated.description.contains("gzip stream is truncated"), "\(truncated)")
    }
}
