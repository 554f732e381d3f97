/// Pages through AWS list operations to the end, whichever token they use (`NextToken`,
/// `Marker` with `IsTruncated`, `nextToken`, `NextPageToken`).
///
/// It stops with an error instead of looping forever when the service repeats a token or
/// the page count passes `maxPages`.
public struct Paginator: Sendable {
    /// The default limit: far beyond any real list, small enough to end a runaway loop.
    public static let defaultMaxPages = 10_000

    /// The call the pages belong to, named in errors.
    public var context: AWSOperationContext
    /// The most pages fetched before giving up.
    public var maxPages: Int

    /// Creates a paginator.
    public init(context: AWSOperationContext, maxPages: Int = Paginator.defaultMaxPages) {
        self.context = context
        self.maxPages = maxPages
    }

    /// Fetches every page and returns all items in order.
    ///
    /// - Parameters:
    ///   - limit: stop once this many items are collected (nil: all of them).
    ///   - fetch: fetches the page after `token` (nil for the first) and returns its items
    ///     and the next token; a nil or empty token means there are no more pages.
    /// - Throws: what `fetch` throws, or `AWSClientError.paginationDidNotEnd`.
    public func collect<Item>(
        limit: Int? = nil, _ fetch: (String?) async throws(AWSClientError) -> (items: [Item], next: String?)
    ) async throws(AWSClientError) -> [Item] {
        if let limit, limit <= 0 { return [] }
        var items: [Item] = []
        try await forEachPage { (page: [Item]) throws(AWSClientError) -> Bool in
            items += page
            if let limit, items.count >= limit {
                items.removeLast(items.count - limit)
                return false
            }
            return true
        } fetch: { token throws(AWSClientError) in
            try await fetch(token)
        }
        return items
    }

    /// Fetches pages one by one and hands each to `body`, which returns false to stop early.
    /// - Throws: what `fetch` or `body` throws, or `AWSClientError.paginationDidNotEnd`.
    public func forEachPage<Page>(
        _ body: (Page) async throws(AWSClientError) -> Bool,
        fetch: (String?) async throws(AWSClientError) -> (items: Page, next: String?)
    ) async throws(AWSClientError) {
        var token: String?
        var seen: Set<String> = []
        var pages = 0
        while true {
            if pages >= maxPages {
                throw .paginationDidNotEnd(
                    context: context, pages: pages, reason: "more than \(maxPages) pages")
            }
            let page = try await fetch(token)
            pages += 1
            guard try await body(page.items) else { return }
            guard let next = page.next, !next.isEmpty else { return }
            guard seen.insert(next).inserted else {
                throw .paginationDidNotEnd(
                    context: context, pages: pages, reason: "the service sent a page token it had sent before"
                )
            }
            token = next
        }
    }
}
