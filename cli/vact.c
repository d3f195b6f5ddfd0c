#include <stdio.h>
#include "vact.h"
int main(void) { printf("%s\n", vact_isa_name(vact_isa_active())); return 0; }
