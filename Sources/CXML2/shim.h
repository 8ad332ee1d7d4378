#ifndef NASTAVNIK_CXML2_SHIM_H
#define NASTAVNIK_CXML2_SHIM_H
/* libxml2 built with ICU declares ICU converters in <libxml/encoding.h>. Those ICU headers clash with
 * the copy Foundation carries, so they are left out: this project never touches the encoding handler's
 * ICU fields, only pointers to the handler. */
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#endif
