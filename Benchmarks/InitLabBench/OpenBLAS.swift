import Foundation

/// OpenBLAS's `cblas_sgemm`, loaded at run time so that only the benchmark needs the library
/// (Debian's libopenblas-dev, installed by `make bench`). One thread unless `setThreads` says more.
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
    /// The kernel family OpenBLAS chose for this CPU ("SkylakeX", "Haswell", ...).
    let coreName: String
    private let setThreadCount: SetThreads?

    init?() {
        let candidates = [
            "/usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0", "libopenblas.so.0", "libopenblas.so",
        ]
        guard let handle = candidates.lazy.compactMap({ dlopen($0, RTLD_NOW) }).first,
            let sgemm = dlsym(handle, "cblas_sgemm")
        else { return nil }
        self.sgemm = unsafeBitCast(sgemm, to: SGEMM.self)
        setThreadCount = dlsym(handle, "openblas_set_num_threads").map { unsafeBitCast($0, to: SetThreads.self) }
        setThreadCount?(1)
        if let config = dlsym(handle, "openblas_get_config"), let text = unsafeBitCast(config, to: Config.self)() {
            configuration = String(cString: text)
        } else {
            configuration = "unknown"
        }
        if let name = dlsym(handle, "openblas_get_corename"), let text = unsafeBitCast(name, to: Config.self)() {
            coreName = String(cString: text)
        } else {
            coreName = "unknown"
        }
    }

    /// The threads each sgemm may use.
    func setThreads(_ count: Int) { setThreadCount?(Int32(count)) }

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
