/* nrem-recommendation-merge.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-recommendations"

#include "config.h"

#include "nrem-recommendation-merge.h"
#include "nrem-entity.h"
#include "nrem-recommendation-rules.h"
#include "nrem-revision-graph.h"
#include "nrem-store-recommendations.h"
#include "nrem-time.h"
#include "nrem-word-diff.h"

#include <glib/gi18n.h>

struct _NremRecommendationMerge
{
  AdwWindow           parent_instance;

  NremSession        *session;
  char               *uuid;
  char               *author;
  char               *author_name;
  NremRevisionGraph  *graph;
  GPtrArray          *versions;   /* borrowed rows: the current head, then the open heads */

  AdwWindowTitle     *window_title;
  GtkFlowBox         *versions_box;
  GtkTextView        *merged_view;
  GtkDropDown        *status_dropdown;
  GtkStringList      *status_model;
  GtkLabel           *error_label;
};

G_DEFINE_FINAL_TYPE (NremRecommendationMerge, nrem_recommendation_merge, ADW_TYPE_WINDOW)

static const char *
text_of (const NremRow *row)
{
  const char *text = row != NULL ? nrem_row_get (row, "text") : NULL;

  return text != NULL ? text : "";
}

/* the revision both lines start from: the fork */
static const NremRow *
common_ancestor (NremRevisionGraph *graph,
                 const NremRow     *a,
                 const NremRow     *b)
{
  g_autoptr(GHashTable) line = g_hash_table_new (NULL, NULL);
  guint steps = 0;

  for (const NremRow *r = a; r != NULL && steps++ <= graph->revisions->len;
       r = nrem_revision_graph_find (graph, nrem_row_get (r, "parent")))
    g_hash_table_add (line, (gpointer) r);
  steps = 0;
  for (const NremRow *r = b; r != NULL && steps++ <= graph->revisions->len;
       r = nrem_revision_graph_find (graph, nrem_row_get (r, "parent")))
    if (g_hash_table_contains (line, r))
      return r;
  return NULL;
}

static void
set_merged_text (NremRecommendationMerge *self,
                 const char              *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->merged_view), text, -1);
}

static void
on_use_clicked_cb (GtkButton               *button,
                   NremRecommendationMerge *self)
{
  guint i = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "version"));

  if (i < self->versions->len)
    set_merged_text (self, text_of (g_ptr_array_index (self->versions, i)));
  gtk_widget_grab_focus (GTK_WIDGET (self->merged_view));
}

static GtkWidget *
make_card (NremRecommendationMerge *self,
           guint                    index,
           const NremRow           *base)
{
  const NremRow *row = g_ptr_array_index (self->versions, index);
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *heading, *meta, *text, *button;
  g_autoptr(GPtrArray) chunks = nrem_word_diff (text_of (base), text_of (row));
  g_autofree char *markup = nrem_word_diff_to_markup (chunks);
  g_autofree char *plain = nrem_word_diff_to_plain (chunks);
  g_autofree char *when = NULL;
  g_autofree char *meta_text = NULL;
  g_autofree char *title = NULL;
  gint64 ms = 0;

  if (nrem_time_parse_ms (nrem_row_get (row, "created_at"), &ms))
    {
      g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (ms / 1000);
      g_autoptr(GDateTime) local = g_date_time_to_local (utc);

      when = g_date_time_format (local, "%-d %b %Y, %H:%M");
    }
  title = index == 0 ? g_strdup (_("The version shown now")) : g_strdup_printf (_("Other version %u"), index);
  meta_text = g_strdup_printf ("%s · %s · %s",
                               nrem_row_get (row, "author_name") ? nrem_row_get (row, "author_name") : _("unknown"),
                               when ? when : "", nrem_recommendation_status_label (nrem_row_get (row, "status")));

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "merge-version");
  heading = gtk_label_new (title);
  gtk_widget_add_css_class (heading, "heading");
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  meta = gtk_label_new (meta_text);
  gtk_widget_add_css_class (meta, "dim-label");
  gtk_widget_add_css_class (meta, "caption");
  gtk_label_set_xalign (GTK_LABEL (meta), 0);
  gtk_label_set_wrap (GTK_LABEL (meta), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (meta), 40);
  text = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (text), markup);
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  /* narrow enough that two versions stand side by side when the window allows */
  gtk_label_set_width_chars (GTK_LABEL (text), 20);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 40);
  gtk_widget_set_valign (text, GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (text), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, plain, -1);
  button = gtk_button_new_with_mnemonic (_("Start From _This Text"));
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  g_object_set_data (G_OBJECT (button), "version", GUINT_TO_POINTER (index));
  g_signal_connect (button, "clicked", G_CALLBACK (on_use_clicked_cb), self);
  {
    g_autofree char *label = g_strdup_printf (_("Start from the text of %s"), title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  }
  gtk_box_append (GTK_BOX (card), heading);
  gtk_box_append (GTK_BOX (card), meta);
  gtk_box_append (GTK_BOX (card), text);
  gtk_box_append (GTK_BOX (card), button);
  return card;
}

