/* nrem-agenda-page-private.h
 *
 * For tests: reach the parts of the page and act as the user would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-agenda-page.h"
#include "nrem-agenda-editor.h"
#include "nrem-agenda-timeline.h"

G_BEGIN_DECLS

NremAgendaEditor   *nrem_agenda_page_get_editor      (NremAgendaPage *self);
NremAgendaTimeline *nrem_agenda_page_get_timeline    (NremAgendaPage *self);
GtkListView        *nrem_agenda_page_get_list_view   (NremAgendaPage *self);
GtkSingleSelection *nrem_agenda_page_get_selection   (NremAgendaPage *self);
GtkWidget          *nrem_agenda_page_get_day_box     (NremAgendaPage *self);
const char         *nrem_agenda_page_get_view        (NremAgendaPage *self);
const char         *nrem_agenda_page_get_zone_text   (NremAgendaPage *self);
const char         *nrem_agenda_page_get_current     (NremAgendaPage *self);
void                nrem_agenda_page_show_session    (NremAgendaPage *self,
                                                      const char     *uuid);
char               *nrem_agenda_page_add_session     (NremAgendaPage *self);
gboolean            nrem_agenda_page_undo_delete     (NremAgendaPage *self);
void                nrem_agenda_page_reload          (NremAgendaPage *self);

G_END_DECLS
