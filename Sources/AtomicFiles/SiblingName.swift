import Foundation
import Synchronization

/// The hidden names written beside a target while it is replaced:
/// `.<name>.<role>-<pid>-<serial>`, e.g. `.small.staging-4242-1`. The process id tells a
/// leftover of a dead process from one still being written.
struct SiblingName: Equatable {
    enum Role: String, CaseIterable {
        /// The new version, being written or waiting to be swapped in; after an exchange, the old one.
        case staging
        /// The old version, moved aside by the two-rename fallback.
        case retired
    }

    let target: String
    let role: Role
    let process: Int32
    let serial: Int

    private static let counter = Atomic<Int>(0)

    /// A fresh name for this process.
    static func fresh(for target: String, role: Role) -> SiblingName {
        SiblingName(
            target: target, role: role, process: getpid(),
            serial: counter.wrappingAdd(1, ordering: .relaxed).newValue)
    }

    var text: String { ".\(target).\(role.rawValue)-\(process)-\(serial)" }

    /// The same serial in another role (the retired copy of a staged one).
    func with(role: Role) -> SiblingName {
        SiblingName(target: target, role: role, process: process, serial: serial)
    }

    /// Parses a folder entry written by `text`, or nil for any other name.
    init?(parsing name: String) {
        guard name.hasPrefix("."), let dash = name.lastIndex(of: "-") else { return nil }
        let serialText = name[name.index(after: dash)...]
        let beforeSerial = name[..<dash]
        guard let serial = Int(serialText), let dash2 = beforeSerial.lastIndex(of: "-"),
            let process = Int32(beforeSerial[beforeSerial.index(after: dash2)...])
        else { return nil }
        let head = beforeSerial[beforeSerial.index(after: beforeSerial.startIndex)..<dash2]
        guard let dot = head.lastIndex(of: "."), let role = Role(rawValue: String(head[head.index(after: dot)...]))
        else { return nil }
        let target = String(head[..<dot])
        guard !target.isEmpty else { return nil }
        self.init(target: target, role: role, process: process, serial: serial)
    }

    init(target: String, role: Role, process: Int32, serial: Int) {
        self.target = target
        self.role = role
        self.process = process
        self.serial = serial
    }

    /// Whether the process that made this name is gone (so the name is a leftover).
    var ownerIsGone: Bool { kill(process, 0) != 0 && errno == ESRCH }
}
