import Testing

/// Every end-to-end suite nests in this one. Serialized: each test has its own tmux
/// server and sandbox, so they could run together, but on a 2-core machine a dozen
/// debug builds of the app starting at once would make the bounded waits flaky.
@Suite("End to end: the built opsdeck in tmux", .serialized, .timeLimit(.minutes(2)))
struct EndToEnd {}
