/// Select Graphic Rendition sequences (`ESC [ ... m`) in `capture-pane -e` output.
enum SGR {
    /// The colour-setting parameters found: 30-37, 40-47, 90-97, 100-107 and the extended
    /// 38/48 forms. Attributes such as bold or reverse, and 39/49 (back to the terminal's
    /// default colours), are not colours and are left out.
    static func colourParameters(in text: String) -> Set<String> {
        var found: Set<String> = []
        var rest = Substring(text)
        while let start = rest.range(of: "\u{1B}[") {
            rest = rest[start.upperBound...]
            guard let end = rest.firstIndex(where: { !($0.isNumber || $0 == ";" || $0 == ":") }) else {
                break
            }
            let parameters = rest[..<end]
            let final = rest[end]
            rest = rest[rest.index(after: end)...]
            guard final == "m" else { continue }
            var codes = parameters.split(whereSeparator: { $0 == ";" || $0 == ":" }).compactMap { Int($0) }[
                ...]
            while let code = codes.popFirst() {
                switch code {
                case 38, 48:
                    // 38;5;N or 38;2;R;G;B: the colour's own numbers are not separate codes.
                    let form = codes.popFirst()
                    codes = codes.dropFirst(form == 2 ? 3 : 1)
                    found.insert("\(code)")
                case 30...37, 40...47, 90...97, 100...107:
                    found.insert("\(code)")
                default:
                    continue
                }
            }
        }
        return found
    }
}
