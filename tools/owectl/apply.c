// SPDX-License-Identifier: GPL-2.0
/*
 * owectl apply FILE: start the BSSes a hostapd.conf subset describes
 * (conf.c), and on a later apply reconcile them with the file.
 *
 * What an apply started is remembered in STATE_FILE, one line per BSS:
 *
 *   IFNAME CREATED FILE SIGNATURE...
 *
 * CREATED is 1 when apply added the interface (a bss= section whose
 * interface did not exist), FILE the absolute path of the file,
 * SIGNATURE the options it gave "ap start" plus "@bssid MAC" and
 * "@bridge NAME", each word %XX-escaped. An apply reads and changes only
 * the records of its own file (hostapd too takes one file per radio). On
 * the next apply of a file, a BSS of the file is
 *
 *   unchanged   when its signature is the recorded one and owe.ko still
 *               serves it as started (SSID, role, hidden, the same
 *               transition partner interface): it is left alone, its
 *               stations stay connected;
 *   restarted   when its signature differs, or owe.ko no longer serves it,
 *               or a BSS apply did not start runs on the interface;
 *   started     when it is new;
 *
 * and a recorded BSS the file no longer lists is stopped, taken out of its
 * bridge, and its interface deleted when apply had added it. BSSes that
 * apply never started are not touched unless the file names their
 * interface. Stops come first, then the starts in the file's order.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <linux/sockios.h>
#include "conf.h"

#define STATE_DIR	"/run/owe-ap"
#define STATE_FILE	STATE_DIR "/apply.state"

struct record {
	char ifname[IF_NAMESIZE];
	bool created;
	char *file;			/* the file that started it, escaped */
	char *sig;
	char bridge[IF_NAMESIZE];	/* "" when none */
};

enum action { A_UNCHANGED, A_START, A_RESTART };

struct apply {
	struct owectl_state *state;
	struct conf conf;
	char *file;			/* the file's absolute path, escaped */
	struct record rec[CONF_MAX_BSS * 2];
	int n_rec;
	enum action action[CONF_MAX_BSS];
	char *sig[CONF_MAX_BSS];
	bool created[CONF_MAX_BSS];
	bool running[CONF_MAX_BSS];	/* after this apply */
};

/* --- signatures and the state file -------------------------------------- */

static void sig_add(char **sig, size_t *len, const char *word)
{
	size_t need = *len + 3 * strlen(word) + 2;
	const unsigned char *p;
	char *s;

	s = realloc(*sig, need);
	if (!s)
		return;
	*sig = s;
	if (*len)
		s[(*len)++] = ' ';
	for (p = (const unsigned char *)word; *p; p++) {
		if (*p <= ' ' || *p >= 0x7f || *p == '%')
			*len += sprintf(s + *len, "%%%02X", *p);
		else
			s[(*len)++] = *p;
	}
	s[*len] = '\0';
}

static char *signature(const struct conf_bss *b)
{
	char *sig = NULL, mac[18];
	size_t len = 0;
	int i;

	for (i = 0; i < b->argc; i++)
		sig_add(&sig, &len, b->argv[i]);
	if (b->has_bssid) {
		mac_to_str(b->bssid, mac);
		sig_add(&sig, &len, "@bssid");
		sig_add(&sig, &len, mac);
	}
	if (b->bridge) {
		sig_add(&sig, &len, "@bridge");
		sig_add(&sig, &len, b->bridge);
	}
	return sig ?: strdup("");
}

/* the bridge named in a recorded signature ("%XX" never hides a space) */
static void sig_bridge(const char *sig, char bridge[IF_NAMESIZE])
{
	const char *p = strstr(sig, "@bridge ");

	bridge[0] = '\0';
	if (p)
		sscanf(p + 8, "%15s", bridge);
}

