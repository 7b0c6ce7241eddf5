import Datasets
import Foundation
import Testing

/// gzip'd IDX files: inflated as a stream, never past what the IDX header promises.
@Suite struct GzipTests {
    typealias IDX = IDXReaderTests

    static func failure(images: [UInt8], labels: [UInt8]) throws -> DatasetError? {
        guard case .failure(let error) = try IDX.read(images: images, labels: labels) else { return nil }
        return error
    }

    /// gunzip, when it is installed, inflates the hand-made members to their content.
    static func gunzip(_ bytes: [UInt8]) throws -> [UInt8]? { try gzip(["-dc"], bytes) }

    /// `gzip arguments` on `bytes`, or nil when gzip is not installed or fails.
    static func gzip(_ arguments: [String], _ bytes: [UInt8]) throws -> [UInt8]? {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/gzip") else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/gzip")
        process.arguments = arguments
        let input = Pipe()
        let output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let writer = Thread {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return process.terminationStatus == 0 ? [UInt8](result) : nil
    }

    @Test func fixtureAgreesWithOutsideReferences() throws {
        #expect(GzipFixture.crc32(Array("123456789".utf8)) == 0xCBF4_3926)
        let content = IDX.images(count: 40) + Array(repeating: 7, count: 70000)
        for coding in [GzipFixture.Coding.stored, .fixedHuffman] {
            if let inflated = try Self.gunzip(GzipFixture.member(content, coding: coding)) {
                #expect(inflated == content, "\(coding)")
            }
        }
    }

    @Test func gzipFilesLoadLikeRawOnes() throws {
        let images = IDX.images(count: 300, rows: 5, columns: 7)
        let labels = IDX.labels((0..<300).map { UInt8($0 % 10) })
        let raw = try IDX.read(images: images, labels: labels).get()
        for coding in [GzipFixture.Coding.stored, .fixedHuffman] {
            let inflated = try IDX.read(
                images: GzipFixture.member(images, coding: coding), labels: GzipFixture.member(labels, coding: coding)
            ).get()
            #expect(inflated == raw)
        }
    }

