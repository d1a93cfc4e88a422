// The system zlib (headers from zlib1g-dev), for gzip input and output.
// inflateInit2 and deflateInit2 are macros that pass the library's version and the
// stream's size; Swift cannot import function-like macros, so these wrappers call them.
#include <zlib.h>

static inline int czlib_inflate_init(z_streamp stream, int windowBits) {
    return inflateInit2(stream, windowBits);
}

static inline int czlib_deflate_init(z_streamp stream, int level, int windowBits) {
    return deflateInit2(stream, level, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY);
}
