// SPDX-License-Identifier: GPL-2.0
/*
 * owe_bench: the cost of one AP-side OWE derivation per group, measured
 * with the module's own functions: the check of the DH element's x
 * (owe_point_y() without y, which the parser runs in softirq), y recovery
 * from x (owe_point_y(), in the DH worker), key generation
 * (owe_dh_key_generate()), ECDH (owe_dh_shared()), owe_dh_derive() with
 * an AP key made ahead (ECDH + HKDF + PMKID: what the DH worker pays per
 * association with a pooled key) and the whole owe_dh_derive() with a
 * fresh AP key (key generation included). Prints figures at load time;
 * scripts/bench/derive.sh loads it next to `openssl speed ecdhp256
 * ecdhp384 ecdhp521` in the same guest. A benchmark, not a test: nothing
 * is asserted.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/err.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "crypto/dh_key.h"
#include "crypto/point.h"

static unsigned int iters = 50;
module_param(iters, uint, 0444);
MODULE_PARM_DESC(iters, "operations timed per group and step (default 50)");

enum owe_bench_step {
	STEP_XCHECK,
	STEP_POINT,
	STEP_KEYGEN,
	STEP_ECDH,
	STEP_POOLED,
	STEP_DERIVE,
	STEP_NUM
};

static const char * const owe_bench_step_name[STEP_NUM] = {
	"xcheck", "y(x)", "keygen", "ecdh", "pooled", "derive",
};

struct owe_bench_state {
	struct owe_dh_key ap;
	struct owe_dh_key sta;
	u8 z[OWE_MAX_PRIME_LEN];
	u8 pmk[OWE_MAX_HASH_LEN];
	u8 pmkid[16];
};

static int owe_bench_step(struct owe_crypto *c, const struct owe_group *g,
			  struct owe_bench_state *s, enum owe_bench_step step)
{
	switch (step) {
	case STEP_XCHECK:
		/* what the DH element parser adds per request, in softirq */
		return owe_point_y(g, s->sta.pub, NULL);
	case STEP_POINT:
		/* y for the ECDH, in the DH worker */
		return owe_point_y(g, s->sta.pub, s->z);
	case STEP_KEYGEN:
		return owe_dh_key_generate(c, g, &s->ap);
	case STEP_ECDH:
		return owe_dh_shared(c, &s->ap, s->sta.pub, s->z);
	case STEP_POOLED:
		/* an AP key from the pool: y, ECDH, HKDF, PMKID, as the worker */
		return owe_dh_derive(c, g, &s->ap, s->sta.pub, s->pmk,
				     s->pmkid);
	default:
		/* a new station: no AP key yet */
		owe_dh_key_clear(&s->ap);
		return owe_dh_derive(c, g, &s->ap, s->sta.pub, s->pmk,
				     s->pmkid);
	}
}

static int owe_bench_group(struct owe_crypto *c, const struct owe_group *g,
			   struct owe_bench_state *s)
{
	u64 t0, dt, min, total;
	unsigned int i, step;
	int err;

	err = owe_dh_key_generate(c, g, &s->sta);
	if (!err)
		err = owe_dh_key_generate(c, g, &s->ap);
	if (err)
		return err;

	for (step = 0; step < STEP_NUM; step++) {
		min = U64_MAX;
		total = 0;
		for (i = 0; i < iters; i++) {
			t0 = ktime_get_ns();
			err = owe_bench_step(c, g, s, step);
			dt = ktime_get_ns() - t0;
			if (err)
				return err;
			total += dt;
			min = min(min, dt);
			cond_resched();
		}
		pr_info("group %u (%s) %-6s n=%u mean %llu.%llu us min %llu.%llu us (%llu/s)\n",
			g->id, g->curve, owe_bench_step_name[step], iters,
			div_u64(total, iters * 1000ULL),
			div_u64(total, iters * 100ULL) % 10,
			div_u64(min, 1000), div_u64(min, 100) % 10,
			total ? div64_u64(iters * NSEC_PER_SEC, total) : 0);
	}
	return 0;
}

static int __init owe_bench_init(void)
{
	struct owe_bench_state *s;
	struct owe_crypto *c;
	unsigned int id;
	int err = 0;

	if (!iters)
		return -EINVAL;
	c = owe_crypto_alloc();
	if (IS_ERR(c))
		return PTR_ERR(c);
	s = kzalloc(sizeof(*s), GFP_KERNEL);
	if (!s) {
		err = -ENOMEM;
		goto free_crypto;
	}
	for (id = OWE_GROUP_P256; id <= OWE_GROUP_P521 && !err; id++)
		err = owe_bench_group(c, owe_group_get(id), s);
	if (err)
		pr_err("failed: %d\n", err);
	else
		pr_info("done\n");
	kfree_sensitive(s);
free_crypto:
	owe_crypto_free(c);
	return err;
}

static void __exit owe_bench_exit(void)
{
}

module_init(owe_bench_init);
module_exit(owe_bench_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("owe-ap: AP-side OWE derivation micro-benchmark");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
