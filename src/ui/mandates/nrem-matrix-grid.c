/* nrem-matrix-grid.c
 *
 * Drawing: one snapshot per frame of the rows and columns in view only — a colour node, a
 * text node and at most a dot per cell. Pango layouts are cached by their text, so that a
 * frame of scrolling creates none (the values of a dimension repeat). Row heights are
 * uniform, so that the rows in view follow from the scroll offset by a division.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-matrix-grid"

#include "config.h"

#include "mandates/nrem-matrix-grid.h"
#include "nrem-comparison-chart.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#define ROW_H 44
#define COL_W 116
#define NAME_W_WIDE 290
#define NAME_W_NARROW 170
#define GROUP_H 24
#define CELL_PAD 3
#define PICK_SIZE 16

struct _NremMatrixGrid
{
  GtkWidget         parent_instance;

  NremMatrix       *matrix;
  NremMatrixView   *view;
  NremMatrixFilter  filter;
  char             *filter_region;
  char             *filter_search;

  GtkAdjustment    *hadjustment;
  GtkAdjustment    *vadjustment;
  guint             hscroll_policy : 1;
  guint             pending_scroll : 1;
  guint             vscroll_policy : 1;

  int               cursor_row;       /* index into view->rows */
  int               cursor_col;       /* index into view->columns; -1: the name column */
  GHashTable       *picked;           /* mechanism uuid → itself */

  int               name_w;
  int               header_h;
  GHashTable       *layouts;          /* "kind\x1ftext" → PangoLayout */
};

static void nrem_matrix_grid_scrollable_init (GtkScrollableInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (NremMatrixGrid, nrem_matrix_grid, GTK_TYPE_WIDGET,
                               G_IMPLEMENT_INTERFACE (GTK_TYPE_SCROLLABLE, nrem_matrix_grid_scrollable_init))

enum {
  PROP_0,
  PROP_HADJUSTMENT,
  PROP_VADJUSTMENT,
  PROP_HSCROLL_POLICY,
  PROP_VSCROLL_POLICY,
  N_PROPS
};

enum {
  CURSOR_CHANGED,
  ACTIVATE_CELL,
  ACTIVATE_MECHANISM,
  PICKED_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

typedef enum
{
  TEXT_CELL,       /* a value in a cell, small */
  TEXT_NAME,       /* a mechanism's name, bold */
  TEXT_SUB,        /* country · type under the name */
  TEXT_HEAD,       /* a dimension's label, wrapped */
  TEXT_GROUP,      /* a group heading */
  TEXT_HEADING,    /* a heading row of the view */
} TextKind;

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static int
n_rows (NremMatrixGrid *self)
{
  return self->view != NULL ? (int) self->view->rows->len : 0;
}

static int
n_cols (NremMatrixGrid *self)
{
  return self->view != NULL ? (int) self->view->columns->len : 0;
}

static const NremMatrixViewRow *
view_row (NremMatrixGrid *self,
          int             row)
{
  return &g_array_index (self->view->rows, NremMatrixViewRow, row);
}

static int
view_col (NremMatrixGrid *self,
          int             col)
{
  return g_array_index (self->view->columns, int, col);
}

static gboolean
row_is_mechanism (NremMatrixGrid *self,
                  int             row)
{
  return row >= 0 && row < n_rows (self) && view_row (self, row)->mechanism >= 0;
}

static double
hvalue (NremMatrixGrid *self)
{
  return self->hadjustment ? gtk_adjustment_get_value (self->hadjustment) : 0;
}

static double
vvalue (NremMatrixGrid *self)
{
  return self->vadjustment ? gtk_adjustment_get_value (self->vadjustment) : 0;
}

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              const char *fallback,
              GdkRGBA    *out)
{
  GtkStyleContext *context = gtk_widget_get_style_context (widget);

  if (!gtk_style_context_lookup_color (context, name, out))
    gdk_rgba_parse (out, fallback);
}

static gboolean
is_dark (void)
{
  return adw_style_manager_get_dark (adw_style_manager_get_default ());
}

static PangoLayout *
get_layout (NremMatrixGrid *self,
            TextKind        kind,
            const char     *text)
{
  g_autofree char *key = g_strdup_printf ("%d\x1f%s", kind, text);
  PangoLayout *layout = g_hash_table_lookup (self->layouts, key);
  PangoAttrList *attrs;

  if (layout != NULL)
    return layout;

  layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text);
  attrs = pango_attr_list_new ();
  switch (kind)
    {
    case TEXT_CELL:
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.88));
      pango_layout_set_width (layout, (COL_W - 2 * CELL_PAD - 10) * PANGO_SCALE);
      pango_layout_set_height (layout, -2);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      break;
    case TEXT_NAME:
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
      pango_layout_set_width (layout, (self->name_w - PICK_SIZE - 28) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      break;
    case TEXT_SUB:
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_layout_set_width (layout, (self->name_w - PICK_SIZE - 28) * PANGO_SCALE);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      break;
    case TEXT_HEAD:
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.85));
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_SEMIBOLD));
      pango_layout_set_width (layout, (COL_W - 10) * PANGO_SCALE);
      pango_layout_set_height (layout, -3);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      break;
    case TEXT_GROUP:
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_attr_list_insert (attrs, pango_attr_scale_new (0.9));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      break;
    case TEXT_HEADING:
    default:
      pango_attr_list_insert (attrs, pango_attr_weight_new (PANGO_WEIGHT_BOLD));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      break;
    }
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  g_hash_table_insert (self->layouts, g_steal_pointer (&key), layout);
  return layout;
}

static void
clear_layouts (NremMatrixGrid *self)
{
  g_hash_table_remove_all (self->layouts);
}

static const char *
level_symbol (NremLevel level)
{
  switch (level)
    {
    case NREM_LEVEL_YES: return "✓";
    case NREM_LEVEL_PARTIAL: return "◐";
    case NREM_LEVEL_NO: return "✗";
    case NREM_LEVEL_UNKNOWN: return "?";
    case NREM_LEVEL_NEUTRAL: return "¶";
    case NREM_LEVEL_EMPTY:
    case NREM_N_LEVELS:
    default: return "";
    }
}

