// SPDX-License-Identifier: GPL-2.0
/*
 * BSS lifetime: a BSS is created by the genl ap-start command on a running
 * mac80211 AP interface and destroyed by whichever comes first of ap-stop,
 * mac80211 stopping the AP or the interface (ap_stopped) and module unload.
 * Every path runs under the radio's wiphy mutex, so they serialise; the
 * global list only answers "which BSS is on this interface".
 *
 * There is no netdev notifier: every way an interface goes away (deletion,
 * radio removal, a move to another netns) stops it first, and mac80211
 * detaches the hook in ieee80211_do_stop() with the wiphy mutex held, so
 * the BSS is destroyed and its netdev reference dropped before
 * NETDEV_UNREGISTER. A notifier taking the wiphy mutex there would
 * deadlock: cfg80211 unregisters interfaces with it held.
 */

#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <kunit/visibility.h>

#include "backend/backend.h"
#include "core/ap.h"
#include "core/assoc.h"
#include "core/beacon.h"
#include "core/debugfs.h"
#include "core/eapol.h"
#include "core/gtk.h"
#include "core/iplearn.h"
#include "core/mlme.h"
#include "core/pmksa.h"
#include "core/sta.h"
#include "wire/trans.h"

/* guards owe_aps only; nests inside the wiphy mutexes */
static DEFINE_MUTEX(owe_aps_lock);
static LIST_HEAD(owe_aps);

/**
 * owe_ap_find - the BSS served on an interface
 * @dev: a wireless interface
 *
 * Return: the BSS or %NULL; valid while the caller holds the wiphy mutex
 * of @dev's radio.
 */
struct owe_ap *owe_ap_find(const struct net_device *dev)
{
	struct owe_ap *ap, *found = NULL;

	lockdep_assert_wiphy(dev->ieee80211_ptr->wiphy);
	mutex_lock(&owe_aps_lock);
	list_for_each_entry(ap, &owe_aps, list) {
		if (ap->dev == dev) {
			found = ap;
			break;
		}
	}
	mutex_unlock(&owe_aps_lock);
	return found;
}

/**
 * owe_ap_for_each - call a function for BSSes of the list, in order
 * @fn: called with owe_aps_lock held (so it must not take a wiphy mutex);
 *	a non-zero return stops the walk
 * @arg: passed to @fn
 * @skip: number of BSSes at the head of the list to pass over
 *
 * Return: the position of the BSS @fn stopped at, or the list length.
 */
int owe_ap_for_each(int (*fn)(struct owe_ap *ap, void *arg), void *arg,
		    unsigned long skip)
{
	struct owe_ap *ap;
	int i = 0;

	mutex_lock(&owe_aps_lock);
	list_for_each_entry(ap, &owe_aps, list) {
		if (i >= skip && fn(ap, arg))
			break;
		i++;
	}
	mutex_unlock(&owe_aps_lock);
	return i;
}

/*
 * What the transition element of @ap names: the explicit configuration, or
 * the running partner on this host. Its fields never change while it is
 * listed, and owe_aps_lock keeps it listed while they are read. A partner
 * on another channel or band is named with its operating class and
 * channel, so that a client need not scan every channel for it.
 */
static bool owe_ap_partner(struct owe_ap *ap, struct owe_trans *t)
{
	const struct owe_ap_config *cfg = &ap->cfg;
	struct owe_ap *p;
	bool found = false;

	memset(t, 0, sizeof(*t));
	if (cfg->transition_ssid_len) {
		ether_addr_copy(t->bssid, cfg->transition_bssid);
		memcpy(t->ssid, cfg->transition_ssid, cfg->transition_ssid_len);
		t->ssid_len = cfg->transition_ssid_len;
		found = true;
	} else if (cfg->transition_ifindex) {
		mutex_lock(&owe_aps_lock);
		list_for_each_entry(p, &owe_aps, list) {
			if (p->dev->ifindex != cfg->transition_ifindex ||
			    !net_eq(dev_net(p->dev), dev_net(ap->dev)))
				continue;
			ether_addr_copy(t->bssid, p->bssid);
			memcpy(t->ssid, p->ssid, p->ssid_len);
			t->ssid_len = p->ssid_len;
			if (p->op_class && ap->op_class &&
			    (p->op_class != ap->op_class ||
			     p->channel != ap->channel)) {
				t->op_class = p->op_class;
				t->channel = p->channel;
			}
			found = true;
			break;
		}
		mutex_unlock(&owe_aps_lock);
	}
	if (found && cfg->transition_op_class) {
		t->op_class = cfg->transition_op_class;
		t->channel = cfg->transition_channel;
	}
	return found;
}

