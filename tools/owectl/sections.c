// SPDX-License-Identifier: GPL-2.0
/* The command groups of "owectl dev <ifname> <section> <command>". */
#include "owectl.h"

SECTION(ap);
SECTION(station);
SECTION(pmksa);
