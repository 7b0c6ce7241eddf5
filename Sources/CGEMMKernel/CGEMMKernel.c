#include "CGEMMKernel.h"

#if defined(__x86_64__)
#include <cpuid.h>
#include <immintrin.h>

#define AVX512 __attribute__((target("avx512f,avx512bw,avx512dq,avx512vl,fma,bmi2")))

int initlab_cpu_has_avx512(void) {
    unsigned eax, ebx, ecx, edx;
    if (!__get_cpuid(1, &eax, &ebx, &ecx, &edx)) return 0;
    if (!(ecx & (1u << 27))) return 0;  // OSXSAVE: xgetbv is usable
    unsigned lo, hi;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    if ((lo & 0xE6) != 0xE6) return 0;  // the OS saves SSE, AVX and all AVX-512 state
    if (!__get_cpuid_count(7, 0, &eax, &ebx, &ecx, &edx)) return 0;
    const unsigned needed = (1u << 16) | (1u << 17) | (1u << 30) | (1u << 31);  // F, DQ, BW, VL
    return (ebx & needed) == needed;
}

/// The micro-kernel for `nv` vectors per row; with `packed`, A is a packed panel (8 floats per
/// k step, offsets 0...7) addressed from one register.
static inline __attribute__((always_inline)) AVX512 void kernel(
    const int nv, const int packed, ptrdiff_t kc, const float *a, const ptrdiff_t *offsets, ptrdiff_t is,
    const float *b, ptrdiff_t bs, float *c, ptrdiff_t ldc, int rows, int width, int accumulate) {
    const __mmask16 last = (width & 15) ? (__mmask16)((1u << (width & 15)) - 1) : (__mmask16)0xFFFF;
    __m512 acc[INITLAB_GEMM_MR][INITLAB_GEMM_MAX_VECTORS];
    for (int r = 0; r < INITLAB_GEMM_MR; r++) {
        for (int v = 0; v < nv; v++) {
            const __mmask16 mask = (v == nv - 1) ? last : (__mmask16)0xFFFF;
            acc[r][v] = (accumulate && r < rows) ? _mm512_maskz_loadu_ps(mask, c + r * ldc + 16 * v)
                                                 : _mm512_setzero_ps();
        }
    }
    if (packed) is = INITLAB_GEMM_MR;
    const float *a0 = a + (packed ? 0 : offsets[0]), *a1 = a + (packed ? 1 : offsets[1]);
    const float *a2 = a + (packed ? 2 : offsets[2]), *a3 = a + (packed ? 3 : offsets[3]);
    const float *a4 = a + (packed ? 4 : offsets[4]), *a5 = a + (packed ? 5 : offsets[5]);
    const float *a6 = a + (packed ? 6 : offsets[6]), *a7 = a + (packed ? 7 : offsets[7]);
    for (ptrdiff_t p = 0; p < kc; p++) {
        __m512 bv[INITLAB_GEMM_MAX_VECTORS];
        for (int v = 0; v < nv; v++) {
            bv[v] = (v == nv - 1) ? _mm512_maskz_loadu_ps(last, b + 16 * v) : _mm512_loadu_ps(b + 16 * v);
        }
        const ptrdiff_t q = p * is;
        const __m512 s[INITLAB_GEMM_MR] = {
            _mm512_set1_ps(a0[q]), _mm512_set1_ps(a1[q]), _mm512_set1_ps(a2[q]), _mm512_set1_ps(a3[q]),
            _mm512_set1_ps(a4[q]), _mm512_set1_ps(a5[q]), _mm512_set1_ps(a6[q]), _mm512_set1_ps(a7[q]),
        };
        for (int r = 0; r < INITLAB_GEMM_MR; r++) {
            for (int v = 0; v < nv; v++) acc[r][v] = _mm512_fmadd_ps(s[r], bv[v], acc[r][v]);
        }
        b += bs;
    }
    // A constant trip count keeps the accumulators in registers; `rows` only guards.
    for (int r = 0; r < INITLAB_GEMM_MR; r++) {
        if (r >= rows) break;
        for (int v = 0; v < nv; v++) {
            const __mmask16 mask = (v == nv - 1) ? last : (__mmask16)0xFFFF;
            _mm512_mask_storeu_ps(c + r * ldc + 16 * v, mask, acc[r][v]);
        }
    }
}

#define KERNEL(name, nv, packed)                                                                              \
    static AVX512 void name(ptrdiff_t kc, const float *a, const ptrdiff_t *o, ptrdiff_t is, const float *b,          \
                            ptrdiff_t bs, float *c, ptrdiff_t ldc, int rows, int width, int accumulate) {            \
        kernel(nv, packed, kc, a, o, is, b, bs, c, ldc, rows, width, accumulate);                                   \
    }
