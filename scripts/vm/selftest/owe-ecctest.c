// SPDX-License-Identifier: GPL-2.0
/*
 * owe-ecctest: ECDH through the kernel's kpp API, driven from user space
 * for the differential and timing tests (scripts/tests/ecc-differential.sh,
 * scripts/tests/ecc-timing.sh). A test bed, not part of the AP.
 *
 * /sys/kernel/debug/owe-ecctest/run is a transaction file: one write()
 * carries a batch of whole lines, one command each; the answers, one line
 * per command in the same order, are then read back from offset 0 (pread).
 * Numbers are big-endian hex of any length; the module pads them on the
 * left to the algorithm's coordinate length (crypto_kpp_maxsize() / 2),
 * which is also the length of the private key it hands to the kpp. ALG is
 * a driver name ("ecdh-nist-p256-generic") or an algorithm name
 * ("ecdh-nist-p256", the highest priority driver).
 *
 *   alg ALG                  -> ok DRIVER PRIORITY
 *   ecdh ALG K X Y           -> ok Z           (x of K * (X, Y))
 *   pub ALG K                -> ok X Y         (K * G)
 *   time-ecdh ALG BH K X Y   -> ok T           (one shared-secret step)
 *   time-pub ALG BH K        -> ok T           (one public-key step)
 *   clock                    -> ok ns|cycles
 *
 * An operation the kpp refuses answers "err -ERRNO", a malformed command
 * "bad -ERRNO" (the tests treat that as a failure of the test bed).
 * The timed commands measure only the kpp call, with the secret already
 * set and the request built; T is in the unit "clock" names: get_cycles()
 * where it counts (not on UML), ktime_get_ns() otherwise. With BH = 1 the
 * call runs with bottom halves disabled and a request that may not sleep,
 * as the AP runs it in softirq; that is for drivers made for it (not the
 * generic one, which allocates with GFP_KERNEL). Transforms are sync only
 * (CRYPTO_ALG_ASYNC masked) and live for one write.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/bottom_half.h>
#include <linux/ctype.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/hex.h>
#include <linux/ktime.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/scatterlist.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/timex.h>
#include <linux/uaccess.h>
#include <crypto/ecdh.h>
#include <crypto/kpp.h>

/* a coordinate or scalar: 66 bytes for P-521, 72 as crypto/ecc.c pads it */
#define ECCT_NUM_MAX	80
#define ECCT_TFMS	8
/* a batch: input bytes, lines, output bytes per line at most */
#define ECCT_IN_MAX	(4 << 20)
#define ECCT_LINES_MAX	16384
#define ECCT_LINE_OUT	(CRYPTO_MAX_ALG_NAME + 4 * ECCT_NUM_MAX + 32)

struct ecct_tfm {
	char name[CRYPTO_MAX_ALG_NAME];
	struct crypto_kpp *tfm;
	struct kpp_request *req;
	unsigned int len;	/* coordinate and private key length */
	u8 *key;		/* last private key set, len bytes */
	bool key_set;
	u8 *src;		/* peer point, 2 * len */
	u8 *dst;		/* output, 2 * len */
	struct scatterlist sg_src, sg_dst;
};

struct ecct_batch {
	struct ecct_tfm t[ECCT_TFMS];
	unsigned int n;
};

/* the answers of the last batch written through one open file (ecct_lock) */
struct ecct_file {
	char *out;
	size_t len;
};

static DEFINE_MUTEX(ecct_lock);
static struct dentry *ecct_dir;
static bool ecct_use_cycles;

static u64 ecct_clock(void)
{
	return ecct_use_cycles ? (u64)get_cycles() : ktime_get_ns();
}

static void ecct_tfm_free(struct ecct_tfm *t)
{
	kpp_request_free(t->req);
	crypto_free_kpp(t->tfm);
	kfree_sensitive(t->key);
	kfree(t->src);
	kfree(t->dst);
	memset(t, 0, sizeof(*t));
}

