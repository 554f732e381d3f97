import PagerDuty

/// Records the waits the client asks for instead of waiting.
actor SleepRecorder {
    private(set) var waits: [Duration] = []

    func record(_ duration: Duration) { waits.append(duration) }

    nonisolated var sleeper: PagerDutyClient.Sleeper {
        { duration in await self.record(duration) }
    }
}
