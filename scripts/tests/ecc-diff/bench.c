// SPDX-License-Identifier: GPL-2.0
/*
 * One curve of owe_ecc.ko timed as a host program, for
 * scripts/bench/ecc-host.sh: microseconds per operation (fixed base,
 * variable base, y recovery, x check), the best of 30 batches, so that
 * the figure is the code's and not the load's.
 */
#include <time.h>
#include CURVE_FILE

#define RUNS	30

static u8 k[ECC_BYTES], pt[2 * ECC_BYTES], out[2 * ECC_BYTES];
static struct owe_ecc_work w;

static double now_us(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

enum op { MUL_BASE, MUL, POINT_Y, X_CHECK };

static int run(enum op op)
{
	switch (op) {
	case MUL_BASE:
		return curve_mul_base(k, out);
	case MUL:
		return curve_mul(&w, k, pt, out);
	case POINT_Y:
		return curve_point_y(pt, out);
	default:
		return curve_x_check(pt);
	}
}

/* best time of one call, batch calls at a time; any error aborts */
static void time_op(const char *name, enum op op, int batch)
{
	double best = 1e30, t;
	int r, i;

	for (r = 0; r < RUNS; r++) {
		t = now_us();
		for (i = 0; i < batch; i++)
			if (run(op))
				abort();
		t = (now_us() - t) / batch;
		if (t < best)
			best = t;
	}
	printf("%-5s %-9s %9.2f\n", CURVE_NAME, name, best);
}

int main(void)
{
	int i;

	curve_init();
	for (i = 0; i < ECC_BYTES; i++)
		k[i] = 0x5a ^ (i * 37);
	/* below n for every curve */
	k[0] = 0x01;
	if (curve_mul_base(k, pt))
		abort();
	k[1] ^= 0xff;
	time_op("mul_base", MUL_BASE, 20);
	time_op("mul", MUL, 5);
	time_op("point_y", POINT_Y, 50);
	time_op("x_check", X_CHECK, 200);
	return 0;
}
