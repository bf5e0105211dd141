import Foundation

/// A 64-bit checksum over a rule cache file's body, so that a damaged file (a bit flipped
/// on disk, a write cut short by a crash; the cache is written without fsync) is rejected
/// instead of giving a wrong rule set.
///
/// Not a cryptographic hash: the cache lives in the user's own private directory, and who
/// can write there can also edit the user's rules. It needs to be fast (it runs on every
/// hook start-up over a few hundred kilobytes) and to catch accidents. Each 8-byte word is
/// mixed in with a step that is a bijection of the running state, so any single changed
/// word always changes the result.
enum CacheChecksum {
    static func of(_ bytes: [UInt8], from start: Int = 0) -> UInt64 {
        bytes.withUnsafeBytes { of($0, from: start) }
    }

    /// The checksum of a file as read (a lexicon: see `RuleCacheFile`).
    static func of(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { of($0, from: 0) }
    }

    static func of(_ buffer: UnsafeRawBufferPointer, from start: Int) -> UInt64 {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(buffer.count - start)
        do {
            var offset = start
            while offset + 8 <= buffer.count {
                state = mix(state, buffer.loadUnaligned(fromByteOffset: offset, as: UInt64.self).littleEndian)
                offset += 8
            }
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while offset < buffer.count {
                tail |= UInt64(buffer[offset]) << shift
                shift += 8
                offset += 1
            }
            state = mix(state, tail)
        }
        // Final avalanche (from MurmurHash3's fmix64).
        state ^= state >> 33
        state &*= 0xFF51_AFD7_ED55_8CCD
        state ^= state >> 33
        return state
    }

    private static func mix(_ state: UInt64, _ word: UInt64) -> UInt64 {
        let mixed = (state ^ word) &* 0x9FB2_1C65_1E98_DF25
        return (mixed << 29) | (mixed >> 35)
    }
}
