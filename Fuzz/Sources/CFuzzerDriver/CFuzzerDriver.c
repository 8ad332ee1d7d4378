// The declaration of CFuzzerDriver.h is all: libFuzzer itself comes with -sanitize=fuzzer.
#include "CFuzzerDriver.h"