/* the records of every file: an apply changes only those of its own */
static void read_state(struct apply *a)
{
	char *line = NULL, name[64];
	size_t size = 0;
	int created, n1, n2;
	FILE *f;

	f = fopen(STATE_FILE, "r");
	if (!f)
		return;
	while (getline(&line, &size, f) >= 0 &&
	       a->n_rec < (int)ARRAY_SIZE(a->rec)) {
		struct record *r = &a->rec[a->n_rec];

		line[strcspn(line, "\n")] = '\0';
		n2 = 0;
		if (line[0] == '#' ||
		    sscanf(line, "%63s %d %n%*s %n", name, &created, &n1, &n2) != 2 ||
		    !n2 || strlen(name) >= IF_NAMESIZE)
			continue;
		snprintf(r->ifname, sizeof(r->ifname), "%s", name);
		r->created = created;
		r->file = strndup(line + n1, strcspn(line + n1, " "));
		r->sig = strdup(line + n2);
		if (!r->file || !r->sig) {
			free(r->file);
			free(r->sig);
			continue;
		}
		sig_bridge(r->sig, r->bridge);
		a->n_rec++;
	}
	free(line);
	fclose(f);
}

static bool mine(const struct apply *a, const struct record *r)
{
	return !strcmp(r->file, a->file);
}

/* this file's record of IFNAME, NULL when none */
static struct record *find_record(struct apply *a, const char *ifname)
{
	int i;

	for (i = 0; i < a->n_rec; i++)
		if (mine(a, &a->rec[i]) && !strcmp(a->rec[i].ifname, ifname))
			return &a->rec[i];
	return NULL;
}

static int write_state(struct apply *a)
{
	const char *tmp = STATE_FILE ".new";
	FILE *f;
	int i;

	if (mkdir(STATE_DIR, 0755) && errno != EEXIST)
		goto err;
	f = fopen(tmp, "w");
	if (!f)
		goto err;
	fprintf(f, "# the BSSes owectl apply started, one per line:\n"
		"# IFNAME CREATED(by apply) FILE AP-START-OPTIONS @bssid @bridge\n");
	/* other files' BSSes stay, unless this file took their interface */
	for (i = 0; i < a->n_rec; i++)
		if (!mine(a, &a->rec[i]) && !conf_find(&a->conf, a->rec[i].ifname))
			fprintf(f, "%s %d %s %s\n", a->rec[i].ifname,
				a->rec[i].created, a->rec[i].file, a->rec[i].sig);
	for (i = 0; i < a->conf.n_bss; i++)
		if (a->running[i])
			fprintf(f, "%s %d %s %s\n", a->conf.bss[i].ifname,
				a->created[i], a->file, a->sig[i]);
	if (fclose(f) || rename(tmp, STATE_FILE))
		goto err;
	return 0;
err:
	owectl_err("cannot write %s: %s (the next apply will not know what this one started)\n",
		   STATE_FILE, strerror(errno));
	return -1;
}

/* --- interfaces: bridge ports, MAC addresses ---------------------------- */

static int ioctl_ifr(unsigned long req, struct ifreq *ifr)
{
	int fd, err = 0;

	fd = socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
	if (fd < 0)
		return -errno;
	if (ioctl(fd, req, ifr) < 0)
		err = -errno;
	close(fd);
	return err;
}

/* the bridge IFNAME is a port of, "" when none */
static void master_of(const char *ifname, char master[IF_NAMESIZE])
{
	char path[64 + IF_NAMESIZE], link[256];
	ssize_t n;
	char *base;

	master[0] = '\0';
	snprintf(path, sizeof(path), "/sys/class/net/%s/master", ifname);
	n = readlink(path, link, sizeof(link) - 1);
	if (n <= 0)
		return;
	link[n] = '\0';
	base = strrchr(link, '/');
	base = base ? base + 1 : link;
	if (strlen(base) < IF_NAMESIZE)
		memcpy(master, base, strlen(base) + 1);
}

static int bridge_port(const char *bridge, const char *ifname, bool add)
{
	struct ifreq ifr;
	int err;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", bridge);
	ifr.ifr_ifindex = if_nametoindex(ifname);
	if (!ifr.ifr_ifindex)
		return -ENODEV;
	err = ioctl_ifr(add ? SIOCBRADDIF : SIOCBRDELIF, &ifr);
	if (err)
		owectl_err("cannot %s '%s' %s the bridge '%s': %s\n",
			   add ? "add" : "take", ifname, add ? "to" : "out of",
			   bridge, strerror(-err));
	return err;
}

