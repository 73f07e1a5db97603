/* nrem-cli-participants.c
 *
 * --import-csv FILE [--meeting UUID] [--dry-run]: the secretariat's spreadsheet of
 *   participants (see src/core/participants/nrem-participant-csv.h for the columns it
 *   recognises and how it tells a new person from one it updates);
 * --export-vcard FILE [--meeting UUID]: everyone (or the people invited to the meeting) as
 *   vCard 4.0.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-cli.h"
#include "nrem-error.h"
#include "nrem-participant-csv.h"
#include "nrem-participant-export.h"
#include "nrem-participant-list.h"

#include <glib/gi18n.h>

static gboolean
check_meeting (NremSession  *session,
               const char   *uuid,
               GError      **error)
{
  if (uuid == NULL || nrem_session_find_meeting (session, uuid) != NULL)
    return TRUE;
  g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND, _("There is no meeting with the uuid %s."), uuid);
  return FALSE;
}

static int
run_import_csv (NremCli    *cli,
                const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(NremParticipantCsv) csv = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) problems = NULL;
  g_autofree char *plan = NULL;
  const char *meeting = nrem_cli_get_string (cli, "meeting");
  NremStore *store;
  NremCsvResult result;

  if (!(session = nrem_cli_open_session (cli, &error)) ||
      !check_meeting (session, meeting, &error))
    return nrem_cli_fail (error);
  store = nrem_session_get_store (session);

  if (!(csv = nrem_participant_csv_new_from_file (file, &error)))
    return nrem_cli_fail (error);

  for (guint c = 0; c < nrem_participant_csv_get_n_columns (csv); c++)
    {
      NremCsvField field = nrem_participant_csv_get_mapping (csv, c);

      g_print (_("Column “%s”: %s\n"), nrem_participant_csv_get_header (csv, c),
               nrem_csv_field_label (field));
    }

  if (!nrem_participant_csv_plan (csv, store, meeting, &error))
    return nrem_cli_fail (error);
  problems = nrem_participant_csv_list_problems (csv, FALSE);
  for (guint i = 0; problems[i] != NULL; i++)
    g_printerr ("%s: %s\n", nrem_participant_csv_get_display_name (csv), problems[i]);

  if (nrem_cli_get_flag (cli, "dry-run"))
    {
      plan = nrem_participant_csv_describe_plan (csv);
      g_print (_("Dry run, nothing was changed: %s\n"), plan);
      return nrem_participant_csv_get_n_blocking (csv) > 0 ? 3 : 0;
    }

  if (!nrem_participant_csv_apply (csv, store, meeting, &result, &error))
    return nrem_cli_fail (error);
  {
    g_autofree char *summary = nrem_csv_result_describe (&result);

    g_print ("%s\n", summary);
  }
  if (meeting != NULL && result.attendances > 0)
    g_print (ngettext ("%u attendance at the meeting recorded\n",
                       "%u attendances at the meeting recorded\n", result.attendances),
             result.attendances);
  if (result.backup_path != NULL)
    g_print (_("Backup of the database before the import: %s\n"), result.backup_path);
  nrem_csv_result_clear (&result);
  return 0;
}

static int
run_export_vcard (NremCli    *cli,
                  const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(NremParticipantList) list = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  const char *meeting = nrem_cli_get_string (cli, "meeting");

  if (!(session = nrem_cli_open_session (cli, &error)) ||
      !check_meeting (session, meeting, &error))
    return nrem_cli_fail (error);

  list = nrem_participant_list_new (nrem_session_get_store (session));
  nrem_participant_list_set_meeting (list, meeting);
  if (!nrem_participant_list_load (list, &error))
    return nrem_cli_fail (error);
  nrem_participant_list_finish_loading (list);

  items = nrem_participants_collect (G_LIST_MODEL (list));
  if (meeting != NULL)
    for (guint i = items->len; i > 0; i--)
      if (nrem_participant_item_get_status (g_ptr_array_index (items, i - 1)) < 0)
        g_ptr_array_remove_index (items, i - 1);

  if (!nrem_participants_write_vcard (items, file, &error))
    return nrem_cli_fail (error);
  g_print (ngettext ("Wrote %u contact to %s\n", "Wrote %u contacts to %s\n", items->len),
           items->len, file);
  return 0;
}

const NremCliVerb nrem_cli_participants_verbs[] = {
  { "import-csv", N_("Import participants from a CSV FILE (all or nothing, after a backup) and exit; "
                     "with --meeting, invite them to that meeting"),
    N_("FILE"), (const char * const []) { "meeting", "dry-run", NULL }, run_import_csv },
  { "export-vcard", N_("Write the participants (with --meeting: that meeting's) to FILE as vCard 4.0 and exit"),
    N_("FILE"), (const char * const []) { "meeting", NULL }, run_export_vcard },
  { NULL }
};
