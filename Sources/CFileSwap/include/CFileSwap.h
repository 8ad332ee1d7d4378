#ifndef CFILESWAP_H
#define CFILESWAP_H

/// Exchanges two paths atomically (Linux renameat2 with RENAME_EXCHANGE): both must exist.
/// Returns 0, or -1 with errno set (EINVAL or ENOSYS where the filesystem or kernel cannot exchange).
int cfileswap_exchange(const char *first, const char *second);

/// Fills `buffer` with `count` random bytes from the kernel (getrandom, else /dev/urandom). Returns 0, or -1.
int cfileswap_random(unsigned char *buffer, unsigned long count);

#endif