/* The words a cell shows: a symbol for the level, then the value ("✓ By law"). */
static char *
cell_text (NremMatrixGrid            *self,
           const NremMatrixDimension *dimension,
           const NremMatrixCell      *cell)
{
  g_autofree char *label = NULL;
  const char *symbol;

  if (cell->value == NULL)
    return g_strdup ("—");
  label = nrem_matrix_value_label (dimension, cell->value);
  if (dimension->value_type == NREM_VALUE_TEXT)
    {
      char *newline = strchr (label, '\n');

      if (newline != NULL)
        *newline = '\0';
      return g_strdup_printf ("¶ %s", label);
    }
  symbol = level_symbol ((NremLevel) cell->level);
  if (symbol[0] == '\0' || (NremLevel) cell->level == NREM_LEVEL_NEUTRAL)
    return g_steal_pointer (&label);
  return g_strdup_printf ("%s %s", symbol, label);
}

static void
notify_accessible (NremMatrixGrid *self)
{
  g_autofree char *description = nrem_matrix_grid_dup_cursor_description (self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  description != NULL ? description : _("Mandate matrix"),
                                  -1);
}

static void
configure_adjustments (NremMatrixGrid *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self));
  double content_w = (double) n_cols (self) * COL_W;
  double content_h = (double) n_rows (self) * ROW_H;
  double page_w = MAX (0, width - self->name_w);
  double page_h = MAX (0, height - self->header_h);

  if (self->hadjustment != NULL)
    gtk_adjustment_configure (self->hadjustment,
                              CLAMP (hvalue (self), 0, MAX (0, content_w - page_w)),
                              0, MAX (content_w, page_w), COL_W * 0.5, page_w * 0.9, page_w);
  if (self->vadjustment != NULL)
    gtk_adjustment_configure (self->vadjustment,
                              CLAMP (vvalue (self), 0, MAX (0, content_h - page_h)),
                              0, MAX (content_h, page_h), ROW_H, MAX (ROW_H, page_h - ROW_H), page_h);
}

static void
scroll_to_cursor (NremMatrixGrid *self)
{
  /* before the first allocation the page sizes are unknown: scroll then */
  self->pending_scroll = gtk_widget_get_width (GTK_WIDGET (self)) == 0;
  if (self->vadjustment != NULL && self->cursor_row >= 0 &&
      gtk_adjustment_get_page_size (self->vadjustment) > 0)
    {
      double top = (double) self->cursor_row * ROW_H;
      double page = gtk_adjustment_get_page_size (self->vadjustment);
      double v = vvalue (self);

      /* keep the heading row above the first mechanism of a group in view */
      if (self->cursor_row > 0 && !row_is_mechanism (self, self->cursor_row - 1))
        top -= ROW_H;
      if (top < v)
        gtk_adjustment_set_value (self->vadjustment, top);
      else if ((double) (self->cursor_row + 1) * ROW_H > v + page)
        gtk_adjustment_set_value (self->vadjustment, (double) (self->cursor_row + 1) * ROW_H - page);
    }
  if (self->hadjustment != NULL && self->cursor_col >= 0 &&
      gtk_adjustment_get_page_size (self->hadjustment) > 0)
    {
      double left = (double) self->cursor_col * COL_W;
      double page = gtk_adjustment_get_page_size (self->hadjustment);
      double h = hvalue (self);

      if (left < h)
        gtk_adjustment_set_value (self->hadjustment, left);
      else if (left + COL_W > h + page)
        gtk_adjustment_set_value (self->hadjustment, left + COL_W - page);
    }
}

static void
cursor_changed (NremMatrixGrid *self)
{
  scroll_to_cursor (self);
  notify_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

static int
first_mechanism_row (NremMatrixGrid *self,
                     int             from,
                     int             step)
{
  for (int r = from; r >= 0 && r < n_rows (self); r += step)
    if (row_is_mechanism (self, r))
      return r;
  return -1;
}

static void
rebuild_view (NremMatrixGrid *self)
{
  int keep_mechanism = -1, keep_dimension = -1;

  if (self->view != NULL && row_is_mechanism (self, self->cursor_row))
    keep_mechanism = view_row (self, self->cursor_row)->mechanism;
  if (self->view != NULL && self->cursor_col >= 0 && self->cursor_col < n_cols (self))
    keep_dimension = view_col (self, self->cursor_col);

  g_clear_pointer (&self->view, nrem_matrix_view_free);
  if (self->matrix != NULL)
    self->view = nrem_matrix_view_new (self->matrix, &self->filter);

  self->cursor_row = -1;
  self->cursor_col = -1;
  if (self->view != NULL)
    {
      if (keep_mechanism >= 0)
        self->cursor_row = nrem_matrix_view_find_row (self->view, keep_mechanism);
      if (self->cursor_row < 0)
        self->cursor_row = first_mechanism_row (self, 0, 1);
      for (int c = 0; keep_dimension >= 0 && c < n_cols (self); c++)
        if (view_col (self, c) == keep_dimension)
          self->cursor_col = c;
      if (self->cursor_col < 0 && keep_dimension >= 0 && n_cols (self) > 0)
        self->cursor_col = 0;
    }
  configure_adjustments (self);
  notify_accessible (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  g_signal_emit (self, signals[CURSOR_CHANGED], 0);
}

/* ------------------------------------------------------------------------------------------
 * Hit testing
 */

static gboolean
hit_test (NremMatrixGrid *self,
          double          x,
          double          y,
          int            *row,
          int            *col,
          gboolean       *in_header)
{
  *in_header = y < self->header_h;
  *row = -1;
  *col = -2;
  if (x < self->name_w)
    *col = -1;
  else
    {
      int c = (int) ((x - self->name_w + hvalue (self)) / COL_W);

      if (c >= 0 && c < n_cols (self))
        *col = c;
    }
  if (!*in_header)
    {
      int r = (int) ((y - self->header_h + vvalue (self)) / ROW_H);

      if (r >= 0 && r < n_rows (self))
        *row = r;
    }
  return *col >= -1;
}

/* ------------------------------------------------------------------------------------------
 * Callbacks
 */

static void
on_adjustment_value_changed_cb (GtkAdjustment  *adjustment,
                                NremMatrixGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
on_click_pressed_cb (GtkGestureClick *gesture,
                     int              n_press,
                     double           x,
                     double           y,
                     NremMatrixGrid  *self)
{
  int row, col;
  gboolean in_header;
  gboolean was_cursor;

  gtk_widget_grab_focus (GTK_WIDGET (self));
  if (!hit_test (self, x, y, &row, &col, &in_header) || in_header)
    {
      /* a click on a column heading moves the cursor to that column */
      if (in_header && col >= 0)
        {
          self->cursor_col = col;
          cursor_changed (self);
        }
      return;
    }
  if (!row_is_mechanism (self, row))
    return;

  was_cursor = row == self->cursor_row && col == self->cursor_col;
  self->cursor_row = row;
  self->cursor_col = col;
  cursor_changed (self);

  if (col < 0 && x >= 8 && x <= 8 + PICK_SIZE + 4)
    {
      nrem_matrix_grid_toggle_picked (self, view_row (self, row)->mechanism);
      return;
    }
  if (n_press == 2 || (n_press == 1 && was_cursor))
    gtk_widget_activate_action (GTK_WIDGET (self), "matrix.activate", NULL);
}

static gboolean
move_binding_cb (GtkWidget *widget,
                 GVariant  *args,
                 gpointer   user_data)
{
  int dr, dc;

  g_variant_get (args, "(ii)", &dr, &dc);
  nrem_matrix_grid_move_cursor (NREM_MATRIX_GRID (widget), dr, dc);
  return TRUE;
}

static void
move_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);

  if (g_str_equal (action_name, "matrix.move-up"))
    nrem_matrix_grid_move_cursor (self, -1, 0);
  else if (g_str_equal (action_name, "matrix.move-down"))
    nrem_matrix_grid_move_cursor (self, 1, 0);
  else if (g_str_equal (action_name, "matrix.move-left"))
    nrem_matrix_grid_move_cursor (self, 0, -1);
  else if (g_str_equal (action_name, "matrix.move-right"))
    nrem_matrix_grid_move_cursor (self, 0, 1);
}

static void
activate_action_cb (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);
  int mechanism, dimension;

  if (!nrem_matrix_grid_get_cursor (self, &mechanism, &dimension))
    return;
  if (dimension < 0)
    g_signal_emit (self, signals[ACTIVATE_MECHANISM], 0, mechanism);
  else
    g_signal_emit (self, signals[ACTIVATE_CELL], 0, mechanism, dimension);
}

