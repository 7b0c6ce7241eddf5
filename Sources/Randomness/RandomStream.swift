import Hashing

/// An independent stream of random numbers, named by a root seed and a component path.
///
/// The Philox key and the upper half of the counter are the first 128 bits of
/// `SHA-256("initlab/stream/v1" 0x00 seed(8 bytes, little-endian) path(UTF-8))`; the lower half of
/// the counter numbers the 128-bit blocks of the stream. Two streams with different paths share
/// nothing, so adding a layer or a variant leaves the numbers of every other stream unchanged.
///
/// Paths are slash-separated names such as `variant/he/layer/3/weight` or `data/shuffle/epoch/2`.
public struct RandomStream: Sendable {
    /// The root seed the stream was derived from.
    public let seed: UInt64
    /// The component path the stream was derived from.
    public let path: String

    let key: SIMD2<UInt32>
    let counterHigh: SIMD2<UInt32>
    var blockIndex: UInt64 = 0
    var buffer = SIMD4<UInt32>()
    var bufferPosition = 4
    var spareNormal: Double?

    /// The stream for component `path` under root `seed`.
    public init(seed: UInt64, path: String) {
        self.seed = seed
        self.path = path
        let hasher = SHA256()
        hasher.update("initlab/stream/v1")
        hasher.update([0])
        hasher.update((0..<8).map { UInt8(truncatingIfNeeded: seed >> (8 * $0)) })
        hasher.update(path)
        let digest = hasher.finalize().bytes
        func word(_ offset: Int) -> UInt32 {
            (0..<4).reduce(UInt32(0)) { $0 | UInt32(digest[offset + $1]) << (8 * UInt32($1)) }
        }
        key = SIMD2(word(0), word(4))
        counterHigh = SIMD2(word(8), word(12))
    }

    /// A fresh stream for a sub-component: `path + "/" + component`, under the same seed.
    /// Independent of how many numbers were drawn from `self`.
    public func derive(_ component: String) -> RandomStream {
        RandomStream(seed: seed, path: path.isEmpty ? component : path + "/" + component)
    }

    /// The next 32 random bits.

    public mutating func nextUInt32() -> UInt32 {
        if bufferPosition == 4 { refill() }
        defer { bufferPosition += 1 }
        return buffer[bufferPosition]
    }

    mutating func refill() {
        let counter = SIMD4(
            UInt32(truncatingIfNeeded: blockIndex), UInt32(truncatingIfNeeded: blockIndex >> 32),
            counterHigh[0], counterHigh[1])
        buffer = Philox4x32.block(counter: counter, key: key)
        blockIndex &+= 1
        bufferPosition = 0
    }

    /// The next 64 random bits (two 32-bit words, the first one high).
    public mutating func nextUInt64() -> UInt64 {
        let high = UInt64(nextUInt32())
        return high << 32 | UInt64(nextUInt32())
    }
}
