/* nrem-schedule.h
 *
 * The conference tools' schedule format (frab, pretalx; "schedule.json" and "schedule.xml",
 * version 1): import into a meeting's programme and export of it.
 *
 * Import maps the conference to a meeting, its events to sessions and their persons to
 * participants (matched by name, created otherwise), with stable identities so that importing
 * the same file again updates what it imported the first time. It takes what it understands
 * and says what it left out; it writes all of it or nothing, in one transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-store.h"

G_BEGIN_DECLS

#define NREM_SCHEDULE_MAX_BYTES (64 * 1024 * 1024)

typedef enum
{
  NREM_SCHEDULE_FORMAT_JSON,
  NREM_SCHEDULE_FORMAT_XML,
} NremScheduleFormat;

typedef struct
{
  char      *meeting_uuid;
  gboolean   meeting_created;
  guint      events;              /* events found in the file */
  guint      sessions_added;
  guint      sessions_updated;
  guint      sessions_unchanged;
  guint      people_matched;      /* persons found among the participants by name */
  guint      people_created;
  GPtrArray *skipped;             /* char *: what was left out, and why */
  GPtrArray *notes;               /* char *: what was read in a way worth knowing */
  char      *backup_path;
} NremScheduleReport;

void      nrem_schedule_report_clear   (NremScheduleReport       *report);
char     *nrem_schedule_report_format  (const NremScheduleReport *report);

gboolean  nrem_schedule_import_bytes   (NremStore           *store,
                                        GBytes              *bytes,
                                        const char          *display_name,
                                        gboolean             backup,
                                        NremScheduleReport  *report,
                                        GError             **error);
gboolean  nrem_schedule_import_file    (NremStore           *store,
                                        const char          *path,
                                        gboolean             backup,
                                        NremScheduleReport  *report,
                                        GError             **error);

gboolean  nrem_schedule_format_for_path (const char         *path,
                                         NremScheduleFormat *format);
char     *nrem_schedule_acronym        (const char          *short_title,
                                        const char          *title);
GBytes   *nrem_schedule_export         (NremStore           *store,
                                        const char          *meeting_uuid,
                                        NremScheduleFormat   format,
                                        GPtrArray           *skipped,
                                        GError             **error);
gboolean  nrem_schedule_export_to_file (NremStore           *store,
                                        const char          *meeting_uuid,
                                        const char          *path,
                                        GPtrArray           *skipped,
                                        GError             **error);

gboolean  nrem_agenda_write_file       (const char          *path,
                                        GBytes              *bytes,
                                        GError             **error);

G_END_DECLS
