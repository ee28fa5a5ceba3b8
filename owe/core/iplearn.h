/* SPDX-License-Identifier: GPL-2.0 */
/*
 * IP learning: stations move from IP_LEARN to RUN once their address is
 * seen.
 */
#ifndef _OWE_CORE_IPLEARN_H
#define _OWE_CORE_IPLEARN_H

struct owe_ap;

void owe_ip_start(struct owe_ap *ap);
void owe_ip_stop(struct owe_ap *ap);
void owe_ip_learning(struct owe_ap *ap, bool enter);

#endif /* _OWE_CORE_IPLEARN_H */
