/* nrem-participant-detail.h
 *
 * One person of the directory, every field editable in place: saved as typed (400 ms after
 * the last keystroke, when a field loses the focus, or when another person is shown), each
 * save one transaction. An e-mail or phone that does not look right is marked and kept as
 * typed; a name cannot be empty.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-participant-list.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_PARTICIPANT_DETAIL_SAVE_DELAY_MS 400

#define NREM_TYPE_PARTICIPANT_DETAIL (nrem_participant_detail_get_type ())

G_DECLARE_FINAL_TYPE (NremParticipantDetail, nrem_participant_detail, NREM, PARTICIPANT_DETAIL, GtkWidget)

GtkWidget           *nrem_participant_detail_new          (void);
void                 nrem_participant_detail_set_context  (NremParticipantDetail *self,
                                                           NremSession           *session,
                                                           NremParticipantList   *list);
void                 nrem_participant_detail_set_item     (NremParticipantDetail *self,
                                                           NremParticipantItem   *item);
NremParticipantItem *nrem_participant_detail_get_item     (NremParticipantDetail *self);
void                 nrem_participant_detail_flush        (NremParticipantDetail *self);
gboolean             nrem_participant_detail_has_pending  (NremParticipantDetail *self);
void                 nrem_participant_detail_focus_name   (NremParticipantDetail *self,
                                                           gboolean               select_all);

/* for tests: reach the editors */
GtkWidget           *nrem_participant_detail_get_editor   (NremParticipantDetail *self,
                                                           const char            *field);
void                 nrem_participant_detail_set_field_text (NremParticipantDetail *self,
                                                           const char            *field,
                                                           const char            *text);
gboolean             nrem_participant_detail_field_is_valid (NremParticipantDetail *self,
                                                           const char            *field);
void                 nrem_participant_detail_select_role  (NremParticipantDetail *self,
                                                           const char            *role);
void                 nrem_participant_detail_select_country (NremParticipantDetail *self,
                                                           const char            *code);
void                 nrem_participant_detail_select_attendance (NremParticipantDetail *self,
                                                           const char            *meeting_uuid,
                                                           const char            *status);
void                 nrem_participant_detail_set_head     (NremParticipantDetail *self,
                                                           const char            *meeting_uuid,
                                                           gboolean               head);
const char          *nrem_participant_detail_get_duplicate_hint (NremParticipantDetail *self);
const char          *nrem_participant_detail_get_mechanism_label (NremParticipantDetail *self);
GtkWidget           *nrem_participant_detail_get_mechanism_picker (NremParticipantDetail *self);

G_END_DECLS
