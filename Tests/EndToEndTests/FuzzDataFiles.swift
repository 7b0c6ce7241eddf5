import Foundation
import Randomness

/// Damaged data files for `"data": {"name": "idx", ...}` (raw or gzip IDX) and for mnist-5k's
/// gzip CSV, as pure functions of (seed, case number).
enum FuzzDataFiles {
    static func word(_ value: UInt32) -> [UInt8] { (0..<4).map { UInt8(truncatingIfNeeded: value >> (24 - 8 * $0)) } }

    /// A healthy IDX pair: `count` images of 6x6 pixels, three classes.
    static func images(count: Int, offset: Int) -> [UInt8] {
        var bytes = word(0x803) + word(UInt32(count)) + word(6) + word(6)
        for index in 0..<count { bytes += (0..<36).map { UInt8(truncatingIfNeeded: ((index + offset) % 3) * 70 + $0) } }
        return bytes
    }

    static func labels(count: Int, offset: Int) -> [UInt8] {
        word(0x801) + word(UInt32(count)) + (0..<count).map { UInt8(($0 + offset) % 3) }
    }

    static let roles = ["train_images", "train_labels", "test_images", "test_labels"]

    static func healthy(_ role: String) -> [UInt8] {
        switch role {
        case "train_images": images(count: 60, offset: 0)
        case "train_labels": labels(count: 60, offset: 0)
        case "test_images": images(count: 30, offset: 1)
        default: labels(count: 30, offset: 1)
        }
    }

    /// A tiny training spec reading the IDX files named by role.
    static func spec(files: [String: String]) -> String {
        let paths = roles.map { "\"\($0)\": \"\(files[$0] ?? $0)\"" }.joined(separator: ", ")
        return spec(data: "{\"name\": \"idx\", \(paths)}")
    }

    /// A tiny training spec with this `data` member.
    static func spec(data: String) -> String {
        """
        {"id": "fuzz-data", "title": "t", "kind": "training", "seed": 2,
         "data": \(data),
         "network": {"depth": 1, "width": 8, "activation": "relu", "initializer": "he-normal"},
         "training": {"iterations": 20, "batch_size": 10, "optimizer": {"name": "sgd", "learning_rate": 0.05}, "probe_size": 10},
         "figures": [{"type": "loss", "size": "column"}]}
        """
    }

    /// gzip of `bytes` (Debian's gzip, no name or time stamp, so the bytes are reproducible).
    static func gzip(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-n", "-c"]
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        // Small files: the whole input fits the pipe buffer before the output is read.
        input.fileHandleForWriting.write(Data(bytes))
        try input.fileHandleForWriting.close()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }

    static func hostileWord(_ pick: inout RandomStream) -> UInt32 {
        let words: [UInt32] = [0, 1, 2, 5, 59, 61, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 4097, 65536]
        return words[pick.nextInt(below: words.count)]
    }

    /// Damages `bytes`; returns what was done.
    static func damage(_ bytes: inout [UInt8], header: Bool, pick: inout RandomStream) -> String {
        switch pick.nextInt(below: header ? 6 : 4) {
        case 0:
            let cut = pick.nextInt(below: bytes.count)
            let count = bytes.count
            bytes = Array(bytes.prefix(cut))
            return "truncated to \(cut) of \(count) bytes"
        case 1:
            let flips = 1 + pick.nextInt(below: 8)
            var at: [Int] = []
            for _ in 0..<flips {
                let index = pick.nextInt(below: bytes.count)
                bytes[index] ^= UInt8(1 << pick.nextInt(below: 8))
                at.append(index)
            }
            return "bits flipped at bytes \(at)"
        case 2:
            let extra = (0..<(1 + pick.nextInt(below: 64))).map { _ in UInt8(truncatingIfNeeded: pick.nextUInt32()) }
            bytes += extra
            return "\(extra.count) bytes appended"
        case 3:
            bytes = []
            return "emptied"
        case 4:
            let word = 1 + pick.nextInt(below: min(3, bytes.count / 4 - 1))
            let value = hostileWord(&pick)
            bytes.replaceSubrange((4 * word)..<(4 * word + 4), with: Self.word(value))
            return "header word \(word) set to \(value)"
        default:
            let value = UInt8(pick.nextInt(below: 256))
            bytes[2 + pick.nextInt(below: 2)] = value
            return "magic byte set to \(value)"
        }
    }

    /// Case `number`: the four files (one of them damaged, raw or gzip) and what was done.
    static func make(number: Int, seed: UInt64) throws -> (files: [String: [UInt8]], description: String) {
        var pick = RandomStream(seed: seed, path: "fuzz/data/case/\(number)")
        let target = roles[pick.nextInt(below: roles.count)]
        var files: [String: [UInt8]] = [:]
        var description = ""
        for role in roles {
            var bytes = healthy(role)
            let zipped = pick.nextInt(below: 2) == 0
            if role == target {
                // Damage the IDX before or after compression: the first tests the IDX checks,
                // the second gzip's CRC and length.
                if zipped && pick.nextInt(below: 2) == 0 {
                    if pick.nextInt(below: 4) == 0 {
                        // Valid: two members, which must be read as one stream.
                        let half = bytes.count / 2
                        bytes = try gzip(Array(bytes.prefix(half))) + gzip(Array(bytes.dropFirst(half)))
                        description = "\(role).gz: two gzip members (valid)"
                    } else {
                        bytes = try gzip(bytes)
                        description = "\(role).gz: " + damage(&bytes, header: false, pick: &pick)
                    }
                } else {
                    description = "\(role)\(zipped ? " (then gzip)" : ""): " + damage(&bytes, header: true, pick: &pick)
                    if zipped { bytes = try gzip(bytes) }
                }
            } else if zipped {
                bytes = try gzip(bytes)
            }
            files[role + (zipped ? ".gz" : "")] = bytes
        }
        return (files, description)
    }

    /// mnist-5k's CSV: the real file (from the data cache) damaged, in its own data folder.
    static func damagedCSV(number: Int, seed: UInt64, original: [UInt8]) -> ([UInt8], String) {
        var pick = RandomStream(seed: seed, path: "fuzz/csv/case/\(number)")
        var bytes = original
        let what = damage(&bytes, header: false, pick: &pick)
        return (bytes, "mnist_5k.csv.gz: \(what)")
    }
}
