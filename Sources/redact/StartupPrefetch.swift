import Foundation
import Redaction

/// The setup `redact scan` will most likely load, started before the command line is parsed
/// (see `SetupPrefetch`): the default rules directory and policy, through the rule cache.
///
/// Only for `scan` without `--rules` or `--policy`, the shape of a git hook or CI call,
/// where start-up is most of the wait. `CommonOptions.loadSetup` takes it only when the
/// parsed options ask for exactly this key, so any other command line loads as before.
enum StartupPrefetch {
    /// Started by the first read, which `Redact.main` makes before parsing.
    static let shared: SetupPrefetch? = start(arguments: CommandLine.arguments)

    private static func start(arguments: [String]) -> SetupPrefetch? {
        guard arguments.count > 1, arguments[1] == "scan",
              !arguments.contains(where: { $0.hasPrefix("--rules") || $0.hasPrefix("--policy") }),
              let key = try? CommonOptions.setupKey(rules: nil, policy: CommonOptions.defaultPolicy, writingCache: true)
        else { return nil }
        return SetupPrefetch(key: key)
    }
}
