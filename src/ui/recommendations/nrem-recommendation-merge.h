/* nrem-recommendation-merge.h
 *
 * Two delegates edited the same recommendation apart: their versions side by side, what each
 * changed, and the merged text the user writes, which closes the fork (see
 * nrem_store_merge_recommendation()). Nothing is lost: both versions stay in the history.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-record.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_RECOMMENDATION_MERGE (nrem_recommendation_merge_get_type ())

G_DECLARE_FINAL_TYPE (NremRecommendationMerge, nrem_recommendation_merge, NREM, RECOMMENDATION_MERGE, AdwWindow)

GtkWidget *nrem_recommendation_merge_new            (NremSession             *session,
                                                     NremRecommendation      *record,
                                                     const char              *title);
void       nrem_recommendation_merge_set_author     (NremRecommendationMerge *self,
                                                     const char              *uuid,
                                                     const char              *name);
guint      nrem_recommendation_merge_get_n_versions (NremRecommendationMerge *self);
void       nrem_recommendation_merge_set_text       (NremRecommendationMerge *self,
                                                     const char              *text);
gboolean   nrem_recommendation_merge_save           (NremRecommendationMerge *self,
                                                     GError                 **error);

G_END_DECLS
