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

#include "backend.h"
#include "owe.h"
#include "trans.h"

/* AKM suites 6.12's <linux/ieee80211.h> does not name */
#define OWE_AKM_8021X_SHA384		SUITE(0x000fac, 23)
#define OWE_AKM_SAE_EXT_KEY		SUITE(0x000fac, 24)
#define OWE_AKM_FT_SAE_EXT_KEY		SUITE(0x000fac, 25)

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

static bool owe_akm_is_ft(u32 akm)
{
	switch (akm) {
	case WLAN_AKM_SUITE_FT_8021X:
	case WLAN_AKM_SUITE_FT_PSK:
	case WLAN_AKM_SUITE_FT_OVER_SAE:
	case WLAN_AKM_SUITE_FT_8021X_SHA384:
	case WLAN_AKM_SUITE_FT_FILS_SHA256:
	case WLAN_AKM_SUITE_FT_FILS_SHA384:
	case WLAN_AKM_SUITE_FT_PSK_SHA384:
	case OWE_AKM_FT_SAE_EXT_KEY:
		return true;
	}
	return false;
}

/**
 * owe_ap_config_check - apply the configuration rules of OWE
 * @cfg: the configuration
 * @akms: AKM suite selectors the user listed (OWE is implied for an OWE BSS)
 * @n_akms: number of @akms
 * @ft: the user asked for FT (802.11r)
 * @extack: gets the reason of a rejection
 *
 * OWE never goes with PSK, SAE, 802.1X or FT; an open BSS has no AKM,
 * groups, PMF or cipher at all.
 *
 * Return: 0 or -EINVAL.
 */
int owe_ap_config_check(const struct owe_ap_config *cfg, const u32 *akms,
			unsigned int n_akms, bool ft,
			struct netlink_ext_ack *extack)
{
	bool owe = cfg->security == OWE_SECURITY_OWE;
	unsigned int i;

	for (i = 0; i < n_akms; i++) {
		u32 akm = akms[i];

		if (owe && akm == WLAN_AKM_SUITE_OWE)
			continue;
		if (!owe) {
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "an open BSS has no AKM (got %08x); use security owe",
					       akm);
			return -EINVAL;
		}
		if (owe_akm_is_ft(akm)) {
			NL_SET_ERR_MSG_MOD(extack,
					   "OWE cannot be combined with FT (802.11r)");
			return -EINVAL;
		}
		switch (akm) {
		case WLAN_AKM_SUITE_PSK:
		case WLAN_AKM_SUITE_PSK_SHA256:
			NL_SET_ERR_MSG_MOD(extack,
					   "OWE cannot be combined with PSK: use a separate BSS for WPA2/WPA3-Personal");
			return -EINVAL;
		case WLAN_AKM_SUITE_SAE:
		case OWE_AKM_SAE_EXT_KEY:
			NL_SET_ERR_MSG_MOD(extack,
					   "OWE cannot be combined with SAE: use a separate BSS for WPA3-Personal");
			return -EINVAL;
		case WLAN_AKM_SUITE_8021X:
		case WLAN_AKM_SUITE_8021X_SHA256:
		case WLAN_AKM_SUITE_8021X_SUITE_B:
		case WLAN_AKM_SUITE_8021X_SUITE_B_192:
		case OWE_AKM_8021X_SHA384:
			NL_SET_ERR_MSG_MOD(extack,
					   "OWE cannot be combined with 802.1X: use a separate BSS for WPA2/WPA3-Enterprise");
			return -EINVAL;
		default:
			NL_SET_ERR_MSG_FMT_MOD(extack,
					       "AKM %08x cannot be combined with OWE",
					       akm);
			return -EINVAL;
		}
	}
	if (ft && owe) {
		NL_SET_ERR_MSG_MOD(extack,
				   "OWE cannot be combined with FT (802.11r)");
		return -EINVAL;
	}
	if (ft) {
		NL_SET_ERR_MSG_MOD(extack,
				   "FT (802.11r) needs an RSN AKM; an open BSS has none");
		return -EINVAL;
	}
	if (!owe) {
		if (cfg->groups || cfg->pmf != OWE_PMF_OFF || cfg->cipher ||
		    cfg->gtk_rekey) {
			NL_SET_ERR_MSG_MOD(extack,
					   "groups, pmf, cipher and gtk-rekey apply to an OWE BSS only");
			return -EINVAL;
		}
	} else if (cfg->cipher != WLAN_CIPHER_SUITE_CCMP &&
		   cfg->cipher != WLAN_CIPHER_SUITE_GCMP_256) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cipher %08x is not supported: use CCMP-128 or GCMP-256",
				       cfg->cipher);
		return -EINVAL;
	}
	if (cfg->transition_ifindex && cfg->transition_ssid_len) {
		NL_SET_ERR_MSG_MOD(extack,
				   "give either a transition interface or a transition BSSID and SSID, not both");
		return -EINVAL;
	}
	return 0;
}

