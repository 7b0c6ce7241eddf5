import Foundation
import Hashing

/// The bytes of one data file, read front to back in chunks: inflated on the fly when the file
/// starts with the gzip magic bytes, passed through when it does not. Only what is asked for is
/// inflated, so a reader that asks for what a header promises never holds more, however far the
/// file would inflate. The SHA-256 of the bytes on disk is computed as they are read.
final class DataStream {
    let path: String
    /// Whether the file is gzip (told by its first two bytes).
    let isCompressed: Bool
    /// The size on disk (or of the bytes in memory).
    let fileSize: Int

    private enum Source {
        case file(RegularFile)
        case memory(Data, offset: Int)
    }

    private var source: Source
    private let hasher = SHA256()
    private let input: UnsafeMutableRawBufferPointer
    private var inputStart = 0
    private var inputEnd = 0
    private var endOfInput = false
    /// Bytes taken from the source so far.
    private var sourceBytesRead = 0
    private let inflater: GzipInflater?
    private var member = 1
    /// Where the current member starts in the file.
    private var memberStart = 0
    private var memberEnded = false
    /// All of the data was read (and for gzip, every member's trailer was checked).
    private var atEnd = false

    private static let chunk = 1 << 18

    /// Opens the file at `path`; `missing` says how to get it when it does not exist.
    convenience init(path: String, missing: String? = nil) throws(DatasetError) {
        let file = try RegularFile(path: path, missing: missing)
        try self.init(path: path, source: .file(file), size: file.size)
    }

    /// Reads bytes already in memory, as if they were the file `path`.
    convenience init(bytes: Data, path: String) throws(DatasetError) {
        try self.init(path: path, source: .memory(bytes, offset: 0), size: bytes.count)
    }

    private init(path: String, source: Source, size: Int) throws(DatasetError) {
        self.path = path
        self.source = source
        self.fileSize = size
        input = .allocate(byteCount: Self.chunk, alignment: 16)
        // Far enough to see the magic bytes: a short read from a regular file means its end.
        var initial = 0
        var failure: DatasetError?
        do {
            while initial < 2 {
                let count = try Self.read(
                    &self.source, into: UnsafeMutableRawBufferPointer(rebasing: input[initial...]))
                if count == 0 { break }
                initial += count
            }
        } catch {
            failure = error
        }
        isCompressed = initial >= 2 && input[0] == 0x1f && input[1] == 0x8b
        inflater = isCompressed ? GzipInflater() : nil
        // Every property is set, so deinit releases the buffer on these throws too.
        if let failure { throw failure }
        if isCompressed && inflater == nil { throw DatasetError(.inflate, path, "zlib could not start inflating") }
        inputEnd = initial
        endOfInput = initial < 2
        sourceBytesRead = initial
        hasher.update(UnsafeRawBufferPointer(rebasing: input[..<initial]))
    }

    deinit { input.deallocate() }