/* the module's elements into the beacon, naming the partner if known */
static int owe_ap_update_beacon(struct owe_ap *ap)
{
	struct owe_trans t;
	bool found;

	lockdep_assert_wiphy(ap->wiphy);
	found = owe_ap_partner(ap, &t);
	ap->partner_ifindex = found && !ap->cfg.transition_ssid_len ?
			      ap->cfg.transition_ifindex : 0;
	ap->trans_op_class = found ? t.op_class : 0;
	ap->trans_channel = found ? t.channel : 0;
	return owe_beacon_update(ap, found ? &t : NULL);
}

static void owe_ap_trans_work(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap, trans_work);
	int ret;

	ret = owe_ap_update_beacon(ap);
	if (ret)
		netdev_warn(ap->dev, "cannot update the transition element: %d\n",
			    ret);
}

/* BSSes naming @dev as their partner rebuild their beacons; owe_aps_lock */
static void owe_ap_kick_partners(struct net_device *dev)
{
	struct owe_ap *p;

	lockdep_assert_held(&owe_aps_lock);
	list_for_each_entry(p, &owe_aps, list)
		if (p->cfg.transition_ifindex == dev->ifindex &&
		    net_eq(dev_net(p->dev), dev_net(dev)))
			wiphy_work_queue(p->wiphy, &p->trans_work);
}

/*
 * The transition rules of the seed: the OWE BSS of a pair is hidden, the
 * open one broadcasts, the two differ in security and point at each other.
 */
static int owe_ap_check_pair(struct owe_ap *ap, struct netlink_ext_ack *extack)
{
	const struct owe_ap_config *cfg = &ap->cfg;
	bool owe = cfg->security == OWE_SECURITY_OWE;
	struct net_device *pdev;
	struct owe_ap *p;
	int ret = 0;

	if (!cfg->transition_ifindex && !cfg->transition_ssid_len)
		return 0;
	if (owe && !cfg->hidden) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the OWE BSS of a transition pair must be hidden (add 'hidden')");
		return -EINVAL;
	}
	if (!owe && cfg->hidden) {
		NL_SET_ERR_MSG_MOD(extack,
				   "the open BSS of a transition pair must broadcast its SSID (drop 'hidden')");
		return -EINVAL;
	}
	if (!cfg->transition_ifindex)
		return 0;

	pdev = dev_get_by_index(dev_net(ap->dev), cfg->transition_ifindex);
	if (!pdev) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "no transition partner interface with index %d",
				       cfg->transition_ifindex);
		return -ENODEV;
	}
	mutex_lock(&owe_aps_lock);
	list_for_each_entry(p, &owe_aps, list) {
		if (p->dev != pdev)
			continue;
		if (p->cfg.security == cfg->security) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s is an %s BSS too: a transition pair is one open and one OWE BSS",
					       pdev->name, owe ? "OWE" : "open");
			ret = -EINVAL;
		} else if (p->cfg.transition_ifindex != ap->dev->ifindex &&
			   !(p->cfg.transition_ssid_len &&
			     ether_addr_equal(p->cfg.transition_bssid,
					      ap->bssid))) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "%s does not point back at %s: restart it with 'transition %s'",
					       pdev->name, ap->dev->name,
					       ap->dev->name);
			ret = -EINVAL;
		}
		break;
	}
	mutex_unlock(&owe_aps_lock);
	dev_put(pdev);
	return ret;
}

/* owe_ap_destroy() still holds the backend, for its cleanup */
static bool owe_ap_stopping(void *core)
{
	struct owe_ap *ap = core;

	return READ_ONCE(ap->stopping);
}

static enum owe_be_rx owe_ap_rx_mgmt(void *core, struct sk_buff *skb)
{
	if (owe_ap_stopping(core))
		return OWE_BE_RX_CONTINUE;
	return owe_mlme_rx(core, skb);
}

