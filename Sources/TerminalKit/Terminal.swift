/// What the app needs from a terminal; the curses backend and `MemoryTerminal` implement it.
///
/// A terminal is confined to the thread that created it (curses is not thread-safe).
public protocol Terminal: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// The colours it can show, after `NO_COLOR` and `--no-color`.
    var colorDepth: ColorDepth { get }
    /// Shows `buffer`, writing only the cells that differ from the last one presented.
    func present(_ buffer: ScreenBuffer)
    /// Forgets what is on screen so the next `present` repaints everything (after a
    /// suspend, or Ctrl-L).
    func invalidate()
    /// Waits up to `timeoutMilliseconds` (or forever when nil) for the next event.
    func nextEvent(timeoutMilliseconds: Int?) -> InputEvent?
    /// Gives the terminal back, stops the process as Ctrl-Z would, and takes the
    /// terminal again when the shell resumes it (`fg`).
    func suspend()
    /// Gives the terminal back as it was found. Safe to call more than once.
    func restore()
}
