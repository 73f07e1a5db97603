/* nrem-side-by-side.c
 *
 * Two or more mechanisms side by side: one column each, one line per dimension; the lines
 * where their values differ are highlighted and marked "≠" (not by colour alone), and can be
 * shown alone.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-side-by-side"

#include "config.h"

#include "mandates/nrem-side-by-side.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _NremSideBySide
{
  GtkWidget       parent_instance;

  NremMatrix     *matrix;
  GArray         *mechanisms;   /* int */

  GtkStack       *stack;
  GtkWidget      *empty_page;
  GtkGrid        *grid;
  GtkCheckButton *only_differences;
  GtkLabel       *summary_label;
};

G_DEFINE_FINAL_TYPE (NremSideBySide, nrem_side_by_side, GTK_TYPE_WIDGET)

static GtkWidget *
cell_label (const char *text,
            gboolean    differs,
            gboolean    heading)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 28);
  gtk_label_set_width_chars (GTK_LABEL (label), 16);
  gtk_label_set_selectable (GTK_LABEL (label), FALSE);
  gtk_widget_add_css_class (label, "nrem-sbs-cell");
  if (differs)
    gtk_widget_add_css_class (label, "nrem-differs");
  if (heading)
    gtk_widget_add_css_class (label, "heading");
  return label;
}

static void
rebuild (NremSideBySide *self)
{
  GtkWidget *child;
  int row = 0;
  int last_group = -1;
  guint n = self->mechanisms->len;
  guint n_differ = 0;
  gboolean only = gtk_check_button_get_active (self->only_differences);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->grid))) != NULL)
    gtk_grid_remove (self->grid, child);

  if (self->matrix == NULL || n < 2)
    {
      gtk_stack_set_visible_child (self->stack, self->empty_page);
      return;
    }
  gtk_stack_set_visible_child_name (self->stack, "table");

  gtk_grid_attach (self->grid, cell_label (_("Dimension"), FALSE, TRUE), 0, row, 1, 1);
  for (guint i = 0; i < n; i++)
    {
      const NremMatrixMechanism *m = nrem_matrix_get_mechanism (self->matrix,
                                                                (guint) g_array_index (self->mechanisms, int, i));
      g_autofree char *title = nrem_matrix_mechanism_title (m);
      g_autofree char *text = g_strdup_printf ("%s\n%s", title, nrem_matrix_type_label (m->type));

      gtk_grid_attach (self->grid, cell_label (text, FALSE, TRUE), (int) i + 1, row, 1, 1);
    }
  row++;

  for (guint d = 0; d < nrem_matrix_get_n_dimensions (self->matrix); d++)
    {
      const NremMatrixDimension *dim = nrem_matrix_get_dimension (self->matrix, d);
      gboolean differs = nrem_matrix_row_differs (self->matrix, (const int *) self->mechanisms->data, n, d);
      g_autofree char *label = NULL;
      g_autofree char *accessible = NULL;
      GtkWidget *head;

      n_differ += differs;
      if (only && !differs)
        continue;
      if (dim->group != last_group)
        {
          GtkWidget *group = cell_label (nrem_matrix_group_label (dim->group), FALSE, TRUE);

          gtk_widget_add_css_class (group, "nrem-sbs-group");
          gtk_grid_attach (self->grid, group, 0, row++, (int) n + 1, 1);
          last_group = dim->group;
        }
      /* Translators: marks a dimension where the mechanisms differ */
      label = differs ? g_strdup_printf (_("≠ %s"), dim->label) : g_strdup (dim->label);
      head = cell_label (label, differs, FALSE);
      if (differs)
        {
          accessible = g_strdup_printf (_("%s (the mechanisms differ)"), dim->label);
          gtk_accessible_update_property (GTK_ACCESSIBLE (head), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible, -1);
        }
      gtk_grid_attach (self->grid, head, 0, row, 1, 1);
      for (guint i = 0; i < n; i++)
        {
          int m = g_array_index (self->mechanisms, int, i);
          const NremMatrixCell *cell = nrem_matrix_get_cell (self->matrix, (guint) m, d);
          g_autofree char *value = nrem_matrix_value_label (dim, cell->value);

          gtk_grid_attach (self->grid,
                           cell_label (value[0] != '\0' ? value : _("Not assessed"), differs, FALSE),
                           (int) i + 1, row, 1, 1);
        }
      row++;
    }

  {
    g_autofree char *summary = g_strdup_printf (ngettext ("%u mechanisms differ in %u dimension.",
                                                          "%u mechanisms differ in %u dimensions.",
                                                          n_differ),
                                                n, n_differ);

    gtk_label_set_text (self->summary_label, summary);
  }
}