static void
open_mechanism_action_cb (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);
  int mechanism, dimension;

  if (nrem_matrix_grid_get_cursor (self, &mechanism, &dimension))
    g_signal_emit (self, signals[ACTIVATE_MECHANISM], 0, mechanism);
}

static void
toggle_pick_action_cb (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);
  int mechanism, dimension;

  if (nrem_matrix_grid_get_cursor (self, &mechanism, &dimension))
    nrem_matrix_grid_toggle_picked (self, mechanism);
}

static void
on_dark_changed_cb (NremMatrixGrid *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/* ------------------------------------------------------------------------------------------
 * Drawing
 */

static void
append_text (GtkSnapshot   *snapshot,
             PangoLayout   *layout,
             double         x,
             double         y,
             const GdkRGBA *color)
{
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT ((float) x, (float) y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static void
append_frame (GtkSnapshot           *snapshot,
              const graphene_rect_t *rect,
              float                  width,
              float                  radius,
              const GdkRGBA         *color)
{
  GskRoundedRect rr;
  float widths[4] = { width, width, width, width };
  GdkRGBA colors[4] = { *color, *color, *color, *color };

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_append_border (snapshot, &rr, widths, colors);
}

static void
append_rounded (GtkSnapshot           *snapshot,
                const graphene_rect_t *rect,
                float                  radius,
                const GdkRGBA         *color)
{
  GskRoundedRect rr;

  gsk_rounded_rect_init_from_rect (&rr, rect, radius);
  gtk_snapshot_push_rounded_clip (snapshot, &rr);
  gtk_snapshot_append_color (snapshot, color, rect);
  gtk_snapshot_pop (snapshot);
}

static void
rgba_from (const double in[4],
           GdkRGBA     *out)
{
  out->red = (float) in[0];
  out->green = (float) in[1];
  out->blue = (float) in[2];
  out->alpha = (float) in[3];
}

static void
draw_cell (NremMatrixGrid *self,
           GtkSnapshot    *snapshot,
           int             mechanism,
           int             dimension,
           double          x,
           double          y,
           const GdkRGBA  *fg,
           const GdkRGBA  *dim_fg,
           gboolean        dark)
{
  const NremMatrixDimension *d = nrem_matrix_get_dimension (self->matrix, (guint) dimension);
  const NremMatrixCell *cell = nrem_matrix_get_cell (self->matrix, (guint) mechanism, (guint) dimension);
  graphene_rect_t rect = GRAPHENE_RECT_INIT ((float) x + CELL_PAD, (float) y + CELL_PAD,
                                             COL_W - 2 * CELL_PAD, ROW_H - 2 * CELL_PAD);
  g_autofree char *text = cell_text (self, d, cell);
  PangoLayout *layout = get_layout (self, TEXT_CELL, text);
  NremLevel level = (NremLevel) cell->level;
  int tw, th;

  if (level != NREM_LEVEL_EMPTY)
    {
      double tint[4];
      GdkRGBA color;

      nrem_level_color (level, dark, FALSE, tint);
      rgba_from (tint, &color);
      append_rounded (snapshot, &rect, 5, &color);
    }

  pango_layout_get_pixel_size (layout, &tw, &th);
  append_text (snapshot, layout, x + CELL_PAD + 6, y + (ROW_H - th) / 2.0,
               level == NREM_LEVEL_EMPTY ? dim_fg : fg);

  /* a mark when the cell has a note or a source */
  if (cell->note != NULL || cell->source != NULL)
    {
      graphene_rect_t dot = GRAPHENE_RECT_INIT ((float) (x + COL_W - CELL_PAD - 9),
                                                (float) (y + CELL_PAD + 3), 6, 6);

      append_rounded (snapshot, &dot, 3, fg);
    }
}

static void
draw_name_cell (NremMatrixGrid *self,
                GtkSnapshot    *snapshot,
                int             mechanism,
                double          y,
                const GdkRGBA  *fg,
                const GdkRGBA  *dim_fg,
                const GdkRGBA  *accent)
{
  const NremMatrixMechanism *m = nrem_matrix_get_mechanism (self->matrix, (guint) mechanism);
  g_autofree char *sub = NULL;
  PangoLayout *name, *subl;
  gboolean picked = g_hash_table_contains (self->picked, m->uuid);
  graphene_rect_t box = GRAPHENE_RECT_INIT (10, (float) (y + (ROW_H - PICK_SIZE) / 2.0),
                                            PICK_SIZE, PICK_SIZE);
  int nh, sh;
  double tx = 10 + PICK_SIZE + 10;

  if (m->reference)
    sub = g_strdup_printf (_("Reference profile · %s"), nrem_matrix_type_label (m->type));
  else
    sub = g_strdup_printf ("%s · %s", m->country_name != NULL ? m->country_name : _("No country"),
                           nrem_matrix_type_label (m->type));

  name = get_layout (self, TEXT_NAME, m->name);
  subl = get_layout (self, TEXT_SUB, sub);
  pango_layout_get_pixel_size (name, NULL, &nh);
  pango_layout_get_pixel_size (subl, NULL, &sh);
  append_text (snapshot, name, tx, y + (ROW_H - nh - sh) / 2.0, fg);
  append_text (snapshot, subl, tx, y + (ROW_H - nh - sh) / 2.0 + nh, dim_fg);

  /* the box that picks the mechanism for the side-by-side comparison */
  if (picked)
    {
      PangoLayout *check = get_layout (self, TEXT_SUB, "✓");
      GdkRGBA white = { 1, 1, 1, 1 };
      int cw, ch;

      append_rounded (snapshot, &box, 4, accent);
      pango_layout_get_pixel_size (check, &cw, &ch);
      append_text (snapshot, check, box.origin.x + (PICK_SIZE - cw) / 2.0,
                   box.origin.y + (PICK_SIZE - ch) / 2.0, &white);
    }
  else
    {
      GdkRGBA border = *dim_fg;

      border.alpha *= 0.7f;
      append_frame (snapshot, &box, 1.5f, 4, &border);
    }
}

static void
nrem_matrix_grid_snapshot (GtkWidget   *widget,
                           GtkSnapshot *snapshot)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GtkStyleContext *context = gtk_widget_get_style_context (widget);
  gboolean dark = is_dark ();
  gboolean focused = gtk_widget_has_focus (widget);
  GdkRGBA fg, dim_fg, accent, rule, header_bg, ref_bg, heading_bg, row_hl, view_bg;
  double h = hvalue (self), v = vvalue (self);
  int r0, r1, c0, c1;

  if (self->view == NULL)
    return;

  gtk_style_context_get_color (context, &fg);
  dim_fg = fg;
  dim_fg.alpha *= 0.62f;
  lookup_color (widget, "accent_bg_color", "#3584e4", &accent);
  lookup_color (widget, "view_bg_color", dark ? "#1e1e1e" : "#ffffff", &view_bg);
  rule = fg;
  rule.alpha = 0.12f;
  lookup_color (widget, "headerbar_shade_color", "rgba(0,0,0,0.07)", &header_bg);
  header_bg = view_bg;
  ref_bg = accent;
  ref_bg.alpha = 0.08f;
  heading_bg = fg;
  heading_bg.alpha = 0.05f;
  row_hl = accent;
  row_hl.alpha = 0.07f;

  r0 = MAX (0, (int) (v / ROW_H));
  r1 = MIN (n_rows (self), (int) ((v + height - self->header_h) / ROW_H) + 1);
  c0 = MAX (0, (int) (h / COL_W));
  c1 = MIN (n_cols (self), (int) ((h + width - self->name_w) / COL_W) + 1);

  /* the body: cells in view */
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, (float) self->header_h,
                                                         (float) width, (float) MAX (0, height - self->header_h)));
  for (int r = r0; r < r1; r++)
    {
      const NremMatrixViewRow *vr = view_row (self, r);
      double y = self->header_h + (double) r * ROW_H - v;

      if (vr->mechanism < 0)
        {
          PangoLayout *layout = get_layout (self, TEXT_HEADING, vr->heading);
          int th;

          gtk_snapshot_append_color (snapshot, &heading_bg,
                                     &GRAPHENE_RECT_INIT (0, (float) y, (float) width, ROW_H));
          pango_layout_get_pixel_size (layout, NULL, &th);
          append_text (snapshot, layout, 12, y + (ROW_H - th) / 2.0, &fg);
          continue;
        }

      if (nrem_matrix_get_mechanism (self->matrix, (guint) vr->mechanism)->reference)
        gtk_snapshot_append_color (snapshot, &ref_bg,
                                   &GRAPHENE_RECT_INIT (0, (float) y, (float) width, ROW_H));
      if (r == self->cursor_row)
        gtk_snapshot_append_color (snapshot, &row_hl,
                                   &GRAPHENE_RECT_INIT (0, (float) y, (float) width, ROW_H));

      gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_w, (float) y,
                                                             (float) MAX (0, width - self->name_w), ROW_H));
      for (int c = c0; c < c1; c++)
        draw_cell (self, snapshot, vr->mechanism, view_col (self, c),
                   self->name_w + (double) c * COL_W - h, y, &fg, &dim_fg, dark);
      gtk_snapshot_pop (snapshot);

      draw_name_cell (self, snapshot, vr->mechanism, y, &fg, &dim_fg, &accent);
      gtk_snapshot_append_color (snapshot, &rule,
                                 &GRAPHENE_RECT_INIT (0, (float) (y + ROW_H - 1), (float) width, 1));
    }

  /* the cursor */
  if (row_is_mechanism (self, self->cursor_row) && self->cursor_row >= r0 && self->cursor_row < r1)
    {
      double y = self->header_h + (double) self->cursor_row * ROW_H - v;
      graphene_rect_t rect;
      GdkRGBA ring = accent;

      if (!focused)
        ring.alpha = 0.5f;
      if (self->cursor_col < 0)
        rect = GRAPHENE_RECT_INIT (2, (float) y + 1, (float) self->name_w - 4, ROW_H - 2);
      else
        rect = GRAPHENE_RECT_INIT ((float) (self->name_w + (double) self->cursor_col * COL_W - h + 1),
                                   (float) y + 1, COL_W - 2, ROW_H - 2);
      if (self->cursor_col < 0 || rect.origin.x >= self->name_w - 2)
        append_frame (snapshot, &rect, focused ? 2.5f : 1.5f, 6, &ring);
    }
  gtk_snapshot_pop (snapshot);

  /* the frozen column's edge */
  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT ((float) self->name_w - 1, 0, 1, (float) height));

  /* the header: group headings and dimension labels, scrolled sideways only */
  gtk_snapshot_append_color (snapshot, &header_bg,
                             &GRAPHENE_RECT_INIT (0, 0, (float) width, (float) self->header_h));
  gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT ((float) self->name_w, 0,
                                                         (float) MAX (0, width - self->name_w),
                                                         (float) self->header_h));
  for (int c = c0; c < c1; c++)
    {
      int d = view_col (self, c);
      const NremMatrixDimension *dim = nrem_matrix_get_dimension (self->matrix, (guint) d);
      double x = self->name_w + (double) c * COL_W - h;
      PangoLayout *layout = get_layout (self, TEXT_HEAD, dim->label);
      gboolean group_start = c == 0 ||
        nrem_matrix_get_dimension (self->matrix, (guint) view_col (self, c - 1))->group != dim->group;

      if (c == self->cursor_col)
        gtk_snapshot_append_color (snapshot, &row_hl,
                                   &GRAPHENE_RECT_INIT ((float) x, GROUP_H, COL_W,
                                                        (float) (self->header_h - GROUP_H)));
      append_text (snapshot, layout, x + 6, GROUP_H + 4, &fg);
      if (group_start)
        {
          gtk_snapshot_append_color (snapshot, &rule,
                                     &GRAPHENE_RECT_INIT ((float) x, 0, 1, (float) self->header_h));
        }
    }
  /* group headings stick to the left edge while their columns are in view */
  for (int c = c0; c < c1; c++)
    {
      int d = view_col (self, c);
      const NremMatrixDimension *dim = nrem_matrix_get_dimension (self->matrix, (guint) d);
      int end = c;
      double x0, x1;
      PangoLayout *layout;
      int tw, th;

      if (c != c0 && nrem_matrix_get_dimension (self->matrix, (guint) view_col (self, c - 1))->group == dim->group)
        continue;
      while (end + 1 < n_cols (self) &&
             nrem_matrix_get_dimension (self->matrix, (guint) view_col (self, end + 1))->group == dim->group)
        end++;
      x0 = MAX (self->name_w + (double) c * COL_W - h, self->name_w);
      x1 = self->name_w + (double) (end + 1) * COL_W - h;
      layout = get_layout (self, TEXT_GROUP, nrem_matrix_group_label (dim->group));
      pango_layout_set_width (layout, (int) MAX (0, (x1 - x0 - 12)) * PANGO_SCALE);
      pango_layout_get_pixel_size (layout, &tw, &th);
      append_text (snapshot, layout, x0 + 6, (GROUP_H - th) / 2.0 + 2, &accent);
    }
  gtk_snapshot_pop (snapshot);

  /* the corner */
  {
    g_autofree char *count = g_strdup_printf (ngettext ("%u mechanism", "%u mechanisms",
                                                        self->view->n_mechanisms),
                                              self->view->n_mechanisms);
    PangoLayout *title = get_layout (self, TEXT_GROUP, _("Mechanism"));
    PangoLayout *sub = get_layout (self, TEXT_SUB, count);

    append_text (snapshot, title, 12, GROUP_H + 4, &fg);
    append_text (snapshot, sub, 12, GROUP_H + 24, &dim_fg);
  }
  gtk_snapshot_append_color (snapshot, &rule,
                             &GRAPHENE_RECT_INIT (0, (float) self->header_h - 1, (float) width, 1));
}