/* the transform for @name in this batch, allocated on first use */
static struct ecct_tfm *ecct_tfm_get(struct ecct_batch *b, const char *name,
				     int *err)
{
	struct ecct_tfm *t;
	unsigned int i;

	for (i = 0; i < b->n; i++)
		if (!strcmp(b->t[i].name, name))
			return &b->t[i];
	if (b->n == ECCT_TFMS || strlen(name) >= CRYPTO_MAX_ALG_NAME) {
		*err = -E2BIG;
		return NULL;
	}
	t = &b->t[b->n];
	t->tfm = crypto_alloc_kpp(name, 0, CRYPTO_ALG_ASYNC);
	if (IS_ERR(t->tfm)) {
		*err = PTR_ERR(t->tfm);
		t->tfm = NULL;
		return NULL;
	}
	t->len = crypto_kpp_maxsize(t->tfm) / 2;
	t->req = kpp_request_alloc(t->tfm, GFP_KERNEL);
	t->key = kzalloc(t->len, GFP_KERNEL);
	t->src = kzalloc(2 * t->len, GFP_KERNEL);
	t->dst = kzalloc(2 * t->len, GFP_KERNEL);
	if (!t->len || t->len > ECCT_NUM_MAX || !t->req || !t->key ||
	    !t->src || !t->dst) {
		*err = t->len ? -ENOMEM : -EINVAL;
		ecct_tfm_free(t);
		return NULL;
	}
	strscpy(t->name, name, sizeof(t->name));
	b->n++;
	return t;
}

static void ecct_batch_free(struct ecct_batch *b)
{
	while (b->n)
		ecct_tfm_free(&b->t[--b->n]);
}

/* next space-separated word of *s, NUL-terminated in place; NULL at end */
static char *ecct_word(char **s)
{
	char *w = skip_spaces(*s);
	char *e = w;

	if (!*w)
		return NULL;
	while (*e && !isspace(*e))
		e++;
	if (*e)
		*e++ = '\0';
	*s = e;
	return w;
}

/* a hex number into @len big-endian bytes, zero-padded on the left */
static int ecct_hex(const char *w, u8 *out, unsigned int len)
{
	size_t n;
	u8 tmp[ECCT_NUM_MAX + 1];
	char pad[2 * (ECCT_NUM_MAX + 1)];
	unsigned int bytes;

	if (!w)
		return -EINVAL;
	while (w[0] == '0' && w[1])
		w++;
	n = strlen(w);
	bytes = DIV_ROUND_UP(n, 2);
	if (!n || bytes > sizeof(tmp))
		return -EINVAL;
	/* an odd number of digits gets a leading 0 */
	pad[0] = '0';
	memcpy(pad + (n & 1), w, n);
	if (hex2bin(tmp, pad, bytes))
		return -EINVAL;
	if (bytes > len) {
		/* only leading zero bytes may go (a lone "0" pads to 00) */
		if (memchr_inv(tmp, 0, bytes - len))
			return -EOVERFLOW;
		memmove(tmp, tmp + bytes - len, len);
		bytes = len;
	}
	memset(out, 0, len - bytes);
	memcpy(out + len - bytes, tmp, bytes);
	memzero_explicit(tmp, sizeof(tmp));
	memzero_explicit(pad, sizeof(pad));
	return 0;
}

/*
 * Hand the kpp the private key K unless it holds it already. Returns a
 * parse error; what the kpp says goes to *@refused.
 */
static int ecct_set_key(struct ecct_tfm *t, const char *w, int *refused)
{
	u8 key[ECCT_NUM_MAX];
	struct ecdh p = { .key = (char *)key, .key_size = t->len };
	u8 buf[8 + ECCT_NUM_MAX];
	unsigned int n = crypto_ecdh_key_len(&p);
	int err;

	*refused = 0;
	err = ecct_hex(w, key, t->len);
	if (err || (t->key_set && !memcmp(key, t->key, t->len)))
		goto out;
	t->key_set = false;
	err = n > sizeof(buf) ? -EOVERFLOW : crypto_ecdh_encode_key(buf, n, &p);
	if (err)
		goto out;
	*refused = crypto_kpp_set_secret(t->tfm, buf, n);
	memzero_explicit(buf, sizeof(buf));
	if (!*refused) {
		memcpy(t->key, key, t->len);
		t->key_set = true;
	}
out:
	memzero_explicit(key, sizeof(key));
	return err;
}

