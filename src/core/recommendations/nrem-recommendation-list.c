/* nrem-recommendation-list.c
 *
 * Reloading keeps the record objects of the recommendations that stay, so that the editor
 * and the rows hold on to them; it tells the list views only about the stretch of the list
 * whose order changed, and emits ::labels-changed when numbers, sections or names moved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-recommendations"

#include "config.h"

#include "nrem-recommendation-list.h"
#include "nrem-numbering.h"
#include "nrem-store-recommendations.h"
#include "nrem-error.h"

#include <glib/gi18n.h>
#include <string.h>

struct _NremRecommendationList
{
  GObject       parent_instance;

  NremStore    *store;
  char         *meeting;
  NremGrouping  grouping;
  GPtrArray    *items;     /* NremRecommendation, in document order */
  GHashTable   *by_uuid;   /* uuid → NremRecommendation (borrowed) */
};

static void list_model_iface_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NremRecommendationList, nrem_recommendation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, list_model_iface_init))

enum {
  LABELS_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];
static GQuark info_quark;

static void
info_free (NremParagraphInfo *info)
{
  g_free (info->number);
  g_free (info->section);
  g_free (info->section_key);
  g_free (info->proposer_name);
  g_free (info->search_key);
  g_free (info);
}

static gboolean
info_same_labels (const NremParagraphInfo *a,
                  const NremParagraphInfo *b)
{
  return a != NULL && b != NULL &&
         g_strcmp0 (a->number, b->number) == 0 &&
         g_strcmp0 (a->section, b->section) == 0 &&
         a->section_start == b->section_start &&
         g_strcmp0 (a->proposer_name, b->proposer_name) == 0 &&
         a->conflict == b->conflict;
}

static GType
get_item_type (GListModel *model)
{
  return NREM_TYPE_RECOMMENDATION;
}

static guint
get_n_items (GListModel *model)
{
  return NREM_RECOMMENDATION_LIST (model)->items->len;
}

static gpointer
get_item (GListModel *model,
          guint       position)
{
  NremRecommendationList *self = NREM_RECOMMENDATION_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (g_ptr_array_index (self->items, position));
}

static void
list_model_iface_init (GListModelInterface *iface)
{
  iface->get_item_type = get_item_type;
  iface->get_n_items = get_n_items;
  iface->get_item = get_item;
}

static void
nrem_recommendation_list_dispose (GObject *object)
{
  NremRecommendationList *self = (NremRecommendationList *) object;

  /* records outlive the list in the hands of others: they forget it */
  for (guint i = 0; self->items != NULL && i < self->items->len; i++)
    g_object_set_qdata (g_ptr_array_index (self->items, i), info_quark, NULL);
  g_clear_pointer (&self->by_uuid, g_hash_table_unref);
  g_clear_pointer (&self->items, g_ptr_array_unref);
  g_clear_object (&self->store);
  g_clear_pointer (&self->meeting, g_free);

  G_OBJECT_CLASS (nrem_recommendation_list_parent_class)->dispose (object);
}

