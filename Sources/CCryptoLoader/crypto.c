// libcrypto loaded on first use (see kurs_crypto.h). Each kurs_NAME calls NAME in the library
// loaded with dlopen. A kurs without libcrypto starts and lists courses; the first use stops it
// with a message saying what to install, as the dynamic loader used to at every start.

#include "kurs_crypto.h"

#include <dlfcn.h>
#include <openssl/bio.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// Every function used, by name: a pointer to each, filled once.
#define FUNCTIONS(X)                                                                                 \
  X(EVP_sha256) X(EVP_Digest) X(EVP_MD_CTX_new) X(EVP_MD_CTX_free) X(EVP_MD_CTX_copy_ex)              \
  X(EVP_DigestInit_ex) X(EVP_DigestUpdate) X(EVP_DigestFinal_ex) X(EVP_DigestSignInit) X(EVP_DigestSign) \
  X(EVP_DigestVerifyInit) X(EVP_DigestVerify) X(EVP_PKEY_CTX_new_id) X(EVP_PKEY_CTX_free)             \
  X(EVP_PKEY_keygen_init) X(EVP_PKEY_keygen) X(EVP_PKEY_free) X(EVP_PKEY_get_id)                     \
  X(EVP_PKEY_get_raw_private_key) X(EVP_PKEY_get_raw_public_key) X(EVP_PKEY_new_raw_private_key)     \
  X(EVP_PKEY_new_raw_public_key) X(BIO_s_mem) X(BIO_new) X(BIO_new_mem_buf) X(BIO_free) X(BIO_read)   \
  X(PEM_write_bio_PrivateKey) X(PEM_write_bio_PUBKEY) X(PEM_read_bio_PrivateKey) X(PEM_read_bio_PUBKEY) \
  X(ERR_get_error) X(ERR_clear_error) X(ERR_error_string_n)

#define POINTER(name) static __typeof__(name) *real_##name;
FUNCTIONS(POINTER)

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void fail(const char *what) {
  fprintf(stderr, "kurs: %s; install OpenSSL's libcrypto 3 (Debian: apt install libssl3)\n", what);
  exit(2);
}

