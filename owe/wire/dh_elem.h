/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Information elements OWE adds to management frames: their wire format
 * and strict parsers. Pure functions with no state, reachable from KUnit.
 */
#ifndef _OWE_WIRE_DH_ELEM_H
#define _OWE_WIRE_DH_ELEM_H

#include <linux/types.h>

#include "wire/group.h"

/* Element ID Extension of the Diffie-Hellman Parameter element */
#define WLAN_EID_EXT_OWE_DH_PARAM	32
/* octets ahead of the public key: ID, length, ID extension, group */
#define OWE_DH_ELEM_HDR_LEN		5
#define OWE_DH_ELEM_MAX_LEN		(OWE_DH_ELEM_HDR_LEN + OWE_MAX_PRIME_LEN)

/* status 77, not in <linux/ieee80211.h> of 6.12 */
#define OWE_STATUS_GROUP_NOT_SUPPORTED	77

/**
 * struct owe_dh_elem - a parsed Diffie-Hellman Parameter element
 * @group: the group it names, known and enabled
 * @key: the public key (x coordinate, big-endian), @group->prime_len
 *	octets, pointing into the parsed buffer
 */
struct owe_dh_elem {
	const struct owe_group *group;
	const u8 *key;
};

int owe_dh_elem_parse(const u8 *elem, size_t len, u32 groups,
		      struct owe_dh_elem *dh);
int owe_dh_elem_build(u8 *buf, size_t len, const struct owe_group *group,
		      const u8 *key);
u16 owe_dh_status(int err);

#endif /* _OWE_WIRE_DH_ELEM_H */
