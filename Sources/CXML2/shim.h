#ifndef NASTAVNIK_CXML2_SHIM_H
#define NASTAVNIK_CXML2_SHIM_H
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/HTMLparser.h>
#include <libxml/xmlerror.h>
#endif
