/* nrem-store-recommendations.h
 *
 * The store's part for the Recommendations pane: the queries and the edits of recommendations
 * and their revisions, each edit one transaction on the merge clock.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-store.h"
#include "nrem-revision-graph.h"

G_BEGIN_DECLS

typedef struct
{
  NremRow *row;            /* the recommendation */
  char    *proposer_name;  /* NULL without a proposer */
  guint    n_heads;        /* 2 when its history may fork (two revisions over one parent) */
} NremRecommendationEntry;

void nrem_recommendation_entry_free (NremRecommendationEntry *entry);

typedef struct
{
  char     *uuid;
  char     *name;
  char     *detail;      /* organisation, country */
  gboolean  attending;   /* has an attendance record for the meeting */
} NremPerson;

void nrem_person_free (NremPerson *person);

GPtrArray *nrem_store_list_recommendations   (NremStore          *self,
                                              const char         *meeting_uuid,
                                              GError            **error);
guint      nrem_store_count_revisions        (NremStore          *self,
                                              const char         *recommendation_uuid);
GPtrArray *nrem_store_list_revisions         (NremStore          *self,
                                              const char         *recommendation_uuid,
                                              GError            **error);
NremRevisionGraph *nrem_store_load_revision_graph (NremStore     *self,
                                              const char         *recommendation_uuid,
                                              GError            **error);
GPtrArray *nrem_store_list_people            (NremStore          *self,
                                              const char         *meeting_uuid,
                                              GError            **error);
GPtrArray *nrem_store_list_meeting_sessions  (NremStore          *self,
                                              const char         *meeting_uuid,
                                              GError            **error);
char      *nrem_store_dup_participant_name   (NremStore          *self,
                                              const char         *uuid);
char      *nrem_store_dup_country_name       (NremStore          *self,
                                              const char         *code);

char      *nrem_store_create_recommendation  (NremStore          *self,
                                              const char         *meeting_uuid,
                                              const char * const *order,
                                              guint               index,
                                              const char * const *fields,
                                              const char * const *values,
                                              GError            **error);
gboolean   nrem_store_save_recommendation    (NremStore          *self,
                                              const char         *uuid,
                                              const char * const *fields,
                                              const char * const *values,
                                              const char         *author,
                                              const char         *author_name,
                                              gboolean           *out_revision,
                                              GError            **error);
gboolean   nrem_store_reorder_recommendations (NremStore         *self,
                                              const char * const *order,
                                              const char         *moved,
                                              const char * const *fields,
                                              const char * const *values,
                                              GError            **error);
gboolean   nrem_store_merge_recommendation   (NremStore          *self,
                                              const char         *uuid,
                                              const char         *text,
                                              const char         *status,
                                              const char         *author,
                                              const char         *author_name,
                                              GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremRecommendationEntry, nrem_recommendation_entry_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremPerson, nrem_person_free)

G_END_DECLS
