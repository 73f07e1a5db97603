/* nrem-recommendations-page.h
 *
 * The Recommendations pane: the selected meeting's recommendations, numbered in document
 * order and grouped by theme or addressee, with an editor beside them; reordered by drag and
 * drop or Alt+Up/Down; searched and filtered; exported and printed as the outcome document.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_RECOMMENDATIONS_PAGE (nrem_recommendations_page_get_type ())

G_DECLARE_FINAL_TYPE (NremRecommendationsPage, nrem_recommendations_page, NREM, RECOMMENDATIONS_PAGE, GtkWidget)

GtkWidget   *nrem_recommendations_page_new         (void);
NremSession *nrem_recommendations_page_get_session (NremRecommendationsPage *self);
void         nrem_recommendations_page_set_session (NremRecommendationsPage *self,
                                                    NremSession             *session);
void         nrem_recommendations_page_flush       (NremRecommendationsPage *self);

G_END_DECLS
