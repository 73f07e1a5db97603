/* nrem-recommendation-history.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-recommendations"

#include "config.h"

#include "nrem-recommendation-history.h"
#include "nrem-recommendation-rules.h"
#include "nrem-revision-graph.h"
#include "nrem-store-recommendations.h"
#include "nrem-time.h"
#include "nrem-word-diff.h"

#include <glib/gi18n.h>

struct _NremRecommendationHistory
{
  AdwWindow           parent_instance;

  NremSession        *session;
  char               *uuid;
  char               *author;
  char               *author_name;
  NremRevisionGraph  *graph;
  char               *plain_diff;
  gboolean            updating;

  AdwWindowTitle     *window_title;
  AdwLeaflet         *leaflet;
  GtkListBox         *revisions_box;
  GtkDropDown        *from_dropdown;
  GtkStringList      *from_model;
  GtkDropDown        *to_dropdown;
  GtkStringList      *to_model;
  GtkLabel           *summary_label;
  GtkLabel           *diff_label;
  GtkButton          *restore_button;
};

G_DEFINE_FINAL_TYPE (NremRecommendationHistory, nrem_recommendation_history, ADW_TYPE_WINDOW)

/* Dropdown index 0 is "empty text"; index i + 1 is revision i (oldest first). */

static const NremRow *
revision_at (NremRecommendationHistory *self,
             guint                      index)
{
  if (self->graph == NULL || index == 0 || index == GTK_INVALID_LIST_POSITION ||
      index > self->graph->revisions->len)
    return NULL;
  return g_ptr_array_index (self->graph->revisions, index - 1);
}

static guint
index_of (NremRecommendationHistory *self,
          const char                *uuid)
{
  for (guint i = 0; uuid != NULL && i < self->graph->revisions->len; i++)
    if (g_strcmp0 (((NremRow *) g_ptr_array_index (self->graph->revisions, i))->uuid, uuid) == 0)
      return i + 1;
  return 0;
}

static char *
when_label (const NremRow *row)
{
  gint64 ms = 0;
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (!nrem_time_parse_ms (nrem_row_get (row, "created_at"), &ms))
    return g_strdup ("");
  utc = g_date_time_new_from_unix_utc (ms / 1000);
  local = utc != NULL ? g_date_time_to_local (utc) : NULL;
  return local != NULL ? g_date_time_format (local, "%-d %b %Y, %H:%M") : g_strdup ("");
}

static char *
revision_label (NremRecommendationHistory *self,
                guint                      index)
{
  const NremRow *row = revision_at (self, index);
  g_autofree char *when = NULL;

  if (row == NULL)
    return g_strdup (_("Empty text"));
  when = when_label (row);
  /* Translators: a version in the history, with its date */
  return g_strdup_printf (_("Version %u, %s"), index, when);
}

static void
show_diff (NremRecommendationHistory *self)
{
  const NremRow *from = revision_at (self, gtk_drop_down_get_selected (self->from_dropdown));
  const NremRow *to = revision_at (self, gtk_drop_down_get_selected (self->to_dropdown));
  g_autoptr(GPtrArray) chunks = NULL;
  g_autofree char *markup = NULL;
  g_autoptr(GString) summary = g_string_new (NULL);
  guint deleted, inserted;
  const char *from_status = from ? nrem_row_get (from, "status") : NULL;
  const char *to_status = to ? nrem_row_get (to, "status") : NULL;

  chunks = nrem_word_diff (from ? nrem_row_get (from, "text") : "", to ? nrem_row_get (to, "text") : "");
  markup = nrem_word_diff_to_markup (chunks);
  g_free (self->plain_diff);
  self->plain_diff = nrem_word_diff_to_plain (chunks);
  nrem_word_diff_count (chunks, &deleted, &inserted);

  if (deleted == 0 && inserted == 0)
    g_string_append (summary, _("The text is the same."));
  else
    {
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u word struck out", "%u words struck out", deleted), deleted);
      g_string_append (summary, ", ");
      g_string_append_printf (summary, g_dngettext (GETTEXT_PACKAGE, "%u word added.", "%u words added.", inserted), inserted);
    }
  if (g_strcmp0 (from_status, to_status) != 0 && to_status != NULL)
    {
      g_string_append_c (summary, ' ');
      if (from_status != NULL)
        g_string_append_printf (summary, _("Status: %s → %s."), nrem_recommendation_status_label (from_status),
                                nrem_recommendation_status_label (to_status));
      else
        g_string_append_printf (summary, _("Status: %s."), nrem_recommendation_status_label (to_status));
    }
  gtk_label_set_label (self->summary_label, summary->str);
  gtk_label_set_markup (self->diff_label, markup[0] != '\0' ? markup : _("<i>No text</i>"));
  /* a screen reader cannot hear colours: the changes in words */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->diff_label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  self->plain_diff, -1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), to != NULL &&
                            to != (const NremRow *) self->graph->current);
}

