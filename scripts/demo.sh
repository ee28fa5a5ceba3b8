#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0
#
# `make demo`: the main job. The full demo (an OPEN-OWE / OWE-Transition pair
# started with owectl, an OWE and a legacy client, their state traces and an
# air capture) arrives with the transition-mode work; until then this boots
# the test bed and connects an OWE client to the hostapd reference AP, so
# that a first run shows the guest, the radios and a real OWE association.
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top" || exit 1

cat <<'PLAN'
owe-ap demo
===========
Planned (as the module grows): owectl starts an open BSS "OPEN-OWE" and a
hidden OWE BSS "OWE-Transition" paired with each other; an OWE client
(wpa_supplicant, key_mgmt=OWE) is steered to the hidden BSS and a legacy
client stays open; both clients' state traces (AUTH, ASSOC, L2_AUTH,
IP_LEARN, RUN), `owectl station dump`, `owectl check` and a tshark summary
of the air capture are printed.

Today: the UML test bed with two mac80211_hwsim radios, owe.ko loaded, and
the reference run with hostapd as the OWE AP (the same scenario the tests
use as their baseline).

PLAN
exec scripts/vm/run.sh -r 2 -- scripts/tests/baseline-hostapd-owe.sh
