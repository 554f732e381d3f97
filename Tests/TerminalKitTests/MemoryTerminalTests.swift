import TerminalKit
import Testing

@Suite struct MemoryTerminalTests {
    @Test func countsOnlyChangedCells() {
        let terminal = MemoryTerminal(size: Size(width: 10, height: 3))
        var buffer = ScreenBuffer(size: terminal.size)
        buffer.write("hello", x: 0, y: 0)
        terminal.present(buffer)
        #expect(terminal.lastPresentedCellCount == 30)
        terminal.present(buffer)
        #expect(terminal.lastPresentedCellCount == 0)
        buffer.write("J", x: 0, y: 0)
        terminal.present(buffer)
        #expect(terminal.lastPresentedCellCount == 1)
        buffer.restyle(Rect(x: 0, y: 2, width: 4, height: 1), style: Style(attributes: .reverse))
        terminal.present(buffer)
        #expect(terminal.lastPresentedCellCount == 4)
        #expect(terminal.totalPresentedCellCount == 35)
        #expect(terminal.presentCount == 4)
        #expect(terminal.lastPresented == buffer)
        #expect(terminal.snapshot() == "Jello\n\n\n")
    }

    @Test func invalidateAndSuspendRepaintEverything() {
        let terminal = MemoryTerminal(size: Size(width: 4, height: 2))
        let buffer = ScreenBuffer(size: terminal.size)
        terminal.present(buffer)
        terminal.invalidate()
        terminal.present(buffer)
        #expect(terminal.lastPresentedCellCount == 8)
        terminal.present(buffer)
        #expect(terminal.lastPresentedCellCount == 0)
        terminal.suspend()
        terminal.present(buffer)
        #expect(terminal.lastPresentedCellCount == 8)
        #expect(terminal.invalidateCount == 1)
        #expect(terminal.suspendCount == 1)
    }

    @Test func resizeQueuesAnEventAndRepaints() {
        let terminal = MemoryTerminal(size: Size(width: 4, height: 2))
        terminal.present(ScreenBuffer(size: terminal.size))
        terminal.resize(to: Size(width: 5, height: 2))
        #expect(terminal.size == Size(width: 5, height: 2))
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .resize(Size(width: 5, height: 2)))
        terminal.present(ScreenBuffer(size: terminal.size))
        #expect(terminal.lastPresentedCellCount == 10)
    }

    @Test func scriptedEventsPopInOrder() {
        let terminal = MemoryTerminal()
        terminal.type("ab")
        terminal.enqueue(keys: [.enter])
        terminal.enqueue(.mouse(MouseEvent(kind: .press, position: Point(x: 1, y: 2))))
        #expect(terminal.pendingEvents.count == 4)
        #expect(terminal.nextEvent(timeoutMilliseconds: 50) == .key(.character("a")))
        #expect(terminal.nextEvent(timeoutMilliseconds: nil) == .key(.character("b")))
        #expect(terminal.nextEvent(timeoutMilliseconds: 50) == .key(.enter))
        #expect(
            terminal.nextEvent(timeoutMilliseconds: 50)
                == .mouse(MouseEvent(kind: .press, position: Point(x: 1, y: 2))))
        #expect(terminal.nextEvent(timeoutMilliseconds: 50) == nil)
        #expect(terminal.requestedTimeouts == [50, nil, 50, 50, 50])
        terminal.type("z")
        #expect(terminal.nextEvent(timeoutMilliseconds: 0) == .key(.character("z")))
    }

    @Test func restoreIsIdempotentAndRecorded() {
        let terminal = MemoryTerminal(colorDepth: .eight)
        #expect(!terminal.isRestored)
        terminal.restore()
        terminal.restore()
        #expect(terminal.isRestored)
        #expect(terminal.restoreCount == 2)
        #expect(terminal.colorDepth == .eight)
    }
}
