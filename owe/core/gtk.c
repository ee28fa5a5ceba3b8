// SPDX-License-Identifier: GPL-2.0
/*
 * The group keys of an OWE BSS. The GTK (and the IGTK under PMF) go to the
 * driver when the BSS starts. A rekey installs the new GTK under the other
 * key index for reception at once, hands it to every station that finished
 * its 4-way handshake with the group key handshake, and switches the BSS's
 * transmission to it once the last one confirmed or left.
 */

#include <linux/random.h>
#include <kunit/visibility.h>

#include "core/ap.h"
#include "core/gtk.h"
#include "core/handshake.h"
#include "core/sta.h"

static void owe_gtk_rekey_work(struct wiphy *wiphy, struct wiphy_work *work)
{
	struct owe_ap *ap = container_of(work, struct owe_ap,
					 gtk.rekey_work.work);
	int ret;

	lockdep_assert_wiphy(wiphy);
	ret = owe_gtk_rekey(ap);
	if (ret && ret != -EBUSY)
		netdev_warn(ap->dev, "periodic GTK rekey failed: %d\n", ret);
	wiphy_delayed_work_queue(wiphy, &ap->gtk.rekey_work,
				 (unsigned long)ap->cfg.gtk_rekey * HZ);
}

/**
 * owe_gtk_start - install a new OWE BSS's group keys
 * @ap: the BSS
 *
 * Return: 0 or the driver's error (nothing is left installed then).
 */
int owe_gtk_start(struct owe_ap *ap)
{
	struct owe_gtk *gtk = &ap->gtk;
	int ret;

	lockdep_assert_wiphy(ap->wiphy);
	wiphy_delayed_work_init(&gtk->rekey_work, owe_gtk_rekey_work);
	gtk->len = owe_cipher_tk_len(ap->cfg.cipher);
	gtk->idx = 1;
	get_random_bytes(gtk->key, gtk->len);
	ret = owe_be_set_key(&ap->be, NULL, ap->cfg.cipher, gtk->idx, gtk->key,
			     gtk->len, true);
	if (ret)
		goto err;
	if (ap->cfg.pmf != OWE_PMF_OFF) {
		get_random_bytes(gtk->igtk, sizeof(gtk->igtk));
		ret = owe_be_set_key(&ap->be, NULL, WLAN_CIPHER_SUITE_AES_CMAC,
				     4, gtk->igtk, sizeof(gtk->igtk), true);
		if (ret) {
			owe_be_del_key(&ap->be, NULL, gtk->idx);
			goto err;
		}
	}
	if (ap->cfg.gtk_rekey)
		wiphy_delayed_work_queue(ap->wiphy, &gtk->rekey_work,
					 (unsigned long)ap->cfg.gtk_rekey * HZ);
	return 0;

err:
	memzero_explicit(gtk->key, sizeof(gtk->key));
	memzero_explicit(gtk->igtk, sizeof(gtk->igtk));
	return ret;
}

/**
 * owe_gtk_cancel - stop rekeying: the periodic rekey and a running one
 * @ap: the BSS, about to lose its stations
 *
 * The keys stay installed (owe_gtk_stop() removes them); the stations
 * leaving afterwards no longer finish a rekey, which would switch keys
 * on a driver side that may be gone already.
 */
void owe_gtk_cancel(struct owe_ap *ap)
{
	struct owe_gtk *gtk = &ap->gtk;

	lockdep_assert_wiphy(ap->wiphy);
	wiphy_delayed_work_cancel(ap->wiphy, &gtk->rekey_work);
	gtk->rekeying = false;
	gtk->pending = 0;
	memzero_explicit(gtk->next, sizeof(gtk->next));
}

/**
 * owe_gtk_stop - remove the group keys and wipe them
 * @ap: the BSS, its stations gone
 * @by_driver: the AP stopped: the driver dropped its keys itself
 */
void owe_gtk_stop(struct owe_ap *ap, bool by_driver)
{
	struct owe_gtk *gtk = &ap->gtk;

	lockdep_assert_wiphy(ap->wiphy);
	wiphy_delayed_work_cancel(ap->wiphy, &gtk->rekey_work);
	if (!by_driver) {
		if (gtk->next_installed)
			owe_be_del_key(&ap->be, NULL, 3 - gtk->idx);
		owe_be_del_key(&ap->be, NULL, gtk->idx);
		if (ap->cfg.pmf != OWE_PMF_OFF)
			owe_be_del_key(&ap->be, NULL, 4);
	}
	memzero_explicit(gtk->key, sizeof(gtk->key));
	memzero_explicit(gtk->next, sizeof(gtk->next));
	memzero_explicit(gtk->igtk, sizeof(gtk->igtk));
	gtk->rekeying = false;
	gtk->next_installed = false;
	gtk->pending = 0;
}

static void owe_gtk_rekey_finish(struct owe_ap *ap)
{
	struct owe_gtk *gtk = &ap->gtk;
	u8 old = gtk->idx;
	int ret;

	/* every station has the new key (or is gone): transmit with it */
	ret = owe_be_set_key(&ap->be, NULL, ap->cfg.cipher, 3 - old, gtk->next,
			     gtk->len, true);
	if (ret) {
		netdev_warn(ap->dev, "GTK rekey: cannot switch keys: %d\n", ret);
	} else {
		owe_be_del_key(&ap->be, NULL, old);
		memcpy(gtk->key, gtk->next, gtk->len);
		gtk->idx = 3 - old;
		gtk->next_installed = false;
		netdev_info(ap->dev, "GTK rekeyed, key index %u\n", gtk->idx);
	}
	memzero_explicit(gtk->next, sizeof(gtk->next));
	gtk->rekeying = false;
}

/**
 * owe_gtk_sta_done - a station confirmed the new GTK, or left the rekey
 * @ap: the BSS
 */
void owe_gtk_sta_done(struct owe_ap *ap)
{
	struct owe_gtk *gtk = &ap->gtk;

	lockdep_assert_wiphy(ap->wiphy);
	if (!gtk->rekeying || WARN_ON_ONCE(!gtk->pending))
		return;
	if (!--gtk->pending)
		owe_gtk_rekey_finish(ap);
}

/**
 * owe_gtk_rekey - start a GTK rekey
 * @ap: an OWE BSS
 *
 * Return: 0, -EBUSY while a rekey runs, or a negative error.
 */
int owe_gtk_rekey(struct owe_ap *ap)
{
	struct owe_gtk *gtk = &ap->gtk;
	struct owe_sta *sta;
	int bkt, ret;

	lockdep_assert_wiphy(ap->wiphy);
	if (gtk->rekeying)
		return -EBUSY;
	get_random_bytes(gtk->next, gtk->len);
	ret = owe_be_set_key(&ap->be, NULL, ap->cfg.cipher, 3 - gtk->idx,
			     gtk->next, gtk->len, false);
	if (ret) {
		memzero_explicit(gtk->next, sizeof(gtk->next));
		return ret;
	}
	gtk->rekeying = true;
	gtk->next_installed = true;
	gtk->pending = 1;	/* dropped below, once all are asked */
	owe_for_each_sta(ap, bkt, sta) {
		if (sta->hs.state != OWE_HS_PTKINITDONE)
			continue;
		gtk->pending++;
		owe_hs_rekey(sta, true);
	}
	owe_gtk_sta_done(ap);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(owe_gtk_rekey);
