/* nrem-revision-graph.h
 *
 * The history of one recommendation: its revisions, each the child of the one it was written
 * over. Two revisions with the same parent — two delegates who edited the same text offline —
 * leave two heads. The head whose text the recommendation shows is the current one; another
 * head is open (a conflict to merge) until its text and status appear in the current head's
 * line. Merging writes the merged text as a child of the current head and as a child of each
 * open head, so that every machine that receives the revisions sees the fork closed and no
 * draft is ever lost.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "nrem-row.h"

G_BEGIN_DECLS

typedef struct
{
  GPtrArray *revisions;   /* NremRow, oldest first (created_at, uuid) */
  GPtrArray *heads;       /* borrowed: revisions without children, newest first */
  NremRow   *current;     /* borrowed: the head the recommendation shows, or NULL */
  GPtrArray *open_heads;  /* borrowed: heads in conflict with the current one, newest first */
} NremRevisionGraph;

NremRevisionGraph *nrem_revision_graph_new          (GPtrArray         *revisions,
                                                     const char        *current_text,
                                                     const char        *current_status);
void               nrem_revision_graph_free         (NremRevisionGraph *graph);
gboolean           nrem_revision_graph_has_conflict (NremRevisionGraph *graph);
const NremRow     *nrem_revision_graph_find         (NremRevisionGraph *graph,
                                                     const char        *uuid);
gboolean           nrem_revision_graph_is_ancestor  (NremRevisionGraph *graph,
                                                     const NremRow     *ancestor,
                                                     const NremRow     *descendant);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremRevisionGraph, nrem_revision_graph_free)

G_END_DECLS
