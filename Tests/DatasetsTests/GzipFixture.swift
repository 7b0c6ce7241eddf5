/// gzip files made by hand from RFC 1951 and 1952, so that the tests control every byte: members
/// with stored or fixed-Huffman blocks, their CRC-32 and ISIZE trailers, and bombs.
enum GzipFixture {
    enum Coding {
        /// Stored blocks: the bytes as they are.
        case stored
        /// One block of fixed Huffman codes, a literal per byte.
        case fixedHuffman
    }

    /// CRC-32 as gzip uses it (reflected polynomial 0xEDB88320), bit by bit.
    static func crc32(_ bytes: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for byte in bytes {
            crc ^= UInt32(byte)
            for _ in 0..<8 { crc = crc & 1 == 1 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }

    static let header: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]

    static func littleEndian(_ value: UInt32) -> [UInt8] {
        (0..<4).map { UInt8(truncatingIfNeeded: value >> (8 * $0)) }
    }

    /// One complete gzip member holding `content`.
    static func member(_ content: [UInt8], coding: Coding = .fixedHuffman) -> [UInt8] {
        var bits = BitWriter()
        switch coding {
        case .stored:
            var offset = 0
            repeat {
                let length = min(65535, content.count - offset)
                bits.write(offset + length == content.count ? 1 : 0, count: 1)
                bits.write(0, count: 2)
                bits.align()
                bits.bytes += [
                    UInt8(length & 0xff), UInt8(length >> 8), UInt8(~length & 0xff), UInt8((~length >> 8) & 0xff),
                ]
                bits.bytes += content[offset..<(offset + length)]
                offset += length
            } while offset < content.count
        case .fixedHuffman:
            bits.write(1, count: 1)
            bits.write(1, count: 2)
            for byte in content { bits.literal(byte) }
            bits.code(0, length: 7)  // end of block
            bits.align()
        }
        return header + bits.bytes + littleEndian(crc32(content))
            + littleEndian(UInt32(truncatingIfNeeded: content.count))
    }

    /// A gzip member that inflates to `content` and then zero bytes without end (length-258 copies
    /// at distance 1, 13 bits each), cut off at `size` bytes: about 160 x `size` bytes inflated.
    static func bomb(_ content: [UInt8], size: Int) -> [UInt8] {
        var bits = BitWriter()
        bits.write(0, count: 1)
        bits.write(1, count: 2)
        for byte in content + [0] { bits.literal(byte) }
        while bits.pending != 0 { bits.copyPreviousByte258Times() }
        var period = BitWriter()
        for _ in 0..<8 { period.copyPreviousByte258Times() }
        var bytes = header + bits.bytes
        // The 13-byte period doubled, then as many whole periods as still fit (fast in debug builds).
        var body = period.bytes
        while bytes.count + 2 * body.count <= size { body += body }
        bytes += body
        bytes += body.prefix((size - bytes.count) / period.bytes.count * period.bytes.count)
        return bytes
    }

    /// Deflate's bit order: fields least significant bit first, Huffman codes most significant first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var pending = 0

        mutating func write(_ value: Int, count: Int) {
            buffer |= UInt32(value) << pending
            pending += count
            while pending >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                pending -= 8
            }
        }

        mutating func align() { if pending > 0 { write(0, count: 8 - pending) } }

        mutating func code(_ code: Int, length: Int) {
            write((0..<length).reduce(0) { $0 | ((code >> $1) & 1) << (length - 1 - $1) }, count: length)
        }

        mutating func literal(_ byte: UInt8) {
            if byte < 144 { code(0x30 + Int(byte), length: 8) } else { code(0x190 + Int(byte) - 144, length: 9) }
        }

        mutating func copyPreviousByte258Times() {
            code(0xc5, length: 8)
            code(0, length: 5)
        }
    }
}
