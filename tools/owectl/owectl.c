// SPDX-License-Identifier: GPL-2.0
/*
 * owectl - configure owe.ko, the in-kernel Wi-Fi Enhanced Open (OWE)
 * authenticator for mac80211 access points.
 *
 *   owectl [--version] [help [COMMAND...]]
 *   owectl dev <ifname> <section> <command> [ARGS...]
 *   owectl <command> [ARGS...]
 *
 * Commands live in one file per group and register themselves through the
 * "__cmd" linker section (SECTION(), COMMAND(), TOPLEVEL() in owectl.h).
 */
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "owectl.h"

#ifndef OWECTL_VERSION
#define OWECTL_VERSION "unknown"
#endif

/* every attribute set of the family has its ifindex at 1 */
_Static_assert(OWE_A_AP_IFINDEX == 1 && OWE_A_STA_IFINDEX == 1 &&
	       OWE_A_PMKSA_IFINDEX == 1, "ifindex is attribute 1 in every set");
#define OWE_A_IFINDEX 1

const char *owectl_where = "";
void (*owectl_err_sink)(const char *msg);

void owectl_err(const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	int n;

	n = snprintf(msg, sizeof(msg), "owectl: %s", owectl_where);
	if (n < 0 || n >= (int)sizeof(msg))
		n = 0;
	va_start(ap, fmt);
	vsnprintf(msg + n, sizeof(msg) - n, fmt, ap);
	va_end(ap);
	if (owectl_err_sink)
		owectl_err_sink(msg);
	else
		fputs(msg, stderr);
}

static void print_cmd_line(const struct cmd *cmd)
{
	if (cmd->idby == CIB_NETDEV)
		printf("\towectl dev <ifname> ");
	else
		printf("\towectl ");
	if (cmd->parent)
		printf("%s ", cmd->parent->name);
	printf("%s%s%s\n", cmd->name, cmd->args ? " " : "", cmd->args ? cmd->args : "");
}

static void print_help_text(const char *help)
{
	const char *line = help;

	if (!help)
		return;
	while (*line) {
		const char *end = strchr(line, '\n');
		int len = end ? (int)(end - line) : (int)strlen(line);

		printf("\t\t%.*s\n", len, line);
		line += len + (end ? 1 : 0);
	}
}

static void usage_cmd(const struct cmd *cmd)
{
	printf("Usage:\n");
	print_cmd_line(cmd);
	print_help_text(cmd->help);
}

/* does @cmd match the words of "owectl help WORDS..." (a prefix of its path)? */
static bool help_matches(const struct cmd *cmd, int argc, char **argv)
{
	const char *path[2];
	int n = 0, i;

	if (cmd->parent)
		path[n++] = cmd->parent->name;
	path[n++] = cmd->name;
	if (argc > n)
		return false;
	for (i = 0; i < argc; i++)
		if (strcmp(argv[i], path[i]))
			return false;
	return true;
}

/* help order: sections as sections.c lists them, then top-level commands; source order inside */
static int cmp_cmds(const void *a, const void *b)
{
	const struct cmd *ca = *(const struct cmd * const *)a;
	const struct cmd *cb = *(const struct cmd * const *)b;
	int ra = ca->parent ? ca->parent->order : INT_MAX;
	int rb = cb->parent ? cb->parent->order : INT_MAX;

	if (ra != rb)
		return ra < rb ? -1 : 1;
	return ca->order - cb->order;
}

static int help(int argc, char **argv)
{
	const struct cmd *list[64];
	struct cmd *cmd;
	int n = 0, i;

	/* "owectl help dev wlan0 ap start" is read as "help ap start" */
	if (argc >= 2 && !strcmp(argv[0], "dev")) {
		argc -= 2;
		argv += 2;
	}
	for_each_cmd(cmd) {
		if (!cmd->handler || cmd->hidden || !help_matches(cmd, argc, argv))
			continue;
		if (n < (int)ARRAY_SIZE(list))
			list[n++] = cmd;
	}
	if (argc && !n) {
		char words[256] = "";

		for (i = 0; i < argc; i++) {
			strncat(words, argv[i], sizeof(words) - strlen(words) - 2);
			if (i < argc - 1)
				strcat(words, " ");
		}
		owectl_err("unknown command '%s' (see owectl help)\n", words);
		return 1;
	}
	qsort(list, n, sizeof(list[0]), cmp_cmds);
	if (!argc)
		printf("Usage:\towectl [--version] <command>\n\nCommands:\n");
	for (i = 0; i < n; i++) {
		print_cmd_line(list[i]);
		print_help_text(list[i]->help);
		printf("\n");
	}
	if (!argc) {
		printf("\towectl help [<command>...]\n\t\tPrint help for the matching commands.\n\n");
		printf("\towectl --version\n\t\tPrint owectl's version.\n");
	}
	return 0;
}

