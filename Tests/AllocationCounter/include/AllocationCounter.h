#ifndef INITLAB_ALLOCATION_COUNTER_H
#define INITLAB_ALLOCATION_COUNTER_H

/// Heap allocations (malloc, calloc, realloc, aligned allocations) made by the calling thread
/// since it started. The test binary's malloc family forwards to glibc and counts.
long initlab_allocation_count(void);

#endif