/* hostapd's bssid=: the interface's MAC, set while it is down */
static int set_mac(const char *ifname, const uint8_t mac[ETH_ALEN])
{
	struct ifreq ifr;
	int err;

	memset(&ifr, 0, sizeof(ifr));
	snprintf(ifr.ifr_name, sizeof(ifr.ifr_name), "%s", ifname);
	err = ioctl_ifr(SIOCGIFHWADDR, &ifr);
	if (!err && !memcmp(ifr.ifr_hwaddr.sa_data, mac, ETH_ALEN))
		return 0;
	if (!err)
		err = ioctl_ifr(SIOCGIFFLAGS, &ifr);
	if (!err && (ifr.ifr_flags & IFF_UP)) {
		ifr.ifr_flags &= ~IFF_UP;
		err = ioctl_ifr(SIOCSIFFLAGS, &ifr);
	}
	if (!err) {
		ifr.ifr_hwaddr.sa_family = 1;	/* ARPHRD_ETHER */
		memcpy(ifr.ifr_hwaddr.sa_data, mac, ETH_ALEN);
		err = ioctl_ifr(SIOCSIFHWADDR, &ifr);
	}
	if (err) {
		char buf[18];

		mac_to_str(mac, buf);
		owectl_err("cannot set the address of '%s' to %s (bssid=): %s\n",
			   ifname, buf, strerror(-err));
	}
	return err;
}

static void use_iface(struct owectl_state *state, const char *ifname)
{
	state->ifname = ifname;
	state->ifindex = if_nametoindex(ifname);
}

/* --- the steps ---------------------------------------------------------- */

/* the radio (wiphy) of a wireless interface, -1 when it is none */
static int radio_of(const char *ifname)
{
	char path[64 + IF_NAMESIZE];
	int wiphy = -1;
	FILE *f;

	snprintf(path, sizeof(path), "/sys/class/net/%s/phy80211/index", ifname);
	f = fopen(path, "r");
	if (!f)
		return -1;
	if (fscanf(f, "%d", &wiphy) != 1)
		wiphy = -1;
	fclose(f);
	return wiphy;
}

/* what the file needs of the system, checked before anything changes */
static int check_system(struct apply *a)
{
	struct conf *conf = &a->conf;
	char where[512];
	int i, errors = 0, radio = -1;

	for (i = 0; i < conf->n_bss; i++) {
		struct conf_bss *b = &conf->bss[i];
		const char *key = b->from_bss ? "bss" : "interface";
		int wiphy;

		if (b->from_bss && !if_nametoindex(b->ifname))
			continue;	/* added on the radio of interface= */
		wiphy = radio_of(b->ifname);
		if (!i)
			radio = wiphy;
		if (wiphy >= 0 && wiphy == radio)
			continue;
		snprintf(where, sizeof(where), "%s:%u: ", conf->path, b->line);
		owectl_where = where;
		if (!if_nametoindex(b->ifname))
			owectl_err("%s=%s: no such interface\n", key, b->ifname);
		else if (wiphy < 0)
			owectl_err("%s=%s: not a wireless interface\n", key,
				   b->ifname);
		else
			owectl_err("bss=%s: on another radio (wiphy %d) than interface=%s (wiphy %d); one file describes one radio\n",
				   b->ifname, wiphy, conf->bss[0].ifname, radio);
		errors++;
	}
	owectl_where = "";
	return errors ? HANDLER_RET_DONE : 0;
}

/*
 * a partner that is not in the file but that an earlier apply of the file
 * started: this apply would stop it
 */
static int check_partners(struct apply *a)
{
	struct conf *conf = &a->conf;
	char where[512];
	int i, errors = 0;

	for (i = 0; i < conf->n_bss; i++) {
		const struct conf_bss *b = &conf->bss[i];
		const char *name = b->val[K_OWE_TRANSITION_IFNAME];

		if (!name || conf_find(conf, name) || !find_record(a, name))
			continue;
		snprintf(where, sizeof(where), "%s:%u: ", conf->path,
			 b->key_line[K_OWE_TRANSITION_IFNAME]);
		owectl_where = where;
		owectl_err("owe_transition_ifname=%s: the BSS on '%s' is no longer in the file, and this apply would stop it\n",
			   name, name);
		errors++;
	}
	owectl_where = "";
	return errors ? HANDLER_RET_DONE : 0;
}

