import CCrypto
import Foundation

/// SHA-256 digests, computed by the system's OpenSSL libcrypto.
///
/// Used for spec hashes, data-set hashes, cache keys, figure pixel hashes and the derivation
/// of random streams, so every hash in a report comes from one maintained implementation.
public final class SHA256 {
    private let context: OpaquePointer
    private var finished = false

    /// Starts an incremental digest.
    public init() {
        guard let context = EVP_MD_CTX_new(), EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            fatalError("libcrypto could not initialise SHA-256")
        }
        self.context = context
    }

    /// Feeds bytes into the digest.
    public func update<Bytes: Sequence>(_ bytes: Bytes) where Bytes.Element == UInt8 {
        let handled: Void? = bytes.withContiguousStorageIfAvailable { buffer in
            update(UnsafeRawBufferPointer(buffer))
        }
        if handled == nil { update(Array(bytes)) }
    }

    /// Feeds raw memory into the digest.
    public func update(_ buffer: UnsafeRawBufferPointer) {
        guard buffer.count > 0 else { return }
        EVP_DigestUpdate(context, buffer.baseAddress, buffer.count)
    }

    /// Feeds the UTF-8 bytes of a string into the digest.
    public func update(_ string: String) {
        var copy = string
        copy.withUTF8 { update(UnsafeRawBufferPointer($0)) }
    }

    /// Ends the digest and returns it. The hasher must not be used afterwards.
    public func finalize() -> Digest {
        precondition(!finished, "SHA256.finalize() called twice")
        finished = true
        var bytes = [UInt8](repeating: 0, count: Int(EVP_MAX_MD_SIZE))
        var length: UInt32 = 0
        EVP_DigestFinal_ex(context, &bytes, &length)
        return Digest(bytes: Array(bytes.prefix(Int(length))))
    }

    deinit { EVP_MD_CTX_free(context) }

    /// The digest of a byte sequence.
    public static func hash<Bytes: Sequence>(_ bytes: Bytes) -> Digest where Bytes.Element == UInt8 {
        let hasher = SHA256()
        hasher.update(bytes)
        return hasher.finalize()
    }

    /// The digest of a string's UTF-8 bytes.
    public static func hash(_ string: String) -> Digest {
        let hasher = SHA256()
        hasher.update(string)
        return hasher.finalize()
    }

    /// The digest of a file's contents, read in chunks.
    public static func hash(fileAt url: URL) throws -> Digest {
        let handle = try FileHandle(forReadingFrom: url)
        defer { try? handle.close() }
        let hasher = SHA256()
        while let chunk = try handle.read(upToCount: 1 << 20), !chunk.isEmpty {
            chunk.withUnsafeBytes { hasher.update($0) }
        }
        return hasher.finalize()
    }
}

/// A finished SHA-256 digest.
public struct Digest: Hashable, Sendable, CustomStringConvertible {
    /// The 32 digest bytes.
    public let bytes: [UInt8]

    /// Lower-case hexadecimal, 64 characters.
    public var hex: String {
        bytes.map { byte in
            let digits = Array("0123456789abcdef")
            return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0f)]])
        }.joined()
    }

    public var description: String { hex }
}
