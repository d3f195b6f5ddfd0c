/* avx2 kernels: the write-once algorithms compiled with this ISA's flags. */
#include "vocab.h"
#include "../kernels/all.h"
