/// A `:` command, parsed.
public enum ConsoleCommand: Sendable, Equatable {
    case quit
    case pane(PaneID)
    case region(String?)
    case theme(String)
    case help
    case refresh
    case filter(String)
    case sort(String)
    // Break-glass (bg-console).
    case assume(account: String, role: String)
    case audit

    public struct Entry: Sendable {
        public var name: String
        public var usage: String
        public var summary: String
        public var takesArgument: Bool
    }

    public static let catalog: [Entry] =
        PaneID.allCases.map {
            Entry(
                name: $0.commandName, usage: $0.commandName, summary: "Show the \($0.title) pane",
                takesArgument: false)
        } + [
            Entry(
                name: "region", usage: "region NAME|all", summary: "Show one region (or all)",
                takesArgument: true),
            Entry(
                name: "theme", usage: "theme NAME|PATH", summary: "Switch the colour theme",
                takesArgument: true),
            Entry(
                name: "filter", usage: "filter TEXT", summary: "Filter the focused pane", takesArgument: true),
            Entry(
                name: "sort", usage: "sort COLUMN", summary: "Sort the focused pane by a column",
                takesArgument: true),
            Entry(
                name: "refresh", usage: "refresh", summary: "Refresh the focused pane now",
                takesArgument: false),
            Entry(
                name: "assume", usage: "assume ACCOUNT ROLE",
                summary: "Break-glass: assume ROLE in ACCOUNT (id, name or alias)", takesArgument: true),
            Entry(
                name: "audit", usage: "audit", summary: "Show the break-glass audit log",
                takesArgument: false),
            Entry(name: "help", usage: "help", summary: "Show the key help", takesArgument: false),
            Entry(name: "quit", usage: "q, quit", summary: "Quit OpsDeck", takesArgument: false),
        ]

    /// Parses what was typed after `:`.
    /// - Throws: `CommandError` naming the problem and what to try.
    public static func parse(_ text: String) throws(CommandError) -> ConsoleCommand {
        let trimmed = Substring(text).trimmingCharacters()
        guard !trimmed.isEmpty else { throw .empty }
        let nameEnd = trimmed.firstIndex(of: " ") ?? trimmed.endIndex
        let name = trimmed[..<nameEnd].lowercased()
        // The argument keeps its inner spaces: a path or a filter may need them.
        let argument = trimmed[nameEnd...].drop { $0 == " " }.description
        switch name {
        case "q", "q!", "quit", "exit": return .quit
        case "help", "h": return .help
        case "refresh": return .refresh
        case "region":
            guard !argument.isEmpty else {
                throw .missingArgument(name, "a region such as us-west-2, or all")
            }
            return .region(argument == "all" ? nil : argument)
        case "theme":
            guard !argument.isEmpty else {
                throw .missingArgument(name, "a theme name or a path to a .toml file")
            }
            return .theme(argument)
        case "filter": return .filter(argument)
        case "audit": return .audit
        case "assume":
            let words = argument.split(separator: " ").map(String.init)
            guard words.count == 2 else {
                throw .missingArgument(name, "an account (id, name or alias) and a role name")
            }
            return .assume(account: words[0], role: words[1])
        case "sort":
            guard !argument.isEmpty else { throw .missingArgument(name, "a column title") }
            return .sort(argument)
        default:
            if let pane = PaneID(commandName: name) { return .pane(pane) }
            throw .unknown(name)
        }
    }

    /// Completions for a partly typed command line, given the values each argument may take.
    public static func completions(for text: String, regions: [String], themes: [String]) -> [String] {
        let lower = text.lowercased()
        if let space = lower.firstIndex(of: " ") {
            let name = String(lower[..<space])
            let partial = lower[lower.index(after: space)...].trimmingCharacters()
            let values: [String]
            switch name {
            case "region": values = regions + ["all"]
            case "theme": values = themes
            default: values = []
            }
            return values.filter { $0.lowercased().hasPrefix(partial) }.map { "\(name) \($0)" }
        }
        return catalog.map(\.name).filter { $0.hasPrefix(lower) }.map { name in
            catalog.first { $0.name == name }?.takesArgument == true ? name + " " : name
        }
    }

    /// The longest prefix shared by every completion: what Tab fills in.
    public static func commonPrefix(_ options: [String]) -> String? {
        guard var prefix = options.first else { return nil }
        for option in options.dropFirst() {
            while !option.hasPrefix(prefix) { prefix.removeLast() }
        }
        return prefix
    }
}

/// Why a `:` command could not run.
public enum CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case unknown(String)
    case missingArgument(String, String)

    public var description: String {
        switch self {
        case .empty: "Type a command, or Esc to cancel (:help lists them)"
        case .unknown(let name): "Unknown command :\(name) (Tab completes; :help lists commands)"
        case .missingArgument(let name, let what): ":\(name) needs \(what)"
        }
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
}
