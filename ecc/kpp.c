// SPDX-License-Identifier: GPL-2.0
/*
 * The curves as kpp "ecdh-nist-p256" ..., the interface of crypto/ecdh.c:
 * set_secret() takes a packed struct ecdh (crypto_ecdh_decode_key(); an
 * empty key asks for a random one), generate_public_key() gives x || y,
 * compute_shared_secret() takes the peer's x || y and gives x of the
 * product. A peer point with a coordinate >= p, off the curve or (0, 0)
 * is refused with -EINVAL; a product at infinity with -EFAULT.
 *
 * The variable-base table lives in the request context (reqsize), the
 * rest on the stack: no allocation, no sleeping, so a request completes
 * synchronously in any context that may use the tfm.
 */

#include <linux/kernel.h>
#include <linux/random.h>
#include <linux/scatterlist.h>
#include <linux/string.h>
#include <crypto/ecdh.h>
#include <crypto/internal/kpp.h>
#include <crypto/kpp.h>
#include <owe/ecc.h>

#include "kpp.h"

/* random scalars tried before giving up; each fails with p < 2^-32 */
#define OWE_ECC_KEYGEN_TRIES	16

struct owe_ecc_kpp_alg {
	struct kpp_alg alg;
	const struct owe_ecc_curve *curve;
};

struct owe_ecc_kpp_ctx {
	const struct owe_ecc_curve *curve;
	u8 priv[OWE_ECC_MAX_BYTES];
};

static struct owe_ecc_kpp_ctx *ctx_of(struct crypto_kpp *tfm)
{
	return kpp_tfm_ctx(tfm);
}

static int owe_ecc_kpp_genkey(struct owe_ecc_kpp_ctx *ctx)
{
	const struct owe_ecc_curve *c = ctx->curve;
	unsigned int i;

	for (i = 0; i < OWE_ECC_KEYGEN_TRIES; i++) {
		get_random_bytes(ctx->priv, c->bytes);
		/* P-521: 521 bits in 66 octets */
		if (c->bytes * 8 > 521)
			ctx->priv[0] &= 0x01;
		if (c->scalar_ok(ctx->priv))
			return 0;
	}
	memzero_explicit(ctx->priv, sizeof(ctx->priv));
	return -EAGAIN;
}

static int owe_ecc_kpp_set_secret(struct crypto_kpp *tfm, const void *buf,
				  unsigned int len)
{
	struct owe_ecc_kpp_ctx *ctx = ctx_of(tfm);
	const struct owe_ecc_curve *c = ctx->curve;
	struct ecdh params;

	if (crypto_ecdh_decode_key(buf, len, &params) < 0 ||
	    params.key_size > c->bytes)
		return -EINVAL;
	memzero_explicit(ctx->priv, sizeof(ctx->priv));
	if (!params.key || !params.key_size)
		return owe_ecc_kpp_genkey(ctx);
	memcpy(ctx->priv + c->bytes - params.key_size, params.key,
	       params.key_size);
	if (!c->scalar_ok(ctx->priv)) {
		memzero_explicit(ctx->priv, sizeof(ctx->priv));
		return -EINVAL;
	}
	return 0;
}

static int owe_ecc_kpp_out(struct kpp_request *req, const u8 *buf,
			   unsigned int len)
{
	len = min(len, req->dst_len);
	if (sg_copy_from_buffer(req->dst, sg_nents_for_len(req->dst, len),
				buf, len) != len)
		return -EINVAL;
	return 0;
}

static int owe_ecc_kpp_public(struct kpp_request *req)
{
	struct owe_ecc_kpp_ctx *ctx = ctx_of(crypto_kpp_reqtfm(req));
	const struct owe_ecc_curve *c = ctx->curve;
	u8 pub[2 * OWE_ECC_MAX_BYTES];
	int err;

	err = c->mul_base(ctx->priv, pub);
	if (!err)
		err = owe_ecc_kpp_out(req, pub, 2 * c->bytes);
	memzero_explicit(pub, sizeof(pub));
	return err;
}