/*
 * Run one kpp step: shared secret when @peer, else the public key. @bh:
 * with bottom halves disabled. @ns, when not NULL, gets the time taken.
 */
static int ecct_kpp(struct ecct_tfm *t, bool peer, bool bh, u64 *ns)
{
	unsigned int out = peer ? t->len : 2 * t->len;
	u64 t0, t1;
	int err;

	sg_init_one(&t->sg_src, t->src, 2 * t->len);
	sg_init_one(&t->sg_dst, t->dst, out);
	kpp_request_set_input(t->req, peer ? &t->sg_src : NULL,
			      peer ? 2 * t->len : 0);
	kpp_request_set_output(t->req, &t->sg_dst, out);
	kpp_request_set_callback(t->req, bh ? 0 : CRYPTO_TFM_REQ_MAY_SLEEP,
				 NULL, NULL);
	if (bh)
		local_bh_disable();
	t0 = ecct_clock();
	if (peer)
		err = crypto_kpp_compute_shared_secret(t->req);
	else
		err = crypto_kpp_generate_public_key(t->req);
	t1 = ecct_clock();
	if (bh)
		local_bh_enable();
	if (ns)
		*ns = t1 - t0;
	return err;
}

static int ecct_hex_out(char *p, const u8 *v, unsigned int len)
{
	*p++ = ' ';
	bin2hex(p, v, len);
	return 1 + 2 * len;
}

/* one command line; writes the answer (without newline) to @out */
static int ecct_line(struct ecct_batch *b, char *line, char *out)
{
	char *cmd = ecct_word(&line);
	bool peer, timed, bh = false;
	struct ecct_tfm *t;
	char *w;
	int n, refused, err = 0;
	u64 ns;

	if (!cmd)
		return scnprintf(out, ECCT_LINE_OUT, "bad %d", -EINVAL);
	if (!strcmp(cmd, "clock"))
		return scnprintf(out, ECCT_LINE_OUT, "ok %s",
				 ecct_use_cycles ? "cycles" : "ns");
	if (strcmp(cmd, "alg") && strcmp(cmd, "ecdh") && strcmp(cmd, "pub") &&
	    strcmp(cmd, "time-ecdh") && strcmp(cmd, "time-pub"))
		return scnprintf(out, ECCT_LINE_OUT, "bad %d", -EOPNOTSUPP);
	w = ecct_word(&line);
	if (!w)
		return scnprintf(out, ECCT_LINE_OUT, "bad %d", -EINVAL);
	t = ecct_tfm_get(b, w, &err);
	if (!t)
		return scnprintf(out, ECCT_LINE_OUT, "err %d", err);
	if (!strcmp(cmd, "alg"))
		return scnprintf(out, ECCT_LINE_OUT, "ok %s %d",
				 crypto_kpp_alg(t->tfm)->base.cra_driver_name,
				 crypto_kpp_alg(t->tfm)->base.cra_priority);
	timed = !strncmp(cmd, "time-", 5);
	peer = !strcmp(cmd + (timed ? 5 : 0), "ecdh");
	if (timed) {
		w = ecct_word(&line);
		if (!w || (strcmp(w, "0") && strcmp(w, "1")))
			return scnprintf(out, ECCT_LINE_OUT, "bad %d", -EINVAL);
		bh = w[0] == '1';
	}
	err = ecct_set_key(t, ecct_word(&line), &refused);
	if (!err && peer) {
		err = ecct_hex(ecct_word(&line), t->src, t->len);
		if (!err)
			err = ecct_hex(ecct_word(&line), t->src + t->len,
				       t->len);
	}
	if (!err && ecct_word(&line))
		err = -E2BIG;
	if (err)
		return scnprintf(out, ECCT_LINE_OUT, "bad %d", err);
	if (refused)
		return scnprintf(out, ECCT_LINE_OUT, "err %d", refused);

	err = ecct_kpp(t, peer, bh, timed ? &ns : NULL);
	if (err)
		return scnprintf(out, ECCT_LINE_OUT, "err %d", err);
	if (timed)
		return scnprintf(out, ECCT_LINE_OUT, "ok %llu", ns);
	n = scnprintf(out, ECCT_LINE_OUT, "ok");
	if (peer)
		return n + ecct_hex_out(out + n, t->dst, t->len);
	n += ecct_hex_out(out + n, t->dst, t->len);
	return n + ecct_hex_out(out + n, t->dst + t->len, t->len);
}

