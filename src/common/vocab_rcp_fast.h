/* The fast tier's vrcp_fast (src/<isa>/vocab_fast.h) for an ISA whose
 * reciprocal estimate is good enough for one Newton step: the ISA defines
 * vrcp_est(a) (its estimate instruction) and VACT_RCP_FAST_BITS, and
 * includes this file; the step is written once, on the vocabulary:
 *   y = est(a),  1/a ~ y + y (1 - a y)   (two FMAs).
 * Estimates differ per ISA, so do the bits (fast tier only). */
#ifndef VACT_VOCAB_RCP_FAST_H
#define VACT_VOCAB_RCP_FAST_H

static inline V vrcp_fast(V a) {
    V y = vrcp_est(a);
    return vfma(y, vfnma(a, y, vset1(1.0f)), y);
}

#endif
