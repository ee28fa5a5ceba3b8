// SPDX-License-Identifier: GPL-2.0
/*
 * owe-ap: Wi-Fi Enhanced Open (RFC 8110) and OWE transition mode served by
 * the kernel on mac80211 access points.
 *
 * main.c holds module init and exit only.
 */

#include <linux/module.h>

static int __init owe_mod_init(void)
{
	pr_debug("loaded\n");
	return 0;
}

static void __exit owe_mod_exit(void)
{
	pr_debug("unloaded\n");
}

module_init(owe_mod_init);
module_exit(owe_mod_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Wi-Fi Enhanced Open (OWE) access point authenticator");
MODULE_AUTHOR("owe-ap developers");