static void
nrem_recommendation_list_class_init (NremRecommendationListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nrem_recommendation_list_dispose;

  info_quark = g_quark_from_static_string ("nrem-paragraph-info");

  /**
   * NremRecommendationList::labels-changed:
   *
   * Numbers, sections, proposers' names or conflict marks of records in the list changed;
   * rows that show them read them again with nrem_paragraph_info_get().
   */
  signals[LABELS_CHANGED] =
    g_signal_new ("labels-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
nrem_recommendation_list_init (NremRecommendationList *self)
{
  self->items = g_ptr_array_new_with_free_func (g_object_unref);
  self->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  self->grouping = NREM_GROUPING_THEME;
}

NremRecommendationList *
nrem_recommendation_list_new (NremStore *store)
{
  NremRecommendationList *self = g_object_new (NREM_TYPE_RECOMMENDATION_LIST, NULL);

  self->store = g_object_ref (store);
  return self;
}

NremStore *
nrem_recommendation_list_get_store (NremRecommendationList *self)
{
  return self->store;
}

const char *
nrem_recommendation_list_get_meeting (NremRecommendationList *self)
{
  return self->meeting;
}

/**
 * nrem_recommendation_list_set_meeting:
 *
 * Shows another meeting's recommendations; call nrem_recommendation_list_reload() after.
 */
void
nrem_recommendation_list_set_meeting (NremRecommendationList *self,
                                      const char             *meeting_uuid)
{
  if (g_strcmp0 (self->meeting, meeting_uuid) == 0)
    return;
  g_free (self->meeting);
  self->meeting = g_strdup (meeting_uuid);
}

NremGrouping
nrem_recommendation_list_get_grouping (NremRecommendationList *self)
{
  return self->grouping;
}

void
nrem_recommendation_list_set_grouping (NremRecommendationList *self,
                                       NremGrouping            grouping)
{
  self->grouping = grouping;
}

static const NremRow *
entry_row (gconstpointer item)
{
  return ((const NremRecommendationEntry *) item)->row;
}

static char *
make_search_key (const char *number,
                 const NremRow *row,
                 const char *proposer)
{
  g_autofree char *joined = g_strjoin (" ", number ? number : "",
                                       nrem_row_get (row, "text") ? nrem_row_get (row, "text") : "",
                                       nrem_row_get (row, "theme") ? nrem_row_get (row, "theme") : "",
                                       proposer ? proposer : "", NULL);

  return nrem_text_fold (joined);
}

/**
 * nrem_recommendation_list_reload:
 *
 * Reads the meeting's recommendations again.
 */
gboolean
nrem_recommendation_list_reload (NremRecommendationList  *self,
                                 GError                 **error)
{
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GHashTable) by_uuid = NULL;
  g_autofree NremNumberingItem *numbering = NULL;
  g_autofree NremNumber *numbers = NULL;
  gboolean labels_changed = FALSE;
  guint old_n, new_n, prefix = 0, suffix = 0;
  char *previous_key = NULL;
  guint section_index = 0;

  if (self->meeting == NULL)
    entries = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_recommendation_entry_free);
  else if (!(entries = nrem_store_list_recommendations (self->store, self->meeting, error)))
    return FALSE;

  nrem_recommendations_arrange (entries, self->grouping, entry_row);

  numbering = g_new0 (NremNumberingItem, entries->len + 1);
  numbers = g_new0 (NremNumber, entries->len + 1);
  for (guint i = 0; i < entries->len; i++)
    {
      NremRecommendationEntry *e = g_ptr_array_index (entries, i);
      const char *alt = nrem_row_get (e->row, "alternative");

      numbering[i].alternative = alt != NULL ? (int) g_ascii_strtoll (alt, NULL, 10) : 0;
      numbering[i].included = g_strcmp0 (nrem_row_get (e->row, "status"), "withdrawn") != 0;
    }
  nrem_numbering_assign (numbering, entries->len, TRUE, numbers);

  items = g_ptr_array_new_full (entries->len, g_object_unref);
  by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < entries->len; i++)
    {
      NremRecommendationEntry *e = g_ptr_array_index (entries, i);
      NremRecommendation *record = g_hash_table_lookup (self->by_uuid, e->row->uuid);
      NremParagraphInfo *info = g_new0 (NremParagraphInfo, 1);
      const NremParagraphInfo *old_info;
      g_autofree char *key = nrem_recommendation_section_key (e->row, self->grouping);

      gboolean same_row = FALSE;

      if (record != NULL)
        {
          g_object_ref (record);
          same_row = nrem_row_content_equal (nrem_record_get_row (NREM_RECORD (record)), e->row) &&
                     nrem_record_get_row (NREM_RECORD (record))->rev == e->row->rev;
          if (!same_row)
            nrem_record_set_row (NREM_RECORD (record), e->row);
        }
      else
        record = NREM_RECOMMENDATION (nrem_record_new_for_row (e->row));
      old_info = g_object_get_qdata (G_OBJECT (record), info_quark);

      info->number = nrem_number_format (numbers[i]);
      info->index = i;
      info->list = self;
      if (self->grouping != NREM_GROUPING_NONE)
        {
          info->section_start = i == 0 || g_strcmp0 (key, previous_key) != 0;
          if (info->section_start && i > 0)
            section_index++;
          info->section_index = section_index;
          info->section_key = g_strdup (key);
          info->section = nrem_recommendation_section_title (key, self->grouping);
        }
      g_free (previous_key);
      previous_key = g_steal_pointer (&key);
      info->proposer_name = g_strdup (e->proposer_name);
      /* folding is the dearest part of a reload: kept while what it folds stays */
      if (same_row && old_info != NULL && g_strcmp0 (old_info->number, info->number) == 0 &&
          g_strcmp0 (old_info->proposer_name, e->proposer_name) == 0)
        info->search_key = g_strdup (old_info->search_key);
      else
        info->search_key = make_search_key (info->number, e->row, e->proposer_name);
      if (e->n_heads > 1)
        {
          g_autoptr(NremRevisionGraph) graph = nrem_store_load_revision_graph (self->store,
                                                                               e->row->uuid, NULL);

          info->conflict = graph != NULL && nrem_revision_graph_has_conflict (graph);
        }

      if (!info_same_labels (old_info, info))
        labels_changed = TRUE;
      g_object_set_qdata_full (G_OBJECT (record), info_quark, info, (GDestroyNotify) info_free);

      g_ptr_array_add (items, record);
      g_hash_table_insert (by_uuid, (gpointer) nrem_record_get_uuid (NREM_RECORD (record)), record);
    }
  g_free (previous_key);

  /* the stretch that changed: what lies before and after it is the same objects */
  old_n = self->items->len;
  new_n = items->len;
  while (prefix < old_n && prefix < new_n &&
         g_ptr_array_index (self->items, prefix) == g_ptr_array_index (items, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_ptr_array_index (self->items, old_n - 1 - suffix) == g_ptr_array_index (items, new_n - 1 - suffix))
    suffix++;

  /* records that left the list forget what it knew of them */
  for (guint i = 0; i < old_n; i++)
    {
      GObject *record = g_ptr_array_index (self->items, i);

      if (!g_hash_table_contains (by_uuid, nrem_record_get_uuid (NREM_RECORD (record))))
        g_object_set_qdata (record, info_quark, NULL);
    }

  g_ptr_array_unref (self->items);
  self->items = g_steal_pointer (&items);
  g_hash_table_unref (self->by_uuid);
  self->by_uuid = g_steal_pointer (&by_uuid);

  if (old_n - prefix - suffix > 0 || new_n - prefix - suffix > 0)
    g_list_model_items_changed (G_LIST_MODEL (self), prefix, old_n - prefix - suffix,
                                new_n - prefix - suffix);
  if (labels_changed)
    g_signal_emit (self, signals[LABELS_CHANGED], 0);
  return TRUE;
}

