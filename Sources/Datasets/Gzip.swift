import CZlib

/// One zlib inflate stream for gzip members, stepped by the caller (`DataStream`): each step
/// inflates what fits of the given input into the given output, so nothing is inflated that was
/// not asked for. zlib checks each member's header and its CRC-32 and ISIZE trailer.
final class GzipInflater {
    /// What one step found.
    enum Status {
        /// More input or more room for output is needed.
        case ok
        /// The current member ended, its trailer checked.
        case memberEnd
        /// The stream is not valid gzip; zlib's words for what is wrong.
        case corrupt(String)
        case outOfMemory
    }

    // zlib's state points back at its z_stream, which therefore must not move.
    private let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)

    init?() {
        stream.initialize(to: z_stream())
        // 15 + 16: a 32 KiB window and a gzip header and trailer.
        // On failure deinit still runs (every property is set): inflateEnd ignores a stream without state.
        guard inflateInit2_(stream, 15 + 16, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return nil
        }
    }

    deinit {
        inflateEnd(stream)
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Starts the next member of a multi-member file.
    func reset() { inflateReset(stream) }

    /// Inflates from `input` into `output`; returns how many bytes of each it used.
    func step(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) -> (
        consumed: Int, produced: Int, status: Status
    ) {
        let inputCount = min(input.count, Int(UInt32.max))
        let outputCount = min(output.count, Int(UInt32.max))
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = uInt(inputCount)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = uInt(outputCount)
        let code = inflate(stream, Z_NO_FLUSH)
        let consumed = inputCount - Int(stream.pointee.avail_in)
        let produced = outputCount - Int(stream.pointee.avail_out)
        let status: Status =
            switch code {
            case Z_OK, Z_BUF_ERROR: .ok
            case Z_STREAM_END: .memberEnd
            case Z_MEM_ERROR: .outOfMemory
            case Z_NEED_DICT: .corrupt("a preset dictionary is required, which gzip does not have")
            default: .corrupt(stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(code)")
            }
        return (consumed, produced, status)
    }
}