/* owe.ko serves the BSS as apply started it, with the same partner */
static bool served_as_before(struct apply *a, const struct conf_bss *b)
{
	const char *partner = NULL, *ssid = "";
	struct ap_info ap;
	int i;

	use_iface(a->state, b->ifname);
	if (!a->state->ifindex || ap_get(a->state, &ap))
		return false;
	for (i = 0; i + 1 < b->argc; i++) {
		if (!strcmp(b->argv[i], "transition"))
			partner = b->argv[i + 1];
		else if (!strcmp(b->argv[i], "ssid"))
			ssid = b->argv[i + 1];
	}
	if (ap.ssid_len != strlen(ssid) || memcmp(ap.ssid, ssid, ap.ssid_len) ||
	    ap.hidden != b->hidden ||
	    ap.security != (b->owe ? OWE_SECURITY_OWE : OWE_SECURITY_OPEN))
		return false;
	if (partner)
		return ap.has_trans_ifindex &&
		       ap.trans_ifindex == if_nametoindex(partner);
	return true;
}

static void plan(struct apply *a)
{
	int i;

	for (i = 0; i < a->conf.n_bss; i++) {
		struct conf_bss *b = &a->conf.bss[i];
		struct record *r = find_record(a, b->ifname);
		struct ap_info ap;

		a->sig[i] = signature(b);
		a->created[i] = r && r->created;
		if (r && a->sig[i] && !strcmp(r->sig, a->sig[i]) &&
		    served_as_before(a, b)) {
			a->action[i] = A_UNCHANGED;
			a->running[i] = true;
			continue;
		}
		use_iface(a->state, b->ifname);
		a->action[i] = r || (a->state->ifindex && !ap_get(a->state, &ap)) ?
			       A_RESTART : A_START;
	}
}

/* a recorded BSS the file no longer lists: stop it, undo what apply did */
static void remove_bss(struct apply *a, struct record *r)
{
	char master[IF_NAMESIZE];

	use_iface(a->state, r->ifname);
	if (!a->state->ifindex)
		return;
	ap_stop(a->state);
	master_of(r->ifname, master);
	if (r->bridge[0] && !strcmp(master, r->bridge))
		bridge_port(r->bridge, r->ifname, false);
	if (r->created && nl80211_del_iface(a->state, a->state->ifindex))
		owectl_err("cannot delete '%s', which apply had added\n",
			   r->ifname);
	printf("%s: stopped (not in %s)\n", r->ifname, a->conf.path);
}

/*
 * the interface of a BSS to start, with its address: before any BSS starts,
 * since a BSS names its transition partner's interface
 */
static int prepare_iface(struct apply *a, int i)
{
	struct conf_bss *b = &a->conf.bss[i];
	int err;

	if (!if_nametoindex(b->ifname)) {
		err = nl80211_add_ap_iface(a->state, a->conf.bss[0].ifname,
					   b->ifname);
		if (err)
			return err;
		a->created[i] = true;
	}
	if (b->has_bssid && set_mac(b->ifname, b->bssid))
		return HANDLER_RET_DONE;
	return 0;
}

/* bridge=: the interface a port of that bridge (and of no other) */
static int ensure_port(const struct conf_bss *b)
{
	char master[IF_NAMESIZE];

	if (!b->bridge)
		return 0;
	master_of(b->ifname, master);
	if (!strcmp(master, b->bridge))
		return 0;
	if (master[0])
		bridge_port(master, b->ifname, false);
	return bridge_port(b->bridge, b->ifname, true) ? HANDLER_RET_DONE : 0;
}

static int start_bss(struct apply *a, int i)
{
	struct conf_bss *b = &a->conf.bss[i];
	int err;

	use_iface(a->state, b->ifname);
	err = ap_start(a->state, b->argc, b->argv);
	if (err)
		return err;
	a->running[i] = true;
	return ensure_port(b);
}