/**
 * nrem_recommendation_list_find:
 * @position: (out) (optional): where it is
 *
 * Returns: (transfer none) (nullable): the record of the recommendation
 */
NremRecommendation *
nrem_recommendation_list_find (NremRecommendationList *self,
                               const char             *uuid,
                               guint                  *position)
{
  NremRecommendation *record = uuid != NULL ? g_hash_table_lookup (self->by_uuid, uuid) : NULL;

  if (record != NULL && position != NULL)
    *position = nrem_paragraph_info_get (record)->index;
  return record;
}

/**
 * nrem_recommendation_list_dup_order:
 *
 * Returns: (transfer full): the uuids in document order
 */
char **
nrem_recommendation_list_dup_order (NremRecommendationList *self)
{
  char **order = g_new0 (char *, self->items->len + 1);

  for (guint i = 0; i < self->items->len; i++)
    order[i] = g_strdup (nrem_record_get_uuid (g_ptr_array_index (self->items, i)));
  return order;
}

/**
 * nrem_recommendation_list_move:
 * @to: the place it takes in the list, counted before it moves out of its own
 * @join: (nullable): a recommendation whose section it joins; %NULL to stay in its own
 *
 * Moves a recommendation and renumbers the document in one transaction. Joining another
 * section, it takes that section's theme, or that section's addressee as its first one.
 */
