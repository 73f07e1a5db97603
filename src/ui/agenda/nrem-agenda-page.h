/* nrem-agenda-page.h
 *
 * The Agenda pane: the days of the selected meeting, each as a list or a timeline of its
 * sessions in the meeting's time zone, and the editor of the session chosen; the programme in
 * and out of the conference tools' schedules, iCalendar and print.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-agenda-programme.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_AGENDA_PAGE (nrem_agenda_page_get_type ())

G_DECLARE_FINAL_TYPE (NremAgendaPage, nrem_agenda_page, NREM, AGENDA_PAGE, GtkWidget)

GtkWidget           *nrem_agenda_page_new           (void);
NremSession         *nrem_agenda_page_get_session   (NremAgendaPage *self);
void                 nrem_agenda_page_set_session   (NremAgendaPage *self,
                                                     NremSession    *session);
NremAgendaProgramme *nrem_agenda_page_get_programme (NremAgendaPage *self);
void                 nrem_agenda_page_flush         (NremAgendaPage *self);

G_END_DECLS