/* ------------------------------------------------------------------------------------------
 * Tooltips
 */

static gboolean
nrem_matrix_grid_query_tooltip (GtkWidget  *widget,
                                int         x,
                                int         y,
                                gboolean    keyboard,
                                GtkTooltip *tooltip)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);
  int row, col;
  gboolean in_header;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->view == NULL)
    return FALSE;
  if (keyboard)
    {
      row = self->cursor_row;
      col = self->cursor_col;
      in_header = FALSE;
    }
  else if (!hit_test (self, x, y, &row, &col, &in_header))
    return FALSE;

  if (in_header && col >= 0)
    {
      const NremMatrixDimension *d = nrem_matrix_get_dimension (self->matrix, (guint) view_col (self, col));
      g_autofree char *label = g_markup_escape_text (d->label, -1);
      g_autofree char *definition = g_markup_escape_text (d->definition ? d->definition : "", -1);

      g_string_append_printf (text, "<b>%s</b>\n%s", label, definition);
      if (d->source != NULL)
        {
          g_autofree char *source = g_markup_escape_text (d->source, -1);

          g_string_append_printf (text, "\n<small>%s</small>", source);
        }
    }
  else if (row_is_mechanism (self, row) && col >= 0)
    {
      int m = view_row (self, row)->mechanism;
      int d = view_col (self, col);
      const NremMatrixCell *cell = nrem_matrix_get_cell (self->matrix, (guint) m, (guint) d);
      g_autofree char *describe = nrem_matrix_cell_describe (self->matrix, (guint) m, (guint) d);
      g_autofree char *escaped = g_markup_escape_text (describe, -1);

      g_string_append (text, escaped);
      if (cell->note != NULL)
        {
          g_autofree char *note = g_markup_escape_text (cell->note, -1);

          g_string_append_printf (text, "\n\n%s", note);
        }
      if (cell->source != NULL || cell->as_of != NULL)
        {
          g_autofree char *source = g_markup_escape_text (cell->source ? cell->source : "", -1);
          g_autofree char *as_of = g_markup_escape_text (cell->as_of ? cell->as_of : "", -1);

          g_string_append_printf (text, "\n<small>%s%s%s</small>", source,
                                  cell->source && cell->as_of ? " · " : "", as_of);
        }
    }
  else if (row_is_mechanism (self, row) && col == -1)
    {
      const NremMatrixMechanism *m = nrem_matrix_get_mechanism (self->matrix,
                                                                (guint) view_row (self, row)->mechanism);
      g_autofree char *title = nrem_matrix_mechanism_title (m);
      g_autofree char *escaped = g_markup_escape_text (title, -1);

      g_string_append_printf (text, "%s\n<small>%s</small>", escaped, nrem_matrix_type_label (m->type));
    }
  if (text->len == 0)
    return FALSE;
  gtk_tooltip_set_markup (tooltip, text->str);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Size
 */