gboolean
nrem_recommendation_list_move (NremRecommendationList  *self,
                               const char              *uuid,
                               guint                    to,
                               NremRecommendation      *join,
                               GError                 **error)
{
  g_auto(GStrv) order = nrem_recommendation_list_dup_order (self);
  g_autoptr(GPtrArray) new_order = g_ptr_array_new ();
  NremRecommendation *record;
  const NremParagraphInfo *info;
  const NremParagraphInfo *join_info = join != NULL ? nrem_paragraph_info_get (join) : NULL;
  guint from;
  g_autofree char *addressees = NULL;
  const char *fields[2] = { NULL, NULL };
  const char *values[2] = { NULL, NULL };

  record = nrem_recommendation_list_find (self, uuid, &from);
  if (record == NULL)
    {
      g_set_error_literal (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                           _("The recommendation no longer exists."));
      return FALSE;
    }
  info = nrem_paragraph_info_get (record);
  to = MIN (to, self->items->len);

  if (self->grouping != NREM_GROUPING_NONE && join_info != NULL &&
      g_strcmp0 (join_info->section_key, info->section_key) != 0)
    {
      if (self->grouping == NREM_GROUPING_THEME)
        {
          fields[0] = "theme";
          values[0] = join_info->section_key;
        }
      else if (join_info->section_key == NULL)
        {
          g_set_error_literal (error, NREM_ERROR, NREM_ERROR_FAILED,
                               _("This section holds the recommendations without addressees; remove the addressees of this one instead."));
          return FALSE;
        }
      else
        {
          g_auto(GStrv) old = nrem_json_array_parse (nrem_record_get_string (NREM_RECORD (record), "addressees"));
          g_autoptr(GPtrArray) list = g_ptr_array_new ();

          g_ptr_array_add (list, join_info->section_key);
          for (guint i = 0; old[i] != NULL; i++)
            if (g_strcmp0 (old[i], join_info->section_key) != 0)
              g_ptr_array_add (list, old[i]);
          g_ptr_array_add (list, NULL);
          addressees = nrem_json_array_build ((const char * const *) list->pdata);
          fields[0] = "addressees";
          values[0] = addressees;
        }
    }

  if ((to == from || to == from + 1) && fields[0] == NULL)
    return TRUE;

  for (guint i = 0; i <= self->items->len; i++)
    {
      if (i == to)
        g_ptr_array_add (new_order, (gpointer) uuid);
      if (i < self->items->len && i != from)
        g_ptr_array_add (new_order, order[i]);
    }
  g_ptr_array_add (new_order, NULL);

  return nrem_store_reorder_recommendations (self->store, (const char * const *) new_order->pdata,
                                             fields[0] != NULL ? uuid : NULL,
                                             fields[0] != NULL ? fields : NULL, values, error);
}

/**
 * nrem_paragraph_info_get:
 *
 * Returns: (nullable): what the list knows of a record it holds; %NULL for a record that is
 *   in no list
 */
const NremParagraphInfo *
nrem_paragraph_info_get (NremRecommendation *record)
{
  if (info_quark == 0)
    return NULL;
  return g_object_get_qdata (G_OBJECT (record), info_quark);
}

static char *
first_words (const char *text,
             guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) <= max_chars)
    return g_steal_pointer (&flat);
  {
    g_autofree char *cut = g_utf8_substring (flat, 0, max_chars);

    return g_strconcat (cut, "…", NULL);
  }
}

/**
 * nrem_paragraph_dup_accessible_label:
 *
 * Returns: what a screen reader says of a row: "Recommendation 12, agreed: States should …"
 */
char *
nrem_paragraph_dup_accessible_label (NremRecommendation *record)
{
  const NremParagraphInfo *info = nrem_paragraph_info_get (record);
  const char *status = nrem_record_get_string (NREM_RECORD (record), "status");
  g_autofree char *status_label = g_utf8_strdown (nrem_recommendation_status_label (status), -1);
  g_autofree char *text = first_words (nrem_record_get_string (NREM_RECORD (record), "text"), 1000);
  const char *number = info != NULL ? info->number : "";

  if (text[0] == '\0')
    {
      g_free (text);
      text = g_strdup (_("no text yet"));
    }
  if (info != NULL && info->conflict)
    {
      if (number[0] != '\0')
        /* Translators: a row of the list, read by screen readers */
        return g_strdup_printf (_("Recommendation %s, %s, two versions to merge: %s"), number, status_label, text);
      return g_strdup_printf (_("Recommendation, %s, two versions to merge: %s"), status_label, text);
    }
  if (number[0] != '\0')
    return g_strdup_printf (_("Recommendation %s, %s: %s"), number, status_label, text);
  return g_strdup_printf (_("Recommendation, %s: %s"), status_label, text);
}
