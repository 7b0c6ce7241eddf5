import Foundation

/// OpenBLAS's `cblas_sgemm`, loaded at run time so that only the benchmark needs the library
/// (Debian's libopenblas-dev, installed by `make bench`). Pinned to one thread.
struct OpenBLAS {
    typealias SGEMM =
        @convention(c) (
            Int32, Int32, Int32, Int32, Int32, Int32, Float, UnsafePointer<Float>, Int32,
            UnsafePointer<Float>, Int32, Float, UnsafeMutablePointer<Float>, Int32
        ) -> Void
    typealias SetThreads = @convention(c) (Int32) -> Void
    typealias Config = @convention(c) () -> UnsafePointer<CChar>?

    let sgemm: SGEMM
    let configuration: String

    init?() {
        let candidates = [
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0", "libopenblas.so.0", "libopenblas.so",
        ]
        guard let handle = candidates.lazy.compactMap({ dlopen($0, RTLD_NOW) }).first,
            let sgemm = dlsym(handle, "cblas_sgemm")
        else { return nil }
        self.sgemm = unsafeBitCast(sgemm, to: SGEMM.self)
        if let setThreads = dlsym(handle, "openblas_set_num_threads") {
            unsafeBitCast(setThreads, to: SetThreads.self)(1)
        }
        if let config = dlsym(handle, "openblas_get_config"), let text = unsafeBitCast(config, to: Config.self)() {
            configuration = String(cString: text)
        } else {
            configuration = "unknown"
        }
    }

    /// C = op(A) op(B), row-major (CblasRowMajor = 101, NoTrans = 111, Trans = 112).
    func multiply(
        m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int, transposeA: Bool, b: UnsafePointer<Float>, ldb: Int,
        transposeB: Bool, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        sgemm(
            101, transposeA ? 112 : 111, transposeB ? 112 : 111, Int32(m), Int32(n), Int32(k), 1, a, Int32(lda), b,
            Int32(ldb), 0, c, Int32(ldc))
    }
}
