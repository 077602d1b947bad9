// One HTTP request through libcurl, loaded with dlopen only when it is first needed, so that
// kurs starts without loading libcurl and the thirty libraries behind it (see docs/benchmarks).
#ifndef KURS_HTTP_H
#define KURS_HTTP_H

#include <stddef.h>

typedef struct {
  long status;          // the HTTP status, 0 when no answer came
  char *body;           // the answer's body (malloc'd; free with kurs_http_free), may be NULL
  size_t body_length;
  char error[256];      // why no answer came, when status is 0
  size_t max_body;      // the largest body read (set by kurs_http_perform)
  int too_large;        // 1 when the body was larger than max_body and reading stopped
} kurs_http_response;

// Performs METHOD on URL (http or https only) with the given header lines ("Name: value") and
// body, waiting at most timeout_ms and reading at most max_body bytes of the answer. Returns 0
// when an answer came (any status), -2 when its body was larger than max_body (reading stopped
// there, response->status says what the server answered), -1 otherwise (then response->error
// says why: libcurl missing, cannot connect, timed out).
int kurs_http_perform(const char *method, const char *url, const char *const *headers, size_t header_count,
                      const void *body, size_t body_length, long timeout_ms, size_t max_body,
                      kurs_http_response *response);

void kurs_http_free(kurs_http_response *response);

#endif
