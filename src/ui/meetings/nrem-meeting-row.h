/* nrem-meeting-row.h
 *
 * A meeting in the meeting selector: its name, full title, dates and place, and a check mark
 * on the one shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_MEETING_ROW (nrem_meeting_row_get_type ())

G_DECLARE_FINAL_TYPE (NremMeetingRow, nrem_meeting_row, NREM, MEETING_ROW, GtkListBoxRow)

GtkWidget   *nrem_meeting_row_new          (NremSession    *session,
                                            NremMeeting    *meeting);
NremMeeting *nrem_meeting_row_get_meeting  (NremMeetingRow *self);
gboolean     nrem_meeting_row_get_selected (NremMeetingRow *self);
void         nrem_meeting_row_set_selected (NremMeetingRow *self,
                                            gboolean        selected);

G_END_DECLS
