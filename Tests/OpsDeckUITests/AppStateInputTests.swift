import Foundation
import OpsDeckCore
import TerminalKit
import Testing

@testable import OpsDeckUI

/// The `/` filter line and the `:` command line.
@Suite struct AppStateInputTests {
    typealias F = UIFixtures

    // MARK: filter

    @Test func slashFiltersLiveAsYouType() {
        var state = F.state()
        state.press(.character("/"))
        #expect(state.inputText == "")
        state.type("a")
        #expect(state.pane(.alerts).filter?.query == "a")
        state.type("udit")
        #expect(state.inputText == "audit")
        #expect(state.visibleIds == ["pd:PI5"])
        #expect(state.pane(.alerts).selected == 0)
        state.press(.backspace, .backspace, .backspace, .backspace)
        #expect(state.pane(.alerts).filter?.query == "a")
        #expect(state.visibleIds.count > 1)
    }

    @Test func filterKeysAreTextNotCommands() {
        var state = F.state()
        state.press(.character("/"))
        #expect(state.type("q1zs") == [])
        #expect(state.inputText == "q1zs")
        #expect(state.focus == .alerts)
        #expect(!state.zoomed)
        // Keys the line does not use are ignored.
        state.press(.up, .tab)
        #expect(state.inputText == "q1zs")
        #expect(state.focus == .alerts)
    }

    @Test func enterKeepsTheFilter() {
        var state = F.state()
        state.press(.character("/"))
        state.type("prod")
        state.press(.enter)
        #expect(state.isNormal)
        #expect(state.pane(.alerts).filter?.query == "prod")
        // PI2's account shows as its alias, "api", so it does not match.
        #expect(state.visibleIds == ["pd:PI1", "pd:PI3"])
    }

    @Test func slashAgainEditsTheCurrentFilter() {
        var state = F.state()
        state.press(.character("/"))
        state.type("prod")
        state.press(.enter, .character("/"))
        #expect(state.inputText == "prod")
        state.press(.backspace)
        #expect(state.pane(.alerts).filter?.query == "pro")
    }

    @Test func escClearsTheFilterEvenOneSetBefore() {
        var state = F.state()
        state.press(.character("/"))
        state.type("prod")
        state.press(.enter)
        state.press(.character("/"))
        state.type("x")
        state.press(.escape)
        #expect(state.isNormal)
        #expect(state.pane(.alerts).filter == nil)
        #expect(state.visibleIds.count == 5)
    }

