/* nrem-recommendation-row.h
 *
 * A row of the list of recommendations: the heading of its section when it opens one, its
 * number, the start of its text, its status and its proposer; dragged to move it. A screen
 * reader hears "Recommendation 12, agreed: States should …".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-record.h"

G_BEGIN_DECLS

#define NREM_TYPE_RECOMMENDATION_ROW (nrem_recommendation_row_get_type ())

G_DECLARE_FINAL_TYPE (NremRecommendationRow, nrem_recommendation_row, NREM, RECOMMENDATION_ROW, GtkWidget)

GtkWidget          *nrem_recommendation_row_new        (void);
NremRecommendation *nrem_recommendation_row_get_record (NremRecommendationRow *self);
void                nrem_recommendation_row_set_record (NremRecommendationRow *self,
                                                        NremRecommendation    *record);
const char         *nrem_recommendation_row_get_accessible_label (NremRecommendationRow *self);

G_END_DECLS
