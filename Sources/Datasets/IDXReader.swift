import Foundation

/// Reads IDX files (the MNIST format): big-endian headers, magic 0x00000803 for images (count,
/// rows, columns) and 0x00000801 for labels (count), then unsigned bytes; gzip or not, told by
/// content. The headers are read first and checked against each other and `DataLimits`; then
/// exactly the promised bytes are read (inflated), and one more must not exist. Every
/// inconsistency is an error naming the file.
public enum IDXReader {
    public static func read(images imagesPath: String, labels labelsPath: String) throws(DatasetError) -> LabeledImages
    {
        try read(images: DataStream(path: imagesPath), labels: DataStream(path: labelsPath)).images
    }

    /// The pair and the two files with the SHA-256 of their bytes on disk.
    static func read(images: DataStream, labels: DataStream) throws(DatasetError) -> (
        images: LabeledImages, files: [DataFile]
    ) {
        let imageHeader = try header(images, magic: 0x0000_0803, dimensions: 3)
        let (count, rows, columns) = (imageHeader[0], imageHeader[1], imageHeader[2])
        let pixelBytes = try imageBytes(count: count, rows: rows, columns: columns, file: images.path)
        let labelHeader = try header(labels, magic: 0x0000_0801, dimensions: 1)
        guard labelHeader[0] == count else {
            throw DatasetError(
                .parse, labels.path, "holds \(labelHeader[0]) labels but \(images.path) holds \(count) images")
        }
        try checkSize(images, header: 16, expected: pixelBytes)
        try checkSize(labels, header: 8, expected: count)
        let pixels = try payload(images, header: 16, expected: pixelBytes)
        let labelBytes = try payload(labels, header: 8, expected: count)
        if let index = labelBytes.firstIndex(where: { $0 > 9 }) {
            throw DatasetError(.parse, labels.path, "expected labels 0-9, found \(labelBytes[index]) (label \(index))")
        }
        return (
            LabeledImages(pixels: pixels, labels: labelBytes, rows: rows, columns: columns),
            [
                DataFile(path: images.path, sha256: images.digest()),
                DataFile(path: labels.path, sha256: labels.digest()),
            ]
        )
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
    private static func header(_ stream: DataStream, magic: UInt32, dimensions: Int) throws(DatasetError) -> [Int] {
        let headerLength = 4 + 4 * dimensions
        let data = try stream.bytes(upTo: headerLength)
        guard data.count == headerLength else {
            throw DatasetError(
                .parse, stream.path, "truncated header: expected \(headerLength) bytes, found \(data.count)")
        }
        let words = (0...dimensions).map { word in
            (0..<4).reduce(UInt32(0)) { $0 << 8 | UInt32(data[4 * word + $1]) }
        }
        guard words[0] == magic else {
            throw DatasetError(
                .parse, stream.path,
                "expected IDX magic 0x\(String(magic, radix: 16, uppercase: true).leftPadded(8)) (\(dimensions == 3 ? "images" : "labels")), found 0x\(String(words[0], radix: 16, uppercase: true).leftPadded(8))"
            )
        }
        return words.dropFirst().map { Int($0) }
    }

    /// What can be told from the size on disk before reading the data: a raw file holds exactly
    /// the promised bytes, and a gzip file cannot inflate to more than `DataLimits.deflateRatio`
    /// times its size.
    private static func checkSize(_ stream: DataStream, header: Int, expected: Int) throws(DatasetError) {
        if stream.isCompressed {
            let most = stream.fileSize.multipliedReportingOverflow(by: DataLimits.deflateRatio).partialValue
            if header + expected > most {
                throw DatasetError(
                    .parse, stream.path,
                    "truncated: the header promises \(expected) data bytes, but a gzip file of \(stream.fileSize) bytes "
                        + "inflates to at most \(most) bytes")
            }
            return
        }
        let found = stream.fileSize - header
        if found < expected {
            throw DatasetError(
                .parse, stream.path, "truncated: expected \(expected) data bytes after the header, found \(found)")
        }
        if found > expected {
            throw DatasetError(
                .parse, stream.path, "\(found - expected) unexpected bytes after the \(expected) data bytes")
        }
    }

    /// Exactly `expected` bytes, and then the end of the data.
    private static func payload(_ stream: DataStream, header: Int, expected: Int) throws(DatasetError) -> [UInt8] {
        let bytes = try stream.bytes(upTo: expected)
        guard bytes.count == expected else {
            throw DatasetError(
                .parse, stream.path, "truncated: expected \(expected) data bytes after the header, found \(bytes.count)"
            )
        }
        guard try stream.isAtEnd() else {
            throw stream.isCompressed
                ? DatasetError(
                    .inflate, stream.path,
                    "more data than its header promises (\(header) + \(expected) bytes); inflating stopped there")
                : DatasetError(.read, stream.path, "the file grew while it was read, past the \(expected) data bytes")
        }
        return bytes
    }
}

extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
