/* nrem-cli-recommendations.c
 *
 * --export-outcome FILE.pdf|FILE.md|FILE.odt [--meeting UUID] [--negotiation]
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-cli.h"
#include "nrem-outcome.h"

#include <glib/gi18n.h>

static int
run_export_outcome (NremCli    *cli,
                    const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = NULL;
  NremOutcomeVersion version = nrem_cli_get_flag (cli, "negotiation") ? NREM_OUTCOME_NEGOTIATION
                                                                      : NREM_OUTCOME_CLEAN;

  /* a wrong ending is a wrong option: said before anything is opened */
  if (nrem_outcome_format_for_path (file) == NREM_OUTCOME_FORMAT_UNKNOWN)
    {
      g_printerr (_("nrem-desk: “%s”: the outcome document is written as PDF (.pdf), Markdown (.md) "
                    "or OpenDocument text (.odt); give the file one of these endings.\n"), file);
      return 1;
    }
  if (!(session = nrem_cli_open_session (cli, &error)))
    return nrem_cli_fail (error);
  if (!(meeting = nrem_cli_dup_meeting_uuid (cli, session, &error)))
    return nrem_cli_fail (error);
  /* sections as the window last showed them */
  if (!nrem_outcome_export (nrem_session_get_store (session), meeting, version,
                            nrem_outcome_stored_grouping (nrem_session_get_store (session)),
                            file, &error))
    return nrem_cli_fail (error);
  return 0;
}

const NremCliVerb nrem_cli_recommendations_verbs[] = {
  { "export-outcome",
    N_("Write the outcome document of a meeting (its recommendations) to FILE.pdf, FILE.md or FILE.odt and exit; "
       "the clean version (agreed text) unless --negotiation"),
    N_("FILE"), (const char * const []) { "meeting", "negotiation", NULL }, run_export_outcome },
  { NULL }
};
