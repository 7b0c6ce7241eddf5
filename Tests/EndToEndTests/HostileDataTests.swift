import Foundation
import Testing

/// `initlab run` on training specs whose IDX files are hostile: a gzip bomb, a header whose size
/// overflows, /dev/zero, a FIFO, a folder and an unreadable file. Each run is held to 256 MiB of
/// address space (a healthy run of a small spec needs far less; the bomb alone inflates to about
/// 1 GB) and killed after 20 seconds, and must end with a one-line error naming the file, a
/// non-zero status, and no report.
@Suite struct HostileDataTests {
    static let addressSpaceLimit = 256 << 20
    static let timeoutSeconds = 20

    static func spec(images: String, labels: String) -> String {
        """
        {"id": "hostile", "title": "t", "kind": "training", "seed": 2,
         "data": {"name": "idx", "train_images": "\(images)", "train_labels": "\(labels)"},
         "network": {"depth": 1, "width": 8, "activation": "relu", "initializer": "he-normal"},
         "training": {"iterations": 20, "batch_size": 10, "optimizer": {"name": "sgd", "learning_rate": 0.05}, "probe_size": 10},
         "figures": [{"type": "loss", "size": "column"}]}
        """
    }

    static func word(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }

    static func labels(_ values: [UInt8]) -> Data { Data(word(0x801) + word(UInt32(values.count)) + values) }

    /// A gzip member whose deflate stream is the IDX header of one 28x28 image, then zero bytes
    /// without end (length-258 copies at distance 1 in fixed Huffman codes, 13 bits each: about
    /// 160:1), cut off at `size` bytes: gunzip inflates it to about 160 x `size` bytes and only
    /// then finds it truncated.
    static func bomb(size: Int) -> Data {
        var bits = BitWriter()
        bits.write(0, count: 1)  // BFINAL: not the last block
        bits.write(1, count: 2)  // BTYPE: fixed Huffman codes
        for byte in word(0x803) + word(1) + word(28) + word(28) + [0] { bits.literal(byte) }
        while bits.pending != 0 { bits.copyPreviousByte258Times() }
        var period = BitWriter()
        for _ in 0..<8 { period.copyPreviousByte258Times() }  // 8 x 13 bits: 13 whole bytes
        var bytes: [UInt8] = [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff] + bits.bytes
        // The 13-byte period doubled, then as many whole periods as still fit (fast in debug builds).
        var body = period.bytes
        while bytes.count + 2 * body.count <= size { body += body }
        bytes += body
        bytes += body.prefix((size - bytes.count) / period.bytes.count * period.bytes.count)
        return Data(bytes)
    }

    /// Deflate's bit order: fields least significant bit first, Huffman codes most significant first.
    struct BitWriter {
        var bytes: [UInt8] = []
        var buffer: UInt32 = 0
        var pending = 0

        mutating func write(_ value: UInt32, count: Int) {
            buffer |= value << pending
            pending += count
            while pending >= 8 {
                bytes.append(UInt8(truncatingIfNeeded: buffer))
                buffer >>= 8
                pending -= 8
            }
        }

        mutating func code(_ code: UInt32, length: Int) {
            write((0..<length).reduce(0) { $0 | ((code >> $1) & 1) << (length - 1 - $1) }, count: length)
        }

        /// Fixed Huffman literal codes (RFC 1951, 3.2.6).
        mutating func literal(_ byte: UInt8) {
            if byte < 144 { code(0x30 + UInt32(byte), length: 8) } else { code(0x190 + UInt32(byte) - 144, length: 9) }
        }

        /// Length 258 (symbol 285, code 11000101) at distance 1 (distance code 0, five bits).
        mutating func copyPreviousByte258Times() {
            code(0xc5, length: 8)
            code(0, length: 5)
        }
    }

    struct Outcome {
        let status: Int32
        let stderr: String
        let seconds: Double
    }

