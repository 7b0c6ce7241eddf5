// gzip decompression for IDX and CSV data files.
#include <zlib.h>
