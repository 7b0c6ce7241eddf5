import Hashing

/// One array of a result, named by its place in the result (e.g. `variants/he/layers/3/histogram`),
/// so that a rerun can be compared array by array.
public struct NamedArray: Sendable {
    public let name: String
    public let values: [Double]

    public init(name: String, values: [Double]) {
        self.name = name
        self.values = values
    }

    /// SHA-256 over the IEEE-754 bit patterns (little-endian binary64) of the values: two arrays
    /// hash equal exactly when every value is bit-identical.
    public var digest: Digest {
        let hasher = SHA256()
        var bytes = [UInt8]()
        bytes.reserveCapacity(values.count * 8)
        for value in values {
            let bits = value.bitPattern
            for shift in stride(from: 0, to: 64, by: 8) {
                bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift)))
            }
        }
        hasher.update(bytes)
        return hasher.finalize()
    }
}