static void owe_ap_rx_mgmt_deferred(void *core, struct sk_buff *skb)
{
	u64 start;

	if (owe_ap_stopping(core))
		return;
	start = ktime_get_ns();
	owe_mlme_rx_deferred(core, skb);
	owe_debugfs_locked_sample(core, ktime_get_ns() - start);
}

static void owe_ap_rx_spurious(void *core, const u8 *ta)
{
	if (!owe_ap_stopping(core))
		owe_mlme_rx_spurious(core, ta);
}

static void owe_ap_rx_eapol(void *core, struct sk_buff *skb)
{
	if (owe_ap_stopping(core))
		kfree_skb(skb);
	else
		owe_eapol_rx(core, skb);
}

/* someone else deleted a station in the driver: the module's goes too */
static void owe_ap_sta_removed(void *core, const u8 *addr)
{
	struct owe_ap *ap = core;
	struct hlist_node *tmp;
	struct owe_sta *sta;
	int bkt;

	lockdep_assert_wiphy(ap->wiphy);
	owe_for_each_sta_safe(ap, bkt, tmp, sta) {
		if (!sta->in_driver ||
		    (addr && !ether_addr_equal(addr, sta->addr)))
			continue;
		owe_sta_driver_gone(sta);
		owe_sta_delete(sta, WLAN_REASON_UNSPECIFIED,
			       "removed by someone else");
	}
}

/*
 * Someone else replaced the beacon: its tail is the new one to splice the
 * module's elements into. The module's own changes are not reported, so
 * this does not come back.
 */
static void owe_ap_beacon_changed(void *core)
{
	struct owe_ap *ap = core;
	int ret;

	lockdep_assert_wiphy(ap->wiphy);
	ret = owe_beacon_start(ap);
	if (!ret)
		ret = owe_ap_update_beacon(ap);
	if (ret)
		netdev_warn(ap->dev,
			    "cannot put the module's elements into the new beacon: %d\n",
			    ret);
	else
		netdev_dbg(ap->dev, "beacon changed by someone else\n");
}

static void owe_ap_stopped(void *core)
{
	owe_ap_destroy(core, true);
}

static const struct owe_be_events owe_ap_be_events = {
	.rx_mgmt = owe_ap_rx_mgmt,
	.rx_mgmt_deferred = owe_ap_rx_mgmt_deferred,
	.rx_spurious = owe_ap_rx_spurious,
	.rx_eapol = owe_ap_rx_eapol,
	.sta_removed = owe_ap_sta_removed,
	.beacon_changed = owe_ap_beacon_changed,
	.stopped = owe_ap_stopped,
};

/* an OWE BSS: crypto transforms, its RSNE (for the beacon), group keys */
static int owe_ap_start_owe(struct owe_ap *ap, struct netlink_ext_ack *extack)
{
	int ret;

	lockdep_assert_wiphy(ap->wiphy);
	ap->crypto = owe_crypto_alloc();
	if (IS_ERR(ap->crypto)) {
		ret = PTR_ERR(ap->crypto);
		ap->crypto = NULL;
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot allocate the OWE crypto transforms (%d): is ecdh_generic loaded?",
				       ret);
		return ret;
	}
	ret = owe_assoc_build_rsne(ap, NULL, ap->rsne, sizeof(ap->rsne));
	if (ret < 0) {
		NL_SET_ERR_MSG_MOD(extack, "cannot build the RSNE");
		goto err;
	}
	ap->rsne_len = ret;
	ret = owe_dhq_start(ap);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot start the DH worker (%d)", ret);
		ap->rsne_len = 0;
		goto err;
	}
	ret = owe_gtk_start(ap);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot install the group keys (%d)", ret);
		ap->rsne_len = 0;
		owe_dhq_stop(ap);
		goto err;
	}
	return 0;

err:
	owe_crypto_free(ap->crypto);
	ap->crypto = NULL;
	return ret;
}

