#ifndef KURS_CCRYPTO_SHIM_H
#define KURS_CCRYPTO_SHIM_H
#include <openssl/evp.h>
#endif
