import CCairo
import CZlib
import Foundation
import Plotting

/// What a rendered figure actually holds: the PNG decoded back to pixels (by Cairo's libpng
/// reader), and the colours the PDF's content streams and the SVG paint with.
enum RenderedOutput {
    /// Pixel counts of a decoded PNG.
    struct Pixels {
        let width: Int
        let height: Int
        /// Pixels that are not pure white.
        let nonWhite: Int
        /// Pixels with a clear hue (channels differ by more than 40 of 255): data drawn in a
        /// series or colour-map colour, never axes, ticks or text (ink and grey).
        let chromatic: Int
        /// How many pixels have each exact colour (0xRRGGBB).
        let histogram: [UInt32: Int]

        /// Pixels within `tolerance` (per channel, of 255) of `color`.
        func count(near color: Color, tolerance: Int = 6) -> Int {
            let target = RenderedOutput.bytes(color)
            return histogram.reduce(0) { total, entry in
                let red = Int(entry.key >> 16 & 0xff)
                let green = Int(entry.key >> 8 & 0xff)
                let blue = Int(entry.key & 0xff)
                let close =
                    abs(red - target.0) <= tolerance && abs(green - target.1) <= tolerance
                    && abs(blue - target.2) <= tolerance
                return close ? total + entry.value : total
            }
        }
    }

    struct DecodingError: Error, CustomStringConvertible {
        let description: String
    }

    static func bytes(_ color: Color) -> (Int, Int, Int) {
        (Int((color.red * 255).rounded()), Int((color.green * 255).rounded()), Int((color.blue * 255).rounded()))
    }

