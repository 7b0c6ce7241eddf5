/// The sizes past which data files are refused, so that no file, however it was made, takes more
/// of the machine (2 cores, 24 GiB) than a real data set would.
///
/// The largest real IDX data set is EMNIST ByClass: 697,932 training images of 28x28 pixels, 547 MB
/// (MNIST, Fashion-MNIST and KMNIST are 47 MB). Loading holds each pixel as a byte and then as a
/// Float feature, 5 bytes in all, plus a subset's copy. At the ceiling of 1 GiB per IDX file, a
/// training and a test file make 2 GiB of pixels, 8 GiB of features and at most 2 GiB of copies:
/// 12 GiB, which leaves half of the machine to training. Twice the largest real data set still loads.
public enum DataLimits {
    /// The most bytes one IDX file may hold once inflated, header included: 1 GiB.
    public static let idxBytes = 1 << 30
    /// The most pixels in one image: 4096 x 4096.
    public static let pixelsPerImage = 1 << 24
    /// The largest data file on disk: an IDX file at the ceiling, gzip-compressed when it does not
    /// compress (stored blocks add 5 bytes per 64 KiB), with room for member headers: 1 GiB + 16 MiB.
    public static let fileBytes = idxBytes + (16 << 20)
    /// Deflate's largest expansion: one compressed byte inflates to at most 1032 bytes (two 1-bit
    /// codes per copy of 258 bytes), so a gzip file of n bytes holds at most 1032 n bytes.
    public static let deflateRatio = 1032
    /// The mnist-5k CSV inflated: 5000 rows of at most 784 x 4 + 3 characters ("255," per pixel,
    /// then the label and CR LF) is 15.7 MB; 16 MiB.
    public static let mnist5kCSVBytes = 16 << 20
}
