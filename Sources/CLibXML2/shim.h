#ifndef KURS_CLIBXML2_SHIM_H
#define KURS_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU support, and its headers pull in ICU's, which clash with
// the ICU that Foundation ships ("'UErrorCode' has different definitions in different modules").
// Kurs never uses libxml2's ICU encodings, so the switch is turned off before any other header.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlschemas.h>

// xmlFree is a global function pointer in libxml2; Swift 6 refuses to read a mutable global,
// so this reads it on the C side.
static inline void kurs_xml_free(void *pointer) { xmlFree(pointer); }

#endif
