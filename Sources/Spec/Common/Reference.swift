/// A work an experiment reproduces or relies on.
public struct Reference: Hashable, Sendable {
    public let key: String
    public let authors: String
    public let title: String
    public let venue: String
    public let year: Int
    public let url: String?

    public init(key: String, authors: String, title: String, venue: String, year: Int, url: String? = nil) {
        self.key = key
        self.authors = authors
        self.title = title
        self.venue = venue
        self.year = year
        self.url = url
    }

    /// "Authors (year). Title. Venue." for the report's reference list.
    public var citation: String { "\(authors) (\(year)). \(title). \(venue)." }
}