    /// 6 MB that inflate to about 1 GB behind a header promising one image: inflating stops after
    /// the 16 + 784 bytes promised, at the first byte past them.
    @Test func bombStopsWhereTheHeaderSaysTheDataEnds() throws {
        let bomb = GzipFixture.bomb(IDX.header([0x803, 1, 28, 28]), size: 6 << 20)
        let error = try #require(try Self.failure(images: bomb, labels: IDX.labels([3])))
        #expect(error.operation == .inflate && error.file?.hasSuffix("/images") == true)
        #expect(
            error.description.hasSuffix(
                "images: more data than its header promises (16 + 784 bytes); inflating stopped there"),
            "\(error)")
    }

    @Test func validGzipWithBytesAfterThePromisedDataIsAnError() throws {
        let error = try #require(
            try Self.failure(images: GzipFixture.member(IDX.images(count: 2) + [0, 0]), labels: IDX.labels([1, 2])))
        #expect(
            error.description.hasSuffix("more data than its header promises (16 + 12 bytes); inflating stopped there"))
        let labels = try #require(
            try Self.failure(images: IDX.images(count: 2), labels: GzipFixture.member(IDX.labels([1, 2]) + [1])))
        #expect(
            labels.description.hasSuffix(
                "labels: more data than its header promises (8 + 2 bytes); inflating stopped there"))
    }

    /// A header that promises more than deflate can inflate from the file is refused before inflating.
    @Test func headerPromisingMoreThanTheFileCanHoldIsRefused() throws {
        let images = GzipFixture.member(IDX.header([0x803, 60000, 28, 28]) + [1, 2, 3])
        let error = try #require(
            try Self.failure(images: images, labels: IDX.header([0x801, 60000]) + [UInt8](repeating: 1, count: 60000)))
        #expect(
            error.description.hasSuffix(
                "images: truncated: the header promises 47040000 data bytes, but a gzip file of \(images.count) bytes "
                    + "inflates to at most \(images.count * 1032) bytes"), "\(error)")
    }

    @Test func truncatedGzipIsAnErrorWhereverItIsCut() throws {
        let images = GzipFixture.member(IDX.images(count: 3))
        for length in 0..<images.count {
            let error = try #require(
                try Self.failure(images: Array(images.prefix(length)), labels: IDX.labels([1, 2, 3])), "\(length)")
            let expected =
                switch length {
                case 0: "truncated header: expected 16 bytes, found 0"
                case 1: "truncated header: expected 16 bytes, found 1"  // one byte is not the gzip magic
                default: "the gzip stream is truncated"
                }
            #expect(error.description.contains(expected), "\(length): \(error)")
        }
    }

    /// `cat a.gz b.gz` is valid gzip (RFC 1952, 2.2) and gunzip reads it as one stream: split the
    /// files anywhere, even inside the header, with empty members too.
    @Test func multiMemberFilesAreOneStream() throws {
        let images = IDX.images(count: 5)
        let labels = IDX.labels([1, 2, 3, 4, 5])
        let raw = try IDX.read(images: images, labels: labels).get()
        for cut in [0, 3, 16, 20, images.count] {
            let split =
                GzipFixture.member(Array(images.prefix(cut)))
                + GzipFixture.member(Array(images.dropFirst(cut)), coding: .stored) + GzipFixture.member([])
            if let inflated = try Self.gunzip(split) { #expect(inflated == images, "gunzip, cut at \(cut)") }
            let labelsSplit =
                GzipFixture.member(Array(labels.prefix(cut / 2))) + GzipFixture.member(Array(labels.dropFirst(cut / 2)))
            #expect(try IDX.read(images: split, labels: labelsSplit).get() == raw, "cut at \(cut)")
        }
        // Members that gzip itself compressed (dynamic Huffman codes).
        let large = IDX.images(count: 200, rows: 8, columns: 8)
        let largeLabels = IDX.labels((0..<200).map { UInt8($0 % 7) })
        if let first = try Self.gzip(["-c", "-9"], Array(large.prefix(5000))),
            let second = try Self.gzip(["-c", "-1"], Array(large.dropFirst(5000)))
        {
            #expect(
                try IDX.read(images: first + second, labels: largeLabels).get()
                    == IDX.read(images: large, labels: largeLabels).get())
        }
    }

    @Test func everyMembersTrailerIsChecked() throws {
        let images = IDX.images(count: 5)
        let first = GzipFixture.member(Array(images.prefix(20)))
        let second = GzipFixture.member(Array(images.dropFirst(20)))
        let labels = IDX.labels([1, 2, 3, 4, 5])
        func message(_ file: [UInt8]) throws -> String {
            try #require(try Self.failure(images: file, labels: labels)).description
        }
        var crc = second
        crc[crc.count - 6] ^= 0x01
        #expect(
            try message(first + crc).hasSuffix("images: gzip member 2 fails its CRC-32 check (incorrect data check)"))
        var size = second
        size[size.count - 2] ^= 0x01
        #expect(
            try message(first + size).hasSuffix("images: gzip member 2 fails its length check (incorrect length check)")
        )
        var firstCRC = first
        firstCRC[firstCRC.count - 8] ^= 0x80
        #expect(
            try message(firstCRC + second).hasSuffix(
                "images: gzip member 1 fails its CRC-32 check (incorrect data check)"))
        #expect(
            try message(first + Array(second.dropLast(3))).hasSuffix(
                "images: the gzip stream is truncated: the file ends inside member 2, after \(first.count + second.count - 3) bytes"
            ))
        #expect(
            try message(first + second + [0, 1]).hasSuffix(
                "images: the 2 bytes after gzip member 2 are not a gzip member (incorrect header check)"))
        #expect(
            try message(first + second + [0x1f, 0x8b, 9, 0]).hasSuffix(
                "images: the 4 bytes after gzip member 2 are not a gzip member (unknown compression method)"))
    }
}
