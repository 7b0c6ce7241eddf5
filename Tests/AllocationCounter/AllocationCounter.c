// Counts heap allocations for the "a training step allocates nothing" test.
//
// glibc (2.34+) has no malloc hooks any more, and LD_PRELOAD does not fit `swift test`; but a
// malloc defined in the executable interposes the one in libc for every shared library too
// (glibc manual, "Replacing malloc"). These forward to glibc's own entry points, so the
// allocator is unchanged and only a thread-local increment is added per call.
#include "AllocationCounter.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>

extern void *__libc_malloc(size_t size);
extern void __libc_free(void *pointer);
extern void *__libc_calloc(size_t count, size_t size);
extern void *__libc_realloc(void *pointer, size_t size);
extern void *__libc_memalign(size_t alignment, size_t size);

// Per thread: the tests of other suites run at the same time and allocate on their threads.
static _Thread_local long allocations;

static void count(void) { allocations += 1; }

long initlab_allocation_count(void) { return allocations; }

void *malloc(size_t size) {
    count();
    return __libc_malloc(size);
}

void free(void *pointer) { __libc_free(pointer); }

void *calloc(size_t count_, size_t size) {
    count();
    return __libc_calloc(count_, size);
}

void *realloc(void *pointer, size_t size) {
    count();
    return __libc_realloc(pointer, size);
}

void *memalign(size_t alignment, size_t size) {
    count();
    return __libc_memalign(alignment, size);
}

void *aligned_alloc(size_t alignment, size_t size) {
    count();
    return __libc_memalign(alignment, size);
}

int posix_memalign(void **result, size_t alignment, size_t size) {
    if (alignment < sizeof(void *) || (alignment & (alignment - 1)) != 0) return EINVAL;
    count();
    void *pointer = __libc_memalign(alignment, size);
    if (pointer == NULL) return ENOMEM;
    *result = pointer;
    return 0;
}
