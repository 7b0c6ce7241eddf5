import CCairo
import Foundation
import Hashing

/// An owned Cairo surface: an image in memory, or a PDF or SVG document streamed into memory.
final class CairoSurface {
    let handle: OpaquePointer
    /// Receives the bytes of PDF and SVG documents (kept alive as long as the surface).
    private let sink: ByteSink?

    private init(handle: OpaquePointer, sink: ByteSink?) throws(PlottingError) {
        guard cairo_surface_status(handle) == CAIRO_STATUS_SUCCESS else {
            cairo_surface_destroy(handle)
            throw PlottingError("Cairo could not create a surface")
        }
        self.handle = handle
        self.sink = sink
    }

    deinit { cairo_surface_destroy(handle) }

    /// An opaque 24-bit image of the given pixel size.
    static func image(width: Int, height: Int) throws(PlottingError) -> CairoSurface {
        guard let handle = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width), Int32(height)) else {
            throw PlottingError("Cairo could not create a \(width)x\(height) image")
        }
        return try CairoSurface(handle: handle, sink: nil)
    }

    /// A one-page PDF of the given size in points, with fixed metadata so two renderings of the
    /// same figure are byte-identical (no creation time).
    static func pdf(width: Double, height: Double, title: String) throws(PlottingError) -> CairoSurface {
        let sink = ByteSink()
        guard
            let handle = cairo_pdf_surface_create_for_stream(
                ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        else {
            throw PlottingError("Cairo could not create a PDF surface")
        }
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z")
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_TITLE, title)
        cairo_pdf_surface_set_metadata(handle, CAIRO_PDF_METADATA_CREATOR, "InitLab")
        return try CairoSurface(handle: handle, sink: sink)
    }

    /// An SVG 1.1 document of the given size in points.
    static func svg(width: Double, height: Double) throws(PlottingError) -> CairoSurface {
        let sink = ByteSink()
        guard
            let handle = cairo_svg_surface_create_for_stream(
                ByteSink.write, Unmanaged.passUnretained(sink).toOpaque(), width, height)
        else {
            throw PlottingError("Cairo could not create an SVG surface")
        }
        cairo_svg_surface_restrict_to_version(handle, CAIRO_SVG_VERSION_1_1)
        return try CairoSurface(handle: handle, sink: sink)
    }

    /// Ends a PDF or SVG document and returns its bytes.
    func finishDocument() throws(PlottingError) -> Data {
        cairo_surface_finish(handle)
        guard cairo_surface_status(handle) == CAIRO_STATUS_SUCCESS, let sink else {
            throw PlottingError("Cairo failed to write the document")
        }
        return sink.data
    }

    /// The image encoded as PNG.
    func pngData() throws(PlottingError) -> Data {
        cairo_surface_flush(handle)
        let sink = ByteSink()
        let status = cairo_surface_write_to_png_stream(
            handle, ByteSink.write, Unmanaged.passUnretained(sink).toOpaque())
        guard status == CAIRO_STATUS_SUCCESS else { throw PlottingError("Cairo failed to encode PNG") }
        return sink.data
    }

    /// SHA-256 over width, height, stride and the raw pixel bytes: independent of PNG encoders.
    func pixelDigest() -> String {
        cairo_surface_flush(handle)
        let width = cairo_image_surface_get_width(handle)
        let height = cairo_image_surface_get_height(handle)
        let stride = cairo_image_surface_get_stride(handle)
        let hasher = SHA256()
        hasher.update("\(width)x\(height)/\(stride)\n")
        if let pixels = cairo_image_surface_get_data(handle) {
            // RGB24 leaves the top byte of each pixel unspecified: hash only the colour bytes.
            for row in 0..<Int(height) {
                var bytes = [UInt8]()
                bytes.reserveCapacity(Int(width) * 3)
                let line = pixels + row * Int(stride)
                for column in 0..<Int(width) {
                    let pixel = line + column * 4
                    bytes.append(pixel[0])
                    bytes.append(pixel[1])
                    bytes.append(pixel[2])
                }
                hasher.update(bytes)
            }
        }
        return hasher.finalize().hex
    }
}

/// Collects bytes written by Cairo's stream callbacks.
final class ByteSink {
    var data = Data()

    /// A C callback: `closure` is an unretained `ByteSink`.
    static let write: cairo_write_func_t = { closure, bytes, length in
        guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
        let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
        sink.data.append(bytes, count: Int(length))
        return CAIRO_STATUS_SUCCESS
    }
}