static void
load (NremRecommendationMerge *self)
{
  g_autoptr(GError) error = NULL;
  GtkWidget *child;
  const NremRow *base = NULL;

  g_clear_pointer (&self->graph, nrem_revision_graph_free);
  g_ptr_array_set_size (self->versions, 0);
  self->graph = nrem_store_load_revision_graph (nrem_session_get_store (self->session), self->uuid, &error);
  if (self->graph == NULL)
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      return;
    }
  if (self->graph->current != NULL)
    g_ptr_array_add (self->versions, self->graph->current);
  for (guint i = 0; i < self->graph->open_heads->len; i++)
    g_ptr_array_add (self->versions, g_ptr_array_index (self->graph->open_heads, i));
  if (self->versions->len >= 2)
    base = common_ancestor (self->graph, g_ptr_array_index (self->versions, 0), g_ptr_array_index (self->versions, 1));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->versions_box))) != NULL)
    gtk_flow_box_remove (self->versions_box, child);
  for (guint i = 0; i < self->versions->len; i++)
    gtk_flow_box_append (self->versions_box, make_card (self, i, base));

  if (self->versions->len > 0)
    {
      const char *status = nrem_row_get (g_ptr_array_index (self->versions, 0), "status");

      set_merged_text (self, text_of (g_ptr_array_index (self->versions, 0)));
      for (guint i = 0; nrem_recommendation_statuses[i] != NULL; i++)
        if (g_strcmp0 (status, nrem_recommendation_statuses[i]) == 0)
          gtk_drop_down_set_selected (self->status_dropdown, i);
    }
}

static void
on_save_clicked_cb (NremRecommendationMerge *self)
{
  g_autoptr(GError) error = NULL;

  if (nrem_recommendation_merge_save (self, &error))
    gtk_window_destroy (GTK_WINDOW (self));
  else
    {
      gtk_label_set_label (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
    }
}

static void
nrem_recommendation_merge_dispose (GObject *object)
{
  NremRecommendationMerge *self = (NremRecommendationMerge *) object;

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_RECOMMENDATION_MERGE);
  G_OBJECT_CLASS (nrem_recommendation_merge_parent_class)->dispose (object);
}

static void
nrem_recommendation_merge_finalize (GObject *object)
{
  NremRecommendationMerge *self = (NremRecommendationMerge *) object;

  g_ptr_array_unref (self->versions);
  g_clear_pointer (&self->graph, nrem_revision_graph_free);
  g_free (self->uuid);
  g_free (self->author);
  g_free (self->author_name);
  G_OBJECT_CLASS (nrem_recommendation_merge_parent_class)->finalize (object);
}

static void
nrem_recommendation_merge_class_init (NremRecommendationMergeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_recommendation_merge_dispose;
  object_class->finalize = nrem_recommendation_merge_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/recommendations/nrem-recommendation-merge.ui");
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationMerge, window_title);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationMerge, versions_box);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationMerge, merged_view);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationMerge, status_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationMerge, status_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationMerge, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nrem_recommendation_merge_init (NremRecommendationMerge *self)
{
  g_autoptr(GPtrArray) statuses = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->versions = g_ptr_array_new ();
  for (guint i = 0; nrem_recommendation_statuses[i] != NULL; i++)
    if (g_strcmp0 (nrem_recommendation_statuses[i], "merged") != 0)
      g_ptr_array_add (statuses, (gpointer) nrem_recommendation_status_label (nrem_recommendation_statuses[i]));
  g_ptr_array_add (statuses, NULL);
  gtk_string_list_splice (self->status_model, 0, 0, (const char * const *) statuses->pdata);
}

GtkWidget *
nrem_recommendation_merge_new (NremSession        *session,
                               NremRecommendation *record,
                               const char         *title)
{
  NremRecommendationMerge *self = g_object_new (NREM_TYPE_RECOMMENDATION_MERGE, NULL);

  self->session = g_object_ref (session);
  self->uuid = g_strdup (nrem_record_get_uuid (NREM_RECORD (record)));
  adw_window_title_set_subtitle (self->window_title, title);
  load (self);
  return GTK_WIDGET (self);
}

void
nrem_recommendation_merge_set_author (NremRecommendationMerge *self,
                                      const char              *uuid,
                                      const char              *name)
{
  g_free (self->author);
  self->author = g_strdup (uuid);
  g_free (self->author_name);
  self->author_name = g_strdup (name);
}

guint
nrem_recommendation_merge_get_n_versions (NremRecommendationMerge *self)
{
  return self->versions->len;
}

void
nrem_recommendation_merge_set_text (NremRecommendationMerge *self,
                                    const char              *text)
{
  set_merged_text (self, text);
}

/**
 * nrem_recommendation_merge_save:
 *
 * Writes the merged text (nrem_store_merge_recommendation()).
 */
gboolean
nrem_recommendation_merge_save (NremRecommendationMerge  *self,
                                GError                  **error)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->merged_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  guint chosen = gtk_drop_down_get_selected (self->status_dropdown);
  const char *status = "draft";
  guint k = 0;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  for (guint i = 0; nrem_recommendation_statuses[i] != NULL; i++)
    {
      if (g_strcmp0 (nrem_recommendation_statuses[i], "merged") == 0)
        continue;
      if (k++ == chosen)
        status = nrem_recommendation_statuses[i];
    }
  return nrem_store_merge_recommendation (nrem_session_get_store (self->session), self->uuid, text, status,
                                          self->author,
                                          self->author_name != NULL ? self->author_name : g_get_real_name (),
                                          error);
}
