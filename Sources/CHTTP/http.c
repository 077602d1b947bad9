#include "kurs_http.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

// libcurl's ABI, declared here so that building Kurs needs no curl headers. These numbers are
// part of libcurl's stable interface (curl/curl.h).
enum {
  OPT_WRITEDATA = 10001, OPT_URL = 10002, OPT_POSTFIELDS = 10015, OPT_HTTPHEADER = 10023,
  OPT_CUSTOMREQUEST = 10036, OPT_WRITEFUNCTION = 20011, OPT_NOSIGNAL = 99, OPT_TIMEOUT_MS = 155,
  OPT_CONNECTTIMEOUT_MS = 156, OPT_POSTFIELDSIZE_LARGE = 30120, OPT_PROTOCOLS = 181,
  OPT_HTTPGET = 80, OPT_POST = 47
};
#define INFO_RESPONSE_CODE 0x200002
#define PROTO_HTTP_HTTPS 3L
#define GLOBAL_DEFAULT 3L

struct slist;
typedef void CURL;
static struct {
  int loaded;
  char problem[200];
  int (*global_init)(long);
  CURL *(*easy_init)(void);
  int (*easy_setopt)(CURL *, int, ...);
  int (*easy_perform)(CURL *);
  int (*easy_getinfo)(CURL *, int, ...);
  void (*easy_cleanup)(CURL *);
  const char *(*easy_strerror)(int);
  struct slist *(*slist_append)(struct slist *, const char *);
  void (*slist_free_all)(struct slist *);
} curl;

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
  const char *names[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl.so"};
  void *library = NULL;
  for (size_t i = 0; i < sizeof names / sizeof *names && !library; i++) library = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
  if (!library) {
    snprintf(curl.problem, sizeof curl.problem, "libcurl is not installed (Debian: apt install libcurl4)");
    return;
  }
#define SYMBOL(field, name)                                                                             \
  *(void **)&curl.field = dlsym(library, name);                                                         \
  if (!curl.field) {                                                                                    \
    snprintf(curl.problem, sizeof curl.problem, "this libcurl lacks %s; install libcurl4 7.62 or newer", name); \
    return;                                                                                             \
  }
  SYMBOL(global_init, "curl_global_init")
  SYMBOL(easy_init, "curl_easy_init")
  SYMBOL(easy_setopt, "curl_easy_setopt")
  SYMBOL(easy_perform, "curl_easy_perform")
  SYMBOL(easy_getinfo, "curl_easy_getinfo")
  SYMBOL(easy_cleanup, "curl_easy_cleanup")
  SYMBOL(easy_strerror, "curl_easy_strerror")
  SYMBOL(slist_append, "curl_slist_append")
  SYMBOL(slist_free_all, "curl_slist_free_all")
#undef SYMBOL
  if (curl.global_init(GLOBAL_DEFAULT) != 0) {
    snprintf(curl.problem, sizeof curl.problem, "libcurl could not start");
    return;
  }
  curl.loaded = 1;
}

static size_t collect(char *data, size_t size, size_t count, void *context) {
  kurs_http_response *response = context;
  size_t length = size * count;
  // An answer larger than the caller allows is not read on: a hostile or broken server could
  // otherwise fill the memory with an endless body.
  if (length > response->max_body || response->body_length > response->max_body - length) {
    response->too_large = 1;
    return 0;  // libcurl then stops with a write error
  }
  char *grown = realloc(response->body, response->body_length + length + 1);
  if (!grown) return 0;  // libcurl then stops with a write error
  memcpy(grown + response->body_length, data, length);
  response->body = grown;
  response->body_length += length;
  response->body[response->body_length] = 0;
  return length;
}

int kurs_http_perform(const char *method, const char *url, const char *const *headers, size_t header_count,
                      const void *body, size_t body_length, long timeout_ms, size_t max_body,
                      kurs_http_response *response) {
  memset(response, 0, sizeof *response);
  response->max_body = max_body;
  pthread_once(&once, load);
  if (!curl.loaded) {
    snprintf(response->error, sizeof response->error, "%s", curl.problem);
    return -1;
  }
  CURL *handle = curl.easy_init();
  if (!handle) {
    snprintf(response->error, sizeof response->error, "libcurl could not start a request");
    return -1;
  }
  struct slist *list = NULL;
  for (size_t i = 0; i < header_count; i++) list = curl.slist_append(list, headers[i]);
  curl.easy_setopt(handle, OPT_URL, url);
  curl.easy_setopt(handle, OPT_PROTOCOLS, PROTO_HTTP_HTTPS);
  curl.easy_setopt(handle, OPT_NOSIGNAL, 1L);
  curl.easy_setopt(handle, OPT_TIMEOUT_MS, timeout_ms);
  curl.easy_setopt(handle, OPT_CONNECTTIMEOUT_MS, timeout_ms);
  curl.easy_setopt(handle, OPT_HTTPHEADER, list);
  curl.easy_setopt(handle, OPT_WRITEFUNCTION, collect);
  curl.easy_setopt(handle, OPT_WRITEDATA, response);
  if (body) {
    curl.easy_setopt(handle, OPT_POST, 1L);
    curl.easy_setopt(handle, OPT_POSTFIELDSIZE_LARGE, (long long)body_length);
    curl.easy_setopt(handle, OPT_POSTFIELDS, body);
  } else {
    curl.easy_setopt(handle, OPT_HTTPGET, 1L);
  }
  if (strcmp(method, "GET") != 0 && strcmp(method, "POST") != 0) curl.easy_setopt(handle, OPT_CUSTOMREQUEST, method);
  int code = curl.easy_perform(handle);
  int result = 0;
  if (code != 0 && response->too_large) {
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &response->status);
    snprintf(response->error, sizeof response->error, "the answer is larger than %zu bytes", max_body);
    result = -2;
  } else if (code != 0) {
    snprintf(response->error, sizeof response->error, "%s", curl.easy_strerror(code));
    result = -1;
  } else {
    curl.easy_getinfo(handle, INFO_RESPONSE_CODE, &response->status);
  }
  curl.slist_free_all(list);
  curl.easy_cleanup(handle);
  return result;
}

void kurs_http_free(kurs_http_response *response) {
  free(response->body);
  response->body = NULL;
  response->body_length = 0;
}
