import CZlib
import Foundation

/// gzip decompression with zlib; data without the gzip magic bytes passes through unchanged.
enum Gzip {
    static func isCompressed(_ data: Data) -> Bool {
        data.count >= 2 && data[data.startIndex] == 0x1f && data[data.startIndex + 1] == 0x8b
    }

    /// The decompressed bytes, or an error naming `file` when the stream is corrupt or truncated.
    static func decompress(_ data: Data, file: String) throws(DatasetError) -> Data {
        guard isCompressed(data) else { return data }
        var stream = z_stream()
        // 15 + 16: a gzip header is expected.
        guard inflateInit2_(&stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DatasetError("\(file): zlib could not start decompressing")
        }
        defer { inflateEnd(&stream) }
        var output = Data(count: max(data.count * 4, 1 << 16))
        var status: Int32 = Z_OK
        var produced = 0
        data.withUnsafeBytes { (input: UnsafeRawBufferPointer) in
            stream.next_in = UnsafeMutablePointer(mutating: input.bindMemory(to: Bytef.self).baseAddress)
            stream.avail_in = uInt(input.count)
            while status == Z_OK {
                if produced == output.count { output.count *= 2 }
                let capacity = output.count
                status = output.withUnsafeMutableBytes { (buffer: UnsafeMutableRawBufferPointer) -> Int32 in
                    stream.next_out = buffer.bindMemory(to: Bytef.self).baseAddress! + produced
                    stream.avail_out = uInt(capacity - produced)
                    let result = inflate(&stream, Z_NO_FLUSH)
                    produced = capacity - Int(stream.avail_out)
                    return result
                }
                // No room left is not an error: the buffer grows on the next round.
                if status == Z_BUF_ERROR && stream.avail_out == 0 { status = Z_OK }
            }
        }
        switch status {
        case Z_STREAM_END:
            output.count = produced
            return output
        case Z_BUF_ERROR:
            throw DatasetError("\(file): the gzip stream is truncated (ends after \(produced) decompressed bytes)")
        default:
            throw DatasetError("\(file): the gzip stream is corrupt (zlib error \(status))")
        }
    }
}
