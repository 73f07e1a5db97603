/* nrem-participant-list.h
 *
 * The directory as a GListModel of NremParticipantItem: every live participant of the
 * store, with country, mechanism and attendances. It loads in chunks (the first rows are
 * there at once, the rest follow from the main loop), and after a change of participants,
 * attendances, mechanisms or countries it reads the store again and updates only the items
 * that changed, keeping their objects so that selections and bindings stay put.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-participant-item.h"
#include "nrem-store.h"

G_BEGIN_DECLS

#define NREM_PARTICIPANT_LIST_FIRST_CHUNK 200
#define NREM_PARTICIPANT_LIST_CHUNK 2000

#define NREM_TYPE_PARTICIPANT_LIST (nrem_participant_list_get_type ())

G_DECLARE_FINAL_TYPE (NremParticipantList, nrem_participant_list, NREM, PARTICIPANT_LIST, GObject)

NremParticipantList *nrem_participant_list_new          (NremStore           *store);
NremStore           *nrem_participant_list_get_store    (NremParticipantList *self);
gboolean             nrem_participant_list_load         (NremParticipantList *self,
                                                         GError             **error);
gboolean             nrem_participant_list_is_loading   (NremParticipantList *self);
void                 nrem_participant_list_finish_loading (NremParticipantList *self);
void                 nrem_participant_list_reload       (NremParticipantList *self);
void                 nrem_participant_list_queue_reload (NremParticipantList *self,
                                                         NremEntityKind       kind);
void                 nrem_participant_list_flush        (NremParticipantList *self);
void                 nrem_participant_list_set_meeting  (NremParticipantList *self,
                                                         const char          *meeting_uuid);
const char          *nrem_participant_list_get_meeting  (NremParticipantList *self);
NremParticipantItem *nrem_participant_list_lookup       (NremParticipantList *self,
                                                         const char          *uuid);
GPtrArray           *nrem_participant_list_find_same    (NremParticipantList *self,
                                                         const char          *name,
                                                         const char          *country,
                                                         const char          *except_uuid);

G_END_DECLS
