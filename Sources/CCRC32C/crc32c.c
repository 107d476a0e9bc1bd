// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), as used by iSCSI, ext4 and SCTP.
#include "CCRC32C.h"

#include <string.h>

#if defined(__linux__) && defined(__aarch64__)
#include <sys/auxv.h>
#endif

static uint32_t table[8][256];

__attribute__((constructor)) static void make_table(void) {
    for (uint32_t n = 0; n < 256; n++) {
        uint32_t c = n;
        for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0x82F63B78u & (0u - (c & 1)));
        table[0][n] = c;
    }
    for (uint32_t n = 0; n < 256; n++)
        for (int k = 1; k < 8; k++) table[k][n] = (table[k - 1][n] >> 8) ^ table[0][table[k - 1][n] & 0xFF];
}

uint32_t srm_crc32c_portable(uint32_t crc, const void *data, size_t count) {
    const unsigned char *p = data;
    crc = ~crc;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
        word = __builtin_bswap64(word);
#endif
        word ^= crc;
        crc = table[7][word & 0xFF] ^ table[6][(word >> 8) & 0xFF] ^ table[5][(word >> 16) & 0xFF]
            ^ table[4][(word >> 24) & 0xFF] ^ table[3][(word >> 32) & 0xFF] ^ table[2][(word >> 40) & 0xFF]
            ^ table[1][(word >> 48) & 0xFF] ^ table[0][word >> 56];
        p += 8;
        count -= 8;
    }
    while (count--) crc = (crc >> 8) ^ table[0][(crc ^ *p++) & 0xFF];
    return ~crc;
}

#if defined(__x86_64__)
__attribute__((target("sse4.2"))) static uint32_t hardware(uint32_t crc, const void *data, size_t count) {
    const unsigned char *p = data;
    uint64_t c = ~crc;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        c = __builtin_ia32_crc32di(c, word);
        p += 8;
        count -= 8;
    }
    uint32_t c32 = (uint32_t)c;
    while (count--) c32 = __builtin_ia32_crc32qi(c32, *p++);
    return ~c32;
}
static int has_hardware(void) { return __builtin_cpu_supports("sse4.2"); }
#elif defined(__aarch64__)
__attribute__((target("crc"))) static uint32_t hardware(uint32_t crc, const void *data, size_t count) {
    const unsigned char *p = data;
    uint32_t c = ~crc;
    while (count >= 8) {
        uint64_t word;
        memcpy(&word, p, 8);
        c = __builtin_arm_crc32cd(c, word);
        p += 8;
        count -= 8;
    }
    while (count--) c = __builtin_arm_crc32cb(c, *p++);
    return ~c;
}
#if defined(__linux__)
static int has_hardware(void) { return (getauxval(AT_HWCAP) & (1 << 7)) != 0; /* HWCAP_CRC32 */ }
#else
static int has_hardware(void) { return 1; }
#endif
#endif

uint32_t srm_crc32c(uint32_t crc, const void *data, size_t count) {
#if defined(__x86_64__) || defined(__aarch64__)
    static int use = -1;  // -1: not asked yet (a race only asks twice)
    int known = __atomic_load_n(&use, __ATOMIC_RELAXED);
    if (known < 0) {
        known = has_hardware();
        __atomic_store_n(&use, known, __ATOMIC_RELAXED);
    }
    if (known) return hardware(crc, data, count);
#endif
    return srm_crc32c_portable(crc, data, count);
}
