/* nrem-recommendation-rules.h
 *
 * The rules of drafting recommendations, as plain functions: the words for statuses and
 * addressees, the status workflow, the sections a list is grouped into, the order of the
 * document, and searching texts without regard to case or accents.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nrem-row.h"

G_BEGIN_DECLS

typedef enum
{
  NREM_GROUPING_NONE,
  NREM_GROUPING_THEME,
  NREM_GROUPING_ADDRESSEE,
} NremGrouping;

/* the themes of DOMAIN.md, offered as suggestions; any other text is a theme too */
extern const char * const nrem_recommendation_themes[];

const char   *nrem_recommendation_status_label    (const char   *status);
const char   *nrem_recommendation_status_action   (const char   *status);
const char   *nrem_recommendation_status_next     (const char   *status);
const char   *nrem_addressee_label                (const char   *addressee);
const char   *nrem_addressee_heading              (const char   *addressee);
const char   *nrem_grouping_to_string             (NremGrouping  grouping);
NremGrouping  nrem_grouping_from_string           (const char   *text);

gboolean      nrem_recommendation_check_status    (const char   *uuid,
                                                   const char   *status,
                                                   const char   *merged_into,
                                                   const char   *text,
                                                   GError      **error);

/* the exchange format keeps arrays as compact JSON: ["states","nrems"] */
char        **nrem_json_array_parse               (const char   *json);
char         *nrem_json_array_build               (const char * const *items);

/* Sections and document order */
char         *nrem_recommendation_section_key     (const NremRow *row,
                                                   NremGrouping   grouping);
char         *nrem_recommendation_section_title   (const char    *key,
                                                   NremGrouping   grouping);
typedef const NremRow *(*NremRowGetter) (gconstpointer item);

void          nrem_recommendations_arrange        (GPtrArray     *items,
                                                   NremGrouping   grouping,
                                                   NremRowGetter  get_row);

/* Search */
char         *nrem_text_fold                      (const char    *text);
gboolean      nrem_text_fold_matches              (const char    *folded_haystack,
                                                   const char    *folded_query);

typedef struct
{
  char *status;      /* NULL: any */
  char *addressee;   /* NULL: any */
  char *theme;       /* NULL: any; "" for recommendations without a theme */
  char *proposer;    /* uuid, NULL: any */
  char *query;       /* folded words, all of which must occur; NULL: none */
} NremRecommendationFilter;

void          nrem_recommendation_filter_clear    (NremRecommendationFilter *filter);
gboolean      nrem_recommendation_filter_is_empty (const NremRecommendationFilter *filter);
gboolean      nrem_recommendation_filter_match    (const NremRecommendationFilter *filter,
                                                   const NremRow  *row,
                                                   const char     *folded_text);

G_END_DECLS
