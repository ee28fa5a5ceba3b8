// SPDX-License-Identifier: GPL-2.0
/*
 * One curve of owe_ecc.ko as a host program, for ecc-diff.sh. Reads lines
 * "b SCALAR" (fixed base), "m SCALAR X||Y" (variable base), "y X" (y
 * recovery) and "x X" (the on-curve check of an x) in hex and writes one
 * line each: the result in hex ("ok" for x), or "err N".
 */
#include CURVE_FILE

static int unhex(u8 *out, size_t len, const char *s)
{
	size_t i;

	if (strlen(s) != 2 * len)
		return -1;
	for (i = 0; i < len; i++)
		if (sscanf(s + 2 * i, "%2hhx", &out[i]) != 1)
			return -1;
	return 0;
}

static void hex(const u8 *b, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		printf("%02x", b[i]);
	printf("\n");
}

int main(void)
{
	static struct owe_ecc_work w;
	char line[1024], op[4], a[300], b[300];
	u8 k[ECC_BYTES], pt[2 * ECC_BYTES], out[2 * ECC_BYTES];
	int n, err;

	curve_init();
	while (fgets(line, sizeof(line), stdin)) {
		n = sscanf(line, "%3s %299s %299s", op, a, b);
		if (n >= 2 && op[0] == 'b' && !unhex(k, ECC_BYTES, a)) {
			err = curve_mul_base(k, out);
			if (!err)
				hex(out, 2 * ECC_BYTES);
		} else if (n == 3 && op[0] == 'm' && !unhex(k, ECC_BYTES, a) &&
			   !unhex(pt, 2 * ECC_BYTES, b)) {
			err = curve_mul(&w, k, pt, out);
			if (!err)
				hex(out, 2 * ECC_BYTES);
		} else if (n >= 2 && op[0] == 'y' && !unhex(pt, ECC_BYTES, a)) {
			err = curve_point_y(pt, out);
			if (!err)
				hex(out, ECC_BYTES);
		} else if (n >= 2 && op[0] == 'x' && !unhex(pt, ECC_BYTES, a)) {
			err = curve_x_check(pt);
			if (!err)
				printf("ok\n");
		} else {
			printf("bad input\n");
			continue;
		}
		if (err)
			printf("err %d\n", err);
	}
	return 0;
}