static int ecct_open(struct inode *inode, struct file *file)
{
	struct ecct_file *f = kzalloc(sizeof(*f), GFP_KERNEL);

	if (!f)
		return -ENOMEM;
	file->private_data = f;
	return 0;
}

static int ecct_release(struct inode *inode, struct file *file)
{
	struct ecct_file *f = file->private_data;

	kvfree(f->out);
	kfree(f);
	return 0;
}

static ssize_t ecct_write(struct file *file, const char __user *ubuf,
			  size_t count, loff_t *ppos)
{
	struct ecct_file *f = file->private_data;
	struct ecct_batch *b;
	size_t lines, used = 0;
	char *in, *p, *nl, *out;
	ssize_t ret = count;

	if (!count || count > ECCT_IN_MAX)
		return -EINVAL;
	in = kvmalloc(count + 1, GFP_KERNEL);
	if (!in)
		return -ENOMEM;
	if (copy_from_user(in, ubuf, count)) {
		ret = -EFAULT;
		goto free_in;
	}
	in[count] = '\0';
	/* whole lines only: a batch ends with a newline */
	if (in[count - 1] != '\n' || strlen(in) != count) {
		ret = -EINVAL;
		goto free_in;
	}
	lines = 0;
	for (p = in; (p = strchr(p, '\n')); p++)
		lines++;
	if (lines > ECCT_LINES_MAX) {
		ret = -E2BIG;
		goto free_in;
	}
	out = kvmalloc(lines * (ECCT_LINE_OUT + 1), GFP_KERNEL);
	b = kzalloc(sizeof(*b), GFP_KERNEL);
	if (!out || !b) {
		kvfree(out);
		kfree(b);
		ret = -ENOMEM;
		goto free_in;
	}

	mutex_lock(&ecct_lock);
	for (p = in; (nl = strchr(p, '\n')); p = nl + 1) {
		*nl = '\0';
		used += ecct_line(b, p, out + used);
		out[used++] = '\n';
		cond_resched();
		if (fatal_signal_pending(current)) {
			ret = -EINTR;
			break;
		}
	}
	ecct_batch_free(b);
	kvfree(f->out);
	f->out = out;
	f->len = used;
	mutex_unlock(&ecct_lock);
	kfree(b);
free_in:
	kvfree_sensitive(in, count + 1);
	return ret;
}

static ssize_t ecct_read(struct file *file, char __user *ubuf, size_t count,
			 loff_t *ppos)
{
	struct ecct_file *f = file->private_data;
	ssize_t ret;

	if (mutex_lock_interruptible(&ecct_lock))
		return -EINTR;
	ret = simple_read_from_buffer(ubuf, count, ppos, f->out, f->len);
	mutex_unlock(&ecct_lock);
	return ret;
}

static const struct file_operations ecct_fops = {
	.owner = THIS_MODULE,
	.open = ecct_open,
	.release = ecct_release,
	.write = ecct_write,
	.read = ecct_read,
	.llseek = default_llseek,
};

static int __init ecct_init(void)
{
	/* get_cycles() is 0 where the architecture has no counter (UML) */
	ecct_use_cycles = get_cycles() != 0;
	ecct_dir = debugfs_create_dir("owe-ecctest", NULL);
	if (IS_ERR(ecct_dir))
		return PTR_ERR(ecct_dir);
	debugfs_create_file("run", 0600, ecct_dir, NULL, &ecct_fops);
	pr_info("ready, timing in %s\n", ecct_use_cycles ? "cycles" : "ns");
	return 0;
}

static void __exit ecct_exit(void)
{
	debugfs_remove(ecct_dir);
}

module_init(ecct_init);
module_exit(ecct_exit);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("owe-ap test bed: ECDH through kpp for the differential and timing tests");
