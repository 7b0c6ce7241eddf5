import Foundation
import Randomness
import Testing

@testable import Datasets

/// The mnist-5k CSV parser: one row per digit, 784 pixels 0-255 and a label 0-9, nothing else.
@Suite struct MNIST5kReaderTests {
    /// `rows` seeded rows of 784 pixels and a label.
    static func csv(rows: Int, seed: UInt64 = 1) -> [[Int]] {
        var stream = RandomStream(seed: seed, path: "tests/mnist5k-csv")
        return (0..<rows).map { _ in (0..<784).map { _ in stream.nextInt(below: 256) } + [stream.nextInt(below: 10)] }
    }

    static func text(_ rows: [[Int]], newline: String = "\n") -> [UInt8] {
        Array(rows.map { $0.map(String.init).joined(separator: ",") + newline }.joined().utf8)
    }

    static func parse(_ text: [UInt8], rows: Int = 3) -> Result<LabeledImages, DatasetError> {
        do {
            return .success(try MNIST5kReader.parse(Data(text), file: "digits.csv", rows: rows))
        } catch {
            return .failure(error)
        }
    }

    @Test func parsesRowsWithLFOrCRLF() throws {
        let rows = Self.csv(rows: 3)
        for newline in ["\n", "\r\n"] {
            let images = try Self.parse(Self.text(rows, newline: newline)).get()
            #expect(images.count == 3 && images.rows == 28 && images.columns == 28)
            #expect(images.pixels == rows.flatMap { $0.prefix(784).map(UInt8.init) })
            #expect(images.labels == rows.map { UInt8($0[784]) })
        }
        // The last line may end without a newline.
        #expect(try Self.parse(Self.text(rows).dropLast()).get() == Self.parse(Self.text(rows)).get())
    }

    @Test func damagedRowsAreErrorsNamingTheLineAndColumn() {
        let rows = Self.csv(rows: 3)
        var wide = rows
        wide[1].append(3)
        var narrow = rows
        narrow[2].removeLast()
        var pixel = rows
        pixel[0][17] = 256
        var label = rows
        label[1][784] = 10
        var long = rows
        long[1][4] = 1000
        let text = Self.text(rows)
        let firstComma = text.firstIndex(of: UInt8(ascii: ","))!
        let cases: [([UInt8], String)] = [
            (Self.text(wide), "line 2: expected 785 comma-separated integers (784 pixels, then the label), found 786"),
            (
                Self.text(narrow),
                "line 3: expected 785 comma-separated integers (784 pixels, then the label), found 784"
            ),
            (Self.text(pixel), "line 1, column 18: expected a pixel 0-255, found 256"),
            (Self.text(label), "line 2, column 785: expected a label 0-9, found 10"),
            (Self.text(long), "line 2, column 5: expected at most 3 digits, found 1000"),
            (Self.text(Array(rows.prefix(2))), "expected 3 rows, found 2"),
            (Self.text(rows + Self.csv(rows: 1)), "line 4: expected 3 rows, found more"),
            (
                Array(text.prefix(firstComma)) + Array(" 1".utf8) + text[firstComma...],
                "line 1, column 1: unexpected ' '"
            ),
            (Array(text.prefix(firstComma)) + [0xff] + text[firstComma...], "line 1, column 1: unexpected byte 0xFF"),
            (
                Array(text.prefix(firstComma)) + Array("x".utf8) + text[firstComma...],
                "line 1, column 1: unexpected 'x'"
            ),
            (Array(",".utf8) + text, "line 1, column 1: empty field"),
            (text + Array("\n".utf8), "line 4: empty line"),
            (Array("1\r2".utf8), "line 1, column 1: unexpected CR not followed by LF"),
        ]
        for (bytes, message) in cases {
            guard case .failure(let error) = Self.parse(bytes) else {
                Issue.record("accepted: \(message)")
                continue
            }
            #expect(error.description == "cannot parse digits.csv: " + message)
        }
    }

    static let cached = DatasetLoader.cacheDirectory(root: DatasetLoaderTests.root).appendingPathComponent(
        MNIST5kReader.fileName)

    /// The file is pinned by its hash: whatever damage it took, the advice is to fetch it again.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: cached.path), "mnist-5k is not in the data cache"))
    func damagedFileIsRefusedByItsHash() throws {
        let original = try [UInt8](Data(contentsOf: Self.cached))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mnist5k-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent(MNIST5kReader.fileName).path
        var stream = RandomStream(seed: 5, path: "tests/mnist5k-damage")
        for trial in 0..<24 {
            var damaged = original
            if trial % 2 == 0 {
                damaged.removeLast(1 + stream.nextInt(below: original.count))
            } else {
                damaged[stream.nextInt(below: original.count)] ^= UInt8(1 << stream.nextInt(below: 8))
            }
            try Data(damaged).write(to: URL(fileURLWithPath: path))
            do {
                _ = try MNIST5kReader.read(path: path)
                Issue.record("trial \(trial): accepted a damaged file")
            } catch {
                #expect(error.description.contains("has SHA-256") && error.description.contains("make data"))
            }
        }
    }
}
