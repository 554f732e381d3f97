import Foundation

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Parses an XML document into an `XMLNode` tree with Foundation's `XMLParser`.
public enum XMLTreeParser {
    /// Why a document could not be parsed.
    public struct ParseError: Error, Sendable, Hashable, CustomStringConvertible {
        /// The parser's reason, with the line it stopped at.
        public var reason: String
        public var description: String { "malformed XML: \(reason)" }
    }

    /// The root element of `data`.
    /// - Throws: `ParseError` when the data is not well-formed XML.
    public static func parse(_ data: Data) throws(ParseError) -> XMLNode {
        let parser = XMLParser(data: data)
        // External entities could read local files; AWS answers never need them.
        parser.shouldResolveExternalEntities = false
        let builder = TreeBuilder()
        parser.delegate = builder
        let ok = parser.parse()
        guard ok, let root = builder.root else {
            let reason = parser.parserError.map { String(describing: $0) } ?? "no root element"
            throw ParseError(reason: "\(reason) (line \(parser.lineNumber))")
        }
        return root
    }

    private final class TreeBuilder: NSObject, XMLParserDelegate {
        var stack: [XMLNode] = []
        var root: XMLNode?

        func parser(
            _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]
        ) {
            stack.append(XMLNode(name: elementName, attributes: attributeDict))
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += string
        }

        func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
            guard !stack.isEmpty else { return }
            stack[stack.count - 1].text += String(decoding: CDATABlock, as: UTF8.self)
        }

        func parser(
            _ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?,
            qualifiedName qName: String?
        ) {
            guard let node = stack.popLast() else { return }
            if stack.isEmpty {
                root = node
            } else {
                stack[stack.count - 1].children.append(node)
            }
        }
    }
}
