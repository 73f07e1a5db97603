/* nrem-revision-graph.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-revision-graph.h"

#include <string.h>

static const char *
text_of (const NremRow *row)
{
  const char *text = nrem_row_get (row, "text");

  return text != NULL ? text : "";
}

static gboolean
same_content (const NremRow *a,
              const char    *text,
              const char    *status)
{
  return g_strcmp0 (text_of (a), text != NULL ? text : "") == 0 &&
         g_strcmp0 (nrem_row_get (a, "status"), status) == 0;
}

static int
compare_oldest_first (gconstpointer pa,
                      gconstpointer pb)
{
  const NremRow *a = *(const NremRow * const *) pa;
  const NremRow *b = *(const NremRow * const *) pb;
  int c = g_strcmp0 (nrem_row_get (a, "created_at"), nrem_row_get (b, "created_at"));

  return c != 0 ? c : g_strcmp0 (a->uuid, b->uuid);
}

/**
 * nrem_revision_graph_new:
 * @revisions: (transfer container) (element-type NremRow): the live revisions of one
 *   recommendation, in any order; the graph owns them and the array
 * @current_text: (nullable): the text the recommendation shows
 * @current_status: the status it shows
 */
NremRevisionGraph *
nrem_revision_graph_new (GPtrArray  *revisions,
                         const char *current_text,
                         const char *current_status)
{
  NremRevisionGraph *graph = g_new0 (NremRevisionGraph, 1);
  g_autoptr(GHashTable) parents = g_hash_table_new (g_str_hash, g_str_equal);

  graph->revisions = revisions;
  g_ptr_array_set_free_func (graph->revisions, (GDestroyNotify) nrem_row_free);
  g_ptr_array_sort (graph->revisions, compare_oldest_first);
  graph->heads = g_ptr_array_new ();
  graph->open_heads = g_ptr_array_new ();

  for (guint i = 0; i < revisions->len; i++)
    {
      const char *parent = nrem_row_get (g_ptr_array_index (revisions, i), "parent");

      if (parent != NULL)
        g_hash_table_add (parents, (gpointer) parent);
    }
  for (guint i = revisions->len; i > 0; i--)
    {
      NremRow *row = g_ptr_array_index (revisions, i - 1);

      if (!g_hash_table_contains (parents, row->uuid))
        g_ptr_array_add (graph->heads, row);
    }

  /* the current head: the newest whose content the recommendation shows, else the newest */
  for (guint i = 0; i < graph->heads->len && graph->current == NULL; i++)
    if (same_content (g_ptr_array_index (graph->heads, i), current_text, current_status))
      graph->current = g_ptr_array_index (graph->heads, i);
  if (graph->current == NULL && graph->heads->len > 0)
    graph->current = g_ptr_array_index (graph->heads, 0);

  if (graph->heads->len > 1)
    {
      /* what the current line holds: another head with the same content is closed */
      g_autoptr(GPtrArray) line = g_ptr_array_new ();

      for (const NremRow *r = graph->current; r != NULL && line->len <= revisions->len;
           r = nrem_revision_graph_find (graph, nrem_row_get (r, "parent")))
        g_ptr_array_add (line, (gpointer) r);

      for (guint i = 0; i < graph->heads->len; i++)
        {
          NremRow *head = g_ptr_array_index (graph->heads, i);
          gboolean closed = head == graph->current;

          for (guint j = 0; j < line->len && !closed; j++)
            closed = same_content (g_ptr_array_index (line, j), text_of (head),
                                   nrem_row_get (head, "status"));
          if (!closed)
            g_ptr_array_add (graph->open_heads, head);
        }
    }
  return graph;
}

void
nrem_revision_graph_free (NremRevisionGraph *graph)
{
  if (graph == NULL)
    return;
  g_ptr_array_unref (graph->open_heads);
  g_ptr_array_unref (graph->heads);
  g_ptr_array_unref (graph->revisions);
  g_free (graph);
}

gboolean
nrem_revision_graph_has_conflict (NremRevisionGraph *graph)
{
  return graph->open_heads->len > 0;
}

const NremRow *
nrem_revision_graph_find (NremRevisionGraph *graph,
                          const char        *uuid)
{
  if (uuid == NULL)
    return NULL;
  for (guint i = 0; i < graph->revisions->len; i++)
    {
      const NremRow *row = g_ptr_array_index (graph->revisions, i);

      if (strcmp (row->uuid, uuid) == 0)
        return row;
    }
  return NULL;
}

gboolean
nrem_revision_graph_is_ancestor (NremRevisionGraph *graph,
                                 const NremRow     *ancestor,
                                 const NremRow     *descendant)
{
  guint steps = 0;

  for (const NremRow *r = descendant; r != NULL && steps <= graph->revisions->len; steps++)
    {
      if (r == ancestor)
        return TRUE;
      r = nrem_revision_graph_find (graph, nrem_row_get (r, "parent"));
    }
  return FALSE;
}
