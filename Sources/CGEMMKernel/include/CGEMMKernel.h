// The AVX-512 micro-kernel of InitLab's GEMM, and the CPU check that selects it at run time.
//
// Every element of C is one fused multiply-add chain over k in increasing order, starting from 0
// (c = fma(a[k], b[k], c)); a k block continues the chain from the value stored in C. FMA is
// exactly rounded, so this kernel and the AVX2 one in Swift give identical bits.
#ifndef INITLAB_CGEMMKERNEL_H
#define INITLAB_CGEMMKERNEL_H

#include <stddef.h>

/// Rows of C per micro-tile.
#define INITLAB_GEMM_MR 8
/// Most 16-float vectors per micro-tile row (micro-tiles are 8 x 16, 8 x 32 or 8 x 48).
#define INITLAB_GEMM_MAX_VECTORS 3

/// 1 when the CPU and the operating system support AVX-512 F/BW/DQ/VL (cpuid and xgetbv).
int initlab_cpu_has_avx512(void);

/// C (rows x width, leading dimension ldc) = or += (when `accumulate`) A-panel * B-strip over kc.
/// A element (r, p) is a[offsets[r] + p * a_index_stride] for r < 8 (offsets of rows past
/// `rows` must point at readable data; those results are dropped); with `offsets` NULL, A is a
/// panel from `initlab_sgemm_avx512_pack_a`, element (r, p) at a[8 p + r]. B element (p, j) is
/// b[p * b_stride + j] for j < width <= 48; columns past width are not read.
void initlab_sgemm_avx512_kernel(
    ptrdiff_t kc, const float *a, const ptrdiff_t *offsets, ptrdiff_t a_index_stride, const float *b,
    ptrdiff_t b_stride, float *c, ptrdiff_t ldc, int rows, int width, int accumulate);

/// Copies op(B)[p0 ..< p0 + kc, j0 ..< j0 + width] into `packed`, k-major with `stride` floats per
/// row (stride >= width, a multiple of 16), zero-padded on the right. op(B)[p, j] is
/// b[p * ldb + j], or b[j * ldb + p] when `transposed`.
void initlab_sgemm_avx512_pack_b(
    const float *b, ptrdiff_t ldb, int transposed, ptrdiff_t p0, ptrdiff_t kc, ptrdiff_t j0, ptrdiff_t width,
    ptrdiff_t stride, float *packed);

/// Copies rows row0 ..< row0 + rows (rows <= 8) of op(A), columns p0 ..< p0 + kc, into `packed`
/// as kc groups of 8 floats (one per row; missing rows are zero): the kernel then reads it with
/// offsets 0...7 and index stride 8. op(A)[r, p] is a[r * lda + p], or a[p * lda + r] when
/// `transposed`.
void initlab_sgemm_avx512_pack_a(
    const float *a, ptrdiff_t lda, int transposed, ptrdiff_t row0, int rows, ptrdiff_t p0, ptrdiff_t kc,
    float *packed);

#endif
