// SPDX-License-Identifier: GPL-2.0
/*
 * Loading this module triggers one WARN_ON(1) and nothing else. The runner
 * self-test (scripts/tests/runner.sh) loads it to prove that
 * scripts/vm/run.sh fails a run whose kernel log shows a warning.
 */

#include <linux/module.h>
#include <linux/bug.h>

static int __init owe_selftest_warn_init(void)
{
	WARN_ON(1);
	return 0;
}

static void __exit owe_selftest_warn_exit(void)
{
}

module_init(owe_selftest_warn_init);
module_exit(owe_selftest_warn_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("owe-ap test bed: trigger a kernel warning on load");
