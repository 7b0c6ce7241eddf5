/// A table on a report page; every cell is text and gets HTML-escaped by the template.
struct ReportTable {
    let id: String
    let caption: String
    let headers: [String]
    let rows: [[String]]
    /// Stable names of the rows for `{{finding.*}}` (variant keys); nil: slugs of the first cells.
    var rowKeys: [String]? = nil

    /// The template's view of the table.
    func context(number: Int) -> [String: Any] {
        [
            "id": id,
            "number": number,
            "caption": caption,
            "headers": headers,
            "rows": rows.map { cells in ["first": cells.first ?? "", "rest": Array(cells.dropFirst())] },
        ]
    }
}
