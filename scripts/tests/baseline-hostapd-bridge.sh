#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# The reference for bridge.sh: the same bridged transition pair, DHCP
# leases and pings with hostapd (bridge=br0) as the AP.
#
# owe-test: radios=3
OWE_TEST_AP=hostapd exec "$(dirname "$0")/bridge.sh"
