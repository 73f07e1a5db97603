/* nrem-agenda-timeline.h
 *
 * A day as blocks against the hours: each session a button placed by its start and end,
 * sessions at the same time side by side; the hours, and the present when it falls on the
 * day, drawn behind them. It shows the same model and selection as the list.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-agenda-programme.h"

G_BEGIN_DECLS

#define NREM_AGENDA_TIMELINE_HOUR_HEIGHT 72

#define NREM_TYPE_AGENDA_TIMELINE (nrem_agenda_timeline_get_type ())

G_DECLARE_FINAL_TYPE (NremAgendaTimeline, nrem_agenda_timeline, NREM, AGENDA_TIMELINE, GtkWidget)

GtkWidget *nrem_agenda_timeline_new            (void);
void       nrem_agenda_timeline_set_programme  (NremAgendaTimeline  *self,
                                                NremAgendaProgramme *programme,
                                                GtkSingleSelection  *selection);
guint      nrem_agenda_timeline_get_n_blocks   (NremAgendaTimeline  *self);
GtkWidget *nrem_agenda_timeline_get_block      (NremAgendaTimeline  *self,
                                                guint                position);
void       nrem_agenda_timeline_get_hours      (NremAgendaTimeline  *self,
                                                int                 *first,
                                                int                 *last);

G_END_DECLS