    /// Runs `initlab run hostile.json` under the address-space limit and the timeout; `dropFileAccessOverride`
    /// takes away root's right to read any file, so that a file without read permission is unreadable
    /// to the test even when it runs as root.
    static func run(in workspace: Workspace, dropFileAccessOverride: Bool = false) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        var arguments = ["--signal=KILL", "\(timeoutSeconds)", "/usr/bin/prlimit", "--as=\(addressSpaceLimit)", "--"]
        if dropFileAccessOverride && getuid() == 0 {
            arguments += ["/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
        }
        process.arguments = arguments + [CLI.binary.path, "run", "hostile.json", "--out", "Reports", "--quiet"]
        process.currentDirectoryURL = workspace.url
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        let start = Date()
        try process.run()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stderr: String(decoding: errData, as: UTF8.self),
            seconds: Date().timeIntervalSince(start))
    }

    static let tools = ["/usr/bin/timeout", "/usr/bin/prlimit", "/usr/bin/setpriv"].allSatisfy {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    /// Each case: how to make the hostile training images, the path the spec names, and what the
    /// message must say.
    enum Hostile: String, CaseIterable, CustomStringConvertible {
        case bomb, hugeHeader, deviceZero, fifo, folder, unreadable

        var description: String { rawValue }

        func make(in workspace: Workspace) throws -> String {
            let url = workspace.url.appendingPathComponent("\(rawValue)-images")
            switch self {
            case .bomb:
                try HostileDataTests.bomb(size: 6 << 20).write(to: url)
            case .hugeHeader:
                try Data(word(0x803) + word(1) + word(0xFFFF_FFFF) + word(0xFFFF_FFFF)).write(to: url)
            case .deviceZero:
                return "/dev/zero"
            case .fifo:
                guard mkfifo(url.path, 0o644) == 0 else { throw CocoaError(.fileWriteUnknown) }
            case .folder:
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: false)
            case .unreadable:
                try Data(word(0x803) + word(1) + word(2) + word(2) + [1, 2, 3, 4]).write(to: url)
                try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
            }
            return url.lastPathComponent
        }

        var cause: String {
            switch self {
            case .bomb: "more data than its header promises"
            case .hugeHeader: "4294967295x4294967295"
            case .deviceZero: "not a regular file (a character device)"
            case .fifo: "not a regular file (a FIFO)"
            case .folder: "not a regular file (a directory)"
            case .unreadable: "permission denied"
            }
        }
    }

    @Test(.enabled(if: tools, "timeout, prlimit or setpriv is missing"), arguments: Hostile.allCases)
    func hostileFileIsAOneLineErrorWithinLimits(_ hostile: Hostile) throws {
        let workspace = try Workspace()
        let images = try hostile.make(in: workspace)
        try Self.labels([3]).write(to: workspace.url.appendingPathComponent("labels"))
        try workspace.write("hostile.json", Self.spec(images: images, labels: "labels"))
        let outcome = try Self.run(in: workspace, dropFileAccessOverride: hostile == .unreadable)
        #expect(
            outcome.status == 1, "\(hostile): status \(outcome.status) after \(outcome.seconds) s: \(outcome.stderr)")
        let lines = outcome.stderr.split(separator: "\n")
        #expect(lines.count == 1, "\(hostile): \(outcome.stderr)")
        #expect(outcome.stderr.hasPrefix("initlab: hostile.json: "), "\(hostile): \(outcome.stderr)")
        #expect(outcome.stderr.contains(images), "\(hostile): the message does not name \(images): \(outcome.stderr)")
        #expect(outcome.stderr.contains(hostile.cause), "\(hostile): \(outcome.stderr)")
        #expect(workspace.files(under: "Reports").isEmpty, "\(hostile): \(workspace.files(under: "Reports"))")
    }

    /// The control: a healthy IDX pair runs to a report under the same limits.
    @Test(.enabled(if: tools, "timeout, prlimit or setpriv is missing"))
    func healthyFilesRunWithinTheSameLimits() throws {
        let workspace = try Workspace()
        let count = 60
        var images = Self.word(0x803) + Self.word(UInt32(count)) + Self.word(4) + Self.word(4)
        for index in 0..<count { images += (0..<16).map { UInt8((index % 3) * 80 + $0) } }
        try Data(images).write(to: workspace.url.appendingPathComponent("images"))
        try Self.labels((0..<count).map { UInt8($0 % 3) }).write(to: workspace.url.appendingPathComponent("labels"))
        try workspace.write("hostile.json", Self.spec(images: "images", labels: "labels"))
        let outcome = try Self.run(in: workspace)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(workspace.exists("Reports/hostile/results.json"))
    }
}