    @Test func fuzzyAndInvertedFromTheKeyboard() {
        var state = F.state()
        state.press(.character("/"))
        state.type("!prod")
        #expect(
            state.visibleIds == [
                "pd:PI2", "pd:PI5", "cw:\(F.alarmARN(F.apiProd, "us-east-1", "db-disk-info"))",
            ])
        state.press(.control("u"))
        state.type("~ptchslw")
        #expect(state.visibleIds == ["pd:PI3"])
    }

    @Test func filtersArePerPane() {
        var state = F.state()
        state.press(.character("/"))
        state.type("prod")
        state.press(.enter, .character("1"))
        #expect(state.pane(.accounts).filter == nil)
        state.press(.character("/"))
        #expect(state.inputText == "")
    }

    @Test func filteringTheAccountsTreeFlattensIt() {
        var state = F.state()
        state.press(.character("1"), .character("/"))
        state.type("payments")
        #expect(state.visibleIds == [F.paymentsDev, F.paymentsProd])
        #expect(state.pane(.accounts).isFlattened)
    }

    // MARK: command

    @Test func colonOpensAnEmptyCommandLine() {
        var state = F.state()
        state.press(.character(":"))
        guard case .command(let field) = state.mode else { Issue.record("\(state.mode)"); return }
        #expect(field.text == "")
        state.press(.escape)
        #expect(state.isNormal)
    }

    @Test func tabCompletesTheCommandThenTheRegion() {
        var state = F.state()
        state.press(.character(":"))
        state.type("reg")
        state.press(.tab)
        #expect(state.inputText == "region ")
        // Three regions and "all" share nothing more.
        state.press(.tab)
        #expect(state.inputText == "region ")
        state.type("us-w")
        state.press(.tab)
        #expect(state.inputText == "region us-west-2")
        #expect(state.press(.enter) == [])
        #expect(state.isNormal)
        #expect(state.region == "us-west-2")
        #expect(state.message?.text == "Showing us-west-2 only")
        #expect(state.visibleIds(.alerts) == ["pd:PI2", "pd:PI5", "pd:PI3"])
        #expect(state.visibleIds(.pipelines) == ["run-p4", "run-p2"])
    }

    @Test func tabWithAnAmbiguousPrefixCompletesTheSharedPart() {
        var state = F.state()
        state.press(.character(":"))
        state.type("r")
        // roles, region and refresh share only the "r".
        state.press(.tab)
        #expect(state.inputText == "r")
        state.type("e")
        state.press(.tab)
        #expect(state.inputText == "re")
        state.press(.character("f"), .tab)
        #expect(state.inputText == "refresh")
    }

    @Test func tabCompletesThemeNames() {
        var state = F.state()
        state.press(.character(":"))
        state.type("theme so")
        state.press(.tab)
        #expect(state.inputText == "theme solarized-dark")
        #expect(state.press(.enter) == [.loadTheme("solarized-dark")])
    }

    @Test func regionAllShowsEveryRegionAgain() {
        var state = F.state()
        state.press(.character(":"))
        state.type("region us-west-2")
        state.press(.enter, .character(":"))
        state.type("region all")
        state.press(.enter)
        #expect(state.region == nil)
        #expect(state.message?.text == "Showing every region")
        #expect(state.visibleIds(.alerts).count == 5)
    }

    @Test func unknownRegionIsAnErrorAndChangesNothing() throws {
        var state = F.state()
        state.press(.character(":"))
        state.type("region eu-north-9")
        state.press(.enter)
        #expect(state.isNormal)
        #expect(state.region == nil)
        let message = try #require(state.message)
        #expect(message.isError)
        #expect(message.text == "Unknown region eu-north-9: known are us-east-1, us-west-2 (or :region all)")
        #expect(state.visibleIds.count == 5)
    }

    @Test func regionsSeenInTheDataAreKnown() {
        var snapshot = F.snapshot
        snapshot.pipelineRuns.append(
            PipelineRun(
                id: "run-eu", kind: .codeBuild, accountId: F.audit, region: "eu-west-1", name: "eu-build",
                status: .succeeded, startedAt: F.ago(50), finishedAt: F.ago(10)))
        var state = F.state()
        _ = state.reduce(.snapshot(snapshot))
        #expect(state.knownRegions == ["us-east-1", "us-west-2", "eu-west-1"])
        state.press(.character(":"))
        state.type("region eu-west-1")
        state.press(.enter)
        #expect(state.region == "eu-west-1")
        #expect(state.visibleIds(.pipelines) == ["run-eu"])
        #expect(state.visibleIds(.alerts) == ["pd:PI3"])
    }

    @Test func quitCommands() {
        for text in ["q", "q!", "quit", "exit"] {
            var state = F.state()
            state.press(.character(":"))
            state.type(text)
            #expect(state.press(.enter) == [.quit], "\(text)")
        }
    }

    @Test func emptyOrUnknownCommandsAreErrors() {
        var state = F.state()
        state.press(.character(":"), .enter)
        #expect(
            state.message
                == StatusMessage(
                    text: "Type a command, or Esc to cancel (:help lists them)", isError: true,
                    expiresAt: F.now.addingTimeInterval(12)))
        state.press(.character(":"))
        state.type("bogus")
        #expect(state.press(.enter) == [])
        #expect(state.message?.text == "Unknown command :bogus (Tab completes; :help lists commands)")
        state.press(.character(":"))
        state.type("theme")
        state.press(.enter)
        #expect(state.message?.text == ":theme needs a theme name or a path to a .toml file")
    }

    @Test func paneHelpAndRefreshCommands() {
        var state = F.state()
        state.press(.character(":"))
        state.type("accounts")
        state.press(.enter)
        #expect(state.focus == .accounts)
        state.press(.character(":"))
        state.type("refresh")
        #expect(state.press(.enter) == [.refresh(.accounts)])
        state.press(.character(":"))
        state.type("help")
        state.press(.enter)
        guard case .help(0) = state.mode else { Issue.record("\(state.mode)"); return }
    }

    @Test func filterCommandSetsAndClears() {
        var state = F.state()
        state.press(.character(":"))
        state.type("filter audit")
        state.press(.enter)
        #expect(state.visibleIds == ["pd:PI5"])
        state.press(.character(":"))
        state.type("filter")
        state.press(.enter)
        #expect(state.pane(.alerts).filter == nil)
        #expect(state.visibleIds.count == 5)
    }

    @Test func sortCommandByColumnPrefix() {
        var state = F.state()
        state.press(.character(":"))
        state.type("sort TIT")
        state.press(.enter)
        #expect(state.pane(.alerts).sortColumn == 4)
        #expect(state.pane(.alerts).sortAscending)
        #expect(state.message?.text == "Sorted by Title ascending")
        state.press(.character(":"))
        state.type("sort nope")
        state.press(.enter)
        #expect(state.pane(.alerts).sortColumn == 4)
        #expect(state.message?.isError == true)
        #expect(
            state.message?.text
                == "No column \"nope\" in Alerts: Sev, Source, Account, Region, Title, Status, Age")
    }

    @Test func commandLineEditsWithReadlineKeys() {
        var state = F.state()
        state.press(.character(":"))
        state.type("region us-east-1")
        state.press(.control("w"))
        #expect(state.inputText == "region ")
        state.press(.control("u"))
        #expect(state.inputText == "")
        state.type("q")
        state.press(.home)
        state.type("x")
        #expect(state.inputText == "xq")
    }
}
