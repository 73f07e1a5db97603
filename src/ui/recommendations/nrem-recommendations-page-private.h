/* nrem-recommendations-page-private.h
 *
 * For tests: reach the parts of the pane and drive it as a person would.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-recommendations-page.h"
#include "nrem-recommendation-editor.h"
#include "nrem-recommendation-list.h"
#include "nrem-outcome.h"

G_BEGIN_DECLS

NremRecommendationList   *nrem_recommendations_page_get_list       (NremRecommendationsPage *self);
GListModel               *nrem_recommendations_page_get_shown      (NremRecommendationsPage *self);
NremRecommendationEditor *nrem_recommendations_page_get_editor     (NremRecommendationsPage *self);
GtkListView              *nrem_recommendations_page_get_list_view  (NremRecommendationsPage *self);
NremRecommendation       *nrem_recommendations_page_get_selected   (NremRecommendationsPage *self);
gboolean                  nrem_recommendations_page_select_uuid    (NremRecommendationsPage *self,
                                                                    const char              *uuid);
void                      nrem_recommendations_page_set_search     (NremRecommendationsPage *self,
                                                                    const char              *text);
void                      nrem_recommendations_page_set_status_filter (NremRecommendationsPage *self,
                                                                    const char              *status);
void                      nrem_recommendations_page_set_grouping   (NremRecommendationsPage *self,
                                                                    NremGrouping             grouping);
void                      nrem_recommendations_page_set_author     (NremRecommendationsPage *self,
                                                                    const char              *uuid);
const char               *nrem_recommendations_page_get_stack_name (NremRecommendationsPage *self);
void                      nrem_recommendations_page_reload_now     (NremRecommendationsPage *self);
gboolean                  nrem_recommendations_page_print_to_file  (NremRecommendationsPage *self,
                                                                    NremOutcomeVersion       version,
                                                                    const char              *path,
                                                                    GError                 **error);
GtkWindow                *nrem_recommendations_page_get_dialog     (NremRecommendationsPage *self);

G_END_DECLS
