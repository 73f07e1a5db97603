/* nrem-cli-exchange.c
 *
 * --export-json, --import-json, --validate-json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-cli.h"
#include "nrem-error.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

static int
run_export (NremCli    *cli,
            const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;

  if (!(session = nrem_cli_open_session (cli, &error)))
    return nrem_cli_fail (error);
  /* without --meeting, the whole database */
  if (!nrem_exchange_export_to_file (nrem_session_get_store (session), file,
                                     nrem_cli_get_string (cli, "meeting"),
                                     nrem_cli_get_flag (cli, "with-contacts"), &error))
    return nrem_cli_fail (error);
  return 0;
}

static int
run_import (NremCli    *cli,
            const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  gboolean dry_run = nrem_cli_get_flag (cli, "dry-run");
  NremImportReport report;

  if (!(session = nrem_cli_open_session (cli, &error)))
    return nrem_cli_fail (error);
  if (!nrem_exchange_import_file (nrem_session_get_store (session), file, dry_run, &report,
                                  &error))
    return nrem_cli_fail (error);
  summary = nrem_import_report_format (&report, dry_run);
  g_print ("%s\n", summary);
  if (report.backup_path != NULL)
    g_print (_("Backup of the database before the import: %s\n"), report.backup_path);
  nrem_import_report_clear (&report);
  return 0;
}

static void
remove_database (const char *path)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }
}

static int
run_validate (NremCli    *cli,
              const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(NremImport) import = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *tmp = NULL;

  db_path = nrem_cli_get_db_path (cli) ? g_strdup (nrem_cli_get_db_path (cli))
                                       : nrem_store_default_path ();

  /* References may point into the database; without one, into the built-in data alone.
   * Checking a file never creates a database where the user keeps one. */
  if (g_file_test (db_path, G_FILE_TEST_EXISTS))
    session = nrem_session_new (db_path, &error);
  else if ((tmp = g_dir_make_tmp ("nrem-desk-XXXXXX", &error)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp, "reference.db", NULL);

      session = nrem_session_new (path, &error);
      remove_database (path);
      g_rmdir (tmp);
    }
  if (session == NULL)
    return nrem_cli_fail (error);

  import = nrem_import_new_from_file (nrem_session_get_store (session), file, &error);
  if (import == NULL)
    return nrem_cli_fail (error);
  g_print (_("%s: valid, %u records\n"), file, nrem_import_get_n_records (import));
  return 0;
}

const NremCliVerb nrem_cli_exchange_verbs[] = {
  { "export-json", N_("Write the data to FILE in the exchange format and exit"), N_("FILE"),
    (const char * const []) { "meeting", "with-contacts", NULL }, run_export },
  { "import-json", N_("Merge an exchange FILE into the database (all or nothing, after a backup) and exit"),
    N_("FILE"), (const char * const []) { "dry-run", NULL }, run_import },
  { "validate-json", N_("Check an exchange FILE, report every problem, and exit"), N_("FILE"),
    NULL, run_validate },
  { NULL }
};
