/* nrem-agenda-editor.h
 *
 * Every field of one session, edited in place and saved as you type: each pause of
 * NREM_AGENDA_SAVE_DELAY_MS, each focus-out and each choice of a person is one transaction.
 * What cannot be saved (a time that is not HH:MM) is marked and kept, never dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-agenda-programme.h"

G_BEGIN_DECLS

#define NREM_AGENDA_SAVE_DELAY_MS 400

#define NREM_TYPE_AGENDA_EDITOR (nrem_agenda_editor_get_type ())

G_DECLARE_FINAL_TYPE (NremAgendaEditor, nrem_agenda_editor, NREM, AGENDA_EDITOR, GtkWidget)

void               nrem_agenda_editor_set_programme (NremAgendaEditor    *self,
                                                     NremAgendaProgramme *programme);
NremAgendaSession *nrem_agenda_editor_get_session   (NremAgendaEditor    *self);
void               nrem_agenda_editor_set_session   (NremAgendaEditor    *self,
                                                     NremAgendaSession   *session);
void               nrem_agenda_editor_refresh       (NremAgendaEditor    *self);
void               nrem_agenda_editor_flush         (NremAgendaEditor    *self);
gboolean           nrem_agenda_editor_has_pending   (NremAgendaEditor    *self);
void               nrem_agenda_editor_focus_title   (NremAgendaEditor    *self);
void               nrem_agenda_editor_set_folded    (NremAgendaEditor    *self,
                                                     gboolean             folded);

/* for tests, and for the people popovers */
GtkWidget         *nrem_agenda_editor_get_field     (NremAgendaEditor    *self,
                                                     const char          *field);
void               nrem_agenda_editor_set_field_text (NremAgendaEditor   *self,
                                                     const char          *field,
                                                     const char          *text);
gboolean           nrem_agenda_editor_field_is_valid (NremAgendaEditor   *self,
                                                     const char          *field);
gboolean           nrem_agenda_editor_set_person    (NremAgendaEditor    *self,
                                                     const char          *role,
                                                     const char          *participant_uuid);
gboolean           nrem_agenda_editor_remove_speaker (NremAgendaEditor   *self,
                                                     const char          *participant_uuid);
const char        *nrem_agenda_editor_get_warning_text (NremAgendaEditor *self);

G_END_DECLS