static struct cmd *find_section(const char *name)
{
	struct cmd *cmd;

	for_each_cmd(cmd)
		if (!cmd->handler && !cmd->parent && !strcmp(cmd->name, name))
			return cmd;
	return NULL;
}

static struct cmd *find_cmd(const struct cmd *parent, const char *name,
			    enum command_identify_by idby)
{
	struct cmd *cmd;

	for_each_cmd(cmd)
		if (cmd->handler && cmd->parent == parent && cmd->idby == idby &&
		    !strcmp(cmd->name, name))
			return cmd;
	return NULL;
}

static void usage_section(const struct cmd *section)
{
	struct cmd *cmd;

	printf("Usage:\n");
	for_each_cmd(cmd)
		if (cmd->handler && !cmd->hidden && cmd->parent == section)
			print_cmd_line(cmd);
}

static int run_cmd(struct owectl_state *state, const struct cmd *cmd,
		   int argc, char **argv)
{
	struct nl_msg *msg = NULL;
	int err;

	register_handler(NULL, NULL);
	if (cmd->cmd) {
		/* the family is checked after the handler: bad arguments first */
		msg = owe_msg(state, cmd->cmd, cmd->nl_msg_flags);
		if (!msg)
			return -ENOMEM;
		if (cmd->idby == CIB_NETDEV &&
		    nla_put_u32(msg, OWE_A_IFINDEX, state->ifindex)) {
			nlmsg_free(msg);
			return -ENOBUFS;
		}
	}
	err = cmd->handler(state, msg, argc, argv);
	if (!err && msg)
		err = owe_family_check(state);
	if (err || !msg) {
		nlmsg_free(msg);
		return err;
	}
	return owectl_send_registered(state, msg);
}

int main(int argc, char **argv)
{
	struct owectl_state state = { .owe_id = -1 };
	const struct cmd *cmd = NULL;
	const struct cmd *section;
	int err;

	argc--;
	argv++;
	while (argc && argv[0][0] == '-') {
		if (!strcmp(argv[0], "--version") || !strcmp(argv[0], "-V")) {
			printf("owectl version %s\n", OWECTL_VERSION);
			return 0;
		} else if (!strcmp(argv[0], "--help") || !strcmp(argv[0], "-h")) {
			return help(0, NULL);
		} else if (!strcmp(argv[0], "--no-owe")) {
			/* hidden, for tests of the nl80211 half only */
			state.no_owe = true;
		} else {
			owectl_err("unknown option '%s' (see owectl help)\n", argv[0]);
			return 1;
		}
		argc--;
		argv++;
	}
	if (!argc) {
		help(0, NULL);
		return 1;
	}
	if (!strcmp(argv[0], "help"))
		return help(argc - 1, argv + 1);

	if (!strcmp(argv[0], "dev")) {
		if (argc < 2) {
			owectl_err("'dev' needs an interface name (see owectl help)\n");
			return 1;
		}
		state.ifname = argv[1];
		if (ifname_to_index(argv[1], &state.ifindex))
			return 1;
		if (argc < 3) {
			owectl_err("what should owectl do with '%s'? (see owectl help)\n",
				   argv[1]);
			return 1;
		}
		section = find_section(argv[2]);
		if (!section) {
			owectl_err("unknown command '%s' (see owectl help)\n", argv[2]);
			return 1;
		}
		if (argc < 4) {
			usage_section(section);
			return 1;
		}
		cmd = find_cmd(section, argv[3], CIB_NETDEV);
		if (!cmd) {
			owectl_err("unknown command '%s %s' (see owectl help %s)\n",
				   argv[2], argv[3], argv[2]);
			return 1;
		}
		argc -= 4;
		argv += 4;
	} else {
		cmd = find_cmd(NULL, argv[0], CIB_NONE);
		if (!cmd) {
			owectl_err("unknown command '%s' (see owectl help)\n", argv[0]);
			return 1;
		}
		argc--;
		argv++;
	}

	err = nl_init(&state);
	if (err)
		return 1;
	err = run_cmd(&state, cmd, argc, argv);
	nl_cleanup(&state);
	if (err == HANDLER_RET_USAGE) {
		usage_cmd(cmd);
		return 1;
	}
	if (err == HANDLER_RET_DONE)
		return 1;
	if (err < 0) {
		fprintf(stderr, "command failed: %s (%d)\n", strerror(-err), err);
		return 1;
	}
	return 0;
}
