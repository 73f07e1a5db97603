/* nrem-recommendation-row.c
 *
 * The row reads what the list knows of its record (nrem_paragraph_info_get()) and reads it
 * again when the record changes or the list renumbers. Dropping another row on it moves that
 * one before or after it, into its section, through the page's "recommendations.move-to".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-recommendations"

#include "config.h"

#include "nrem-recommendation-row.h"
#include "nrem-recommendation-list.h"
#include "nrem-recommendation-rules.h"

#include <glib/gi18n.h>

struct _NremRecommendationRow
{
  GtkWidget           parent_instance;

  NremRecommendation *record;
  gpointer            list;          /* whose labels-changed we follow */
  gulong              notify_id;
  gulong              labels_id;
  char               *accessible_label;
  char               *status_class;

  GtkLabel           *section_label;
  GtkLabel           *number_label;
  GtkLabel           *text_label;
  GtkLabel           *status_label;
  GtkLabel           *proposer_label;
  GtkWidget          *conflict_box;
  GtkWidget          *main_box;
};

G_DEFINE_FINAL_TYPE (NremRecommendationRow, nrem_recommendation_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_RECORD,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static char *
flatten (const char *text,
         guint       max_chars)
{
  g_autofree char *flat = g_strdup (text != NULL ? text : "");

  g_strdelimit (flat, "\n\t", ' ');
  if (g_utf8_strlen (flat, -1) > max_chars)
    {
      g_autofree char *cut = g_utf8_substring (flat, 0, max_chars);

      return g_strconcat (cut, "…", NULL);
    }
  return g_steal_pointer (&flat);
}

static void
update (NremRecommendationRow *self)
{
  const NremParagraphInfo *info;
  NremRecord *r;
  const char *status;
  const char *text;
  g_autofree char *status_class = NULL;

  if (self->record == NULL)
    return;
  r = NREM_RECORD (self->record);
  info = nrem_paragraph_info_get (self->record);
  status = nrem_record_get_string (r, "status");
  text = nrem_record_get_string (r, "text");

  gtk_widget_set_visible (GTK_WIDGET (self->section_label),
                          info != NULL && info->section_start && info->section != NULL);
  if (info != NULL && info->section != NULL)
    gtk_label_set_label (self->section_label, info->section);

  gtk_label_set_label (self->number_label, info != NULL && info->number[0] != '\0' ? info->number : "–");

  if (text != NULL)
    {
      g_autofree char *flat = flatten (text, 240);

      gtk_label_set_label (self->text_label, flat);
      gtk_widget_remove_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }
  else
    {
      gtk_label_set_label (self->text_label, _("No text yet"));
      gtk_widget_add_css_class (GTK_WIDGET (self->text_label), "dim-label");
    }

  if (g_strcmp0 (status, "merged") == 0 && info != NULL && info->list != NULL &&
      nrem_record_get_string (r, "merged_into") != NULL)
    {
      NremRecommendation *into = nrem_recommendation_list_find (info->list, nrem_record_get_string (r, "merged_into"), NULL);
      const NremParagraphInfo *into_info = into != NULL ? nrem_paragraph_info_get (into) : NULL;
      g_autofree char *merged = into_info != NULL && into_info->number[0] != '\0'
                                ? g_strdup_printf (_("Merged into %s"), into_info->number)
                                : g_strdup (nrem_recommendation_status_label (status));

      gtk_label_set_label (self->status_label, merged);
    }
  else
    gtk_label_set_label (self->status_label, nrem_recommendation_status_label (status));
  status_class = g_strdup_printf ("status-%s", status ? status : "draft");
  if (g_strcmp0 (status_class, self->status_class) != 0)
    {
      if (self->status_class != NULL)
        gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), self->status_class);
      gtk_widget_add_css_class (GTK_WIDGET (self->status_label), status_class);
      g_free (self->status_class);
      self->status_class = g_steal_pointer (&status_class);
    }
  if (g_strcmp0 (status, "withdrawn") == 0 || g_strcmp0 (status, "merged") == 0)
    gtk_widget_add_css_class (GTK_WIDGET (self->main_box), "inactive");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->main_box), "inactive");

  if (info != NULL && info->proposer_name != NULL)
    {
      g_autofree char *by = g_strdup_printf (_("Proposed by %s"), info->proposer_name);

      gtk_label_set_label (self->proposer_label, by);
    }
  else
    gtk_label_set_label (self->proposer_label, "");
  gtk_widget_set_visible (self->conflict_box, info != NULL && info->conflict);

  /* what a screen reader says: the row, and the list item that holds it */
  g_free (self->accessible_label);
  self->accessible_label = nrem_paragraph_dup_accessible_label (self->record);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->accessible_label, -1);
  if (gtk_widget_get_parent (GTK_WIDGET (self)) != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_parent (GTK_WIDGET (self))),
                                    GTK_ACCESSIBLE_PROPERTY_LABEL, self->accessible_label, -1);
}

