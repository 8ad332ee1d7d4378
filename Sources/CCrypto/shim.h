#ifndef NASTAVNIK_CCRYPTO_SHIM_H
#define NASTAVNIK_CCRYPTO_SHIM_H
// The system's libcrypto (OpenSSL 3): SHA-256 digests and HMAC-SHA256, nothing else.
#include <openssl/evp.h>
#include <openssl/hmac.h>
#endif
