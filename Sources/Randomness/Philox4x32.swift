/// The Philox4x32-10 counter-based generator (Salmon et al., "Parallel random numbers: as easy as
/// 1, 2, 3", SC 2011), exactly as in Random123.
///
/// A pure function from a 128-bit counter and a 64-bit key to 128 random bits: any block of any
/// stream can be computed without computing the blocks before it.
public enum Philox4x32 {
    static let multiplier0: UInt32 = 0xD251_1F53
    static let multiplier1: UInt32 = 0xCD9E_8D57
    static let weyl0: UInt32 = 0x9E37_79B9
    static let weyl1: UInt32 = 0xBB67_AE85

    /// The ten-round bijection applied to `counter` under `key`.

    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        var c = counter
        var k = key
        for round in 0..<10 {
            if round > 0 {
                k &+= SIMD2(weyl0, weyl1)
            }
            c = singleRound(c, k)
        }
        return c
    }

    static func singleRound(_ c: SIMD4<UInt32>, _ k: SIMD2<UInt32>) -> SIMD4<UInt32> {
        let product0 = UInt64(multiplier0) &* UInt64(c[0])
        let product1 = UInt64(multiplier1) &* UInt64(c[2])
        let hi0 = UInt32(truncatingIfNeeded: product0 >> 32)
        let lo0 = UInt32(truncatingIfNeeded: product0)
        let hi1 = UInt32(truncatingIfNeeded: product1 >> 32)
        let lo1 = UInt32(truncatingIfNeeded: product1)
        return SIMD4(hi1 ^ c[1] ^ k[0], lo1, hi0 ^ c[3] ^ k[1], lo0)
    }
}
