/* nrem-agenda-programme.h
 *
 * The programme of one meeting as the Agenda pane reads it: its days, the sessions of the
 * selected day as a GListModel of NremAgendaSession records in time order, the names of the
 * people they name, the warnings of each, and what runs now. No widgets: the pane binds to it,
 * and tests call it without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-agenda-checks.h"
#include "nrem-record.h"
#include "nrem-store.h"

G_BEGIN_DECLS

typedef enum
{
  NREM_AGENDA_STATE_NONE,     /* the clock is outside the meeting, or nothing to say */
  NREM_AGENDA_STATE_PAST,
  NREM_AGENDA_STATE_RUNNING,
  NREM_AGENDA_STATE_NEXT,
  NREM_AGENDA_STATE_LATER,
} NremAgendaState;

#define NREM_TYPE_AGENDA_PROGRAMME (nrem_agenda_programme_get_type ())

G_DECLARE_FINAL_TYPE (NremAgendaProgramme, nrem_agenda_programme, NREM, AGENDA_PROGRAMME, GObject)

NremAgendaProgramme *nrem_agenda_programme_new            (NremStore           *store);
NremStore          *nrem_agenda_programme_get_store       (NremAgendaProgramme *self);
void                nrem_agenda_programme_set_meeting     (NremAgendaProgramme *self,
                                                           const char          *meeting_uuid);
const char         *nrem_agenda_programme_get_meeting     (NremAgendaProgramme *self);
const NremRow      *nrem_agenda_programme_get_meeting_row (NremAgendaProgramme *self);
gboolean            nrem_agenda_programme_reload          (NremAgendaProgramme *self,
                                                           GError             **error);
const char * const *nrem_agenda_programme_get_days        (NremAgendaProgramme *self);
const char         *nrem_agenda_programme_get_day         (NremAgendaProgramme *self);
void                nrem_agenda_programme_set_day         (NremAgendaProgramme *self,
                                                           const char          *day);
GListModel         *nrem_agenda_programme_get_sessions    (NremAgendaProgramme *self);
guint               nrem_agenda_programme_get_n_all       (NremAgendaProgramme *self);
NremAgendaSession  *nrem_agenda_programme_find            (NremAgendaProgramme *self,
                                                           const char          *uuid);
int                 nrem_agenda_programme_find_position   (NremAgendaProgramme *self,
                                                           const char          *uuid);
GPtrArray          *nrem_agenda_programme_get_warnings    (NremAgendaProgramme *self,
                                                           const char          *uuid);
const char         *nrem_agenda_programme_person_name     (NremAgendaProgramme *self,
                                                           const char          *uuid);
const char         *nrem_agenda_programme_get_time_zone   (NremAgendaProgramme *self);
char               *nrem_agenda_programme_dup_zone_label  (NremAgendaProgramme *self);
char               *nrem_agenda_programme_dup_people_label (NremAgendaProgramme *self,
                                                           NremAgendaSession   *session);
char               *nrem_agenda_programme_dup_meta_label  (NremAgendaProgramme *self,
                                                           NremAgendaSession   *session);
char               *nrem_agenda_programme_dup_accessible_label (NremAgendaProgramme *self,
                                                           NremAgendaSession   *session);
char               *nrem_agenda_programme_dup_accessible_description (NremAgendaProgramme *self,
                                                           NremAgendaSession   *session,
                                                           GDateTime           *now);
gboolean            nrem_agenda_programme_is_live         (NremAgendaProgramme *self,
                                                           GDateTime           *now,
                                                           char               **out_day,
                                                           int                 *out_minutes);
NremAgendaState     nrem_agenda_programme_get_state       (NremAgendaProgramme *self,
                                                           NremAgendaSession   *session,
                                                           GDateTime           *now);
char               *nrem_agenda_programme_suggest_slot    (NremAgendaProgramme *self,
                                                           const char          *day,
                                                           char               **out_end);

const char         *nrem_agenda_kind_label                (const char          *kind);
GDateTime          *nrem_agenda_now                       (void);

G_END_DECLS