KERNEL(kernel1, 1, 0)
KERNEL(kernel2, 2, 0)
KERNEL(kernel3, 3, 0)
KERNEL(packed1, 1, 1)
KERNEL(packed2, 2, 1)
KERNEL(packed3, 3, 1)

void initlab_sgemm_avx512_kernel(ptrdiff_t kc, const float *a, const ptrdiff_t *offsets, ptrdiff_t a_index_stride,
                                 const float *b, ptrdiff_t b_stride, float *c, ptrdiff_t ldc, int rows, int width,
                                 int accumulate) {
    if (offsets == 0) {  // a packed panel
        if (width > 32) {
            packed3(kc, a, offsets, a_index_stride, b, b_stride, c, ldc, rows, width, accumulate);
        } else if (width > 16) {
            packed2(kc, a, offsets, a_index_stride, b, b_stride, c, ldc, rows, width, accumulate);
        } else {
            packed1(kc, a, offsets, a_index_stride, b, b_stride, c, ldc, rows, width, accumulate);
        }
    } else if (width > 32) {
        kernel3(kc, a, offsets, a_index_stride, b, b_stride, c, ldc, rows, width, accumulate);
    } else if (width > 16) {
        kernel2(kc, a, offsets, a_index_stride, b, b_stride, c, ldc, rows, width, accumulate);
    } else {
        kernel1(kc, a, offsets, a_index_stride, b, b_stride, c, ldc, rows, width, accumulate);
    }
}

/// 16 x 16 transpose of floats: out[j * os + i] = in[i * is + j].
static inline __attribute__((always_inline)) AVX512 void transpose16(const float *in, ptrdiff_t is, float *out,
                                                                   ptrdiff_t os) {
    __m512 r[16], t[16];
    for (int i = 0; i < 16; i++) r[i] = _mm512_loadu_ps(in + i * is);
    for (int i = 0; i < 16; i += 2) {
        t[i] = _mm512_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm512_unpackhi_ps(r[i], r[i + 1]);
    }
    for (int i = 0; i < 16; i += 4) {
        r[i] = _mm512_shuffle_ps(t[i], t[i + 2], 0x44);
        r[i + 1] = _mm512_shuffle_ps(t[i], t[i + 2], 0xEE);
        r[i + 2] = _mm512_shuffle_ps(t[i + 1], t[i + 3], 0x44);
        r[i + 3] = _mm512_shuffle_ps(t[i + 1], t[i + 3], 0xEE);
    }
    for (int i = 0; i < 4; i++) {
        t[i] = _mm512_shuffle_f32x4(r[i], r[i + 4], 0x88);
        t[i + 4] = _mm512_shuffle_f32x4(r[i], r[i + 4], 0xDD);
        t[i + 8] = _mm512_shuffle_f32x4(r[i + 8], r[i + 12], 0x88);
        t[i + 12] = _mm512_shuffle_f32x4(r[i + 8], r[i + 12], 0xDD);
    }
    for (int i = 0; i < 8; i++) {
        r[i] = _mm512_shuffle_f32x4(t[i], t[i + 8], 0x88);
        r[i + 8] = _mm512_shuffle_f32x4(t[i], t[i + 8], 0xDD);
    }
    for (int i = 0; i < 16; i++) _mm512_storeu_ps(out + i * os, r[i]);  // r[i] is column i of the input
}

AVX512 void initlab_sgemm_avx512_pack_b(const float *b, ptrdiff_t ldb, int transposed, ptrdiff_t p0, ptrdiff_t kc,
                                        ptrdiff_t j0, ptrdiff_t width, ptrdiff_t stride, float *packed) {
    if (!transposed) {
        // Rows of B far apart sit on different pages, where the hardware prefetchers do not
        // follow: fetch the rows a few steps ahead.
        const ptrdiff_t ahead = 8;
        for (ptrdiff_t p = 0; p < kc; p++) {
            const float *source = b + (p0 + p) * ldb + j0;
            float *target = packed + p * stride;
            if (p + ahead < kc) {
                for (ptrdiff_t j = 0; j < width; j += 16) _mm_prefetch((const char *)(source + ahead * ldb + j), _MM_HINT_T0);
            }
            for (ptrdiff_t j = 0; j < stride; j += 16) {
                const ptrdiff_t left = width - j;
                const __mmask16 mask = left >= 16 ? (__mmask16)0xFFFF : left > 0 ? (__mmask16)((1u << left) - 1) : 0;
                _mm512_storeu_ps(target + j, _mm512_maskz_loadu_ps(mask, source + j));
            }
        }
        return;
    }
    // op(B)[p, j] = b[j * ldb + p]: 16 x 16 blocks are transposed in registers.
    ptrdiff_t j = 0;
    for (; j + 16 <= width; j += 16) {
        ptrdiff_t p = 0;
        for (; p + 16 <= kc; p += 16) transpose16(b + (j0 + j) * ldb + p0 + p, ldb, packed + p * stride + j, stride);
        for (; p < kc; p++) {
            for (ptrdiff_t jj = 0; jj < 16; jj++) packed[p * stride + j + jj] = b[(j0 + j + jj) * ldb + p0 + p];
        }
    }
    for (ptrdiff_t p = 0; p < kc; p++) {
        for (ptrdiff_t jj = j; jj < stride; jj++) {
            packed[p * stride + jj] = jj < width ? b[(j0 + jj) * ldb + p0 + p] : 0.0f;
        }
    }
}

