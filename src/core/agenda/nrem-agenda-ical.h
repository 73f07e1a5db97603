/* nrem-agenda-ical.h
 *
 * A meeting's programme as iCalendar (RFC 5545): one VEVENT per session, times in UTC; or a
 * delegate's own calendar, the sessions one person chairs or speaks in.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-store.h"

G_BEGIN_DECLS

GBytes  *nrem_agenda_ical_export         (NremStore   *store,
                                          const char  *meeting_uuid,
                                          const char  *participant_uuid,
                                          GError     **error);
gboolean nrem_agenda_ical_export_to_file (NremStore   *store,
                                          const char  *meeting_uuid,
                                          const char  *participant_uuid,
                                          const char  *path,
                                          GError     **error);
void     nrem_ical_append_line           (GString     *out,
                                          const char  *line);
char    *nrem_ical_escape                (const char  *text);

G_END_DECLS