static int owe_ecc_kpp_shared(struct kpp_request *req)
{
	struct owe_ecc_kpp_ctx *ctx = ctx_of(crypto_kpp_reqtfm(req));
	const struct owe_ecc_curve *c = ctx->curve;
	u8 peer[2 * OWE_ECC_MAX_BYTES], out[2 * OWE_ECC_MAX_BYTES];
	unsigned int len = 2 * c->bytes;
	int err;

	if (!req->src || req->src_len != len)
		return -EINVAL;
	if (sg_copy_to_buffer(req->src, sg_nents_for_len(req->src, len),
			      peer, len) != len)
		return -EINVAL;
	err = c->mul(kpp_request_ctx(req), ctx->priv, peer, out);
	if (!err)
		err = owe_ecc_kpp_out(req, out, c->bytes);
	memzero_explicit(out, sizeof(out));
	return err;
}

static unsigned int owe_ecc_kpp_max_size(struct crypto_kpp *tfm)
{
	return 2 * ctx_of(tfm)->curve->bytes;
}

static int owe_ecc_kpp_init(struct crypto_kpp *tfm)
{
	struct owe_ecc_kpp_alg *a =
		container_of(crypto_kpp_alg(tfm), struct owe_ecc_kpp_alg, alg);

	ctx_of(tfm)->curve = a->curve;
	kpp_set_reqsize(tfm, sizeof(struct owe_ecc_work));
	return 0;
}

static void owe_ecc_kpp_exit(struct crypto_kpp *tfm)
{
	memzero_explicit(ctx_of(tfm)->priv, sizeof(ctx_of(tfm)->priv));
}

#define OWE_ECC_KPP(_curve, _name, _driver)				\
	{								\
		.curve = &(_curve),					\
		.alg = {						\
			.set_secret = owe_ecc_kpp_set_secret,		\
			.generate_public_key = owe_ecc_kpp_public,	\
			.compute_shared_secret = owe_ecc_kpp_shared,	\
			.max_size = owe_ecc_kpp_max_size,		\
			.init = owe_ecc_kpp_init,			\
			.exit = owe_ecc_kpp_exit,			\
			.base = {					\
				.cra_name = _name,			\
				.cra_driver_name = _driver,		\
				.cra_priority = OWE_ECC_KPP_PRIORITY,	\
				.cra_module = THIS_MODULE,		\
				.cra_ctxsize =				\
					sizeof(struct owe_ecc_kpp_ctx),	\
			},						\
		},							\
	}

static struct owe_ecc_kpp_alg owe_ecc_kpp_algs[] = {
	OWE_ECC_KPP(owe_ecc_p256, "ecdh-nist-p256", "ecdh-nist-p256-owe"),
	OWE_ECC_KPP(owe_ecc_p384, "ecdh-nist-p384", "ecdh-nist-p384-owe"),
	OWE_ECC_KPP(owe_ecc_p521, "ecdh-nist-p521", "ecdh-nist-p521-owe"),
};

/*
 * Registration runs the crypto manager's self-tests (when the kernel has
 * them); allocating by driver name waits for their verdict and fails when
 * they did.
 */
static int owe_ecc_kpp_check(const struct kpp_alg *alg)
{
	const char *name = alg->base.cra_driver_name;
	struct crypto_kpp *tfm;

	tfm = crypto_alloc_kpp(name, 0, 0);
	if (IS_ERR(tfm)) {
		pr_err("%s: self-test failed or driver unusable (%ld)\n", name,
		       PTR_ERR(tfm));
		return PTR_ERR(tfm);
	}
	crypto_free_kpp(tfm);
	pr_info("%s registered, priority %d\n", name, alg->base.cra_priority);
	return 0;
}

int owe_ecc_kpp_register(void)
{
	unsigned int i;
	int err;

	for (i = 0; i < ARRAY_SIZE(owe_ecc_kpp_algs); i++) {
		err = crypto_register_kpp(&owe_ecc_kpp_algs[i].alg);
		if (err)
			goto err_unregister;
		err = owe_ecc_kpp_check(&owe_ecc_kpp_algs[i].alg);
		if (err) {
			crypto_unregister_kpp(&owe_ecc_kpp_algs[i].alg);
			goto err_unregister;
		}
	}
	return 0;

err_unregister:
	while (i--)
		crypto_unregister_kpp(&owe_ecc_kpp_algs[i].alg);
	return err;
}

void owe_ecc_kpp_unregister(void)
{
	unsigned int i = ARRAY_SIZE(owe_ecc_kpp_algs);

	while (i--)
		crypto_unregister_kpp(&owe_ecc_kpp_algs[i].alg);
}
