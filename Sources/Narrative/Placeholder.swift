/// Private-use characters that stand for pieces while Ink runs.
enum Placeholder {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"
    /// The author's '<' and '&': Ink never sees them, so it can neither pass raw HTML through
    /// nor take an entity for markup.
    static let lessThan: Character = "\u{E002}"
    static let ampersand: Character = "\u{E003}"
    static let reserved: ClosedRange<UInt32> = 0xE000...0xE003

    static func token(_ index: Int) -> String { "\(open)\(index)\(close)" }
}