/* elements that precede the RSNE in a beacon tail (IEEE 802.11 order) */
static bool owe_tail_before_rsne(u8 id)
{
	return id == WLAN_EID_ERP_INFO || id == WLAN_EID_EXT_SUPP_RATES ||
	       id == WLAN_EID_COUNTRY || id == WLAN_EID_PWR_CONSTRAINT;
}

static int owe_ap_save_tail(struct owe_ap *ap)
{
	unsigned int tim_off, tim_len;
	struct sk_buff *skb;

	skb = owe_be_beacon(ap, &tim_off, &tim_len);
	if (!skb)
		return -ENODATA;
	if (!tim_off || tim_off + tim_len > skb->len) {
		dev_kfree_skb(skb);
		return -EINVAL;
	}
	ap->orig_tail_len = skb->len - tim_off - tim_len;
	ap->orig_tail = kmemdup(skb->data + tim_off + tim_len,
				ap->orig_tail_len, GFP_KERNEL);
	dev_kfree_skb(skb);
	return ap->orig_tail ? 0 : -ENOMEM;
}

/*
 * What the transition element of @ap names: the explicit configuration, or
 * the running partner on this host. Its fields never change while it is
 * listed, and owe_aps_lock keeps it listed while they are read.
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

/**
 * owe_ap_update_beacon - put the module's elements into the beacon
 * @ap: the BSS
 *
 * The tail owectl set, with the RSNE of an OWE BSS after the rates and the
 * OWE Transition Mode element (when the partner is known) at the end; the
 * probe response template follows.
 *
 * Return: 0 or a negative error.
 */
static int owe_ap_update_beacon(struct owe_ap *ap)
{
	u8 trans[OWE_TRANS_ELEM_MAX_LEN];
	const struct element *elem;
	size_t split = 0, len;
	struct owe_trans t;
	int trans_len = 0;
	u8 *tail;
	int ret;

	lockdep_assert_wiphy(ap->wiphy);
	ap->partner_ifindex = 0;
	if (owe_ap_partner(ap, &t)) {
		trans_len = owe_trans_elem_build(trans, sizeof(trans), &t);
		if (trans_len < 0)
			return trans_len;
		if (!ap->cfg.transition_ssid_len)
			ap->partner_ifindex = ap->cfg.transition_ifindex;
	}
	if (!ap->rsne_len && !trans_len && !ap->cfg.transition_ifindex)
		return owe_mlme_build_templates(ap);

	for_each_element(elem, ap->orig_tail, ap->orig_tail_len) {
		if (!owe_tail_before_rsne(elem->id))
			break;
		split = (const u8 *)elem - ap->orig_tail + 2 + elem->datalen;
	}
	len = ap->orig_tail_len + ap->rsne_len + trans_len;
	tail = kmalloc(len ?: 1, GFP_KERNEL);
	if (!tail)
		return -ENOMEM;
	memcpy(tail, ap->orig_tail, split);
	memcpy(tail + split, ap->rsne, ap->rsne_len);
	memcpy(tail + split + ap->rsne_len, ap->orig_tail + split,
	       ap->orig_tail_len - split);
	memcpy(tail + ap->orig_tail_len + ap->rsne_len, trans, trans_len);
	ret = owe_be_set_beacon_tail(ap, tail, len);
	kfree(tail);
	if (ret)
		return ret;
	return owe_mlme_build_templates(ap);
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

/**
 * owe_ap_create - start serving a BSS
 * @dev: a mac80211 interface with a running AP (held by the caller)
 * @cfg: checked configuration
 * @extack: gets the reason of a failure
 *
 * Return: 0, or -EINVAL/-EBUSY/-EOPNOTSUPP/-ENOMEM with a message.
 */
int owe_ap_create(struct net_device *dev, const struct owe_ap_config *cfg,
		  struct netlink_ext_ack *extack)
{
	struct wireless_dev *wdev = dev->ieee80211_ptr;
	struct owe_ap *ap;
	int i, ret;

	lockdep_assert_wiphy(wdev->wiphy);
	if (wdev->iftype != NL80211_IFTYPE_AP || !wdev->links[0].ap.beacon_interval) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "%s runs no AP: start the BSS first (owectl does)",
				       dev->name);
		return -EINVAL;
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
	hash_init(ap->sta_hash);
	for (i = 0; i < OWE_CNT_MAX; i++)
		atomic_long_set(&ap->counters[i], 0);
	ratelimit_state_init(&ap->rs, 5 * HZ, 10);
	wiphy_delayed_work_init(&ap->inactivity_work, owe_mlme_inactivity);
	wiphy_work_init(&ap->trans_work, owe_ap_trans_work);
	ret = owe_ap_check_pair(ap, extack);
	if (ret)
		goto err_free;

	ret = owe_be_attach(ap);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot take over %s's management frames (%d): kernel without the mac80211 AP-authenticator patch, or another authenticator is registered",
				       dev->name, ret);
		goto err_free;
	}
	ret = owe_ap_save_tail(ap);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot read %s's beacon (%d)", dev->name, ret);
		goto err_detach;
	}
	if (cfg->security == OWE_SECURITY_OWE) {
		ret = owe_rsn_start(ap, extack);
		if (ret)
			goto err_tail;
	}
	ret = owe_ap_update_beacon(ap);
	if (ret) {
		NL_SET_ERR_MSG_FMT_MOD(extack,
				       "cannot set %s's beacon (%d)", dev->name, ret);
		goto err_rsn;
	}

	owe_ip_start(ap);
	owe_debugfs_ap_add(ap);
	mutex_lock(&owe_aps_lock);
	list_add_tail(&ap->list, &owe_aps);
	owe_ap_kick_partners(dev);
	mutex_unlock(&owe_aps_lock);
	wiphy_delayed_work_queue(ap->wiphy, &ap->inactivity_work, 10 * HZ);
	netdev_info(dev, "serving %s BSS '%.*s'\n",
		    cfg->security == OWE_SECURITY_OWE ? "OWE" : "open",
		    ap->ssid_len, ap->ssid);
	return 0;

