import Foundation
import Randomness
import Testing

@testable import Datasets

/// Small valid files cut at every offset and with bits flipped and bytes overwritten at seeded
/// positions (the project's RandomStream, so every run tries the same damage): each outcome is
/// either the load an independent reading of the damaged bytes gives, or a one-line
/// `DatasetError` about the damaged file; never a crash or a hang.
@Suite struct DamagedFileFuzzTests {
    typealias IDX = IDXReaderTests

    static let images = IDX.images(count: 4, rows: 2, columns: 3)
    static let labels = IDX.labels([1, 0, 9, 2])

    /// The valid files, as stored: raw, and gzip in several shapes.
    static func encodings(_ content: [UInt8]) -> [(String, [UInt8])] {
        [
            ("raw", content), ("gzip stored", GzipFixture.member(content, coding: .stored)),
            ("gzip huffman", GzipFixture.member(content)),
            (
                "gzip two members",
                GzipFixture.member(Array(content.prefix(9))) + GzipFixture.member(Array(content.dropFirst(9)))
            ),
        ]
    }

    /// What an IDX pair holds by the format alone, read independently of IDXReader: nil when
    /// the bytes are not a valid pair within the limits.
    static func reference(images: [UInt8], labels: [UInt8]) -> LabeledImages? {
        func word(_ bytes: [UInt8], _ index: Int) -> Int {
            bytes[(4 * index)..<(4 * index + 4)].reduce(0) { $0 << 8 | Int($1) }
        }
        guard images.count >= 16, labels.count >= 8, word(images, 0) == 0x803, word(labels, 0) == 0x801 else {
            return nil
        }
        let (count, rows, columns) = (word(images, 1), word(images, 2), word(images, 3))
        guard word(labels, 1) == count, rows > 0, columns > 0, Double(rows) * Double(columns) <= Double(1 << 24),
            Double(count) * Double(rows * columns) <= Double((1 << 30) - 16),
            images.count == 16 + count * rows * columns, labels.count == 8 + count,
            labels.dropFirst(8).allSatisfy({ $0 <= 9 })
        else { return nil }
        return LabeledImages(
            pixels: Array(images.dropFirst(16)), labels: Array(labels.dropFirst(8)), rows: rows, columns: columns)
    }

    /// Every prefix, then single bit flips and overwritten bytes at seeded positions.
    static func damaged(_ bytes: [UInt8], stream: inout RandomStream) -> [[UInt8]] {
        var result = (0..<bytes.count).map { Array(bytes.prefix($0)) }
        for trial in 0..<160 {
            var copy = bytes
            if trial % 4 == 3 {
                for _ in 0...stream.nextInt(below: 3) {
                    copy[stream.nextInt(below: copy.count)] = UInt8(truncatingIfNeeded: stream.nextUInt32())
                }
            } else {
                copy[stream.nextInt(below: copy.count)] ^= UInt8(1 << stream.nextInt(below: 8))
            }
            result.append(copy)
        }
        return result
    }