static void owe_ap_stop_owe(struct owe_ap *ap, bool by_driver)
{
	lockdep_assert_wiphy(ap->wiphy);
	if (!ap->crypto)
		return;
	/* the stations are gone: nothing waits for a DH step any more */
	owe_dhq_stop(ap);
	owe_gtk_stop(ap, by_driver);
	owe_pmksa_flush(ap, NULL);
	owe_crypto_free(ap->crypto);
	ap->crypto = NULL;
	ap->rsne_len = 0;
}

/**
 * owe_ap_create - start serving a BSS
 * @dev: a wireless interface with a running AP (held by the caller)
 * @cfg: checked configuration
 * @be_ops: the driver side (&owe_be_mac80211_ops)
 * @extack: gets the reason of a failure
 *
 * Return: 0, or -EINVAL/-EBUSY/-EOPNOTSUPP/-ENOMEM with a message.
 */
int owe_ap_create(struct net_device *dev, const struct owe_ap_config *cfg,
		  const struct owe_be_ops *be_ops,
		  struct netlink_ext_ack *extack)
{
	struct wireless_dev *wdev = dev->ieee80211_ptr;
	struct cfg80211_chan_def *chandef;
	struct owe_ap *ap;
	int i, ret;

	lockdep_assert_wiphy(wdev->wiphy);
	if (wdev->iftype != NL80211_IFTYPE_AP || !wdev->links[0].ap.beacon_interval) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "%s runs no AP: start the BSS first (owectl does)",
				       dev->name);
		return -EINVAL;
	}
	chandef = &wdev->links[0].ap.chandef;
	if (chandef->chan) {
		ret = owe_ap_band_check(cfg, chandef->chan->band, extack);
		if (ret)
			return ret;
	}
	if (owe_ap_find(dev)) {
		NL_SET_ERR_MSG_FMT_MOD(extack, "%s is already served", dev->name);
		return -EBUSY;
	}

	ap = kzalloc(sizeof(*ap), GFP_KERNEL);
	if (!ap)
		return -ENOMEM;
	ap->dev = dev;
	netdev_hold(dev, &ap->dev_tracker, GFP_KERNEL);
	ap->wiphy = wdev->wiphy;
	ap->cfg = *cfg;
	ether_addr_copy(ap->bssid, dev->dev_addr);
	ap->ssid_len = wdev->u.ap.ssid_len;
	memcpy(ap->ssid, wdev->u.ap.ssid, ap->ssid_len);
	if (chandef->chan &&
	    ieee80211_chandef_to_operating_class(chandef, &ap->op_class))
		ap->channel =
			ieee80211_frequency_to_channel(chandef->chan->center_freq);
	else
		ap->op_class = 0;
	hash_init(ap->sta_hash);
	INIT_LIST_HEAD(&ap->unassoc);
	INIT_LIST_HEAD(&ap->pending);
	wiphy_delayed_work_init(&ap->expire_work, owe_sta_expire);
	INIT_LIST_HEAD(&ap->pmksa);
	for (i = 0; i < OWE_CNT_MAX; i++)
		atomic_long_set(&ap->counters[i], 0);
	ratelimit_state_init(&ap->rs, 5 * HZ, 10);
	wiphy_delayed_work_init(&ap->inactivity_work, owe_mlme_inactivity);
	wiphy_work_init(&ap->trans_work, owe_ap_trans_work);
	owe_eapol_init(ap);
	ap->be.ops = be_ops;
	ap->be.events = &owe_ap_be_events;
	ap->be.core = ap;
	ap->be.dev = dev;
	ap->be.wiphy = ap->wiphy;
	ether_addr_copy(ap->be.bssid, ap->bssid);
	ret = owe_ap_check_pair(ap, extack);
	if (ret)
		goto err_free;

	ret = owe_be_attach(&ap->be, extack);
	if (ret)
		goto err_free;
	ret = owe_beacon_start(ap);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot read %s's beacon (%d)", dev->name, ret);
		goto err_detach;
	}
	if (owe_ap_is_owe(ap)) {
		ret = owe_ap_start_owe(ap, extack);
		if (ret)
			goto err_beacon;
	}
	ret = owe_ap_update_beacon(ap);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot set %s's beacon (%d)", dev->name, ret);
		goto err_owe;
	}

	owe_ip_start(ap);
	owe_debugfs_ap_add(ap);
	mutex_lock(&owe_aps_lock);
	list_add_tail(&ap->list, &owe_aps);
	owe_ap_kick_partners(dev);
	mutex_unlock(&owe_aps_lock);
	wiphy_delayed_work_queue(ap->wiphy, &ap->inactivity_work, 10 * HZ);
	netdev_info(dev, "serving %s BSS '%.*s'\n",
		    owe_ap_is_owe(ap) ? "OWE" : "open", ap->ssid_len, ap->ssid);
	return 0;

