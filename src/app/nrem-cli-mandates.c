/* nrem-cli-mandates.c
 *
 * --export-matrix FILE.csv: the mandate matrix as CSV (a header row, then the reference
 * profiles and every mechanism; RFC 4180, UTF-8, formula-like cells neutralised).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-cli.h"
#include "nrem-matrix.h"

#include <glib/gi18n.h>

static int
run_export_matrix (NremCli    *cli,
                   const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (!(session = nrem_cli_open_session (cli, &error)))
    return nrem_cli_fail (error);
  if (!nrem_matrix_export_csv (nrem_session_get_store (session), file, &error))
    return nrem_cli_fail (error);
  return 0;
}

const NremCliVerb nrem_cli_mandates_verbs[] = {
  { "export-matrix", N_("Write the mandate matrix to FILE as CSV (one row per mechanism) and exit"),
    N_("FILE.csv"), NULL, run_export_matrix },
  { NULL }
};
