/* nrem-store-agenda.h
 *
 * The queries of the Agenda pane: a meeting's sessions, the names of the people they name, and
 * the participants directory searched by name. SQL of the pane lives here and only here.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-store.h"

G_BEGIN_DECLS

GPtrArray  *nrem_store_agenda_list_sessions     (NremStore   *store,
                                                 const char  *meeting_uuid,
                                                 GError     **error);
GHashTable *nrem_store_agenda_people_names      (NremStore   *store,
                                                 const char  *meeting_uuid,
                                                 GError     **error);
GPtrArray  *nrem_store_agenda_search_people     (NremStore   *store,
                                                 const char  *query,
                                                 guint        limit,
                                                 GError     **error);
GHashTable *nrem_store_agenda_people_by_name    (NremStore   *store,
                                                 GError     **error);
char       *nrem_store_agenda_person_name       (NremStore   *store,
                                                 const char  *participant_uuid);
char       *nrem_agenda_name_key                (const char  *name);

G_END_DECLS