static void
nrem_matrix_grid_measure (GtkWidget      *widget,
                          GtkOrientation  orientation,
                          int             for_size,
                          int            *minimum,
                          int            *natural,
                          int            *minimum_baseline,
                          int            *natural_baseline)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = NAME_W_NARROW + COL_W;
      *natural = MAX (*minimum, NAME_W_WIDE + n_cols (self) * COL_W);
    }
  else
    {
      *minimum = self->header_h + 2 * ROW_H;
      *natural = MAX (*minimum, self->header_h + n_rows (self) * ROW_H);
    }
}

static void
nrem_matrix_grid_size_allocate (GtkWidget *widget,
                                int        width,
                                int        height,
                                int        baseline)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);
  int name_w = width < 640 ? NAME_W_NARROW : NAME_W_WIDE;

  if (name_w != self->name_w)
    {
      self->name_w = name_w;
      clear_layouts (self);
    }
  configure_adjustments (self);
  if (self->pending_scroll)
    scroll_to_cursor (self);
}

static void
nrem_matrix_grid_css_changed (GtkWidget         *widget,
                              GtkCssStyleChange *change)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (widget);

  GTK_WIDGET_CLASS (nrem_matrix_grid_parent_class)->css_changed (widget, change);
  clear_layouts (self);
  gtk_widget_queue_draw (widget);
}

