import Testing

extension EndToEnd {
    @Suite("Quitting and suspending give the terminal back sane")
    struct QuitTests {
        @Test("Quit path leaves a usable shell", arguments: QuitPath.allCases)
        func quitLeavesSaneTerminal(_ path: QuitPath) async throws {
            try await DemoApp.run { session in
                try await DemoApp.waitForDashboard(session)
                try await path.perform(on: session)
                let after = try await session.waitUntil("the wrapper's report and prompt after \(path)") {
                    ShellWrapper.isAtPrompt($0)
                }
                let status = try #require(ShellWrapper.exitStatus(in: after))
                #expect(
                    path.acceptedStatuses.contains(status), "EXIT=\(status):\n\(ScreenText.framed(after))")
                #expect(ShellWrapper.insaneModes(in: after) == [], "\(ScreenText.framed(after))")
                #expect(
                    ScreenText.hasLine(after, equalTo: "TTY=same"),
                    "stty -g differs from before the app:\n\(ScreenText.framed(after))")

                try await session.type("echo alive")
                try await session.sendKeys("Enter")
                try await session.waitUntil("\"alive\" echoed by the shell") {
                    ScreenText.hasLine($0, equalTo: "alive")
                }
            }
        }

        @Test("Ctrl-Z suspends to the shell, fg redraws the dashboard, q then exits 0")
        func suspendAndResume() async throws {
            let binary = try OpsDeckBinary.require()
            // An interactive shell with job control, as a user has; no rc files.
            let shell = ["/bin/bash", "--norc", "--noprofile", "-i"]
            try await TmuxSession.with(shell, extraEnvironment: ["PS1": "e2e$ "]) { session in
                try await session.waitUntil("the bash prompt") { ScreenText.lastNonBlankLine($0) == "e2e$" }
                try await session.type(ShellWrapper.quote(binary) + " --demo")
                try await session.sendKeys("Enter")
                try await DemoApp.waitForDashboard(session)

                try await session.sendKeys("C-z")
                let stopped = try await session.waitUntil("bash's Stopped notice and prompt") {
                    $0.contains("Stopped") && ScreenText.lastNonBlankLine($0) == "e2e$"
                }
                #expect(!DemoApp.isDashboard(stopped), "\(ScreenText.framed(stopped))")

                try await session.type("fg")
                try await session.sendKeys("Enter")
                try await session.waitUntil("the dashboard redrawn after fg") {
                    DemoApp.isDashboard($0) && !$0.contains("Stopped")
                }

                try await session.sendKeys("q")
                try await session.waitUntil("the prompt after q") { screen in
                    ScreenText.lastNonBlankLine(screen) == "e2e$" && !DemoApp.isDashboard(screen)
                }
                try await session.type("echo EXIT=$?")
                try await session.sendKeys("Enter")
                let exited = try await session.waitUntil("EXIT= from echo") {
                    ShellWrapper.exitStatus(in: $0) != nil
                }
                #expect(ShellWrapper.exitStatus(in: exited) == 0, "\(ScreenText.framed(exited))")

                try await session.type("stty -a; echo alive")
                try await session.sendKeys("Enter")
                let sane = try await session.waitUntil("stty -a and alive") {
                    ScreenText.hasLine($0, equalTo: "alive")
                }
                #expect(ShellWrapper.insaneModes(in: sane) == [], "\(ScreenText.framed(sane))")
            }
        }
    }
}
