/* nrem-agenda-row.h
 *
 * One session in the list of a day: its times, title, kind and room, people, warnings, and
 * whether it runs now or next. A screen reader reads it with its day and start time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-agenda-programme.h"

G_BEGIN_DECLS

#define NREM_TYPE_AGENDA_ROW (nrem_agenda_row_get_type ())

G_DECLARE_FINAL_TYPE (NremAgendaRow, nrem_agenda_row, NREM, AGENDA_ROW, GtkWidget)

NremAgendaSession *nrem_agenda_row_get_session      (NremAgendaRow       *self);
void               nrem_agenda_row_set_session      (NremAgendaRow       *self,
                                                     NremAgendaSession   *session);
void               nrem_agenda_row_set_programme    (NremAgendaRow       *self,
                                                     NremAgendaProgramme *programme);
const char        *nrem_agenda_row_get_warning_text (NremAgendaRow       *self);
const char        *nrem_agenda_row_get_state_text   (NremAgendaRow       *self);

G_END_DECLS