static void
nrem_side_by_side_dispose (GObject *object)
{
  NremSideBySide *self = NREM_SIDE_BY_SIDE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  g_clear_pointer (&self->mechanisms, g_array_unref);
  G_OBJECT_CLASS (nrem_side_by_side_parent_class)->dispose (object);
}

static void
nrem_side_by_side_class_init (NremSideBySideClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_side_by_side_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
nrem_side_by_side_init (NremSideBySide *self)
{
  GtkWidget *status, *scrolled, *box, *bar;

  self->mechanisms = g_array_new (FALSE, FALSE, sizeof (int));

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->stack), GTK_WIDGET (self));

  status = adw_status_page_new ();
  adw_status_page_set_icon_name (ADW_STATUS_PAGE (status), "view-dual-symbolic");
  adw_status_page_set_title (ADW_STATUS_PAGE (status), _("Pick Two or More Mechanisms"));
  adw_status_page_set_description (ADW_STATUS_PAGE (status),
                                   _("In the matrix, tick the box beside a mechanism’s name, or press Space on its row. The picked mechanisms appear here side by side, with their differences highlighted."));
  self->empty_page = status;
  gtk_stack_add_named (self->stack, status, "empty");

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 8);
  gtk_widget_set_margin_bottom (bar, 8);
  self->summary_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary_label, 0);
  gtk_label_set_wrap (self->summary_label, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary_label), TRUE);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary_label));
  self->only_differences = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("Only _differences")));
  g_signal_connect_swapped (self->only_differences, "toggled", G_CALLBACK (rebuild), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->only_differences));
  gtk_box_append (GTK_BOX (box), bar);
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  scrolled = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scrolled, TRUE);
  self->grid = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_column_spacing (self->grid, 0);
  gtk_grid_set_row_spacing (self->grid, 0);
  gtk_widget_set_margin_start (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_end (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_top (GTK_WIDGET (self->grid), 6);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->grid), 12);
  gtk_widget_add_css_class (GTK_WIDGET (self->grid), "nrem-side-by-side");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->grid), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Mechanisms side by side"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->grid));
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_stack_add_named (self->stack, box, "table");
  gtk_stack_set_visible_child (self->stack, status);
}

GtkWidget *
nrem_side_by_side_new (void)
{
  return g_object_new (NREM_TYPE_SIDE_BY_SIDE, NULL);
}

/**
 * nrem_side_by_side_set:
 * @picked: (element-type utf8): uuids of the mechanisms to show, in order
 */
void
nrem_side_by_side_set (NremSideBySide *self,
                       NremMatrix     *matrix,
                       GPtrArray      *picked)
{
  g_return_if_fail (NREM_IS_SIDE_BY_SIDE (self));

  if (matrix != NULL)
    nrem_matrix_ref (matrix);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  self->matrix = matrix;
  g_array_set_size (self->mechanisms, 0);
  for (guint i = 0; matrix != NULL && picked != NULL && i < picked->len; i++)
    {
      int m = nrem_matrix_find_mechanism (matrix, g_ptr_array_index (picked, i));

      if (m >= 0)
        g_array_append_val (self->mechanisms, m);
    }
  rebuild (self);
}

guint
nrem_side_by_side_count_differences (NremSideBySide *self)
{
  guint n = 0;

  if (self->matrix == NULL || self->mechanisms->len < 2)
    return 0;
  for (guint d = 0; d < nrem_matrix_get_n_dimensions (self->matrix); d++)
    n += nrem_matrix_row_differs (self->matrix, (const int *) self->mechanisms->data,
                                  self->mechanisms->len, d);
  return n;
}
