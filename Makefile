# SPDX-License-Identifier: GPL-2.0
#
# owe-ap: out-of-tree build of owe.ko and owe-kunit.ko, the UML test bed
# and the checks.
#
#   make               build the UML test kernel (first time: minutes) and
#                      the modules against it
#   make KDIR=/path    build the modules against another kernel tree (a real
#                      AP kernel carrying patches/mac80211/)
#   make check         everything: build, KUnit, every scripts/tests/*.sh
#   make demo          the main job (see README.md)
#   make bench         owe.ko against hostapd, figures in bench/results.md
#   make fuzz          30,000 fuzzed frames at a running AP (scripts/fuzz/),
#                      on the debug kernel when it is built
#   make kunit         only the KUnit suites, in a guest
#   make style         checkpatch --strict on the module sources
#   make kernel        only the UML kernel (--debug variant: make kernel-debug;
#                      make kernel-stock adds the stock variant's modules,
#                      mac80211 without patches/mac80211/)
#   make owectl        only the CLI (tools/owectl)
#   make regen         regenerate the netlink code from its YNL spec
#   make install       owectl, its man page, the systemd unit owe-ap.service,
#                      the modules-load.d file and the example configuration
#                      (PREFIX, DESTDIR); with KDIR=, owe.ko too (the kernel's
#                      modules_install); make uninstall removes them
#   make deb           Debian packages owe-ap-dkms and owectl, lintian-checked,
#                      in .build/deb/ (DEB_OUT=)
#   make dkms-install  owe.ko's source registered with DKMS and installed for
#                      the running kernel (DKMS_KERNEL=); make dkms-uninstall

OWE_BUILD_DIR ?= $(CURDIR)/.build
export OWE_BUILD_DIR

# make install: where things go (DESTDIR is prepended to each)
PREFIX ?= /usr/local
SBINDIR ?= $(PREFIX)/sbin
MANDIR ?= $(PREFIX)/share/man
DOCDIR ?= $(PREFIX)/share/doc/owe-ap
SYSCONFDIR ?= /etc
SYSTEMDUNITDIR ?= $(PREFIX)/lib/systemd/system
MODULESLOADDIR ?= $(PREFIX)/lib/modules-load.d
# the module is installed only for a kernel named with KDIR=
INSTALL_MODULE := $(if $(filter undefined,$(origin KDIR)),,1)

ifeq ($(origin KDIR), undefined)
KDIR := $(OWE_BUILD_DIR)/um
KERNEL_DEP := kernel
KMAKE_ARCH := ARCH=um
endif
# the modules of the --debug kernel are built in a tree of their own
# (scripts/vm/shadow.sh), so that both kernels can be tested from one
# checkout; run.sh --debug loads them from there
MOD_DEBUG := $(OWE_BUILD_DIR)/mod-debug
MODSRC := $(CURDIR)
ifeq ($(DEBUG),1)
KDIR := $(OWE_BUILD_DIR)/um-debug
KERNEL_DEP := kernel-debug
MODSRC := $(MOD_DEBUG)
endif

KSRC := $(OWE_BUILD_DIR)/linux

all: modules owectl

kernel:
	scripts/vm/build-kernel.sh

kernel-debug:
	scripts/vm/build-kernel.sh --debug

# the normal kernel with an unpatched mac80211.ko: run.sh --stock
kernel-stock: kernel
	scripts/vm/build-stock.sh

modules: $(KERNEL_DEP)
ifeq ($(DEBUG),1)
	scripts/vm/shadow.sh $(MOD_DEBUG)
endif
	$(MAKE) -C $(KDIR) M=$(MODSRC) $(KMAKE_ARCH) W=1 modules

owectl:
	$(MAKE) -C tools/owectl

regen:
	scripts/regen-netlink.sh $(KSRC)

selftest-modules: $(KERNEL_DEP)
	$(MAKE) -C $(KDIR) M=$(CURDIR)/scripts/vm/selftest $(KMAKE_ARCH) W=1 modules

kunit: modules
	scripts/vm/kunit.sh $(if $(filter 1,$(DEBUG)),--debug)

check: modules owectl selftest-modules
	scripts/check.sh

demo: modules owectl
	scripts/demo.sh

# benchmarks against hostapd in one real-time guest boot: bench/results.md
bench: modules owectl
	scripts/bench/bench.sh

# hostile air: scripts/fuzz/fuzz.sh [COUNT [SEED]] (FUZZ_COUNT, FUZZ_SEED);
# it builds the debug kernel's modules itself when that kernel exists
fuzz: modules owectl
	scripts/fuzz/fuzz.sh

