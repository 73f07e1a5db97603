/* nrem-participant-item.h
 *
 * One person of the directory as the list shows it: the participant record, the names of
 * its country, region and mechanism, the folded key that search runs over, the keys it sorts
 * by, and its attendances, with the one at the list's meeting at hand.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "nrem-record.h"
#include "nrem-store-participants.h"

G_BEGIN_DECLS

#define NREM_TYPE_PARTICIPANT_ITEM (nrem_participant_item_get_type ())

G_DECLARE_FINAL_TYPE (NremParticipantItem, nrem_participant_item, NREM, PARTICIPANT_ITEM, GObject)

typedef enum
{
  NREM_PARTICIPANT_SORT_NAME,
  NREM_PARTICIPANT_SORT_COUNTRY,
  NREM_PARTICIPANT_SORT_ORGANISATION,
} NremParticipantSort;

NremParticipantItem *nrem_participant_item_new          (NremParticipantInfo *info);
gboolean             nrem_participant_item_set_info     (NremParticipantItem *self,
                                                         NremParticipantInfo *info);
gboolean             nrem_participant_item_set_attendances (NremParticipantItem *self,
                                                         GPtrArray           *attendances);
gboolean             nrem_participant_item_set_meeting  (NremParticipantItem *self,
                                                         const char          *meeting_uuid);

NremParticipant     *nrem_participant_item_get_record   (NremParticipantItem *self);
const NremParticipantInfo *nrem_participant_item_get_info (NremParticipantItem *self);
const char          *nrem_participant_item_get_uuid     (NremParticipantItem *self);
const char          *nrem_participant_item_get_field    (NremParticipantItem *self,
                                                         const char          *field);
const char          *nrem_participant_item_get_name     (NremParticipantItem *self);
const char          *nrem_participant_item_get_country  (NremParticipantItem *self);
const char          *nrem_participant_item_get_country_name (NremParticipantItem *self);
const char          *nrem_participant_item_get_region   (NremParticipantItem *self);
const char          *nrem_participant_item_get_role     (NremParticipantItem *self);
const char          *nrem_participant_item_get_mechanism_type (NremParticipantItem *self);
const char          *nrem_participant_item_get_affiliation (NremParticipantItem *self);
const char          *nrem_participant_item_get_search_key (NremParticipantItem *self);
const char          *nrem_participant_item_get_name_key (NremParticipantItem *self);
int                  nrem_participant_item_get_status   (NremParticipantItem *self);
gboolean             nrem_participant_item_get_head     (NremParticipantItem *self);
gboolean             nrem_participant_item_get_attendance (NremParticipantItem *self,
                                                         const char          *meeting_uuid,
                                                         const char         **status,
                                                         gboolean            *head);
GPtrArray           *nrem_participant_item_get_attendances (NremParticipantItem *self);

int                  nrem_participant_item_compare      (NremParticipantItem *a,
                                                         NremParticipantItem *b,
                                                         NremParticipantSort  sort);

const char          *nrem_participant_role_label        (const char          *role);
const char          *nrem_attendance_status_label       (const char          *status);
const char          *nrem_mechanism_type_label          (const char          *type);

G_END_DECLS
