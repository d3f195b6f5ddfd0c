/* vact_test_run_child: see vact_child.h. */
#define _GNU_SOURCE
#include "vact_child.h"
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int vact_test_run_child(const char *emulator, const char *self, const char *cap, const char *a1,
                        const char *a2, char *out, size_t outlen) {
    int fd[2];
    if (pipe(fd)) return -2;
    pid_t pid = fork();
    if (pid == 0) {
        dup2(fd[1], 1);
        close(fd[0]);
        if (cap) setenv("VACT_ISA", cap, 1);
        else unsetenv("VACT_ISA");
        if (emulator) execl(emulator, emulator, self, a1, a2, (char *)NULL);
        else execl(self, self, a1, a2, (char *)NULL);
        _exit(99);
    }
    close(fd[1]);
    memset(out, 0, outlen);
    size_t k = 0;
    ssize_t r;
    while (k + 1 < outlen && (r = read(fd[0], out + k, outlen - 1 - k)) > 0) k += (size_t)r;
    close(fd[0]);
    int st;
    waitpid(pid, &st, 0);
    out[strcspn(out, "\n")] = 0;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}
