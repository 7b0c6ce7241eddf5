import Foundation
import Plotting
import Testing

@Suite struct ColormapTests {
    static func hex(_ color: Color) -> String {
        let bytes = [color.red, color.green, color.blue].map { Int(($0 * 255).rounded()) }
        return bytes.map { String(format: "%02x", $0) }.joined()
    }

    /// matplotlib: viridis(0) = #440154, viridis(1) = #fde725, viridis(0.5) = #21918c.
    @Test func viridisMatchesMatplotlib() {
        #expect(Self.hex(Colormap.viridis.color(at: 0)) == "440154")
        #expect(Self.hex(Colormap.viridis.color(at: 1)) == "fde725")
        #expect(Self.hex(Colormap.viridis.color(at: 128.0 / 255)) == "21918c")
    }

    @Test func cividisAndDivergingEnds() {
        #expect(Self.hex(Colormap.cividis.color(at: 0)) == "00224e")
        #expect(Self.hex(Colormap.diverging.color(at: 0.5)) == "f7f7f7")
        #expect(Colormap.diverging.color(at: 0).blue > Colormap.diverging.color(at: 0).red)
    }
}