static void
disconnect (NremRecommendationRow *self)
{
  if (self->record != NULL && self->notify_id != 0)
    g_signal_handler_disconnect (self->record, self->notify_id);
  if (self->list != NULL && self->labels_id != 0)
    {
      g_signal_handler_disconnect (self->list, self->labels_id);
      g_object_remove_weak_pointer (G_OBJECT (self->list), &self->list);
    }
  self->notify_id = 0;
  self->labels_id = 0;
  self->list = NULL;
}

/* ------------------------------------------------------------------------------------------
 * Drag and drop
 */

static GdkContentProvider *
on_drag_prepare_cb (NremRecommendationRow *self,
                    double                 x,
                    double                 y,
                    GtkDragSource         *source)
{
  if (self->record == NULL)
    return NULL;
  return gdk_content_provider_new_typed (G_TYPE_STRING,
                                         nrem_record_get_uuid (NREM_RECORD (self->record)));
}

static void
on_drag_begin_cb (NremRecommendationRow *self,
                  GdkDrag               *drag,
                  GtkDragSource         *source)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (self->main_box);

  gtk_drag_source_set_icon (source, paintable, 24, 16);
}

static gboolean
drop_below (NremRecommendationRow *self,
            double                 y)
{
  return y > gtk_widget_get_height (GTK_WIDGET (self)) / 2.0;
}

static GdkDragAction
on_drop_motion_cb (NremRecommendationRow *self,
                   double                 x,
                   double                 y,
                   GtkDropTarget         *target)
{
  gboolean below = drop_below (self, y);

  gtk_widget_remove_css_class (self->main_box, below ? "drop-above" : "drop-below");
  gtk_widget_add_css_class (self->main_box, below ? "drop-below" : "drop-above");
  return GDK_ACTION_MOVE;
}

static void
on_drop_leave_cb (NremRecommendationRow *self,
                  GtkDropTarget         *target)
{
  gtk_widget_remove_css_class (self->main_box, "drop-below");
  gtk_widget_remove_css_class (self->main_box, "drop-above");
}

static gboolean
on_drop_cb (NremRecommendationRow *self,
            const GValue          *value,
            double                 x,
            double                 y,
            GtkDropTarget         *target)
{
  const NremParagraphInfo *info;
  const char *uuid;
  guint to;

  on_drop_leave_cb (self, target);
  if (self->record == NULL || !G_VALUE_HOLDS_STRING (value))
    return FALSE;
  uuid = g_value_get_string (value);
  info = nrem_paragraph_info_get (self->record);
  if (info == NULL || g_strcmp0 (uuid, nrem_record_get_uuid (NREM_RECORD (self->record))) == 0)
    return FALSE;
  to = info->index + (drop_below (self, y) ? 1 : 0);
  return gtk_widget_activate_action (GTK_WIDGET (self), "recommendations.move-to", "(sus)", uuid, to,
                                     nrem_record_get_uuid (NREM_RECORD (self->record)));
}

/* ------------------------------------------------------------------------------------------ */

static void
nrem_recommendation_row_dispose (GObject *object)
{
  NremRecommendationRow *self = (NremRecommendationRow *) object;

  disconnect (self);
  g_clear_object (&self->record);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_RECOMMENDATION_ROW);
  /* the template's unnamed top box */
  for (GtkWidget *child; (child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL;)
    gtk_widget_unparent (child);
  G_OBJECT_CLASS (nrem_recommendation_row_parent_class)->dispose (object);
}