err_owe:
	owe_ap_stop_owe(ap, false);
err_beacon:
	owe_beacon_stop(ap, false);
err_detach:
	owe_be_detach(&ap->be);
	owe_eapol_stop(ap);
err_free:
	netdev_put(dev, &ap->dev_tracker);
	kfree(ap);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(owe_ap_create);

/**
 * owe_ap_destroy - stop serving a BSS and free it
 * @ap: the BSS
 * @by_driver: the AP stopped on the driver side: the backend is detached
 *	already and the driver removes the stations and keys itself
 *
 * Otherwise the stations are deauthenticated and removed here first.
 */
void owe_ap_destroy(struct owe_ap *ap, bool by_driver)
{
	struct hlist_node *tmp;
	struct owe_sta *sta;
	int bkt;

	lockdep_assert_wiphy(ap->wiphy);
	if (!by_driver) {
		/*
		 * Nothing reaches the core from here on, but the backend stays
		 * attached to remove stations and keys and restore the beacon.
		 */
		WRITE_ONCE(ap->stopping, true);
		synchronize_net();
	}
	owe_ip_stop(ap);
	owe_debugfs_ap_del(ap);
	if (ap->crypto)
		owe_gtk_cancel(ap);
	owe_for_each_sta_safe(ap, bkt, tmp, sta) {
		if (by_driver)
			owe_sta_driver_gone(sta);
		owe_mlme_remove_sta(sta, WLAN_REASON_DEAUTH_LEAVING,
				    !by_driver, "BSS stopped");
	}
	wiphy_delayed_work_cancel(ap->wiphy, &ap->inactivity_work);
	wiphy_delayed_work_cancel(ap->wiphy, &ap->expire_work);
	owe_eapol_stop(ap);
	owe_ap_stop_owe(ap, by_driver);

	mutex_lock(&owe_aps_lock);
	list_del(&ap->list);
	owe_ap_kick_partners(ap->dev);
	mutex_unlock(&owe_aps_lock);
	/* off the list, nobody queues it any more */
	wiphy_work_cancel(ap->wiphy, &ap->trans_work);
	owe_beacon_stop(ap, by_driver);
	if (!by_driver)
		owe_be_detach(&ap->be);
	netdev_info(ap->dev, "stopped serving '%.*s'%s\n", ap->ssid_len,
		    ap->ssid, by_driver ? " (AP stopped)" : "");
	netdev_put(ap->dev, &ap->dev_tracker);
	/* the backend is detached and waited for its softirq users */
	kfree(ap);
}
EXPORT_SYMBOL_IF_KUNIT(owe_ap_destroy);

/**
 * owe_ap_exit - stop serving every BSS (module unload)
 *
 * The RTNL keeps every listed BSS's radio registered meanwhile; a BSS that
 * mac80211 stops concurrently is simply not found again under its mutex.
 */
void owe_ap_exit(void)
{
	struct wiphy *wiphy;
	struct owe_ap *ap;

	rtnl_lock();
	for (;;) {
		mutex_lock(&owe_aps_lock);
		ap = list_first_entry_or_null(&owe_aps, struct owe_ap, list);
		wiphy = ap ? ap->wiphy : NULL;
		mutex_unlock(&owe_aps_lock);
		if (!wiphy)
			break;

		wiphy_lock(wiphy);
		mutex_lock(&owe_aps_lock);
		ap = NULL;
		list_for_each_entry(ap, &owe_aps, list)
			if (ap->wiphy == wiphy)
				break;
		if (list_entry_is_head(ap, &owe_aps, list))
			ap = NULL;
		mutex_unlock(&owe_aps_lock);
		if (ap)
			owe_ap_destroy(ap, false);
		wiphy_unlock(wiphy);
	}
	rtnl_unlock();
}
