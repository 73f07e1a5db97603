/* nrem-recommendation-history.h
 *
 * The history of one recommendation: every revision (who, when, status), and what changed
 * between any two of them, word by word. A revision can be restored: its text and status
 * become the newest revision.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-record.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_RECOMMENDATION_HISTORY (nrem_recommendation_history_get_type ())

G_DECLARE_FINAL_TYPE (NremRecommendationHistory, nrem_recommendation_history, NREM, RECOMMENDATION_HISTORY, AdwWindow)

GtkWidget  *nrem_recommendation_history_new            (NremSession              *session,
                                                        NremRecommendation       *record,
                                                        const char               *title);
void        nrem_recommendation_history_set_author     (NremRecommendationHistory *self,
                                                        const char               *uuid,
                                                        const char               *name);
guint       nrem_recommendation_history_get_n_revisions (NremRecommendationHistory *self);
void        nrem_recommendation_history_compare        (NremRecommendationHistory *self,
                                                        guint                     from,
                                                        guint                     to);
char       *nrem_recommendation_history_dup_diff       (NremRecommendationHistory *self);
gboolean    nrem_recommendation_history_restore        (NremRecommendationHistory *self,
                                                        GError                  **error);

G_END_DECLS
