#ifndef CCRC32C_H
#define CCRC32C_H

#include <stddef.h>
#include <stdint.h>

/// The CRC-32C (Castagnoli) of `count` bytes at `data`, continuing from `crc` (0 to start).
/// Uses the processor's CRC-32C instruction (SSE 4.2 on x86-64, the CRC extension on 64-bit
/// ARM) when it has one, else a slicing-by-8 table.
uint32_t srm_crc32c(uint32_t crc, const void *data, size_t count);

/// The same, always through the table (to test the two against each other).
uint32_t srm_crc32c_portable(uint32_t crc, const void *data, size_t count);

#endif
