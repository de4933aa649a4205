/// A small RFC 4180 reader for the reference files the project ships (quoted fields may hold
/// commas, doubled quotes and line breaks).
public enum CSV {
    public struct Error: Swift.Error, Equatable, Sendable {
        public let message: String
    }

    /// Rows as arrays of fields; a trailing line break does not make an empty row.
    public static func rows(_ text: String) throws(CSV.Error) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field = ""
        var quoted = false
        var iterator = text.makeIterator()
        var pending: Character? = iterator.next()
        while let char = pending {
            pending = iterator.next()
            if quoted {
                if char == "\"" {
                    if pending == "\"" { field.append("\""); pending = iterator.next() } else { quoted = false }
                } else {
                    field.append(char)
                }
                continue
            }
            switch char {
            case "\"" where field.isEmpty: quoted = true
            case ",": row.append(field); field = ""
            case "\n", "\r\n", "\r":
                row.append(field); field = ""
                rows.append(row); row = []
            default: field.append(char)
            }
        }
        if quoted { throw Error(message: "a quoted field is not closed") }
        if !field.isEmpty || !row.isEmpty { row.append(field); rows.append(row) }
        return rows
    }

    /// Rows keyed by the header's column names; every row must have as many fields as the header.
    public static func records(_ text: String) throws(CSV.Error) -> [[String: String]] {
        let all = try rows(text)
        guard let header = all.first else { return [] }
        return try all.dropFirst().enumerated().map { (index, row) throws(CSV.Error) in
            guard row.count == header.count else {
                throw Error(message: "line \(index + 2) has \(row.count) fields, the header \(header.count)")
            }
            return Dictionary(uniqueKeysWithValues: zip(header, row))
        }
    }
}