err_rsn:
	owe_rsn_stop(ap, false);
	owe_be_set_beacon_tail(ap, ap->orig_tail, ap->orig_tail_len);
err_tail:
	kfree(ap->orig_tail);
err_detach:
	owe_be_detach(ap);
err_free:
	netdev_put(dev, &ap->dev_tracker);
	kfree(ap);
	return ret;
}

/**
 * owe_ap_destroy - stop serving a BSS and free it
 * @ap: the BSS
 * @by_mac80211: mac80211 is stopping the AP: the hook is already gone and
 *	mac80211 removes the stations itself
 *
 * Otherwise the stations are deauthenticated and removed here first.
 */
void owe_ap_destroy(struct owe_ap *ap, bool by_mac80211)
{
	struct owe_probe_tmpl *tmpl;
	struct hlist_node *tmp;
	struct owe_sta *sta;
	int bkt;

	lockdep_assert_wiphy(ap->wiphy);
	if (!by_mac80211)
		owe_be_detach(ap);
	owe_ip_stop(ap);
	owe_debugfs_ap_del(ap);
	owe_for_each_sta_safe(ap, bkt, tmp, sta) {
		if (by_mac80211)
			sta->in_driver = false;
		owe_mlme_remove_sta(sta, WLAN_REASON_DEAUTH_LEAVING,
				    !by_mac80211, "BSS stopped");
	}
	wiphy_delayed_work_cancel(ap->wiphy, &ap->inactivity_work);
	owe_rsn_stop(ap, by_mac80211);

	mutex_lock(&owe_aps_lock);
	list_del(&ap->list);
	owe_ap_kick_partners(ap->dev);
	mutex_unlock(&owe_aps_lock);
	/* off the list, nobody queues it any more */
	wiphy_work_cancel(ap->wiphy, &ap->trans_work);
	if (!by_mac80211)
		owe_be_set_beacon_tail(ap, ap->orig_tail, ap->orig_tail_len);
	kfree(ap->orig_tail);

	tmpl = rcu_replace_pointer(ap->probe_tmpl, NULL,
				   lockdep_is_held(&ap->wiphy->mtx));
	if (tmpl)
		kfree_rcu(tmpl, rcu);
	netdev_info(ap->dev, "stopped serving '%.*s'%s\n", ap->ssid_len,
		    ap->ssid, by_mac80211 ? " (AP stopped)" : "");
	netdev_put(ap->dev, &ap->dev_tracker);
	/* the hook is gone and mac80211 waited for its softirq users */
	kfree(ap);
}

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
