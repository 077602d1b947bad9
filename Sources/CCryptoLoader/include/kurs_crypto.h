#ifndef KURS_CRYPTO_H
#define KURS_CRYPTO_H

// The libcrypto functions Kurs uses, each as kurs_NAME with OpenSSL's own signature. They load
// libcrypto on first use (dlopen), so that starting kurs does not: linking libcrypto made every
// start, `kurs courses` too, about 1.5 ms slower. The types are OpenSSL's, named by their struct
// tags, so that this header needs no OpenSSL header and Swift sees them as in CCrypto.

#include <stddef.h>

struct bio_st;
struct bio_method_st;
struct engine_st;
struct evp_cipher_st;
struct evp_md_st;
struct evp_md_ctx_st;
struct evp_pkey_st;
struct evp_pkey_ctx_st;
typedef int kurs_pem_password_cb(char *buffer, int size, int rwflag, void *user);

// EVP digests.
const struct evp_md_st *kurs_EVP_sha256(void);
int kurs_EVP_Digest(const void *data, size_t count, unsigned char *md, unsigned int *size, const struct evp_md_st *type,
                    struct engine_st *engine);
struct evp_md_ctx_st *kurs_EVP_MD_CTX_new(void);
void kurs_EVP_MD_CTX_free(struct evp_md_ctx_st *context);
int kurs_EVP_MD_CTX_copy_ex(struct evp_md_ctx_st *out, const struct evp_md_ctx_st *in);
int kurs_EVP_DigestInit_ex(struct evp_md_ctx_st *context, const struct evp_md_st *type, struct engine_st *engine);
int kurs_EVP_DigestUpdate(struct evp_md_ctx_st *context, const void *data, size_t count);
int kurs_EVP_DigestFinal_ex(struct evp_md_ctx_st *context, unsigned char *md, unsigned int *size);

// Signatures.
int kurs_EVP_DigestSignInit(struct evp_md_ctx_st *context, struct evp_pkey_ctx_st **pctx, const struct evp_md_st *type,
                            struct engine_st *engine, struct evp_pkey_st *key);
int kurs_EVP_DigestSign(struct evp_md_ctx_st *context, unsigned char *signature, size_t *length,
                        const unsigned char *message, size_t count);
int kurs_EVP_DigestVerifyInit(struct evp_md_ctx_st *context, struct evp_pkey_ctx_st **pctx,
                              const struct evp_md_st *type, struct engine_st *engine, struct evp_pkey_st *key);
int kurs_EVP_DigestVerify(struct evp_md_ctx_st *context, const unsigned char *signature, size_t length,
                          const unsigned char *message, size_t count);

// Keys.
struct evp_pkey_ctx_st *kurs_EVP_PKEY_CTX_new_id(int id, struct engine_st *engine);
void kurs_EVP_PKEY_CTX_free(struct evp_pkey_ctx_st *context);
int kurs_EVP_PKEY_keygen_init(struct evp_pkey_ctx_st *context);
int kurs_EVP_PKEY_keygen(struct evp_pkey_ctx_st *context, struct evp_pkey_st **key);
void kurs_EVP_PKEY_free(struct evp_pkey_st *key);
int kurs_EVP_PKEY_get_id(const struct evp_pkey_st *key);
int kurs_EVP_PKEY_get_raw_private_key(const struct evp_pkey_st *key, unsigned char *raw, size_t *length);
int kurs_EVP_PKEY_get_raw_public_key(const struct evp_pkey_st *key, unsigned char *raw, size_t *length);
struct evp_pkey_st *kurs_EVP_PKEY_new_raw_private_key(int type, struct engine_st *engine, const unsigned char *raw,
                                                      size_t length);
struct evp_pkey_st *kurs_EVP_PKEY_new_raw_public_key(int type, struct engine_st *engine, const unsigned char *raw,
                                                     size_t length);

// PEM through memory BIOs.
const struct bio_method_st *kurs_BIO_s_mem(void);
struct bio_st *kurs_BIO_new(const struct bio_method_st *type);
struct bio_st *kurs_BIO_new_mem_buf(const void *buffer, int length);
int kurs_BIO_free(struct bio_st *bio);
int kurs_BIO_read(struct bio_st *bio, void *data, int length);
int kurs_PEM_write_bio_PrivateKey(struct bio_st *bio, const struct evp_pkey_st *key, const struct evp_cipher_st *cipher,
                                  const unsigned char *kstr, int klen, kurs_pem_password_cb *callback, void *user);
int kurs_PEM_write_bio_PUBKEY(struct bio_st *bio, const struct evp_pkey_st *key);
struct evp_pkey_st *kurs_PEM_read_bio_PrivateKey(struct bio_st *bio, struct evp_pkey_st **key,
                                                 kurs_pem_password_cb *callback, void *user);
struct evp_pkey_st *kurs_PEM_read_bio_PUBKEY(struct bio_st *bio, struct evp_pkey_st **key,
                                             kurs_pem_password_cb *callback, void *user);

// Errors.
unsigned long kurs_ERR_get_error(void);
void kurs_ERR_clear_error(void);
void kurs_ERR_error_string_n(unsigned long code, char *buffer, size_t length);

#endif
