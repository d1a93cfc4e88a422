// The system libzstd (headers from libzstd-dev), for zstd input and output.
// ZSTD_getFrameHeader, which tells the window a frame asks for, is in the library's
// "static linking only" section; Debian's libzstd exports it from both the .so and the .a.
#define ZSTD_STATIC_LINKING_ONLY
#include <zstd.h>
#include <zstd_errors.h>
