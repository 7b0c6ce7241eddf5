import Foundation

/// Reads IDX files (the MNIST format): big-endian headers, magic 0x00000803 for images (count,
/// rows, columns) and 0x00000801 for labels (count), then unsigned bytes; gzip or not, told by
/// content. Every inconsistency is an error naming the file.
public enum IDXReader {
    public static func read(images imagesPath: String, labels labelsPath: String) throws(DatasetError) -> LabeledImages
    {
        let images = try Gzip.decompress(try load(imagesPath), file: imagesPath)
        let labels = try Gzip.decompress(try load(labelsPath), file: labelsPath)
        let imageHeader = try header(images, file: imagesPath, magic: 0x0000_0803, dimensions: 3)
        let labelHeader = try header(labels, file: labelsPath, magic: 0x0000_0801, dimensions: 1)
        let (count, rows, columns) = (imageHeader[0], imageHeader[1], imageHeader[2])
        guard labelHeader[0] == count else {
            throw DatasetError("\(labelsPath): holds \(labelHeader[0]) labels but \(imagesPath) holds \(count) images")
        }
        let bytes = try imageBytes(count: count, rows: rows, columns: columns, file: imagesPath)
        try checkLength(images, file: imagesPath, header: 16, expected: bytes)
        try checkLength(labels, file: labelsPath, header: 8, expected: count)
        let labelBytes = [UInt8](labels.dropFirst(8))
        if let bad = labelBytes.first(where: { $0 > 9 }) {
            throw DatasetError("\(labelsPath): expected labels 0-9, found \(bad)")
        }
        return LabeledImages(pixels: [UInt8](images.dropFirst(16)), labels: labelBytes, rows: rows, columns: columns)
    }

    static func load(_ path: String) throws(DatasetError) -> Data {
        try RegularFile(path: path).readAll()
    }

    /// The pixel bytes the header promises, in checked arithmetic (the dimensions are 32-bit, so
    /// two of them can overflow 64 bits), within `DataLimits`.
    static func imageBytes(count: Int, rows: Int, columns: Int, file: String) throws(DatasetError) -> Int {
        let (pixels, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard rows > 0, columns > 0, !overflow, pixels <= DataLimits.pixelsPerImage else {
            throw DatasetError(
                .parse, file,
                "implausible image size \(rows)x\(columns) (at most \(DataLimits.pixelsPerImage) pixels per image)")
        }
        let (bytes, tooMany) = count.multipliedReportingOverflow(by: pixels)
        guard !tooMany, bytes <= DataLimits.idxBytes - 16 else {
            let promised = tooMany ? "more than \(Int.max)" : "\(bytes)"
            throw DatasetError(
                .parse, file,
                "the header promises \(count) images of \(rows)x\(columns) pixels (\(promised) bytes), more than the "
                    + "\(DataLimits.idxBytes) bytes (1 GiB) one IDX file may hold")
        }
        return bytes
    }

    /// The dimensions after checking the magic number.
    private static func header(_ data: Data, file: String, magic: UInt32, dimensions: Int) throws(DatasetError) -> [Int]
    {
        let headerLength = 4 + 4 * dimensions
        guard data.count >= headerLength else {
            throw DatasetError("\(file): truncated header: expected \(headerLength) bytes, found \(data.count)")
        }
        let words = (0...dimensions).map { word in
            (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(data[data.startIndex + 4 * word + $1]) }
        }
        guard words[0] == magic else {
            throw DatasetError(
                "\(file): expected IDX magic 0x\(String(magic, radix: 16, uppercase: true).leftPadded(8)) (\(dimensions == 3 ? "images" : "labels")), found 0x\(String(words[0], radix: 16, uppercase: true).leftPadded(8))"
            )
        }
        return words.dropFirst().map { Int($0) }
    }

    private static func checkLength(_ data: Data, file: String, header: Int, expected: Int) throws(DatasetError) {
        let found = data.count - header
        if found < expected {
            throw DatasetError("\(file): truncated: expected \(expected) data bytes after the header, found \(found)")
        }
        if found > expected {
            throw DatasetError("\(file): \(found - expected) unexpected bytes after the \(expected) data bytes")
        }
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