/// 8 x 8 transpose of floats: out[j * 8 + i] = in[i * is + j] for the `rows` rows i present
/// (the others are zero).
static inline __attribute__((always_inline)) AVX512 void transpose8(const float *in, ptrdiff_t is, int rows,
                                                                  float *out) {
    __m256 r[8], t[8], u[8];
    for (int i = 0; i < 8; i++) r[i] = i < rows ? _mm256_loadu_ps(in + i * is) : _mm256_setzero_ps();
    for (int i = 0; i < 8; i += 2) {
        t[i] = _mm256_unpacklo_ps(r[i], r[i + 1]);
        t[i + 1] = _mm256_unpackhi_ps(r[i], r[i + 1]);
    }
    for (int i = 0; i < 8; i += 4) {
        u[i] = _mm256_shuffle_ps(t[i], t[i + 2], 0x44);
        u[i + 1] = _mm256_shuffle_ps(t[i], t[i + 2], 0xEE);
        u[i + 2] = _mm256_shuffle_ps(t[i + 1], t[i + 3], 0x44);
        u[i + 3] = _mm256_shuffle_ps(t[i + 1], t[i + 3], 0xEE);
    }
    for (int i = 0; i < 4; i++) {
        _mm256_storeu_ps(out + i * 8, _mm256_permute2f128_ps(u[i], u[i + 4], 0x20));
        _mm256_storeu_ps(out + (i + 4) * 8, _mm256_permute2f128_ps(u[i], u[i + 4], 0x31));
    }
}

AVX512 void initlab_sgemm_avx512_pack_a(const float *a, ptrdiff_t lda, int transposed, ptrdiff_t row0, int rows,
                                        ptrdiff_t p0, ptrdiff_t kc, float *packed) {
    if (transposed) {
        // op(A)[r, p] = a[p * lda + r]: the panel's 8 values for each p are contiguous.
        const __mmask8 mask = (__mmask8)((1u << rows) - 1);
        for (ptrdiff_t p = 0; p < kc; p++) {
            _mm256_storeu_ps(packed + p * 8, _mm256_maskz_loadu_ps(mask, a + (p0 + p) * lda + row0));
        }
        return;
    }
    const float *source = a + row0 * lda + p0;
    ptrdiff_t p = 0;
    for (; p + 8 <= kc; p += 8) transpose8(source + p, lda, rows, packed + p * 8);
    for (; p < kc; p++) {
        for (int r = 0; r < 8; r++) packed[p * 8 + r] = r < rows ? source[r * lda + p] : 0.0f;
    }
}

#else

int initlab_cpu_has_avx512(void) { return 0; }

void initlab_sgemm_avx512_kernel(ptrdiff_t kc, const float *a, const ptrdiff_t *offsets, ptrdiff_t a_index_stride,
                                 const float *b, ptrdiff_t b_stride, float *c, ptrdiff_t ldc, int rows, int width,
                                 int accumulate) {
    (void)kc, (void)a, (void)offsets, (void)a_index_stride, (void)b, (void)b_stride, (void)c, (void)ldc, (void)rows,
        (void)width, (void)accumulate;
}

void initlab_sgemm_avx512_pack_b(const float *b, ptrdiff_t ldb, int transposed, ptrdiff_t p0, ptrdiff_t kc,
                                 ptrdiff_t j0, ptrdiff_t width, ptrdiff_t stride, float *packed) {
    (void)b, (void)ldb, (void)transposed, (void)p0, (void)kc, (void)j0, (void)width, (void)stride, (void)packed;
}

void initlab_sgemm_avx512_pack_a(const float *a, ptrdiff_t lda, int transposed, ptrdiff_t row0, int rows,
                                 ptrdiff_t p0, ptrdiff_t kc, float *packed) {
    (void)a, (void)lda, (void)transposed, (void)row0, (void)rows, (void)p0, (void)kc, (void)packed;
}

#endif
