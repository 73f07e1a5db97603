/* nrem-recommendation-editor.h
 *
 * The editor of one recommendation: its text with subparagraphs, saved as you type (a second
 * after the last keystroke, and when the text loses the focus), each saved text or status a
 * revision; its status, brackets and alternative label; its theme, addressees and agenda
 * session; its proposer and supporters from the directory.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-recommendation-list.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_RECOMMENDATION_SAVE_DELAY_MS 1000

#define NREM_TYPE_RECOMMENDATION_EDITOR (nrem_recommendation_editor_get_type ())

G_DECLARE_FINAL_TYPE (NremRecommendationEditor, nrem_recommendation_editor, NREM, RECOMMENDATION_EDITOR, GtkWidget)

GtkWidget          *nrem_recommendation_editor_new          (void);
void                nrem_recommendation_editor_set_context  (NremRecommendationEditor *self,
                                                             NremSession              *session,
                                                             NremRecommendationList   *list,
                                                             GListModel               *people);
void                nrem_recommendation_editor_set_author   (NremRecommendationEditor *self,
                                                             const char               *uuid,
                                                             const char               *name);
NremRecommendation *nrem_recommendation_editor_get_record   (NremRecommendationEditor *self);
void                nrem_recommendation_editor_set_record   (NremRecommendationEditor *self,
                                                             NremRecommendation       *record);
gboolean            nrem_recommendation_editor_flush        (NremRecommendationEditor *self);
gboolean            nrem_recommendation_editor_has_pending  (NremRecommendationEditor *self);
void                nrem_recommendation_editor_refresh      (NremRecommendationEditor *self);
void                nrem_recommendation_editor_focus_text   (NremRecommendationEditor *self);
void                nrem_recommendation_editor_set_folded   (NremRecommendationEditor *self,
                                                             gboolean                  folded);

/* for tests */
GtkTextView        *nrem_recommendation_editor_get_text_view (NremRecommendationEditor *self);
gboolean            nrem_recommendation_editor_set_status   (NremRecommendationEditor *self,
                                                             const char               *status);
const char         *nrem_recommendation_editor_get_save_state (NremRecommendationEditor *self);

G_END_DECLS