    /// Fills `output` as far as the data goes: fewer bytes than asked for only at its end.
    func read(into output: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int {
        inflater == nil ? try readRaw(into: output) : try inflate(into: output)
    }

    /// Up to `count` bytes (fewer only at the end of the data), read (inflated) straight into the
    /// array. Memory grows with the bytes that arrive, not with `count`: the array starts at 64 MiB
    /// at most and doubles while the data lasts.
    func bytes(upTo count: Int) throws(DatasetError) -> [UInt8] {
        var result: [UInt8] = []
        var capacity = min(count, 64 << 20)
        var failure: DatasetError?
        var ended = false
        while result.count < count && !ended && failure == nil {
            let start = result.count
            result = [UInt8](unsafeUninitializedCapacity: capacity) { buffer, initialized in
                if start > 0 {
                    result.withUnsafeBufferPointer { old in
                        buffer.baseAddress!.initialize(from: old.baseAddress!, count: start)
                    }
                }
                initialized = start
                do throws(DatasetError) {
                    let got = try read(
                        into: UnsafeMutableRawBufferPointer(
                            UnsafeMutableBufferPointer(rebasing: buffer[start..<capacity])))
                    initialized = start + got
                    ended = start + got < capacity
                } catch {
                    failure = error
                }
            }
            capacity = min(count, 2 * capacity)
        }
        if let failure { throw failure }
        return result
    }

    /// Whether the data ends here: it reads on, and for gzip checks the trailers of the members
    /// that remain (which must hold no data), but returns false at the first byte past the end.
    func isAtEnd() throws(DatasetError) -> Bool {
        var byte: UInt8 = 0
        return try withUnsafeMutableBytes(of: &byte) { (buffer) throws(DatasetError) -> Int in try read(into: buffer) }
            == 0
    }

    /// The SHA-256 of the bytes on disk; the whole file must have been read (`isAtEnd()` true).
    func digest() -> String {
        precondition(atEnd, "DataStream.digest() before the end of \(path)")
        if let hex = digestHex { return hex }
        let hex = hasher.finalize().hex
        digestHex = hex
        return hex
    }

    private var digestHex: String?

    private func readRaw(into output: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int {
        var produced = min(output.count, inputEnd - inputStart)
        if produced > 0 {
            output.baseAddress!.copyMemory(from: input.baseAddress! + inputStart, byteCount: produced)
            inputStart += produced
        }
        while produced < output.count && !endOfInput {
            let target = UnsafeMutableRawBufferPointer(rebasing: output[produced...])
            let count = try Self.read(&source, into: target)
            if count == 0 {
                endOfInput = true
                break
            }
            hasher.update(UnsafeRawBufferPointer(rebasing: target[..<count]))
            sourceBytesRead += count
            produced += count
        }
        if produced < output.count { atEnd = true }
        return produced
    }

    private func inflate(into output: UnsafeMutableRawBufferPointer) throws(DatasetError) -> Int {
        guard let inflater else { return 0 }
        var produced = 0
        while produced < output.count && !atEnd {
            if inputStart == inputEnd && !endOfInput { try refill() }
            if memberEnded {
                if inputStart == inputEnd {
                    atEnd = true
                    break
                }
                // Another member follows (RFC 1952, 2.2): gunzip reads them as one stream.
                inflater.reset()
                member += 1
                memberStart = sourceBytesRead - (inputEnd - inputStart)
                memberEnded = false
            }
            if inputStart == inputEnd {
                throw DatasetError(
                    .inflate, path,
                    "the gzip stream is truncated: the file ends inside member \(member), after \(fileSize) bytes")
            }
            let step = inflater.step(
                UnsafeRawBufferPointer(rebasing: input[inputStart..<inputEnd]),
                into: UnsafeMutableRawBufferPointer(rebasing: output[produced...]))
            inputStart += step.consumed
            produced += step.produced
            switch step.status {
            case .ok:
                if step.consumed == 0 && step.produced == 0 {
                    throw DatasetError(.inflate, path, "zlib made no progress in gzip member \(member)")
                }
            case .memberEnd:
                memberEnded = true
            case .outOfMemory:
                throw DatasetError(.inflate, path, "zlib ran out of memory")
            case .corrupt(let reason):
                throw corruption(reason)
            }
        }
        return produced
    }

    /// zlib's words for a damaged member, as a sentence about the file.
    private func corruption(_ reason: String) -> DatasetError {
        switch reason {
        case "incorrect data check":
            return DatasetError(.inflate, path, "gzip member \(member) fails its CRC-32 check (\(reason))")
        case "incorrect length check":
            return DatasetError(.inflate, path, "gzip member \(member) fails its length check (\(reason))")
        case "incorrect header check", "unknown compression method", "unknown header flags set", "header crc mismatch",
            "invalid window size":
            if member > 1 {
                return DatasetError(
                    .inflate, path,
                    "the \(fileSize - memberStart) bytes after gzip member \(member - 1) are not a gzip member (\(reason))"
                )
            }
        default:
            break
        }
        return DatasetError(.inflate, path, "the gzip stream is corrupt in member \(member): \(reason)")
    }

    private func refill() throws(DatasetError) {
        inputStart = 0
        inputEnd = try Self.read(&source, into: input)
        if inputEnd == 0 { endOfInput = true }
        hasher.update(UnsafeRawBufferPointer(rebasing: input[..<inputEnd]))
        sourceBytesRead += inputEnd
    }

    private static func read(_ source: inout Source, into buffer: UnsafeMutableRawBufferPointer) throws(DatasetError)
        -> Int
    {
        switch source {
        case .file(let file):
            return try file.read(into: buffer)
        case .memory(let data, let offset):
            let count = min(buffer.count, data.count - offset)
            if count > 0 {
                data.withUnsafeBytes { bytes in
                    buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + offset, byteCount: count)
                }
            }
            source = .memory(data, offset: offset + count)
            return count
        }
    }
}