static void
on_dropdown_changed_cb (NremRecommendationHistory *self)
{
  if (!self->updating)
    show_diff (self);
}

static void
on_row_selected_cb (NremRecommendationHistory *self,
                    GtkListBoxRow             *row)
{
  guint index;
  const NremRow *rev;

  if (row == NULL || self->updating)
    return;
  index = (guint) gtk_list_box_row_get_index (row) + 1;
  rev = revision_at (self, index);
  nrem_recommendation_history_compare (self, rev ? index_of (self, nrem_row_get (rev, "parent")) : 0, index);
}

static void
on_row_activated_cb (NremRecommendationHistory *self)
{
  adw_leaflet_navigate (self->leaflet, ADW_NAVIGATION_DIRECTION_FORWARD);
}

static void
on_restore_clicked_cb (NremRecommendationHistory *self)
{
  g_autoptr(GError) error = NULL;

  if (!nrem_recommendation_history_restore (self, &error))
    gtk_label_set_label (self->summary_label, error->message);
}

static GtkWidget *
make_row (NremRecommendationHistory *self,
          guint                      index)
{
  const NremRow *rev = revision_at (self, index);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title, *subtitle;
  g_autofree char *when = when_label (rev);
  g_autofree char *line = NULL;
  g_autofree char *status = NULL;
  g_autofree char *accessible = NULL;
  const char *who = nrem_row_get (rev, "author_name");
  const char *mark = NULL;

  if (rev == (const NremRow *) self->graph->current)
    mark = self->graph->heads->len > 1 ? _("current version") : _("current");
  else
    for (guint i = 0; i < self->graph->open_heads->len; i++)
      if (rev == g_ptr_array_index (self->graph->open_heads, i))
        mark = _("other version, to merge");

  line = g_strdup_printf ("%s — %s", when, who != NULL ? who : _("unknown"));
  status = mark != NULL ? g_strdup_printf ("%s · %s", nrem_recommendation_status_label (nrem_row_get (rev, "status")), mark)
                        : g_strdup (nrem_recommendation_status_label (nrem_row_get (rev, "status")));
  title = gtk_label_new (line);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  subtitle = gtk_label_new (status);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_add_css_class (subtitle, mark != NULL && rev != (const NremRow *) self->graph->current ? "warning" : "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  accessible = g_strdup_printf (_("Version %u, %s, %s"), index, line, status);
  gtk_accessible_update_property (GTK_ACCESSIBLE (box), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
  return box;
}

static void
load (NremRecommendationHistory *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GtkWidget *child;
  guint current;

  g_clear_pointer (&self->graph, nrem_revision_graph_free);
  self->graph = nrem_store_load_revision_graph (nrem_session_get_store (self->session), self->uuid, &error);
  if (self->graph == NULL)
    {
      gtk_label_set_label (self->summary_label, error->message);
      return;
    }

  self->updating = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->revisions_box))) != NULL)
    gtk_list_box_remove (self->revisions_box, child);
  for (guint i = 0; i <= self->graph->revisions->len; i++)
    {
      g_ptr_array_add (labels, revision_label (self, i));
      if (i > 0)
        gtk_list_box_append (self->revisions_box, make_row (self, i));
    }
  g_ptr_array_add (labels, NULL);
  gtk_string_list_splice (self->from_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->from_model)),
                          (const char * const *) labels->pdata);
  gtk_string_list_splice (self->to_model, 0, g_list_model_get_n_items (G_LIST_MODEL (self->to_model)),
                          (const char * const *) labels->pdata);
  self->updating = FALSE;

  if (self->graph->revisions->len == 0)
    {
      gtk_label_set_label (self->summary_label, _("No version of this recommendation has been saved yet."));
      gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), FALSE);
      return;
    }
  /* the current version against the one before it */
  current = self->graph->current != NULL ? index_of (self, self->graph->current->uuid) : self->graph->revisions->len;
  gtk_list_box_select_row (self->revisions_box, gtk_list_box_get_row_at_index (self->revisions_box, (int) current - 1));
}

