/* nrem-cli.h
 *
 * The headless verbs of the command line. Each area declares a table of verbs; the
 * application registers their options and runs the one given, before any window exists.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-session.h"

G_BEGIN_DECLS

typedef struct _NremCli NremCli;

typedef struct
{
  const char  *long_name;        /* "export-json"; its argument is a file */
  const char  *description;      /* N_() */
  const char  *arg_description;  /* N_("FILE") */
  const char * const *modifiers; /* the other options it accepts: "meeting", "dry-run", … */
  int        (*run)              (NremCli    *cli,
                                  const char *file);
} NremCliVerb;

/* Modifiers every verb may name; each is registered once. */
#define NREM_CLI_MODIFIERS \
  X ("meeting", G_OPTION_ARG_STRING, N_("The meeting a verb works on, by uuid (default: the latest meeting; for --export-json: everything)"), N_("UUID")) \
  X ("with-contacts", G_OPTION_ARG_NONE, N_("Include e-mail addresses and phone numbers in an export"), NULL) \
  X ("dry-run", G_OPTION_ARG_NONE, N_("Report what an import would change, and change nothing"), NULL) \
  X ("participant", G_OPTION_ARG_STRING, N_("With --export-ics: only the sessions this person chairs or speaks in, by uuid"), N_("UUID")) \
  X ("negotiation", G_OPTION_ARG_NONE, N_("With --export-outcome: the negotiation version (brackets, alternatives, status, proposer)"), NULL)

NremSession *nrem_cli_open_session   (NremCli      *cli,
                                      GError      **error);
const char  *nrem_cli_get_db_path    (NremCli      *cli);
const char  *nrem_cli_get_string     (NremCli      *cli,
                                      const char   *name);
gboolean     nrem_cli_get_flag       (NremCli      *cli,
                                      const char   *name);
char        *nrem_cli_dup_meeting_uuid (NremCli    *cli,
                                      NremSession  *session,
                                      GError      **error);
int          nrem_cli_fail           (GError       *error);

/* the tables, NULL-terminated (run == NULL) */
extern const NremCliVerb nrem_cli_exchange_verbs[];
extern const NremCliVerb nrem_cli_participants_verbs[];
extern const NremCliVerb nrem_cli_agenda_verbs[];
extern const NremCliVerb nrem_cli_mandates_verbs[];
extern const NremCliVerb nrem_cli_recommendations_verbs[];

G_END_DECLS
