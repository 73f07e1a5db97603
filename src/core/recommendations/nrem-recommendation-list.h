/* nrem-recommendation-list.h
 *
 * The selected meeting's recommendations as a GListModel of NremRecommendation records, in
 * document order and grouped into sections (by theme or by addressee). Each record carries,
 * for as long as it is in the list, what the list knows about it: its number in the
 * document, its section, its proposer's name, the folded text searching matches against,
 * and whether its history has an open fork. The list reads the store; it writes nothing
 * but the order of the paragraphs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-record.h"
#include "nrem-recommendation-rules.h"
#include "nrem-store.h"

G_BEGIN_DECLS

typedef struct
{
  char     *number;          /* "12", "3 bis"; "" when not in the document (withdrawn) */
  char     *section;         /* the section's title; NULL when the list is not grouped */
  char     *section_key;     /* the theme or addressee that makes the section */
  guint     section_index;   /* 0 for the first section */
  gboolean  section_start;   /* the first paragraph of its section */
  char     *proposer_name;
  char     *search_key;      /* number, text, theme and proposer, folded */
  gboolean  conflict;        /* two versions edited apart wait to be merged */
  guint     index;           /* where it is in the list */
  gpointer  list;            /* the NremRecommendationList that holds it (not a reference) */
} NremParagraphInfo;

#define NREM_TYPE_RECOMMENDATION_LIST (nrem_recommendation_list_get_type ())

G_DECLARE_FINAL_TYPE (NremRecommendationList, nrem_recommendation_list, NREM, RECOMMENDATION_LIST, GObject)

NremRecommendationList  *nrem_recommendation_list_new          (NremStore              *store);
NremStore               *nrem_recommendation_list_get_store    (NremRecommendationList *self);
const char              *nrem_recommendation_list_get_meeting  (NremRecommendationList *self);
void                     nrem_recommendation_list_set_meeting  (NremRecommendationList *self,
                                                                const char             *meeting_uuid);
NremGrouping             nrem_recommendation_list_get_grouping (NremRecommendationList *self);
void                     nrem_recommendation_list_set_grouping (NremRecommendationList *self,
                                                                NremGrouping            grouping);
gboolean                 nrem_recommendation_list_reload       (NremRecommendationList *self,
                                                                GError                **error);
NremRecommendation      *nrem_recommendation_list_find         (NremRecommendationList *self,
                                                                const char             *uuid,
                                                                guint                  *position);
char                   **nrem_recommendation_list_dup_order    (NremRecommendationList *self);
gboolean                 nrem_recommendation_list_move         (NremRecommendationList *self,
                                                                const char             *uuid,
                                                                guint                   to,
                                                                NremRecommendation     *join,
                                                                GError                **error);

const NremParagraphInfo *nrem_paragraph_info_get               (NremRecommendation     *record);
char                    *nrem_paragraph_dup_accessible_label   (NremRecommendation     *record);

G_END_DECLS
