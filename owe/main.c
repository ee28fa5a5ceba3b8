// SPDX-License-Identifier: GPL-2.0
/*
 * owe-ap: Wi-Fi Enhanced Open (RFC 8110) and OWE transition mode served by
 * the kernel on mac80211 access points.
 *
 * main.c holds module init and exit only.
 */

#include <linux/module.h>
#include <net/genetlink.h>

#include "backend/backend.h"
#include "core/ap.h"
#include "core/debugfs.h"
#include "core/dhq.h"
#include "core/sta.h"
#include "netlink/netlink.h"

static int __init owe_mod_init(void)
{
	int ret;

	ret = owe_dhq_init();
	if (ret)
		return ret;
	ret = owe_be_init();
	if (ret) {
		owe_dhq_exit();
		return ret;
	}
	owe_debugfs_init();
	owe_sta_set_notify(owe_nl_notify_sta);
	owe_be_set_detached_notify(owe_nl_notify_ap_detached);
	ret = owe_nl_init();
	if (ret) {
		owe_be_set_detached_notify(NULL);
		owe_sta_set_notify(NULL);
		owe_debugfs_exit();
		owe_be_exit();
		owe_dhq_exit();
		return ret;
	}
	pr_debug("loaded\n");
	return 0;
}

static void __exit owe_mod_exit(void)
{
	/* the backends' last announcements go out before the family does */
	owe_be_set_detached_notify(NULL);
	owe_nl_exit();
	/* no requests and no listeners any more: BSSes go quietly */
	owe_sta_set_notify(NULL);
	owe_ap_exit();
	/* the BSSes' last nl80211 requests go out, their sockets close */
	owe_be_exit();
	owe_debugfs_exit();
	owe_dhq_exit();
	pr_debug("unloaded\n");
}

module_init(owe_mod_init);
module_exit(owe_mod_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Wi-Fi Enhanced Open (OWE) access point authenticator");
MODULE_AUTHOR("owe-ap developers");
MODULE_ALIAS_GENL_FAMILY(OWE_FAMILY_NAME);
/* groups 19 and 20 use the ecdh-nist-p256/p384 kpp of ecdh_generic */
MODULE_SOFTDEP("pre: ecdh_generic");
