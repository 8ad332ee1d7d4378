#define _GNU_SOURCE
#include "CFileSwap.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <unistd.h>

#ifndef RENAME_EXCHANGE
#define RENAME_EXCHANGE (1 << 1)
#endif

int cfileswap_exchange(const char *first, const char *second) {
#ifdef SYS_renameat2
    return (int)syscall(SYS_renameat2, AT_FDCWD, first, AT_FDCWD, second, RENAME_EXCHANGE);
#else
    errno = ENOSYS;
    return -1;
#endif
}

int cfileswap_random(unsigned char *buffer, unsigned long count) {
    unsigned long filled = 0;
#ifdef SYS_getrandom
    while (filled < count) {
        long got = syscall(SYS_getrandom, buffer + filled, count - filled, 0);
        if (got < 0) {
            if (errno == EINTR) continue;
            break;
        }
        filled += (unsigned long)got;
    }
    if (filled == count) return 0;
#endif
    int descriptor = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    if (descriptor < 0) return -1;
    while (filled < count) {
        ssize_t got = read(descriptor, buffer + filled, count - filled);
        if (got <= 0) {
            if (got < 0 && errno == EINTR) continue;
            close(descriptor);
            return -1;
        }
        filled += (unsigned long)got;
    }
    close(descriptor);
    return 0;
}
