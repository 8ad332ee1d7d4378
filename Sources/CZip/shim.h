#ifndef NASTAVNIK_CZIP_SHIM_H
#define NASTAVNIK_CZIP_SHIM_H
#include <zip.h>
#endif
