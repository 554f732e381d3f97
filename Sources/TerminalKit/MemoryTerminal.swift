/// A `Terminal` in memory for tests: scripted input, and a record of what was
/// presented and how many cells each present would have written.
public final class MemoryTerminal: Terminal {
    public private(set) var size: Size
    public var colorDepth: ColorDepth

    /// The last buffer presented, nil before the first present.
    public private(set) var lastPresented: ScreenBuffer?
    /// Cells the last present changed against the one before (all of them after a
    /// resize or `invalidate()`).
    public private(set) var lastPresentedCellCount = 0
    /// Cells changed over all presents.
    public private(set) var totalPresentedCellCount = 0
    public private(set) var presentCount = 0
    public private(set) var invalidateCount = 0
    public private(set) var suspendCount = 0
    /// Calls to `restore()`, repeated ones included.
    public private(set) var restoreCount = 0
    /// True once `restore()` has given the terminal back.
    public private(set) var isRestored = false
    /// The timeouts `nextEvent` was called with, in order.
    public private(set) var requestedTimeouts: [Int?] = []

    private var events: [InputEvent] = []
    private var nextEventIndex = 0
    private var invalidated = false

    public init(size: Size = Size(width: 80, height: 24), colorDepth: ColorDepth = .full) {
        self.size = size
        self.colorDepth = colorDepth
    }

    /// Events queued and not yet read.
    public var pendingEvents: [InputEvent] { Array(events[nextEventIndex...]) }

    /// Queues events for `nextEvent` to return in order.
    public func enqueue(_ newEvents: [InputEvent]) {
        events.append(contentsOf: newEvents)
    }

    /// Queues events for `nextEvent` to return in order.
    public func enqueue(_ newEvents: InputEvent...) { enqueue(newEvents) }

    /// Queues key presses.
    public func enqueue(keys: [Key]) { enqueue(keys.map { .key($0) }) }

    /// Queues each character of `text` as a key press, as if typed.
    public func type(_ text: String) { enqueue(keys: text.map { .character($0) }) }

    /// Changes the size and, unless told not to, queues the `.resize` event a real
    /// terminal would send.
    public func resize(to newSize: Size, enqueueEvent: Bool = true) {
        size = newSize
        if enqueueEvent { enqueue(.resize(newSize)) }
    }

    /// The next queued event, nil when the queue is empty (never waits).
    public func nextEvent(timeoutMilliseconds: Int?) -> InputEvent? {
        requestedTimeouts.append(timeoutMilliseconds)
        guard nextEventIndex < events.count else { return nil }
        let event = events[nextEventIndex]
        nextEventIndex += 1
        if nextEventIndex == events.count {
            events.removeAll(keepingCapacity: true)
            nextEventIndex = 0
        }
        return event
    }

    public func present(_ buffer: ScreenBuffer) {
        let changed: Int
        if invalidated {
            changed = buffer.cells.count
        } else {
            changed = Self.changedCellCount(buffer, since: lastPresented)
        }
        invalidated = false
        lastPresented = buffer
        lastPresentedCellCount = changed
        totalPresentedCellCount += changed
        presentCount += 1
    }

    public func invalidate() {
        invalidated = true
        invalidateCount += 1
    }

    public func suspend() {
        suspendCount += 1
        // A real terminal is repainted after `fg`, so the next present writes everything.
        invalidated = true
    }

    public func restore() {
        restoreCount += 1
        isRestored = true
    }

    /// The snapshot of the last presented buffer (empty before the first present).
    public func snapshot(roles: Bool = false) -> String {
        lastPresented?.snapshot(roles: roles) ?? ""
    }

    /// Cells of `buffer` that differ from `previous`; all of them when there is no
    /// previous buffer or the sizes differ.
    public static func changedCellCount(_ buffer: ScreenBuffer, since previous: ScreenBuffer?) -> Int {
        guard let previous, previous.size == buffer.size else { return buffer.cells.count }
        var count = 0
        for row in buffer.changedRows(since: previous) {
            for run in buffer.changedRuns(inRow: row, since: previous) { count += run.count }
        }
        return count
    }
}
