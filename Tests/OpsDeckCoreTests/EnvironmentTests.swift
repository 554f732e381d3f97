import OpsDeckCore
import Testing

@Suite struct EnvironmentTests {
    @Test(arguments: [
        ("Root/Workloads/Prod", Environment.prod),
        ("Root/Workloads/Production", .prod),
        ("Root/Workloads/Staging", .staging),
        ("Root/Workloads/Dev", .dev),
        ("Root/Sandbox", .sandbox),
        ("Root/Security", .security),
        ("Root/Security/Log-Archive", .security),
        ("Root/Infrastructure", .shared),
        ("Root/Shared-Services", .shared),
        ("Root/Workloads", .unknown),
        ("Root", .unknown),
        ("", .unknown),
        // The innermost OU that names an environment wins.
        ("Root/Prod/Team-A", .prod),
        ("Root/Dev/Prod", .prod),
        ("Root/Prod/Dev", .dev),
    ])
    func fromTheOUPath(path: String, expected: Environment) {
        #expect(Environment.infer(ouPath: path, tags: [:]) == expected)
    }

    @Test(arguments: [
        (["Environment": "production"], Environment.prod),
        (["environment": "stg"], .staging),
        (["env": "sbx"], .sandbox),
        (["Env": "development"], .dev),
    ])
    func tagsOverrideTheOU(tags: [String: String], expected: Environment) {
        #expect(Environment.infer(ouPath: "Root/Workloads/Security", tags: tags) == expected)
    }

    @Test func anUnrecognisedTagFallsBackToTheOU() {
        #expect(Environment.infer(ouPath: "Root/Prod", tags: ["Environment": "blue"]) == .prod)
        #expect(Environment.infer(ouPath: "Root/Prod", tags: ["Owner": "dev"]) == .prod)
    }

    @Test func theEnvironmentTagIsReadBeforeTheShorterSpellings() {
        #expect(Environment.infer(ouPath: "Root", tags: ["Environment": "prod", "env": "dev"]) == .prod)
    }

    @Test(arguments: [
        ("PROD", Environment.prod), ("prd", .prod), ("Production", .prod),
        ("pre-prod", .staging), ("Pre_Prod", .staging), ("stage", .staging),
        ("test", .dev), ("Development", .dev),
        ("Playground", .sandbox), ("sbx", .sandbox),
        ("log_archive", .security), ("LogArchive", .security), ("audit", .security), ("sec", .security),
        ("SharedServices", .shared), ("shared-services", .shared), ("platform", .shared), ("infra", .shared),
    ])
    func looseSpellings(text: String, expected: Environment) {
        #expect(Environment(loose: text) == expected)
    }

    @Test(arguments: ["", "nonsense", "products", "prod env", "unknown"])
    func unrecognisedSpellings(text: String) {
        #expect(Environment(loose: text) == nil)
    }

    @Test func productionSortsFirst() {
        #expect(
            Environment.allCases.sorted() == [.prod, .staging, .dev, .sandbox, .security, .shared, .unknown])
        #expect(Environment.prod < .unknown)
    }
}
