/* nrem-participant-query.h
 *
 * What the directory is filtered by: the words of the search (folded, all of them, in any
 * order) and the choices of the filter bar. Matching is a plain function over an item, so
 * that the GtkFilter of the pane, the tests and the benchmark run the same code.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-participant-item.h"

G_BEGIN_DECLS

typedef enum
{
  NREM_ATTENDANCE_FILTER_ANY,             /* everyone */
  NREM_ATTENDANCE_FILTER_AT_MEETING,      /* anyone with an attendance at the meeting */
  NREM_ATTENDANCE_FILTER_NOT_AT_MEETING,  /* everyone else */
  NREM_ATTENDANCE_FILTER_INVITED,
  NREM_ATTENDANCE_FILTER_CONFIRMED,
  NREM_ATTENDANCE_FILTER_DECLINED,
  NREM_ATTENDANCE_FILTER_ATTENDED,
  NREM_ATTENDANCE_FILTER_HEAD,            /* heads of delegation at the meeting */
} NremAttendanceFilter;

/* How a new query relates to the one before: what a list must look at again. */
typedef enum
{
  NREM_QUERY_SAME,
  NREM_QUERY_MORE_STRICT,   /* only what matched may still match */
  NREM_QUERY_LESS_STRICT,   /* what matched still matches */
  NREM_QUERY_DIFFERENT,
} NremQueryChange;

/* Text filters: NULL for any value, "" for "not set". */
typedef struct
{
  char                 *text;         /* as typed */
  char                **words;        /* folded, NULL when the search is empty */
  char                 *region;
  char                 *country;      /* ISO code */
  char                 *role;
  char                 *mechanism_type;
  NremAttendanceFilter  attendance;
} NremParticipantQuery;

void            nrem_participant_query_clear     (NremParticipantQuery       *query);
void            nrem_participant_query_copy      (NremParticipantQuery       *dest,
                                                  const NremParticipantQuery *src);
void            nrem_participant_query_set_text  (NremParticipantQuery       *query,
                                                  const char                 *text);
gboolean        nrem_participant_query_is_empty  (const NremParticipantQuery *query);
gboolean        nrem_participant_query_has_filters (const NremParticipantQuery *query);
gboolean        nrem_participant_query_matches   (const NremParticipantQuery *query,
                                                  NremParticipantItem        *item);
NremQueryChange nrem_participant_query_compare   (const NremParticipantQuery *before,
                                                  const NremParticipantQuery *after);

void            nrem_participants_count          (GListModel                 *model,
                                                  guint                      *people,
                                                  guint                      *countries);
void            nrem_participants_count_matching (GListModel                 *model,
                                                  const NremParticipantQuery *query,
                                                  guint                      *people,
                                                  guint                      *countries);
char           *nrem_participants_describe_count (guint                       people,
                                                  guint                       countries);

G_END_DECLS
