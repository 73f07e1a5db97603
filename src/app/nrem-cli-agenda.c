/* nrem-cli-agenda.c
 *
 * --import-schedule, --export-schedule, --export-ics
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-cli.h"
#include "nrem-agenda-ical.h"
#include "nrem-error.h"
#include "nrem-schedule.h"

#include <glib/gi18n.h>

static void
print_list (const char *title,
            GPtrArray  *items)
{
  if (items == NULL || items->len == 0)
    return;
  g_printerr ("%s\n", title);
  for (guint i = 0; i < items->len; i++)
    g_printerr ("  • %s\n", (const char *) g_ptr_array_index (items, i));
}

static int
run_import_schedule (NremCli    *cli,
                     const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  NremScheduleReport report;
  int status;

  if (!(session = nrem_cli_open_session (cli, &error)))
    return nrem_cli_fail (error);
  if (!nrem_schedule_import_file (nrem_session_get_store (session), file, TRUE, &report, &error))
    {
      status = nrem_cli_fail (error);
      nrem_schedule_report_clear (&report);
      return status;
    }
  /* stdout carries the meeting alone, for scripts; the account of the import goes to stderr */
  g_print ("%s\n", report.meeting_uuid);
  summary = nrem_schedule_report_format (&report);
  g_printerr ("%s\n", summary);
  if (report.backup_path != NULL)
    g_printerr (_("Backup of the database before the import: %s\n"), report.backup_path);
  nrem_schedule_report_clear (&report);
  return 0;
}

static int
run_export_schedule (NremCli    *cli,
                     const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  NremScheduleFormat format;

  if (!nrem_schedule_format_for_path (file, &format))
    {
      g_printerr (_("nrem-desk: %s: name the file .json or .xml to choose the schedule’s format\n"), file);
      return 1;
    }
  if (!(session = nrem_cli_open_session (cli, &error)) ||
      !(meeting = nrem_cli_dup_meeting_uuid (cli, session, &error)) ||
      !nrem_schedule_export_to_file (nrem_session_get_store (session), meeting, file, skipped, &error))
    return nrem_cli_fail (error);
  print_list (_("Not in the schedule:"), skipped);
  return 0;
}

static int
run_export_ics (NremCli    *cli,
                const char *file)
{
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *meeting = NULL;

  if (!(session = nrem_cli_open_session (cli, &error)) ||
      !(meeting = nrem_cli_dup_meeting_uuid (cli, session, &error)) ||
      !nrem_agenda_ical_export_to_file (nrem_session_get_store (session), meeting,
                                        nrem_cli_get_string (cli, "participant"), file, &error))
    return nrem_cli_fail (error);
  return 0;
}

const NremCliVerb nrem_cli_agenda_verbs[] = {
  { "import-schedule",
    N_("Import a frab or pretalx schedule FILE (JSON or XML) into a meeting, print the meeting’s uuid and exit"),
    N_("FILE"), NULL, run_import_schedule },
  { "export-schedule",
    N_("Write a meeting’s programme as a frab/pretalx schedule, FILE.json or FILE.xml, and exit"),
    N_("FILE"), (const char * const []) { "meeting", NULL }, run_export_schedule },
  { "export-ics",
    N_("Write a meeting’s programme, or one person’s sessions, as iCalendar FILE and exit"),
    N_("FILE"), (const char * const []) { "meeting", "participant", NULL }, run_export_ics },
  { NULL }
};
