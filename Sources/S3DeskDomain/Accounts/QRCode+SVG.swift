extension QRCode {
    /// The light margin that scanners need to find the symbol, 4 modules wide.
    private static let quietZone = 4

    /// The symbol as an inline SVG element, `pixelsPerModule` CSS pixels to a module, quiet zone
    /// included. The background is drawn white, so the code still scans on a dark page; the dark
    /// modules are one path, a rectangle for each horizontal run of them.
    public func svg(label: String, pixelsPerModule: Int = 4) -> String {
        let side = size + 2 * Self.quietZone
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard isDark(x: x, y: y) else {
                    x += 1
                    continue
                }
                let start = x
                while isDark(x: x, y: y) { x += 1 }
                path += "M\(start + Self.quietZone),\(y + Self.quietZone)h\(x - start)v1h-\(x - start)z"
            }
        }
        let pixels = side * pixelsPerModule
        return ##"<svg xmlns="http://www.w3.org/2000/svg" width="\##(pixels)" height="\##(pixels)" "##
            + ##"viewBox="0 0 \##(side) \##(side)" shape-rendering="crispEdges" role="img" aria-label="\##(Self.escaped(label))">"##
            + ##"<rect width="\##(side)" height="\##(side)" fill="#fff"/><path fill="#000" d="\##(path)"/></svg>"##
    }

    /// Text safe inside an attribute in double quotes, in XML and in HTML alike.
    private static func escaped(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
