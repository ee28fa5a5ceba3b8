/* SPDX-License-Identifier: GPL-2.0 */
/* empty: see ../../shim.h */
