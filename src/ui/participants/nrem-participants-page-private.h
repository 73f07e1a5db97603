/* nrem-participants-page-private.h
 *
 * For tests: reach the models and widgets of the pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-participants-page.h"
#include "nrem-participant-detail.h"
#include "nrem-participant-filter.h"
#include "nrem-participant-list.h"

G_BEGIN_DECLS

NremParticipantList   *nrem_participants_page_get_list       (NremParticipantsPage *self);
GListModel            *nrem_participants_page_get_shown      (NremParticipantsPage *self);
NremParticipantFilter *nrem_participants_page_get_filter     (NremParticipantsPage *self);
NremParticipantDetail *nrem_participants_page_get_detail     (NremParticipantsPage *self);
GtkWidget             *nrem_participants_page_get_search_entry (NremParticipantsPage *self);
GtkWidget             *nrem_participants_page_get_column_view (NremParticipantsPage *self);
const char            *nrem_participants_page_get_count_text (NremParticipantsPage *self);
const char            *nrem_participants_page_get_visible_name (NremParticipantsPage *self);
void                   nrem_participants_page_set_filter_choice (NremParticipantsPage *self,
                                                             const char           *filter,
                                                             guint                 position);
void                   nrem_participants_page_set_sort       (NremParticipantsPage *self,
                                                             guint                 sort);
gboolean               nrem_participants_page_select_uuid    (NremParticipantsPage *self,
                                                             const char           *uuid);
NremParticipantItem   *nrem_participants_page_get_selected   (NremParticipantsPage *self);
gboolean               nrem_participants_page_is_folded      (NremParticipantsPage *self);
const char            *nrem_participants_page_get_visible_pane (NremParticipantsPage *self);
void                   nrem_participants_page_update_now     (NremParticipantsPage *self);
void                   nrem_participants_page_open_csv       (NremParticipantsPage *self,
                                                             GBytes               *bytes,
                                                             const char           *name);
AdwToast              *nrem_participants_page_get_last_toast (NremParticipantsPage *self);
char                  *nrem_participants_page_describe_filters (NremParticipantsPage *self);

G_END_DECLS
