import Randomness
import Testing

/// Random123 `tests/kat_vectors`, the three `philox4x32 10` lines (counter, key, result).
@Suite struct Philox4x32Tests {
    @Test func allZeros() {
        let out = Philox4x32.block(counter: SIMD4(0, 0, 0, 0), key: SIMD2(0, 0))
        #expect(out == SIMD4(0x6627_e8d5, 0xe169_c58d, 0xbc57_ac4c, 0x9b00_dbd8))
    }

    @Test func allOnes() {
        let max = UInt32.max
        let out = Philox4x32.block(counter: SIMD4(max, max, max, max), key: SIMD2(max, max))
        #expect(out == SIMD4(0x408f_276d, 0x41c8_3b0e, 0xa20b_c7c6, 0x6d54_51fd))
    }

    @Test func digitsOfPi() {
        let out = Philox4x32.block(
            counter: SIMD4(0x243f_6a88, 0x85a3_08d3, 0x1319_8a2e, 0x0370_7344), key: SIMD2(0xa409_3822, 0x299f_31d0))
        #expect(out == SIMD4(0xd16c_fe09, 0x94fd_cceb, 0x5001_e420, 0x2412_6ea1))
    }
}