static gboolean
nrem_matrix_grid_focus (GtkWidget        *widget,
                        GtkDirectionType  direction)
{
  /* one stop in the focus chain; the arrow keys move inside */
  if (gtk_widget_is_focus (widget))
    return FALSE;
  gtk_widget_grab_focus (widget);
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
set_adjustment (NremMatrixGrid  *self,
                GtkAdjustment  **slot,
                GtkAdjustment   *adjustment)
{
  if (adjustment == *slot)
    return;
  if (*slot != NULL)
    {
      g_signal_handlers_disconnect_by_func (*slot, on_adjustment_value_changed_cb, self);
      g_object_unref (*slot);
    }
  if (adjustment == NULL)
    adjustment = gtk_adjustment_new (0, 0, 0, 0, 0, 0);
  *slot = g_object_ref_sink (adjustment);
  g_signal_connect (adjustment, "value-changed", G_CALLBACK (on_adjustment_value_changed_cb), self);
  configure_adjustments (self);
}

static void
nrem_matrix_grid_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      g_value_set_object (value, self->hadjustment);
      break;
    case PROP_VADJUSTMENT:
      g_value_set_object (value, self->vadjustment);
      break;
    case PROP_HSCROLL_POLICY:
      g_value_set_enum (value, self->hscroll_policy);
      break;
    case PROP_VSCROLL_POLICY:
      g_value_set_enum (value, self->vscroll_policy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_matrix_grid_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (object);

  switch (prop_id)
    {
    case PROP_HADJUSTMENT:
      set_adjustment (self, &self->hadjustment, g_value_get_object (value));
      break;
    case PROP_VADJUSTMENT:
      set_adjustment (self, &self->vadjustment, g_value_get_object (value));
      break;
    case PROP_HSCROLL_POLICY:
      if (self->hscroll_policy != (guint) g_value_get_enum (value))
        {
          self->hscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    case PROP_VSCROLL_POLICY:
      if (self->vscroll_policy != (guint) g_value_get_enum (value))
        {
          self->vscroll_policy = g_value_get_enum (value);
          gtk_widget_queue_resize (GTK_WIDGET (self));
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_matrix_grid_dispose (GObject *object)
{
  NremMatrixGrid *self = NREM_MATRIX_GRID (object);

  g_signal_handlers_disconnect_by_func (adw_style_manager_get_default (), on_dark_changed_cb, self);
  if (self->hadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->hadjustment, on_adjustment_value_changed_cb, self);
  if (self->vadjustment != NULL)
    g_signal_handlers_disconnect_by_func (self->vadjustment, on_adjustment_value_changed_cb, self);
  g_clear_object (&self->hadjustment);
  g_clear_object (&self->vadjustment);
  g_clear_pointer (&self->view, nrem_matrix_view_free);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  g_clear_pointer (&self->layouts, g_hash_table_unref);
  g_clear_pointer (&self->picked, g_hash_table_unref);
  g_clear_pointer (&self->filter_region, g_free);
  g_clear_pointer (&self->filter_search, g_free);

  G_OBJECT_CLASS (nrem_matrix_grid_parent_class)->dispose (object);
}

static void
nrem_matrix_grid_scrollable_init (GtkScrollableInterface *iface)
{
}

static void
nrem_matrix_grid_class_init (NremMatrixGridClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  static const struct { guint key; GdkModifierType mods; int dr; int dc; } moves[] = {
    { GDK_KEY_Up, 0, -1, 0 }, { GDK_KEY_KP_Up, 0, -1, 0 },
    { GDK_KEY_Down, 0, 1, 0 }, { GDK_KEY_KP_Down, 0, 1, 0 },
    { GDK_KEY_Left, 0, 0, -1 }, { GDK_KEY_KP_Left, 0, 0, -1 },
    { GDK_KEY_Right, 0, 0, 1 }, { GDK_KEY_KP_Right, 0, 0, 1 },
    { GDK_KEY_Page_Up, 0, -10, 0 }, { GDK_KEY_Page_Down, 0, 10, 0 },
    { GDK_KEY_Home, 0, 0, -10000 }, { GDK_KEY_End, 0, 0, 10000 },
    { GDK_KEY_Home, GDK_CONTROL_MASK, -100000, 0 }, { GDK_KEY_End, GDK_CONTROL_MASK, 100000, 0 },
  };

  object_class->get_property = nrem_matrix_grid_get_property;
  object_class->set_property = nrem_matrix_grid_set_property;
  object_class->dispose = nrem_matrix_grid_dispose;

  widget_class->snapshot = nrem_matrix_grid_snapshot;
  widget_class->measure = nrem_matrix_grid_measure;
  widget_class->size_allocate = nrem_matrix_grid_size_allocate;
  widget_class->query_tooltip = nrem_matrix_grid_query_tooltip;
  widget_class->css_changed = nrem_matrix_grid_css_changed;
  widget_class->focus = nrem_matrix_grid_focus;

  g_object_class_override_property (object_class, PROP_HADJUSTMENT, "hadjustment");
  g_object_class_override_property (object_class, PROP_VADJUSTMENT, "vadjustment");
  g_object_class_override_property (object_class, PROP_HSCROLL_POLICY, "hscroll-policy");
  g_object_class_override_property (object_class, PROP_VSCROLL_POLICY, "vscroll-policy");

  /**
   * NremMatrixGrid::cursor-changed:
   */
  signals[CURSOR_CHANGED] =
    g_signal_new ("cursor-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  /**
   * NremMatrixGrid::activate-cell:
   * @mechanism: index in the matrix
   * @dimension: index in the matrix
   *
   * Enter, a double click or a click on the cursor's cell: edit it.
   */
  signals[ACTIVATE_CELL] =
    g_signal_new ("activate-cell", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT, G_TYPE_INT);
  /**
   * NremMatrixGrid::activate-mechanism:
   * @mechanism: index in the matrix
   *
   * Enter on the name column, or Ctrl+Enter anywhere in a row: open its profile.
   */
  signals[ACTIVATE_MECHANISM] =
    g_signal_new ("activate-mechanism", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);
  signals[PICKED_CHANGED] =
    g_signal_new ("picked-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Actions: what the keys do, and what assistive technologies can invoke */
  gtk_widget_class_install_action (widget_class, "matrix.move-up", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "matrix.move-down", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "matrix.move-left", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "matrix.move-right", NULL, move_action_cb);
  gtk_widget_class_install_action (widget_class, "matrix.activate", NULL, activate_action_cb);
  gtk_widget_class_install_action (widget_class, "matrix.open-mechanism", NULL, open_mechanism_action_cb);
  gtk_widget_class_install_action (widget_class, "matrix.toggle-pick", NULL, toggle_pick_action_cb);

  for (guint i = 0; i < G_N_ELEMENTS (moves); i++)
    gtk_widget_class_add_binding (widget_class, moves[i].key, moves[i].mods, move_binding_cb,
                                  "(ii)", moves[i].dr, moves[i].dc);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "matrix.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "matrix.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F2, 0, "matrix.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "matrix.open-mechanism", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "matrix.toggle-pick", NULL);

  gtk_widget_class_set_css_name (widget_class, "nrem-matrix-grid");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GRID);
}

static void
nrem_matrix_grid_init (NremMatrixGrid *self)
{
  GtkGesture *click = gtk_gesture_click_new ();
  PangoLayout *probe;
  int line_h;

  self->filter.type = -1;
  self->filter.group = -1;
  self->cursor_row = -1;
  self->cursor_col = -1;
  self->name_w = NAME_W_WIDE;
  self->layouts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->picked = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* three lines of small bold text under the group headings */
  probe = gtk_widget_create_pango_layout (GTK_WIDGET (self), "Ag");
  pango_layout_get_pixel_size (probe, NULL, &line_h);
  g_object_unref (probe);
  self->header_h = GROUP_H + 8 + (int) (3 * line_h * 0.9) + 6;

  set_adjustment (self, &self->hadjustment, NULL);
  set_adjustment (self, &self->vadjustment, NULL);

  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_focus_on_click (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);
  gtk_widget_set_overflow (GTK_WIDGET (self), GTK_OVERFLOW_HIDDEN);
  gtk_widget_add_css_class (GTK_WIDGET (self), "view");

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_click_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  g_signal_connect_swapped (adw_style_manager_get_default (), "notify::dark",
                            G_CALLBACK (on_dark_changed_cb), self);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Mandate matrix"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Arrow keys move between cells; Enter edits the cell or opens the mechanism’s profile; Space picks the mechanism for the side-by-side comparison."),
                                  -1);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

GtkWidget *
nrem_matrix_grid_new (void)
{
  return g_object_new (NREM_TYPE_MATRIX_GRID, NULL);
}

/**
 * nrem_matrix_grid_set_matrix:
 *
 * Shows @matrix, keeping the cursor on the same mechanism and dimension when they are still
 * there, and the picked mechanisms that still exist.
 */
void
nrem_matrix_grid_set_matrix (NremMatrixGrid *self,
                             NremMatrix     *matrix)
{
  int keep_mechanism = -1, keep_dimension = -1;
  g_autofree char *mechanism_uuid = NULL;
  g_autofree char *dimension_uuid = NULL;

  g_return_if_fail (NREM_IS_MATRIX_GRID (self));

  if (nrem_matrix_grid_get_cursor (self, &keep_mechanism, &keep_dimension))
    {
      mechanism_uuid = g_strdup (nrem_matrix_get_mechanism (self->matrix, (guint) keep_mechanism)->uuid);
      if (keep_dimension >= 0)
        dimension_uuid = g_strdup (nrem_matrix_get_dimension (self->matrix, (guint) keep_dimension)->uuid);
    }

  g_clear_pointer (&self->view, nrem_matrix_view_free);
  if (matrix != NULL)
    nrem_matrix_ref (matrix);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  self->matrix = matrix;
  clear_layouts (self);

  if (matrix != NULL)
    {
      GHashTableIter iter;
      gpointer key;

      g_hash_table_iter_init (&iter, self->picked);
      while (g_hash_table_iter_next (&iter, &key, NULL))
        if (nrem_matrix_find_mechanism (matrix, key) < 0)
          g_hash_table_iter_remove (&iter);
    }
  self->cursor_row = -1;
  self->cursor_col = -1;
  rebuild_view (self);

  if (mechanism_uuid != NULL && matrix != NULL)
    {
      int m = nrem_matrix_find_mechanism (matrix, mechanism_uuid);
      int d = dimension_uuid != NULL ? nrem_matrix_find_dimension (matrix, dimension_uuid) : -1;

      if (m >= 0)
        nrem_matrix_grid_set_cursor (self, m, d);
    }
}

NremMatrix *
nrem_matrix_grid_get_matrix (NremMatrixGrid *self)
{
  g_return_val_if_fail (NREM_IS_MATRIX_GRID (self), NULL);
  return self->matrix;
}

void
nrem_matrix_grid_set_filter (NremMatrixGrid         *self,
                             const NremMatrixFilter *filter)
{
  g_return_if_fail (NREM_IS_MATRIX_GRID (self));

  g_free (self->filter_region);
  g_free (self->filter_search);
  self->filter_region = g_strdup (filter->region);
  self->filter_search = g_strdup (filter->search);
  self->filter = *filter;
  self->filter.region = self->filter_region;
  self->filter.search = self->filter_search;
  rebuild_view (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

NremMatrixView *
nrem_matrix_grid_get_view (NremMatrixGrid *self)
{
  g_return_val_if_fail (NREM_IS_MATRIX_GRID (self), NULL);
  return self->view;
}

gboolean
nrem_matrix_grid_get_cursor (NremMatrixGrid *self,
                             int            *mechanism,
                             int            *dimension)
{
  g_return_val_if_fail (NREM_IS_MATRIX_GRID (self), FALSE);

  *mechanism = -1;
  *dimension = -1;
  if (self->view == NULL || !row_is_mechanism (self, self->cursor_row))
    return FALSE;
  *mechanism = view_row (self, self->cursor_row)->mechanism;
  *dimension = self->cursor_col >= 0 && self->cursor_col < n_cols (self)
               ? view_col (self, self->cursor_col) : -1;
  return TRUE;
}

/**
 * nrem_matrix_grid_set_cursor:
 * @dimension: a dimension's index in the matrix, or -1 for the name column
 *
 * Returns: %FALSE when the mechanism (or the dimension) is filtered out of view
 */
gboolean
nrem_matrix_grid_set_cursor (NremMatrixGrid *self,
                             int             mechanism,
                             int             dimension)
{
  int row, col = -1;

  g_return_val_if_fail (NREM_IS_MATRIX_GRID (self), FALSE);

  if (self->view == NULL || (row = nrem_matrix_view_find_row (self->view, mechanism)) < 0)
    return FALSE;
  if (dimension >= 0)
    {
      for (int c = 0; c < n_cols (self); c++)
        if (view_col (self, c) == dimension)
          col = c;
      if (col < 0)
        return FALSE;
    }
  self->cursor_row = row;
  self->cursor_col = col;
  cursor_changed (self);
  return TRUE;
}

/**
 * nrem_matrix_grid_move_cursor:
 *
 * Moves by rows (heading rows are skipped) and columns; the column left of the first
 * dimension is the name column. Clamps at the edges.
 *
 * Returns: whether the cursor moved
 */
gboolean
nrem_matrix_grid_move_cursor (NremMatrixGrid *self,
                              int             d_row,
                              int             d_column)
{
  int row = self->cursor_row, col = self->cursor_col;

  g_return_val_if_fail (NREM_IS_MATRIX_GRID (self), FALSE);

  if (self->view == NULL || n_rows (self) == 0)
    return FALSE;
  if (!row_is_mechanism (self, row))
    row = first_mechanism_row (self, 0, 1);
  if (row < 0)
    return FALSE;

  if (d_row != 0)
    {
      int target = CLAMP (row + d_row, 0, n_rows (self) - 1);
      int step = d_row > 0 ? 1 : -1;
      int found = first_mechanism_row (self, target, step);

      if (found < 0)
        found = first_mechanism_row (self, target, -step);
      if (found >= 0)
        row = found;
    }
  if (d_column != 0)
    col = CLAMP (col + d_column, -1, n_cols (self) - 1);

  if (row == self->cursor_row && col == self->cursor_col)
    return FALSE;
  self->cursor_row = row;
  self->cursor_col = col;
  cursor_changed (self);
  return TRUE;
}

/**
 * nrem_matrix_grid_get_cell_area:
 *
 * Returns: %FALSE when the cell is not in view; else its rectangle in widget coordinates
 */
gboolean
nrem_matrix_grid_get_cell_area (NremMatrixGrid *self,
                                int             mechanism,
                                int             dimension,
                                GdkRectangle   *area)
{
  int row, col = -1;

  if (self->view == NULL || (row = nrem_matrix_view_find_row (self->view, mechanism)) < 0)
    return FALSE;
  for (int c = 0; dimension >= 0 && c < n_cols (self); c++)
    if (view_col (self, c) == dimension)
      col = c;
  area->y = (int) (self->header_h + (double) row * ROW_H - vvalue (self));
  area->height = ROW_H;
  if (col < 0)
    {
      area->x = 0;
      area->width = self->name_w;
    }
  else
    {
      area->x = (int) (self->name_w + (double) col * COL_W - hvalue (self));
      area->width = COL_W;
    }
  return TRUE;
}

/**
 * nrem_matrix_grid_dup_cursor_description:
 *
 * Returns: (transfer full) (nullable): what a screen reader says of the cursor's cell
 */
char *
nrem_matrix_grid_dup_cursor_description (NremMatrixGrid *self)
{
  int mechanism, dimension;

  if (!nrem_matrix_grid_get_cursor (self, &mechanism, &dimension))
    return NULL;
  if (dimension < 0)
    {
      const NremMatrixMechanism *m = nrem_matrix_get_mechanism (self->matrix, (guint) mechanism);
      g_autofree char *title = nrem_matrix_mechanism_title (m);

      return g_strdup_printf ("%s — %s%s", title, nrem_matrix_type_label (m->type),
                              g_hash_table_contains (self->picked, m->uuid) ? _("; picked") : "");
    }
  return nrem_matrix_cell_describe (self->matrix, (guint) mechanism, (guint) dimension);
}

/**
 * nrem_matrix_grid_get_picked:
 *
 * Returns: (transfer container) (element-type utf8): the picked mechanisms' uuids, in the
 * order of the matrix
 */
GPtrArray *
nrem_matrix_grid_get_picked (NremMatrixGrid *self)
{
  GPtrArray *out = g_ptr_array_new ();

  if (self->matrix == NULL)
    return out;
  for (guint i = 0; i < nrem_matrix_get_n_mechanisms (self->matrix); i++)
    {
      const NremMatrixMechanism *m = nrem_matrix_get_mechanism (self->matrix, i);

      if (g_hash_table_contains (self->picked, m->uuid))
        g_ptr_array_add (out, m->uuid);
    }
  return out;
}

void
nrem_matrix_grid_toggle_picked (NremMatrixGrid *self,
                                int             mechanism)
{
  const NremMatrixMechanism *m;

  g_return_if_fail (NREM_IS_MATRIX_GRID (self));
  if (self->matrix == NULL || mechanism < 0 || (guint) mechanism >= nrem_matrix_get_n_mechanisms (self->matrix))
    return;
  m = nrem_matrix_get_mechanism (self->matrix, (guint) mechanism);
  if (!g_hash_table_remove (self->picked, m->uuid))
    g_hash_table_add (self->picked, g_strdup (m->uuid));
  notify_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[PICKED_CHANGED], 0);
}

void
nrem_matrix_grid_clear_picked (NremMatrixGrid *self)
{
  g_return_if_fail (NREM_IS_MATRIX_GRID (self));
  g_hash_table_remove_all (self->picked);
  notify_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
  g_signal_emit (self, signals[PICKED_CHANGED], 0);
}
