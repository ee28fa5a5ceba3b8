// SPDX-License-Identifier: GPL-2.0
/*
 * Which backend serves a new BSS: the mac80211 hook when the running
 * kernel has it, nl80211 otherwise; the "backend" module parameter forces
 * one.
 */

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/string.h>

#include "backend/backend.h"

enum owe_be_choice {
	OWE_BE_AUTO,
	OWE_BE_HOOK,
	OWE_BE_NL80211,
};

static const char * const owe_be_choices[] = {
	[OWE_BE_AUTO] = "auto",
	[OWE_BE_HOOK] = "hook",
	[OWE_BE_NL80211] = "nl80211",
};

static int owe_be_choice = OWE_BE_AUTO;

static int owe_be_param_set(const char *val, const struct kernel_param *kp)
{
	int i = sysfs_match_string(owe_be_choices, val);

	if (i < 0) {
		/* a sysfs write ends with its newline */
		pr_err("backend=%.*s: not auto, hook or nl80211\n",
		       (int)strcspn(val, "\n"), val);
		return -EINVAL;
	}
	WRITE_ONCE(owe_be_choice, i);
	return 0;
}

static int owe_be_param_get(char *buf, const struct kernel_param *kp)
{
	int i = READ_ONCE(owe_be_choice);

	if (i == OWE_BE_AUTO)
		return sysfs_emit(buf, "auto (%s)\n",
				  owe_be_mac80211_present() ? "hook" : "nl80211");
	return sysfs_emit(buf, "%s\n", owe_be_choices[i]);
}

static const struct kernel_param_ops owe_be_param_ops = {
	.set = owe_be_param_set,
	.get = owe_be_param_get,
};

module_param_cb(backend, &owe_be_param_ops, NULL, 0644);
MODULE_PARM_DESC(backend,
		 "driver side of new BSSes: auto (the mac80211 hook when the kernel has it, else nl80211), hook or nl80211");

/**
 * owe_be_select - the backend for a BSS starting now
 * @extack: why none, for the operator
 *
 * Return: the ops, or ERR_PTR(-EOPNOTSUPP) when the hook is forced and the
 * kernel lacks it.
 */
const struct owe_be_ops *owe_be_select(struct netlink_ext_ack *extack)
{
	switch (READ_ONCE(owe_be_choice)) {
	case OWE_BE_NL80211:
		return &owe_be_nl80211_ops;
	case OWE_BE_HOOK:
		if (!owe_be_mac80211_present()) {
			NL_SET_ERR_MSG_MOD(extack,
					   "backend=hook, but this kernel's mac80211 has no AP-authenticator hook (patches/mac80211/)");
			return ERR_PTR(-EOPNOTSUPP);
		}
		break;
	default:
		if (!owe_be_mac80211_present())
			return &owe_be_nl80211_ops;
	}
#ifdef OWE_HAVE_HOOK
	return &owe_be_mac80211_ops;
#else
	return ERR_PTR(-EOPNOTSUPP);
#endif
}

static void (*owe_be_detached_notify)(struct net *net, int ifindex);

/**
 * owe_be_set_detached_notify - where backends announce they let go of a BSS
 * @notify: called in process context once a detached backend's last
 *	request went out, or %NULL
 *
 * Clearing it waits for the announcements under way.
 */
void owe_be_set_detached_notify(void (*notify)(struct net *net, int ifindex))
{
	WRITE_ONCE(owe_be_detached_notify, notify);
	if (!notify)
		owe_be_nl80211_flush();
}

/**
 * owe_be_detached - a backend let go of a BSS
 * @net: the BSS's network namespace
 * @ifindex: its interface
 */
void owe_be_detached(struct net *net, int ifindex)
{
	void (*notify)(struct net *net, int ifindex);

	notify = READ_ONCE(owe_be_detached_notify);
	if (notify)
		notify(net, ifindex);
}

/**
 * owe_be_init - what the backends need at load
 *
 * Return: 0 or a negative error.
 */
int owe_be_init(void)
{
	int ret = owe_be_nl80211_init();

	if (!ret)
		pr_info("backend: %s\n", owe_be_mac80211_present() ?
			"mac80211 hook (nl80211 available)" : "nl80211 (mac80211 has no hook)");
	return ret;
}

/* every BSS is gone */
void owe_be_exit(void)
{
	owe_be_nl80211_exit();
}
