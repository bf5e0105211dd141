// Only the 8-bit code unit width: Redact matches UTF-8 bytes.
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

// An acquire load and a release store of an int: how PCREPattern publishes the JIT code it
// makes on first use to the other threads without taking a lock on every match call (the
// lock cost ~1% of a scan). Swift's own atomics (the Synchronization module) need macOS 15;
// these compile to a plain load and store on x86-64 and arm64.
static inline int redact_load_acquire(const int *value) {
    return __atomic_load_n(value, __ATOMIC_ACQUIRE);
}

static inline void redact_store_release(int *value, int newValue) {
    __atomic_store_n(value, newValue, __ATOMIC_RELEASE);
}
