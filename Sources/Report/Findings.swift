import Results

/// The numbers a narrative may quote, `{{finding.<table>.<row>.<column>}}`, taken from the
/// report's own tables so the prose says exactly what the tables show: `<table>` is the table id
/// without "table-", `<row>` the variant key (or a slug of the row's first cell), `<column>` a
/// slug of the header. E.g. `{{finding.final-metrics.he.test_accuracy}}`.
enum Findings {
    static func values(for result: ExperimentResult) -> [String: String] {
        var values: [String: String] = [:]
        let tables = [ResultTables.summary(for: result)].compactMap { $0 } + ResultTables.details(for: result)
        for table in tables {
            let name = table.id.hasPrefix("table-") ? String(table.id.dropFirst(6)) : table.id
            for (index, row) in table.rows.enumerated() {
                let rowName = table.rowKeys.flatMap { index < $0.count ? $0[index] : nil } ?? slug(row.first ?? "")
                for (column, cell) in row.enumerated().dropFirst() where column < table.headers.count {
                    values["\(name).\(rowName).\(slug(table.headers[column]))"] = cell
                }
            }
        }
        return values
    }

    /// Lower-case ASCII letters and digits, other runs as one '_': "σb²" -> "b", "1 − c at l = 10"
    /// -> "1_c_at_l_10".
    static func slug(_ text: String) -> String {
        var slug = ""
        for character in text.lowercased() {
            if character.isASCII, character.isLetter || character.isNumber {
                slug.append(character)
            } else if !slug.isEmpty, slug.last != "_" {
                slug.append("_")
            }
        }
        while slug.last == "_" { slug.removeLast() }
        return slug
    }
}