static void
nrem_recommendation_row_finalize (GObject *object)
{
  NremRecommendationRow *self = (NremRecommendationRow *) object;

  g_free (self->accessible_label);
  g_free (self->status_class);
  G_OBJECT_CLASS (nrem_recommendation_row_parent_class)->finalize (object);
}

static void
nrem_recommendation_row_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  NremRecommendationRow *self = NREM_RECOMMENDATION_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_recommendation_row_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  NremRecommendationRow *self = NREM_RECOMMENDATION_ROW (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      nrem_recommendation_row_set_record (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_recommendation_row_root (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (nrem_recommendation_row_parent_class)->root (widget);
  /* now the list item that holds the row can carry its label too */
  update (NREM_RECOMMENDATION_ROW (widget));
}

static void
nrem_recommendation_row_class_init (NremRecommendationRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_recommendation_row_dispose;
  object_class->finalize = nrem_recommendation_row_finalize;
  object_class->get_property = nrem_recommendation_row_get_property;
  object_class->set_property = nrem_recommendation_row_set_property;
  widget_class->root = nrem_recommendation_row_root;

  properties[PROP_RECORD] =
    g_param_spec_object ("record", NULL, NULL, NREM_TYPE_RECOMMENDATION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/recommendations/nrem-recommendation-row.ui");
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationRow, section_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationRow, text_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationRow, status_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationRow, proposer_label);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationRow, conflict_box);
  gtk_widget_class_bind_template_child (widget_class, NremRecommendationRow, main_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
nrem_recommendation_row_init (NremRecommendationRow *self)
{
  GtkDragSource *source;
  GtkDropTarget *target;

  gtk_widget_init_template (GTK_WIDGET (self));

  source = gtk_drag_source_new ();
  gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
  g_signal_connect_swapped (source, "prepare", G_CALLBACK (on_drag_prepare_cb), self);
  g_signal_connect_swapped (source, "drag-begin", G_CALLBACK (on_drag_begin_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (source));

  /* Every row as tall as three lines of text: a list of rows of one height scrolls without
   * GtkListView guessing the heights of rows it has not measured */
  {
    PangoContext *context = gtk_widget_get_pango_context (GTK_WIDGET (self->text_label));
    PangoFontMetrics *metrics = pango_context_get_metrics (context, NULL, NULL);
    int line = pango_font_metrics_get_height (metrics);

    if (line <= 0)
      line = pango_font_metrics_get_ascent (metrics) + pango_font_metrics_get_descent (metrics);
    gtk_widget_set_size_request (GTK_WIDGET (self->text_label), -1, 3 * PANGO_PIXELS_CEIL (line));
    gtk_label_set_yalign (self->text_label, 0);
    pango_font_metrics_unref (metrics);
  }

  target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);
  g_signal_connect_swapped (target, "motion", G_CALLBACK (on_drop_motion_cb), self);
  g_signal_connect_swapped (target, "leave", G_CALLBACK (on_drop_leave_cb), self);
  g_signal_connect_swapped (target, "drop", G_CALLBACK (on_drop_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

GtkWidget *
nrem_recommendation_row_new (void)
{
  return g_object_new (NREM_TYPE_RECOMMENDATION_ROW, NULL);
}

NremRecommendation *
nrem_recommendation_row_get_record (NremRecommendationRow *self)
{
  return self->record;
}

void
nrem_recommendation_row_set_record (NremRecommendationRow *self,
                                    NremRecommendation    *record)
{
  const NremParagraphInfo *info;

  g_return_if_fail (NREM_IS_RECOMMENDATION_ROW (self));

  if (self->record == record)
    return;
  disconnect (self);
  g_set_object (&self->record, record);
  if (record != NULL)
    {
      self->notify_id = g_signal_connect_swapped (record, "notify", G_CALLBACK (update), self);
      info = nrem_paragraph_info_get (record);
      if (info != NULL && info->list != NULL)
        {
          self->list = info->list;
          g_object_add_weak_pointer (G_OBJECT (self->list), &self->list);
          self->labels_id = g_signal_connect_swapped (self->list, "labels-changed", G_CALLBACK (update), self);
        }
      update (self);
    }
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECORD]);
}

const char *
nrem_recommendation_row_get_accessible_label (NremRecommendationRow *self)
{
  return self->accessible_label;
}
