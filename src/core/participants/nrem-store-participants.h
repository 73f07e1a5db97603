/* nrem-store-participants.h
 *
 * The store's queries and edits for the Participants pane: the directory joined with its
 * countries and mechanisms, attendances, and the edits that touch more than one record
 * (deleting a person with their attendances, creating a mechanism for a person), each one
 * transaction.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-store.h"

G_BEGIN_DECLS

/* A live participant with what the directory shows of its country and mechanism. */
typedef struct
{
  NremRow *row;
  char    *country_name;
  char    *region;
  char    *mechanism_name;
  char    *mechanism_type;
  char    *mechanism_country;
} NremParticipantInfo;

void       nrem_participant_info_free          (NremParticipantInfo *info);
gboolean   nrem_participant_info_equal         (const NremParticipantInfo *a,
                                                const NremParticipantInfo *b);

GPtrArray *nrem_store_list_participants        (NremStore           *store,
                                                GError             **error);
GPtrArray *nrem_store_list_participants_page   (NremStore           *store,
                                                gint64               offset,
                                                gint64               limit,
                                                GError             **error);
GPtrArray *nrem_store_list_attendances         (NremStore           *store,
                                                GError             **error);
GPtrArray *nrem_store_list_attendances_page    (NremStore           *store,
                                                gint64               offset,
                                                gint64               limit,
                                                GError             **error);
GPtrArray *nrem_store_list_countries           (NremStore           *store,
                                                GError             **error);
GPtrArray *nrem_store_list_mechanisms          (NremStore           *store,
                                                gboolean             with_reference,
                                                GError             **error);

char      *nrem_store_attendance_uuid          (const char          *participant_uuid,
                                                const char          *meeting_uuid);
gboolean   nrem_store_set_attendance           (NremStore           *store,
                                                const char          *participant_uuid,
                                                const char          *meeting_uuid,
                                                const char          *status,
                                                gboolean             head_of_delegation,
                                                GError             **error);
gboolean   nrem_store_delete_participant       (NremStore           *store,
                                                const char          *uuid,
                                                GStrv               *out_attendances,
                                                GError             **error);
gboolean   nrem_store_undelete_participant     (NremStore           *store,
                                                const char          *uuid,
                                                const char * const  *attendances,
                                                GError             **error);
char      *nrem_store_create_mechanism_for     (NremStore           *store,
                                                const char          *participant_uuid,
                                                const char          *name,
                                                const char          *country,
                                                const char          *type,
                                                GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremParticipantInfo, nrem_participant_info_free)

G_END_DECLS