    @Test func damagedIDXFilesLoadCorrectlyOrFailCleanly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let imagePath = folder.appendingPathComponent("images").path
        let labelPath = folder.appendingPathComponent("labels").path
        let testImages = folder.appendingPathComponent("test-images").path
        let testLabels = folder.appendingPathComponent("test-labels").path
        try Data(Self.images).write(to: URL(fileURLWithPath: testImages))
        try Data(Self.labels).write(to: URL(fileURLWithPath: testLabels))
        let original = try #require(Self.reference(images: Self.images, labels: Self.labels))
        var stream = RandomStream(seed: 2026, path: "tests/damaged-idx")
        var outcomes = (loads: 0, errors: 0)
        for damagedFile in ["images", "labels"] {
            for (encoding, bytes) in Self.encodings(damagedFile == "images" ? Self.images : Self.labels) {
                for damaged in Self.damaged(bytes, stream: &stream) {
                    let (images, labels) = damagedFile == "images" ? (damaged, Self.labels) : (Self.images, damaged)
                    try Data(images).write(to: URL(fileURLWithPath: imagePath))
                    try Data(labels).write(to: URL(fileURLWithPath: labelPath))
                    let context = "\(damagedFile), \(encoding), \(damaged.count) bytes: \(damaged)"
                    do {
                        let loaded = try IDXReader.read(images: imagePath, labels: labelPath)
                        outcomes.loads += 1
                        // Raw bytes mean what they say; gzip damage that still loads (say, in the
                        // header's time stamp) cannot have changed the data, which its CRC-32 covers.
                        let expected = encoding == "raw" ? Self.reference(images: images, labels: labels) : original
                        #expect(loaded == expected, "\(context)")
                    } catch {
                        outcomes.errors += 1
                        if encoding == "raw" {
                            #expect(Self.reference(images: images, labels: labels) == nil, "\(context)")
                        }
                        // The message names the damaged file (a count that disagrees names both).
                        #expect(
                            error.description.contains(damagedFile == "images" ? imagePath : labelPath)
                                && [imagePath, labelPath].contains(error.file) && error.operation != nil,
                            "\(context): \(error)")
                        #expect(!error.description.contains("\n"), "\(context): \(error)")
                    }
                    // The whole loader, with a valid test pair, gives a data set or an error.
                    let source = DataSource.idx(
                        trainImages: imagePath, trainLabels: labelPath, testImages: testImages, testLabels: testLabels,
                        heldOutFraction: 0.5)
                    do {
                        let data = try DatasetLoader.load(
                            source, preprocessing: Preprocessing(pooling: 2), seed: 1, root: folder)
                        #expect(data.train.features.columns == data.test.features.columns, "\(context)")
                    } catch {
                        #expect(!error.description.contains("\n"), "\(context): \(error)")
                    }
                }
            }
        }
        // The damage reached both outcomes.
        #expect(outcomes.loads > 50 && outcomes.errors > 500, "\(outcomes)")
    }

    /// What the CSV rows hold, read independently of the parser: lines split at LF (a CR before it
    /// dropped), fields at commas, each 1-3 digits; nil when they are not `rows` valid rows.
    static func reference(csv: [UInt8], rows: Int) -> LabeledImages? {
        var lines = csv.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Array($0) }
        if lines.last == [] { lines.removeLast() }
        guard lines.count == rows else { return nil }
        var pixels: [UInt8] = []
        var labels: [UInt8] = []
        for var line in lines {
            if line.last == UInt8(ascii: "\r") { line.removeLast() }
            let fields = line.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard fields.count == 785,
                fields.allSatisfy({ (1...3).contains($0.count) && $0.allSatisfy { (48...57).contains($0) } })
            else { return nil }
            let values = fields.map { Int(String(decoding: $0, as: UTF8.self))! }
            guard values.prefix(784).allSatisfy({ $0 <= 255 }), values[784] <= 9 else { return nil }
            pixels += values.prefix(784).map { UInt8($0) }
            labels.append(UInt8(values[784]))
        }
        return LabeledImages(pixels: pixels, labels: labels, rows: 28, columns: 28)
    }

    @Test func damagedCSVParsesCorrectlyOrFailsCleanly() throws {
        let text = MNIST5kReaderTests.text(MNIST5kReaderTests.csv(rows: 2, seed: 9))
        var stream = RandomStream(seed: 2027, path: "tests/damaged-csv")
        var variants = stride(from: 0, to: text.count, by: 7).map { Array(text.prefix($0)) }
        let alphabet = Array("0123456789,\n\r x-".utf8) + [0, 0xff]
        for _ in 0..<600 {
            var copy = text
            for _ in 0...stream.nextInt(below: 2) {
                copy[stream.nextInt(below: copy.count)] = alphabet[stream.nextInt(below: alphabet.count)]
            }
            variants.append(copy)
        }
        var outcomes = (loads: 0, errors: 0)
        for damaged in variants {
            let expected = Self.reference(csv: damaged, rows: 2)
            switch MNIST5kReaderTests.parse(damaged, rows: 2) {
            case .success(let parsed):
                outcomes.loads += 1
                #expect(parsed == expected, "\(String(decoding: damaged, as: UTF8.self))")
            case .failure(let error):
                outcomes.errors += 1
                #expect(expected == nil, "\(error)")
                #expect(error.file == "digits.csv" && !error.description.contains("\n"), "\(error)")
            }
        }
        #expect(outcomes.loads > 50 && outcomes.errors > 200, "\(outcomes)")
    }
}
