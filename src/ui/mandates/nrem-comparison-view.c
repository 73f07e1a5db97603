/* nrem-comparison-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-comparison-view"

#include "config.h"

#include "mandates/nrem-comparison-view.h"
#include "nrem-comparison-chart.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _NremComparisonView
{
  GtkWidget       parent_instance;

  NremMatrix     *matrix;
  int             measured_width;
  gboolean        stale;          /* a new matrix, not yet shown */
  guint           height_source;

  /* template widgets */
  GtkDrawingArea *chart;
  GtkBox         *numbers_box;
};

G_DEFINE_FINAL_TYPE (NremComparisonView, nrem_comparison_view, GTK_TYPE_WIDGET)

static void
style_from_widget (GtkWidget      *widget,
                   NremChartStyle *style)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  GdkRGBA fg;

  memset (style, 0, sizeof *style);
  gtk_style_context_get_color (context, &fg);
  style->fg[0] = fg.red;
  style->fg[1] = fg.green;
  style->fg[2] = fg.blue;
  style->fg[3] = fg.alpha;
  memcpy (style->dim, style->fg, sizeof style->dim);
  style->dim[3] *= 0.7;
  style->bg[3] = 0;
  style->dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  style->title = FALSE;
  style->font = NULL;
}

static char *
widget_font (GtkWidget *widget)
{
  PangoContext *context = gtk_widget_get_pango_context (widget);
  PangoFontDescription *desc = pango_context_get_font_description (context);

  return desc != NULL ? pango_font_description_to_string (desc) : NULL;
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  NremComparisonView *self = user_data;
  NremChartStyle style;
  g_autofree char *font = widget_font (GTK_WIDGET (area));

  if (self->matrix == NULL)
    return;
  style_from_widget (GTK_WIDGET (area), &style);
  style.font = font;
  nrem_comparison_chart_draw (self->matrix, cr, width, &style);
}

static void
update_height (NremComparisonView *self,
               int                 width)
{
  NremChartStyle style;
  g_autofree char *font = widget_font (GTK_WIDGET (self->chart));

  if (self->matrix == NULL || width <= 0)
    return;
  style_from_widget (GTK_WIDGET (self->chart), &style);
  style.font = font;
  self->measured_width = width;
  gtk_drawing_area_set_content_height (self->chart,
                                       (int) nrem_comparison_chart_measure (self->matrix, width, &style) + 1);
}

static gboolean
update_height_idle_cb (gpointer user_data)
{
  NremComparisonView *self = user_data;

  self->height_source = 0;
  update_height (self, gtk_widget_get_width (GTK_WIDGET (self->chart)));
  return G_SOURCE_REMOVE;
}

/* The height follows the width; a new height is asked for after this allocation ends. */
static void
on_chart_resize_cb (GtkDrawingArea     *area,
                    int                 width,
                    int                 height,
                    NremComparisonView *self)
{
  if (width != self->measured_width && self->height_source == 0)
    self->height_source = g_idle_add (update_height_idle_cb, self);
}

static void
rebuild_numbers (NremComparisonView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->numbers_box))) != NULL)
    gtk_box_remove (self->numbers_box, child);
  if (self->matrix == NULL)
    return;
  for (guint d = 0; d < nrem_matrix_get_n_dimensions (self->matrix); d++)
    {
      g_autofree char *text = nrem_matrix_share_describe (self->matrix, d);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (self->numbers_box, label);
    }
}

static void
refresh (NremComparisonView *self)
{
  self->stale = FALSE;
  rebuild_numbers (self);
  self->measured_width = 0;
  update_height (self, gtk_widget_get_width (GTK_WIDGET (self->chart)));
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
on_map_cb (NremComparisonView *self)
{
  if (self->stale)
    refresh (self);
}

static void
on_dark_changed_cb (NremComparisonView *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self->chart));
}

static void
nrem_comparison_view_dispose (GObject *object)
{
  NremComparisonView *self = NREM_COMPARISON_VIEW (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed_cb, self);
  g_clear_handle_id (&self->height_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_COMPARISON_VIEW);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  G_OBJECT_CLASS (nrem_comparison_view_parent_class)->dispose (object);
}

static void
nrem_comparison_view_class_init (NremComparisonViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_comparison_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/mandates/nrem-comparison-view.ui");
  gtk_widget_class_bind_template_child (widget_class, NremComparisonView, chart);
  gtk_widget_class_bind_template_child (widget_class, NremComparisonView, numbers_box);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nrem_comparison_view_init (NremComparisonView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->chart, draw_chart_cb, self, NULL);
  g_signal_connect (self->chart, "resize", G_CALLBACK (on_chart_resize_cb), self);
  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);
  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed_cb), self);
}

GtkWidget *
nrem_comparison_view_new (void)
{
  return g_object_new (NREM_TYPE_COMPARISON_VIEW, NULL);
}

void
nrem_comparison_view_set_matrix (NremComparisonView *self,
                                 NremMatrix         *matrix)
{
  g_return_if_fail (NREM_IS_COMPARISON_VIEW (self));

  if (matrix != NULL)
    nrem_matrix_ref (matrix);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  self->matrix = matrix;
  /* the numbers and the chart's height are worked out when the view is shown */
  self->stale = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    refresh (self);
}

GtkWidget *
nrem_comparison_view_get_chart (NremComparisonView *self)
{
  return GTK_WIDGET (self->chart);
}

guint
nrem_comparison_view_get_n_numbers (NremComparisonView *self)
{
  guint n = 0;

  if (self->stale)
    refresh (self);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->numbers_box));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    n++;
  return n;
}
