import Redaction
import Testing

@Suite("Default locations")
struct DefaultLocationsTests {
    @Test("without overrides, paths follow HOME")
    func home() throws {
        let locations = try DefaultLocations(environment: ["HOME": "/home/ana/"])
        #expect(locations.keyFile == "/home/ana/.config/redact/hmac.key")
        #expect(locations.auditDatabase == "/home/ana/.local/state/redact/audit.sqlite")
    }

    @Test("XDG variables replace HOME; empty or relative ones are ignored")
    func xdg() throws {
        let set = try DefaultLocations(environment: [
            "HOME": "/home/ana", "XDG_CONFIG_HOME": "/cfg", "XDG_STATE_HOME": "/state",
        ])
        #expect(set.keyFile == "/cfg/redact/hmac.key")
        #expect(set.auditDatabase == "/state/redact/audit.sqlite")
        let ignored = try DefaultLocations(environment: [
            "HOME": "/home/ana", "XDG_CONFIG_HOME": "relative", "XDG_STATE_HOME": "",
        ])
        #expect(ignored.keyFile == "/home/ana/.config/redact/hmac.key")
        #expect(ignored.auditDatabase == "/home/ana/.local/state/redact/audit.sqlite")
    }

    @Test("the flag beats the environment, which beats the default")
    func precedence() throws {
        let environment = [
            "HOME": "/home/ana", "REDACT_KEY_FILE": "env.key", "REDACT_AUDIT": "env.sqlite",
        ]
        let fromEnvironment = try DefaultLocations(environment: environment)
        #expect(fromEnvironment.keyFile == "env.key")
        #expect(fromEnvironment.auditDatabase == "env.sqlite")
        let fromFlags = try DefaultLocations(keyFileFlag: "flag.key", auditFlag: "flag.sqlite", environment: environment)
        #expect(fromFlags.keyFile == "flag.key")
        #expect(fromFlags.auditDatabase == "flag.sqlite")
    }

    @Test("with no HOME and no override, the error names the variable to set")
    func unresolved() {
        #expect(throws: LocationError(what: "HMAC key file", variable: "REDACT_KEY_FILE")) {
            _ = try DefaultLocations(environment: [:])
        }
        #expect(throws: LocationError(what: "audit log", variable: "REDACT_AUDIT")) {
            _ = try DefaultLocations(environment: ["REDACT_KEY_FILE": "/k"])
        }
    }
}