# the patches are checked from stdin: given a path git tracks, checkpatch
# reads any file as source code, and a patch's blank context lines would
# look like trailing white space
style:
	$(KSRC)/scripts/checkpatch.pl --no-tree --strict --terse -f \
		$(filter-out %netlink-gen.c %netlink-gen.h %.mod.c, \
			$(wildcard owe/*.[ch] owe/*/*.[ch] ecc/*.[ch] \
				include/owe/*.h kunit/*.[ch]))
	for p in patches/mac80211/*.patch; do \
		$(KSRC)/scripts/checkpatch.pl --no-tree --strict --terse - \
			< "$$p" | sed "s|^|$$p: |" || exit 1; \
	done
	$(KSRC)/scripts/checkpatch.pl --no-tree --strict --terse -f \
		$(filter-out %.mod.c, $(wildcard scripts/vm/selftest/*.c))

# owe.ko goes where the kernel's modules_install puts external modules:
# /lib/modules/<release>/updates/owe/ (under DESTDIR)
install: install-tools $(if $(INSTALL_MODULE),modules)
	install -D -m 0644 tools/systemd/modules-load.conf \
		$(DESTDIR)$(MODULESLOADDIR)/owe-ap.conf
ifeq ($(INSTALL_MODULE),1)
	$(MAKE) -C $(KDIR) M=$(CURDIR) $(KMAKE_ARCH) INSTALL_MOD_PATH=$(DESTDIR) \
		INSTALL_MOD_DIR=updates modules_install
endif

# what the owectl package holds: the CLI, its man page, the unit, the
# example and the configuration directory
install-tools: owectl
	$(MAKE) -C tools/owectl install PREFIX=$(PREFIX) SBINDIR=$(SBINDIR) \
		MANDIR=$(MANDIR)
	install -d $(DESTDIR)$(SYSTEMDUNITDIR)
	sed -e 's|@SBINDIR@|$(SBINDIR)|g' -e 's|@SYSCONFDIR@|$(SYSCONFDIR)|g' \
		tools/systemd/owe-ap.service.in > $(DESTDIR)$(SYSTEMDUNITDIR)/owe-ap.service
	chmod 0644 $(DESTDIR)$(SYSTEMDUNITDIR)/owe-ap.service
	install -D -m 0644 Documentation/examples/owe-transition.conf \
		$(DESTDIR)$(DOCDIR)/examples/owe-transition.conf
	install -d $(DESTDIR)$(SYSCONFDIR)/owe-ap

# Debian packages owe-ap-dkms and owectl (debian/), built from the files
# git tracks into DEB_OUT, then checked by lintian
DEB_OUT ?= $(OWE_BUILD_DIR)/deb
deb:
	scripts/deb.sh $(DEB_OUT)

# owe.ko's source registered with DKMS, built and installed for the
# running kernel (or DKMS_KERNEL=<release>); dkms-uninstall removes it
DKMS_VERSION := $(shell sed -n '1s/^[^(]*(\([^)]*\)).*/\1/p' debian/changelog)
DKMS_SRC := /usr/src/owe-ap-$(DKMS_VERSION)
dkms-install:
	-dkms remove owe-ap/$(DKMS_VERSION) --all 2>/dev/null
	rm -rf $(DKMS_SRC)
	install -d $(DKMS_SRC)
	git ls-files -z -- ecc owe include | xargs -0 cp --parents -t $(DKMS_SRC)
	echo 'obj-m += ecc/ owe/' > $(DKMS_SRC)/Kbuild
	sed 's/#MODULE_VERSION#/$(DKMS_VERSION)/' dkms.conf > $(DKMS_SRC)/dkms.conf
	dkms add owe-ap/$(DKMS_VERSION)
	dkms install owe-ap/$(DKMS_VERSION) $(if $(DKMS_KERNEL),-k $(DKMS_KERNEL))

dkms-uninstall:
	-dkms remove owe-ap/$(DKMS_VERSION) --all
	rm -rf $(DKMS_SRC)

# the configuration in SYSCONFDIR/owe-ap/ is the operator's: it stays
uninstall:
	rm -f $(DESTDIR)$(SBINDIR)/owectl $(DESTDIR)$(MANDIR)/man8/owectl.8 \
		$(DESTDIR)$(SYSTEMDUNITDIR)/owe-ap.service \
		$(DESTDIR)$(MODULESLOADDIR)/owe-ap.conf \
		$(DESTDIR)$(DOCDIR)/examples/owe-transition.conf
	-rmdir $(DESTDIR)$(DOCDIR)/examples $(DESTDIR)$(DOCDIR) \
		$(DESTDIR)$(SYSCONFDIR)/owe-ap 2>/dev/null
ifeq ($(INSTALL_MODULE),1)
	rel=$$($(MAKE) -s -C $(KDIR) $(KMAKE_ARCH) kernelrelease) && \
	mods=$(DESTDIR)/lib/modules/$$rel && \
	rm -f $$mods/updates/owe/owe.ko $$mods/updates/ecc/owe_ecc.ko \
		$$mods/updates/kunit/owe-kunit.ko && \
	{ rmdir $$mods/updates/owe $$mods/updates/ecc $$mods/updates/kunit \
		2>/dev/null; \
	  depmod -b $(or $(DESTDIR),/) $$rel 2>/dev/null; true; }
endif

# kbuild's clean is run per directory: with M= the repository it would
# also sweep the kernel trees under .build/
clean:
	for d in ecc owe kunit scripts/vm/selftest scripts/bench/kmod; do \
		$(MAKE) -C $(KDIR) M=$(CURDIR)/$$d $(KMAKE_ARCH) clean; \
	done
	rm -f Module.symvers modules.order
	$(MAKE) -C tools/owectl clean

.PHONY: all kernel kernel-debug kernel-stock modules owectl regen \
	selftest-modules kunit check demo bench fuzz style install \
	install-tools uninstall clean deb dkms-install dkms-uninstall
