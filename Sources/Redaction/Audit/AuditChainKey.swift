import Crypto

/// The key that seals the audit log's hash chain (schema 4 on): derived from a run's HMAC
/// key, which stays outside the database as for value fingerprints. Without it nobody can
/// recompute an edited entry's hash, so editing a row and re-hashing the chain after it,
/// or resetting `chain_state`, is detected; with it, `audit verify` checks the chain.
///
/// A separate derivation (not the fingerprint key itself) keeps the two uses apart: a
/// chain hash never equals a value fingerprint.
public struct AuditChainKey: Sendable {
    /// The key id of the HMAC key it comes from (what `run.key_id` records).
    public let keyID: String
    private let box: ChainKeyBox
    /// An HMAC already initialised with the key; each entry copies it (a value type), which
    /// skips re-deriving the padded key per entry.
    var keyed: HMAC<SHA512> { box.keyed }

    /// Derives the chain key from the raw HMAC key (the key file's bytes).
    public init(hmacKey: [UInt8]) {
        let base = SymmetricKey(data: hmacKey)
        keyID = ValueFingerprinter(key: hmacKey).keyID
        let derived = HMAC<SHA256>.authenticationCode(for: Array("redact audit chain v1".utf8), using: base)
        box = ChainKeyBox(keyed: HMAC<SHA512>(key: SymmetricKey(data: Array(derived))))
    }
}

/// Holds the keyed HMAC state for sharing across threads.
///
/// Safety: `@unchecked Sendable` because `keyed` is set once in `init` and only copied
/// afterwards (HMAC is a value type; callers update their copy, never this one).
private final class ChainKeyBox: @unchecked Sendable {
    let keyed: HMAC<SHA512>
    init(keyed: HMAC<SHA512>) { self.keyed = keyed }
}
