/* Tests that need a fresh process (first-use dispatch, VACT_ISA): run the
 * test binary itself as a child. */
#ifndef VACT_TEST_CHILD_H
#define VACT_TEST_CHILD_H
#include <stddef.h>

/* Runs `self a1 [a2]` (through `emulator` when not NULL, e.g. qemu-aarch64)
 * with VACT_ISA = cap (NULL: unset) and reads the child's stdout into out
 * (NUL-terminated, first line only). Returns the child's exit status, -1 when
 * it did not exit normally, -2 when no pipe could be made. */
int vact_test_run_child(const char *emulator, const char *self, const char *cap, const char *a1,
                        const char *a2, char *out, size_t outlen);
#endif