static void
nrem_recommendation_history_dispose (GObject *object)
{
  NremRecommendationHistory *self = (NremRecommendationHistory *) object;

  g_clear_object (&self->session);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_RECOMMENDATION_HISTORY);
  G_OBJECT_CLASS (nrem_recommendation_history_parent_class)->dispose (object);
}

static void
nrem_recommendation_history_finalize (GObject *object)
{
  NremRecommendationHistory *self = (NremRecommendationHistory *) object;

  g_clear_pointer (&self->graph, nrem_revision_graph_free);
  g_free (self->uuid);
  g_free (self->author);
  g_free (self->author_name);
  g_free (self->plain_diff);
  G_OBJECT_CLASS (nrem_recommendation_history_parent_class)->finalize (object);
}

static void
nrem_recommendation_history_class_init (NremRecommendationHistoryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_recommendation_history_dispose;
  object_class->finalize = nrem_recommendation_history_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/recommendations/nrem-recommendation-history.ui");
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, window_title);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, leaflet);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, revisions_box);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, from_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, from_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, to_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, to_model);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, diff_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationHistory, restore_button);
  gtk_widget_class_bind_template_callback (widget_class, on_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nrem_recommendation_history_init (NremRecommendationHistory *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->from_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed_cb), self);
  g_signal_connect_swapped (self->to_dropdown, "notify::selected", G_CALLBACK (on_dropdown_changed_cb), self);
}

GtkWidget *
nrem_recommendation_history_new (NremSession        *session,
                                 NremRecommendation *record,
                                 const char         *title)
{
  NremRecommendationHistory *self = g_object_new (NREM_TYPE_RECOMMENDATION_HISTORY, NULL);
  g_autofree char *window_title = g_strdup_printf (_("History of %s"), title);

  self->session = g_object_ref (session);
  self->uuid = g_strdup (nrem_record_get_uuid (NREM_RECORD (record)));
  adw_window_title_set_subtitle (self->window_title, title);
  gtk_window_set_title (GTK_WINDOW (self), window_title);
  load (self);
  return GTK_WIDGET (self);
}

void
nrem_recommendation_history_set_author (NremRecommendationHistory *self,
                                        const char                *uuid,
                                        const char                *name)
{
  g_free (self->author);
  self->author = g_strdup (uuid);
  g_free (self->author_name);
  self->author_name = g_strdup (name);
}

guint
nrem_recommendation_history_get_n_revisions (NremRecommendationHistory *self)
{
  return self->graph != NULL ? self->graph->revisions->len : 0;
}

/**
 * nrem_recommendation_history_compare:
 * @from: 0 for the empty text, i for the i-th revision (oldest is 1)
 * @to: the same
 */
void
nrem_recommendation_history_compare (NremRecommendationHistory *self,
                                     guint                      from,
                                     guint                      to)
{
  self->updating = TRUE;
  gtk_drop_down_set_selected (self->from_dropdown, from);
  gtk_drop_down_set_selected (self->to_dropdown, to);
  self->updating = FALSE;
  show_diff (self);
}

/**
 * nrem_recommendation_history_dup_diff:
 *
 * Returns: the comparison shown, as "[-struck out-]{+added+}"
 */
char *
nrem_recommendation_history_dup_diff (NremRecommendationHistory *self)
{
  return g_strdup (self->plain_diff);
}

/**
 * nrem_recommendation_history_restore:
 *
 * The text and status of the newer version compared become the newest revision.
 */
gboolean
nrem_recommendation_history_restore (NremRecommendationHistory  *self,
                                     GError                    **error)
{
  const NremRow *rev = revision_at (self, gtk_drop_down_get_selected (self->to_dropdown));
  const char *fields[] = { "text", "status", NULL };
  const char *values[3] = { NULL, NULL, NULL };
  const char *name = self->author_name != NULL ? self->author_name : g_get_real_name ();

  if (rev == NULL)
    return TRUE;
  values[0] = nrem_row_get (rev, "text");
  values[1] = nrem_row_get (rev, "status");
  /* a version that was merged into another cannot be "merged" again without its target */
  if (g_strcmp0 (values[1], "merged") == 0)
    {
      fields[1] = NULL;
    }
  if (!nrem_store_save_recommendation (nrem_session_get_store (self->session), self->uuid, fields, values,
                                       self->author, name, NULL, error))
    return FALSE;
  load (self);
  return TRUE;
}
