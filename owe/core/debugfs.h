/* SPDX-License-Identifier: GPL-2.0 */
/*
 * debugfs: figures for benchmarks, no ABI.
 */
#ifndef _OWE_CORE_DEBUGFS_H
#define _OWE_CORE_DEBUGFS_H

#include <linux/types.h>

struct owe_ap;

void owe_debugfs_rx_sample(struct owe_ap *ap, u64 ns);
void owe_debugfs_locked_sample(struct owe_ap *ap, u64 ns);
void owe_debugfs_ap_add(struct owe_ap *ap);
void owe_debugfs_ap_del(struct owe_ap *ap);
void owe_debugfs_init(void);
void owe_debugfs_exit(void);

#endif /* _OWE_CORE_DEBUGFS_H */