static void load(void) {
  void *library = dlopen("libcrypto.so.3", RTLD_NOW | RTLD_LOCAL);
  if (!library) fail("libcrypto.so.3 could not be loaded");
#define RESOLVE(name)                                                \
  *(void **)&real_##name = dlsym(library, #name);                    \
  if (!real_##name) fail("this libcrypto has no " #name);
  FUNCTIONS(RESOLVE)
}

#define READY() pthread_once(&once, load)

const struct evp_md_st *kurs_EVP_sha256(void) { READY(); return real_EVP_sha256(); }
int kurs_EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size, const struct evp_md_st *type,
                    struct engine_st *engine) {
  READY();
  return real_EVP_Digest(data, count, md, size, type, engine);
}
struct evp_md_ctx_st *kurs_EVP_MD_CTX_new(void) { READY(); return real_EVP_MD_CTX_new(); }
void kurs_EVP_MD_CTX_free(struct evp_md_ctx_st *context) { READY(); real_EVP_MD_CTX_free(context); }
int kurs_EVP_MD_CTX_copy_ex(struct evp_md_ctx_st *out, const struct evp_md_ctx_st *in) {
  READY();
  return real_EVP_MD_CTX_copy_ex(out, in);
}
int kurs_EVP_DigestInit_ex(struct evp_md_ctx_st *context, const struct evp_md_st *type, struct engine_st *engine) {
  READY();
  return real_EVP_DigestInit_ex(context, type, engine);
}
int kurs_EVP_DigestUpdate(struct evp_md_ctx_st *context, const void *data, size_t count) {
  READY();
  return real_EVP_DigestUpdate(context, data, count);
}
int kurs_EVP_DigestFinal_ex(struct evp_md_ctx_st *context, unsigned char *md, unsigned int *size) {
  READY();
  return real_EVP_DigestFinal_ex(context, md, size);
}
int kurs_EVP_DigestSignInit(struct evp_md_ctx_st *context, struct evp_pkey_ctx_st **pctx, const struct evp_md_st *type,
                            struct engine_st *engine, struct evp_pkey_st *key) {
  READY();
  return real_EVP_DigestSignInit(context, pctx, type, engine, key);
}
int kurs_EVP_DigestSign(struct evp_md_ctx_st *context, unsigned char *signature, size_t *length,
                        const unsigned char *message, size_t count) {
  READY();
  return real_EVP_DigestSign(context, signature, length, message, count);
}
int kurs_EVP_DigestVerifyInit(struct evp_md_ctx_st *context, struct evp_pkey_ctx_st **pctx,
                              const struct evp_md_st *type, struct engine_st *engine, struct evp_pkey_st *key) {
  READY();
  return real_EVP_DigestVerifyInit(context, pctx, type, engine, key);
}
int kurs_EVP_DigestVerify(struct evp_md_ctx_st *context, const unsigned char *signature, size_t length,
                          const unsigned char *message, size_t count) {
  READY();
  return real_EVP_DigestVerify(context, signature, length, message, count);
}
struct evp_pkey_ctx_st *kurs_EVP_PKEY_CTX_new_id(int id, struct engine_st *engine) {
  READY();
  return real_EVP_PKEY_CTX_new_id(id, engine);
}
void kurs_EVP_PKEY_CTX_free(struct evp_pkey_ctx_st *context) { READY(); real_EVP_PKEY_CTX_free(context); }
int kurs_EVP_PKEY_keygen_init(struct evp_pkey_ctx_st *context) { READY(); return real_EVP_PKEY_keygen_init(context); }
int kurs_EVP_PKEY_keygen(struct evp_pkey_ctx_st *context, struct evp_pkey_st **key) {
  READY();
  return real_EVP_PKEY_keygen(context, key);
}
void kurs_EVP_PKEY_free(struct evp_pkey_st *key) { READY(); real_EVP_PKEY_free(key); }
int kurs_EVP_PKEY_get_id(const struct evp_pkey_st *key) { READY(); return real_EVP_PKEY_get_id(key); }
int kurs_EVP_PKEY_get_raw_private_key(const struct evp_pkey_st *key, unsigned char *raw, size_t *length) {
  READY();
  return real_EVP_PKEY_get_raw_private_key(key, raw, length);
}
int kurs_EVP_PKEY_get_raw_public_key(const struct evp_pkey_st *key, unsigned char *raw, size_t *length) {
  READY();
  return real_EVP_PKEY_get_raw_public_key(key, raw, length);
}
struct evp_pkey_st *kurs_EVP_PKEY_new_raw_private_key(int type, struct engine_st *engine, const unsigned char *raw,
                                                      size_t length) {
  READY();
  return real_EVP_PKEY_new_raw_private_key(type, engine, raw, length);
}
struct evp_pkey_st *kurs_EVP_PKEY_new_raw_public_key(int type, struct engine_st *engine, const unsigned char *raw,
                                                     size_t length) {
  READY();
  return real_EVP_PKEY_new_raw_public_key(type, engine, raw, length);
}
const struct bio_method_st *kurs_BIO_s_mem(void) { READY(); return real_BIO_s_mem(); }
struct bio_st *kurs_BIO_new(const struct bio_method_st *type) { READY(); return real_BIO_new(type); }
struct bio_st *kurs_BIO_new_mem_buf(const void *buffer, int length) {
  READY();
  return real_BIO_new_mem_buf(buffer, length);
}
int kurs_BIO_free(struct bio_st *bio) { READY(); return real_BIO_free(bio); }
int kurs_BIO_read(struct bio_st *bio, void *data, int length) { READY(); return real_BIO_read(bio, data, length); }
int kurs_PEM_write_bio_PrivateKey(struct bio_st *bio, const struct evp_pkey_st *key, const struct evp_cipher_st *cipher,
                                  const unsigned char *kstr, int klen, kurs_pem_password_cb *callback, void *user) {
  READY();
  return real_PEM_write_bio_PrivateKey(bio, key, cipher, kstr, klen, callback, user);
}
int kurs_PEM_write_bio_PUBKEY(struct bio_st *bio, const struct evp_pkey_st *key) {
  READY();
  return real_PEM_write_bio_PUBKEY(bio, key);
}
struct evp_pkey_st *kurs_PEM_read_bio_PrivateKey(struct bio_st *bio, struct evp_pkey_st **key,
                                                 kurs_pem_password_cb *callback, void *user) {
  READY();
  return real_PEM_read_bio_PrivateKey(bio, key, callback, user);
}
struct evp_pkey_st *kurs_PEM_read_bio_PUBKEY(struct bio_st *bio, struct evp_pkey_st **key,
                                             kurs_pem_password_cb *callback, void *user) {
  READY();
  return real_PEM_read_bio_PUBKEY(bio, key, callback, user);
}
unsigned long kurs_ERR_get_error(void) { READY(); return real_ERR_get_error(); }
void kurs_ERR_clear_error(void) { READY(); real_ERR_clear_error(); }
void kurs_ERR_error_string_n(unsigned long code, char *buffer, size_t length) {
  READY();
  real_ERR_error_string_n(code, buffer, length);
}
