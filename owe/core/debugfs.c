// SPDX-License-Identifier: GPL-2.0
/*
 * debugfs: /sys/kernel/debug/owe/<ifname>/assoc_rx_ns lists how long the
 * softirq hook spent on each of the last (re)association requests (parse,
 * validation and the reject-or-defer decision), one figure in nanoseconds
 * per line, oldest first. locked_max_ns is the longest the module held
 * the wiphy mutex in one go for a deferred frame or a batch of DH
 * completions, in nanoseconds; writing 0 resets it. For benchmarks; no
 * ABI.
 */

#include <linux/debugfs.h>
#include <linux/seq_file.h>

#include "core/ap.h"
#include "core/debugfs.h"

static struct dentry *owe_debugfs_root;

/**
 * owe_debugfs_rx_sample - record the hook time of one association request
 * @ap: the BSS
 * @ns: nanoseconds spent
 *
 * Softirq; lockless, a reader may see a sample being replaced.
 */
void owe_debugfs_rx_sample(struct owe_ap *ap, u64 ns)
{
	unsigned int i = atomic_inc_return(&ap->rx_ns_next) - 1;

	WRITE_ONCE(ap->rx_ns[i % OWE_RX_NS_SAMPLES], min_t(u64, ns, U32_MAX));
}

/**
 * owe_debugfs_locked_sample - record one hold of the wiphy mutex
 * @ap: the BSS
 * @ns: nanoseconds the module held it
 */
void owe_debugfs_locked_sample(struct owe_ap *ap, u64 ns)
{
	lockdep_assert_wiphy(ap->wiphy);
	if (ns > ap->locked_max_ns)
		WRITE_ONCE(ap->locked_max_ns, ns);
}

static int owe_debugfs_rx_show(struct seq_file *m, void *v)
{
	struct owe_ap *ap = m->private;
	unsigned int next = atomic_read(&ap->rx_ns_next), i, n;

	n = min_t(unsigned int, next, OWE_RX_NS_SAMPLES);
	for (i = next - n; i != next; i++)
		seq_printf(m, "%u\n", READ_ONCE(ap->rx_ns[i % OWE_RX_NS_SAMPLES]));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(owe_debugfs_rx);

/**
 * owe_debugfs_ap_add - create the BSS's debugfs directory
 * @ap: the BSS
 */
void owe_debugfs_ap_add(struct owe_ap *ap)
{
	ap->debugfs = debugfs_create_dir(netdev_name(ap->dev), owe_debugfs_root);
	debugfs_create_file("assoc_rx_ns", 0400, ap->debugfs, ap,
			    &owe_debugfs_rx_fops);
	debugfs_create_u64("locked_max_ns", 0600, ap->debugfs,
			   &ap->locked_max_ns);
}

/**
 * owe_debugfs_ap_del - remove the BSS's debugfs directory
 * @ap: the BSS
 */
void owe_debugfs_ap_del(struct owe_ap *ap)
{
	debugfs_remove_recursive(ap->debugfs);
	ap->debugfs = NULL;
}

/**
 * owe_debugfs_init - create /sys/kernel/debug/owe
 */
void owe_debugfs_init(void)
{
	owe_debugfs_root = debugfs_create_dir("owe", NULL);
}

/**
 * owe_debugfs_exit - remove /sys/kernel/debug/owe
 */
void owe_debugfs_exit(void)
{
	debugfs_remove_recursive(owe_debugfs_root);
}