    /// Decodes PNG bytes with Cairo and counts the pixels.
    static func pixels(ofPNG png: Data) throws -> Pixels {
        let source = PNGSource(bytes: [UInt8](png))
        let read: cairo_read_func_t = { closure, buffer, length in
            guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
            let source = Unmanaged<PNGSource>.fromOpaque(closure).takeUnretainedValue()
            let count = Int(length)
            guard source.offset + count <= source.bytes.count else { return CAIRO_STATUS_READ_ERROR }
            source.bytes.withUnsafeBufferPointer { bytes in
                buffer.update(from: bytes.baseAddress! + source.offset, count: count)
            }
            source.offset += count
            return CAIRO_STATUS_SUCCESS
        }
        guard
            let surface = cairo_image_surface_create_from_png_stream(read, Unmanaged.passUnretained(source).toOpaque())
        else { throw DecodingError(description: "Cairo returned no surface") }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else {
            throw DecodingError(description: "not a readable PNG (Cairo status \(cairo_surface_status(surface)))")
        }
        let format = cairo_image_surface_get_format(surface)
        guard format == CAIRO_FORMAT_RGB24 || format == CAIRO_FORMAT_ARGB32 else {
            throw DecodingError(description: "unexpected pixel format \(format)")
        }
        let width = Int(cairo_image_surface_get_width(surface))
        let height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface))
        guard let data = cairo_image_surface_get_data(surface) else {
            throw DecodingError(description: "no pixel data")
        }
        var histogram: [UInt32: Int] = [:]
        for row in 0..<height {
            // Native-endian 0xAARRGGBB words; the figures are opaque, so only RGB matters.
            let line = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
            var run: UInt32 = line[0] & 0xff_ffff
            var length = 0
            for column in 0..<width {
                let pixel = line[column] & 0xff_ffff
                if pixel == run {
                    length += 1
                } else {
                    histogram[run, default: 0] += length
                    run = pixel
                    length = 1
                }
            }
            histogram[run, default: 0] += length
        }
        var nonWhite = 0
        var chromatic = 0
        for (pixel, count) in histogram where pixel != 0xff_ffff {
            nonWhite += count
            let channels = [Int(pixel >> 16 & 0xff), Int(pixel >> 8 & 0xff), Int(pixel & 0xff)]
            if channels.max()! - channels.min()! > 40 { chromatic += count }
        }
        return Pixels(width: width, height: height, nonWhite: nonWhite, chromatic: chromatic, histogram: histogram)
    }

    private final class PNGSource {
        let bytes: [UInt8]
        var offset = 0
        init(bytes: [UInt8]) { self.bytes = bytes }
    }

    /// The page size of a one-page PDF in points, from its MediaBox.
    static func pdfPageSize(_ pdf: Data) -> (width: Double, height: Double)? {
        let text = String(decoding: pdf, as: UTF8.self)
        guard let match = text.firstMatch(of: /\/MediaBox\s*\[\s*0\s+0\s+([0-9.]+)\s+([0-9.]+)\s*\]/),
            let width = Double(match.1), let height = Double(match.2)
        else { return nil }
        return (width, height)
    }

    /// The drawing operators of a PDF: every content stream and form (inflated when Flate
    /// compressed), fonts and images left out.
    static func pdfContent(_ pdf: Data) throws -> String {
        // Latin-1 maps each byte to one scalar, so the text can be searched and cut byte for byte.
        guard let text = String(data: pdf, encoding: .isoLatin1) else {
            throw DecodingError(description: "not a byte string")
        }
        var content = ""
        var position = text.startIndex
        while let keyword = text.range(of: "stream", range: position..<text.endIndex) {
            position = keyword.upperBound
            guard let object = text.range(of: " obj", options: .backwards, range: text.startIndex..<keyword.lowerBound)
            else { continue }
            let dictionary = text[object.upperBound..<keyword.lowerBound]
            guard dictionary.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix(">>"),
                let end = text.range(of: "endstream", range: keyword.upperBound..<text.endIndex)
            else { continue }
            position = end.upperBound
            if dictionary.contains("/Length1") || dictionary.contains("/Image") || dictionary.contains("/FontFile")
                || dictionary.contains("/Type1C") || dictionary.contains("/CIDFontType0C")
            {
                continue
            }
            var body = Array(text[keyword.upperBound..<end.lowerBound].unicodeScalars.map { UInt8($0.value) })
            // The data starts after the end of line that follows the keyword.
            if body.first == 0x0d { body.removeFirst() }
            if body.first == 0x0a { body.removeFirst() }
            content +=
                dictionary.contains("/FlateDecode")
                ? String(decoding: try inflate(body), as: UTF8.self) : String(decoding: body, as: UTF8.self)
            content += "\n"
        }
        return content
    }

    /// The stroke and fill colours a PDF's content sets (`r g b RG` and `r g b rg`).
    static func pdfColors(_ content: String) -> [Color] {
        content.matches(of: /(?m)(?:^|\s)([0-9.]+) ([0-9.]+) ([0-9.]+) (?:RG|rg)(?=\s|$)/).compactMap { match in
            guard let red = Double(match.1), let green = Double(match.2), let blue = Double(match.3) else {
                return nil
            }
            return Color(red: red, green: green, blue: blue)
        }
    }

    /// The colours an SVG paints with (`rgb(r%, g%, b%)`, with or without spaces).
    static func svgColors(_ svg: Data) -> [Color] {
        String(decoding: svg, as: UTF8.self).matches(of: /rgb\(\s*([0-9.]+)%,\s*([0-9.]+)%,\s*([0-9.]+)%\)/)
            .compactMap { match in
                guard let red = Double(match.1), let green = Double(match.2), let blue = Double(match.3) else {
                    return nil
                }
                return Color(red: red / 100, green: green / 100, blue: blue / 100)
            }
    }

    /// Whether `colors` holds one within 1.5/255 of `color` per channel.
    static func contains(_ colors: [Color], _ color: Color) -> Bool {
        colors.contains {
            abs($0.red - color.red) < 1.5 / 255 && abs($0.green - color.green) < 1.5 / 255
                && abs($0.blue - color.blue) < 1.5 / 255
        }
    }

    /// zlib inflation of one FlateDecode stream.
    static func inflate(_ compressed: [UInt8]) throws -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw DecodingError(description: "zlib could not start")
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var status: Int32 = Z_OK
        var input = compressed
        input.withUnsafeMutableBufferPointer { input in
            stream.next_in = input.baseAddress
            stream.avail_in = uInt(input.count)
            while status == Z_OK {
                chunk.withUnsafeMutableBufferPointer { chunk in
                    stream.next_out = chunk.baseAddress
                    stream.avail_out = uInt(chunk.count)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    output += chunk.prefix(chunk.count - Int(stream.avail_out))
                }
            }
        }
        guard status == Z_STREAM_END else { throw DecodingError(description: "corrupt Flate stream (\(status))") }
        return output
    }
}