static int apply(struct apply *a)
{
	struct conf *conf = &a->conf;
	bool prepared[CONF_MAX_BSS];
	int i, failed = 0, err;

	plan(a);

	for (i = 0; i < a->n_rec; i++)
		if (mine(a, &a->rec[i]) && !conf_find(conf, a->rec[i].ifname))
			remove_bss(a, &a->rec[i]);
	for (i = 0; i < conf->n_bss; i++) {
		struct conf_bss *b = &conf->bss[i];
		struct record *r = find_record(a, b->ifname);
		char master[IF_NAMESIZE];

		if (a->action[i] != A_RESTART)
			continue;
		use_iface(a->state, b->ifname);
		ap_stop(a->state);
		master_of(b->ifname, master);
		if (r && r->bridge[0] && !strcmp(master, r->bridge) &&
		    (!b->bridge || strcmp(b->bridge, r->bridge)))
			bridge_port(r->bridge, b->ifname, false);
	}
	for (i = 0; i < conf->n_bss; i++)
		prepared[i] = a->action[i] == A_UNCHANGED ||
			      !prepare_iface(a, i);
	for (i = 0; i < conf->n_bss; i++) {
		const char *name = conf->bss[i].ifname;

		if (a->action[i] == A_UNCHANGED) {
			/* a port taken out of its bridge by hand goes back */
			if (ensure_port(&conf->bss[i]))
				failed++;
			printf("%s: unchanged\n", name);
			continue;
		}
		err = prepared[i] ? start_bss(a, i) : HANDLER_RET_DONE;
		if (err) {
			if (err < 0)
				owectl_err("cannot start the BSS on '%s': %s\n",
					   name, strerror(-err));
			printf("%s: FAILED\n", name);
			failed++;
			continue;
		}
		printf("%s: %s\n", name,
		       a->action[i] == A_RESTART ? "restarted" : "started");
	}
	if (write_state(a))
		failed++;
	return failed ? HANDLER_RET_DONE : 0;
}

static int handle_apply(struct owectl_state *state, struct nl_msg *msg,
			int argc, char **argv)
{
	struct apply a = { .state = state };
	bool check_only = false;
	int err, i;

	(void)msg;
	if (argc == 2 && !strcmp(argv[1], "check"))
		check_only = true;
	else if (argc != 1)
		return HANDLER_RET_USAGE;

	err = conf_read(argv[0], &a.conf);
	if (!err)
		err = check_system(&a);
	if (!err) {
		/* the file is known by its absolute path */
		char *path = realpath(argv[0], NULL);
		size_t len = 0;

		sig_add(&a.file, &len, path ?: argv[0]);
		free(path);
		if (!a.file)
			err = -ENOMEM;
	}
	if (!err) {
		read_state(&a);
		err = check_partners(&a);
	}
	if (err) {
		owectl_err("%s: nothing was changed\n", argv[0]);
	} else if (check_only) {
		printf("%s: %d BSS%s, no errors\n", argv[0], a.conf.n_bss,
		       a.conf.n_bss == 1 ? "" : "es");
	} else {
		err = owe_family_check(state);
		if (!err)
			err = apply(&a);
	}

	for (i = 0; i < a.n_rec; i++) {
		free(a.rec[i].file);
		free(a.rec[i].sig);
	}
	free(a.file);
	for (i = 0; i < a.conf.n_bss; i++)
		free(a.sig[i]);
	conf_free(&a.conf);
	state->ifname = NULL;
	state->ifindex = 0;
	return err;
}
TOPLEVEL(apply, "<file> [check]", 0, 0, CIB_NONE, handle_apply,
	"Start the BSSes that a hostapd.conf subset describes, or bring them\n"
	"in line with the file after it changed: unchanged BSSes are left\n"
	"alone, changed ones restarted, and BSSes that an earlier apply\n"
	"started but the file no longer lists are stopped (apply remembers\n"
	"what it started in " STATE_FILE "). The whole file is checked\n"
	"first; an unknown key, two keys that conflict or a bad value is\n"
	"reported with its line and nothing is changed. 'check' only checks.\n"
	"Keys: interface, bss, bssid, driver=nl80211, hw_mode, channel,\n"
	"beacon_int, ssid, ignore_broadcast_ssid, wpa, wpa_key_mgmt=OWE\n"
	"(absent: open), owe_groups, owe_ptk_workaround, ieee80211w,\n"
	"rsn_pairwise, owe_transition_ifname, owe_transition_bssid,\n"
	"owe_transition_ssid, bridge, dtim_period (see owectl(8)).");
