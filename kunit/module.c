// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for owe-ap: module boilerplate only; the suites live in
 * *_test.c, one concern each.
 */

#include <linux/module.h>
#include <kunit/test.h>

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit tests for the owe-ap module");
MODULE_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
