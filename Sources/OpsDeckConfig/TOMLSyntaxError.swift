/// A TOML document that does not parse, with where toml++ stopped.
struct TOMLSyntaxError: Error, Sendable, Hashable {
    var message: String
    var line: Int
    var column: Int?
}
