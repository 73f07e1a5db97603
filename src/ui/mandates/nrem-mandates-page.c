/* nrem-mandates-page.c
 *
 * The model: one NremMatrix loaded from the store (three queries), shared by the grid, the
 * profile form, the comparison and the side-by-side view; reloaded on an idle after the
 * store says mechanisms, dimensions, assessments or countries changed, and only while the
 * pane is shown (else on the next map).
 *
 * Edits: a cell's editor writes through nrem_store_mandates_save_cell() at once; the first
 * change of an editing session puts the cell's earlier contents on the Undo stack (Ctrl+Z,
 * or the toast's Undo); Escape in the editor puts them back and closes it. Adding and
 * deleting mechanisms go on the same stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-mandates-page"

#include "config.h"

#include "mandates/nrem-mandates-page.h"
#include "mandates/nrem-cell-editor.h"
#include "mandates/nrem-comparison-view.h"
#include "mandates/nrem-matrix-grid.h"
#include "mandates/nrem-mechanism-form.h"
#include "mandates/nrem-side-by-side.h"
#include "mandates/nrem-wrap-box.h"
#include "nrem-comparison-chart.h"
#include "nrem-entity.h"
#include "nrem-store-mandates.h"

#include <glib/gi18n.h>

#define CHART_EXPORT_WIDTH 1000

typedef enum
{
  UNDO_CELL,
  UNDO_ADD_MECHANISM,
  UNDO_DELETE_MECHANISM,
} UndoKind;

typedef struct
{
  UndoKind   kind;
  char      *mechanism;
  char      *dimension;
  char      *values[4];    /* value, note, source, as_of before the edit */
  GPtrArray *assessments;  /* deleted with the mechanism */
  char      *label;        /* what the toast calls it */
} UndoEntry;

struct _NremMandatesPage
{
  GtkWidget           parent_instance;

  NremSession        *session;
  NremMatrix         *matrix;
  NremCellEditor     *editor;
  GPtrArray          *regions;
  GQueue             *undo;

  gboolean            edit_pushed;    /* this editing session put an entry on the stack */
  gboolean            edit_from_form;
  gboolean            dirty;
  gboolean            loading_filters;
  guint               reload_source;
  guint               form_source;
  AdwToast           *toast;          /* the one shown, if any */

  /* template widgets */
  AdwToastOverlay    *toast_overlay;
  GtkSearchEntry     *search_entry;
  NremWrapBox        *filters_box;
  GtkToggleButton    *matrix_toggle;
  GtkToggleButton    *comparison_toggle;
  GtkToggleButton    *side_by_side_toggle;
  GtkDropDown        *group_dropdown;
  GtkDropDown        *region_dropdown;
  GtkDropDown        *type_dropdown;
  GtkDropDown        *group_by_dropdown;
  AdwFlap            *flap;
  AdwBin             *form_bin;
  GtkStack           *view_stack;
  GtkStack           *matrix_stack;
  NremMatrixGrid     *grid;
  GtkLabel           *cursor_label;
  GtkLabel           *definition_label;
  NremComparisonView *comparison;
  NremSideBySide     *side_by_side;
  NremMechanismForm  *form;
};

G_DEFINE_FINAL_TYPE (NremMandatesPage, nrem_mandates_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void ensure_editor (NremMandatesPage *self);
static void ensure_form   (NremMandatesPage *self);
static void on_form_edit_cell_cb        (NremMandatesPage  *self,
                                         const char        *dimension_uuid,
                                         NremMechanismForm *form);
static void on_form_close_requested_cb  (NremMandatesPage  *self);
static void on_form_delete_requested_cb (NremMandatesPage  *self,
                                         const char        *mechanism_uuid,
                                         NremMechanismForm *form);

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static void
undo_entry_free (UndoEntry *entry)
{
  g_free (entry->mechanism);
  g_free (entry->dimension);
  for (guint i = 0; i < 4; i++)
    g_free (entry->values[i]);
  g_clear_pointer (&entry->assessments, g_ptr_array_unref);
  g_free (entry->label);
  g_free (entry);
}

static NremStore *
get_store (NremMandatesPage *self)
{
  return self->session != NULL ? nrem_session_get_store (self->session) : NULL;
}

static void
on_toast_dismissed_cb (AdwToast         *toast,
                       NremMandatesPage *self)
{
  if (self->toast == toast)
    g_clear_object (&self->toast);
}

/* One toast at a time: a toast still shown takes the new words (libadwaita 1.2 draws a toast
 * replaced by another before laying it out). */
static void
show_toast (NremMandatesPage *self,
            const char       *title,
            gboolean          with_undo)
{
  g_autofree char *escaped = g_markup_escape_text (title, -1);

  if (self->toast == NULL)
    {
      self->toast = g_object_ref (adw_toast_new (escaped));
      g_signal_connect (self->toast, "dismissed", G_CALLBACK (on_toast_dismissed_cb), self);
      adw_toast_set_timeout (self->toast, with_undo ? 8 : 5);
      if (with_undo)
        {
          adw_toast_set_button_label (self->toast, _("_Undo"));
          adw_toast_set_action_name (self->toast, "mandates.undo");
        }
      adw_toast_overlay_add_toast (self->toast_overlay, self->toast);
      return;
    }
  adw_toast_set_title (self->toast, escaped);
  adw_toast_set_button_label (self->toast, with_undo ? _("_Undo") : NULL);
  adw_toast_set_action_name (self->toast, with_undo ? "mandates.undo" : NULL);
}

static void
show_error (NremMandatesPage *self,
            const char       *what,
            const GError     *error)
{
  g_autofree char *message = g_strdup_printf ("%s: %s", what, error->message);

  show_toast (self, message, FALSE);
}

static void
update_actions (NremMandatesPage *self)
{
  NremStore *store = get_store (self);
  gboolean writable = store != NULL && !nrem_store_is_read_only (store);
  int m, d;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mandates.undo",
                                 writable && !g_queue_is_empty (self->undo));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mandates.add-mechanism", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mandates.open-profile",
                                 nrem_matrix_grid_get_cursor (self->grid, &m, &d));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mandates.export-csv", store != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mandates.export-png", self->matrix != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "mandates.export-svg", self->matrix != NULL);
}

static void
update_details (NremMandatesPage *self)
{
  g_autofree char *description = nrem_matrix_grid_dup_cursor_description (self->grid);
  NremMatrixView *view = nrem_matrix_grid_get_view (self->grid);
  int m, d;

  if (view != NULL && self->matrix != NULL && view->n_mechanisms == 0 &&
      nrem_matrix_get_n_mechanisms (self->matrix) > 2)
    gtk_label_set_text (self->cursor_label,
                        _("No mechanism matches the search and filters; the reference profiles stay pinned at the top."));
  else
    gtk_label_set_text (self->cursor_label, description ? description : "");

  if (self->matrix != NULL && nrem_matrix_grid_get_cursor (self->grid, &m, &d) && d >= 0)
    {
      const NremMatrixDimension *dim = nrem_matrix_get_dimension (self->matrix, (guint) d);
      g_autofree char *text = g_strdup_printf ("%s: %s", dim->label, dim->definition ? dim->definition : "");

      gtk_label_set_text (self->definition_label, text);
    }
  else
    gtk_label_set_text (self->definition_label,
                        _("Enter opens the mechanism’s profile; Space picks it for the side-by-side view; the arrow keys move to its cells."));
  update_actions (self);
}

static void
update_side_by_side (NremMandatesPage *self)
{
  g_autoptr(GPtrArray) picked = nrem_matrix_grid_get_picked (self->grid);

  nrem_side_by_side_set (self->side_by_side, self->matrix, picked);
}

static void
fill_string_dropdown (GtkDropDown        *dropdown,
                      const char * const *items,
                      guint               selected)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (items);

  gtk_drop_down_set_model (dropdown, G_LIST_MODEL (list));
  gtk_drop_down_set_selected (dropdown, selected);
}

static void
fill_regions (NremMandatesPage *self)
{
  g_autofree char *keep = NULL;
  guint selected = gtk_drop_down_get_selected (self->region_dropdown);
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint new_selected = 0;

  if (self->regions != NULL && selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected - 1 < self->regions->len)
    keep = g_strdup (g_ptr_array_index (self->regions, selected - 1));
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  self->regions = self->matrix ? nrem_matrix_list_regions (self->matrix)
                               : g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (items, (gpointer) _("All regions"));
  for (guint i = 0; i < self->regions->len; i++)
    {
      g_ptr_array_add (items, g_ptr_array_index (self->regions, i));
      if (g_strcmp0 (keep, g_ptr_array_index (self->regions, i)) == 0)
        new_selected = i + 1;
    }
  g_ptr_array_add (items, NULL);
  self->loading_filters = TRUE;
  fill_string_dropdown (self->region_dropdown, (const char * const *) items->pdata, new_selected);
  self->loading_filters = FALSE;
}

static void
apply_filter (NremMandatesPage *self)
{
  NremMatrixFilter filter = { NULL, -1, NULL, -1, NREM_GROUP_BY_NONE };
  guint region = gtk_drop_down_get_selected (self->region_dropdown);
  guint type = gtk_drop_down_get_selected (self->type_dropdown);
  guint group = gtk_drop_down_get_selected (self->group_dropdown);
  guint group_by = gtk_drop_down_get_selected (self->group_by_dropdown);

  if (self->loading_filters)
    return;
  if (region != GTK_INVALID_LIST_POSITION && region > 0 && self->regions != NULL &&
      region - 1 < self->regions->len)
    filter.region = g_ptr_array_index (self->regions, region - 1);
  if (type != GTK_INVALID_LIST_POSITION && type > 0)
    filter.type = (int) type - 1;
  if (group != GTK_INVALID_LIST_POSITION && group > 0)
    filter.group = (int) group - 1;
  if (group_by != GTK_INVALID_LIST_POSITION)
    filter.group_by = (NremGroupBy) group_by;
  filter.search = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  nrem_matrix_grid_set_filter (self->grid, &filter);

  /* a search takes the cursor to its first match (past the pinned reference profiles) */
  if (filter.search[0] != '\0' && self->matrix != NULL)
    {
      NremMatrixView *view = nrem_matrix_grid_get_view (self->grid);
      int m, d;

      if (view != NULL && view->n_mechanisms > 0 &&
          (!nrem_matrix_grid_get_cursor (self->grid, &m, &d) ||
           nrem_matrix_get_mechanism (self->matrix, (guint) m)->reference))
        for (guint i = 0; i < view->rows->len; i++)
          {
            int row_m = g_array_index (view->rows, NremMatrixViewRow, i).mechanism;

            if (row_m >= 0 && !nrem_matrix_get_mechanism (self->matrix, (guint) row_m)->reference)
              {
                nrem_matrix_grid_set_cursor (self->grid, row_m, d);
                break;
              }
          }
    }
  update_details (self);
}

/* The rectangle of @widget in the page's coordinates */
static gboolean
widget_rect_in_page (NremMandatesPage *self,
                     GtkWidget        *widget,
                     GdkRectangle     *area,
                     GdkRectangle     *out)
{
  double x, y;
  GdkRectangle local = { 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget) };

  if (area == NULL)
    area = &local;
  if (!gtk_widget_get_mapped (widget) ||
      !gtk_widget_translate_coordinates (widget, GTK_WIDGET (self), area->x, area->y, &x, &y))
    return FALSE;
  out->x = (int) x;
  out->y = (int) y;
  out->width = area->width;
  out->height = area->height;
  return TRUE;
}

/* The filters of the matrix's rows and columns show with the matrix only */
static void
on_view_changed_cb (NremMandatesPage *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->view_stack);
  gboolean matrix = g_strcmp0 (name, "matrix") == 0;

  gtk_toggle_button_set_active (self->matrix_toggle, matrix);
  gtk_toggle_button_set_active (self->comparison_toggle, g_strcmp0 (name, "comparison") == 0);
  gtk_toggle_button_set_active (self->side_by_side_toggle, g_strcmp0 (name, "side-by-side") == 0);

  gtk_widget_set_visible (GTK_WIDGET (self->group_dropdown), matrix);
  gtk_widget_set_visible (GTK_WIDGET (self->region_dropdown), matrix);
  gtk_widget_set_visible (GTK_WIDGET (self->type_dropdown), matrix);
  gtk_widget_set_visible (GTK_WIDGET (self->group_by_dropdown), matrix);
  if (!matrix && self->editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    gtk_popover_popdown (GTK_POPOVER (self->editor));
}

static void
on_view_toggled_cb (GtkToggleButton  *button,
                    NremMandatesPage *self)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  if (button == self->matrix_toggle)
    gtk_stack_set_visible_child_name (self->view_stack, "matrix");
  else if (button == self->comparison_toggle)
    gtk_stack_set_visible_child_name (self->view_stack, "comparison");
  else
    gtk_stack_set_visible_child_name (self->view_stack, "side-by-side");
}

/* ------------------------------------------------------------------------------------------
 * Loading
 */

static void
set_matrix (NremMandatesPage *self,
            NremMatrix       *matrix)
{
  if (matrix != NULL)
    nrem_matrix_ref (matrix);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  self->matrix = matrix;

  nrem_matrix_grid_set_matrix (self->grid, matrix);
  fill_regions (self);
  apply_filter (self);
  if (self->form != NULL)
    nrem_mechanism_form_set_matrix (self->form, matrix);
  nrem_comparison_view_set_matrix (self->comparison, matrix);
  update_side_by_side (self);
  gtk_stack_set_visible_child_name (self->matrix_stack,
                                    matrix != NULL && nrem_matrix_get_n_dimensions (matrix) > 0
                                    ? "grid" : "empty");
  update_details (self);
}

void
nrem_mandates_page_reload (NremMandatesPage *self)
{
  g_autoptr(NremMatrix) matrix = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NREM_IS_MANDATES_PAGE (self));

  g_clear_handle_id (&self->reload_source, g_source_remove);
  self->dirty = FALSE;
  if (self->session == NULL)
    {
      set_matrix (self, NULL);
      return;
    }
  matrix = nrem_matrix_load (get_store (self), &error);
  if (matrix == NULL)
    {
      show_error (self, _("The matrix could not be read"), error);
      return;
    }
  set_matrix (self, matrix);

  /* the profile shown may have been deleted elsewhere (an import, an undo) */
  if (self->form != NULL && nrem_mechanism_form_get_uuid (self->form) != NULL &&
      nrem_matrix_find_mechanism (matrix, nrem_mechanism_form_get_uuid (self->form)) < 0)
    adw_flap_set_reveal_flap (self->flap, FALSE);
}

static gboolean
reload_idle_cb (gpointer user_data)
{
  NremMandatesPage *self = user_data;

  self->reload_source = 0;
  nrem_mandates_page_reload (self);
  return G_SOURCE_REMOVE;
}

static void
schedule_reload (NremMandatesPage *self)
{
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->dirty = TRUE;
      return;
    }
  if (self->reload_source == 0)
    self->reload_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE + 30, reload_idle_cb, self, NULL);
}

static void
on_session_changed_cb (NremMandatesPage *self,
                       guint             kind,
                       NremSession      *session)
{
  if (kind == NREM_ENTITY_MECHANISM || kind == NREM_ENTITY_ASSESSMENT ||
      kind == NREM_ENTITY_DIMENSION || kind == NREM_ENTITY_COUNTRY)
    schedule_reload (self);
}

static gboolean
make_form_idle_cb (gpointer user_data)
{
  NremMandatesPage *self = user_data;

  self->form_source = 0;
  ensure_form (self);
  return G_SOURCE_REMOVE;
}

static void
on_map_cb (NremMandatesPage *self)
{
  if (self->dirty || (self->matrix == NULL && self->session != NULL))
    nrem_mandates_page_reload (self);
  /* the profile form is made after the first frame, before anyone asks for it */
  if (self->form == NULL && self->form_source == 0)
    self->form_source = g_timeout_add_full (G_PRIORITY_LOW, 300, make_form_idle_cb, self, NULL);
}

/* ------------------------------------------------------------------------------------------
 * Editing cells
 */

static void
push_undo (NremMandatesPage *self,
           UndoEntry        *entry)
{
  g_queue_push_head (self->undo, entry);
  while (g_queue_get_length (self->undo) > 100)
    undo_entry_free (g_queue_pop_tail (self->undo));
  update_actions (self);
}

static gboolean
save_cell (NremMandatesPage *self,
           const char       *mechanism,
           const char       *dimension,
           const char       *value,
           const char       *note,
           const char       *source,
           const char       *as_of)
{
  g_autoptr(GError) error = NULL;

  if (!nrem_store_mandates_save_cell (get_store (self), mechanism, dimension, value, note, source,
                                      as_of, &error))
    {
      show_error (self, _("The cell could not be saved"), error);
      return FALSE;
    }
  /* show it now; the reload after the store's signal brings the same */
  if (self->matrix != NULL)
    {
      gboolean stored = value != NULL || note != NULL || source != NULL || as_of != NULL;

      nrem_matrix_set_cell (self->matrix, mechanism, dimension, value, note, source, as_of, stored);
      gtk_widget_queue_draw (GTK_WIDGET (self->grid));
    }
  return TRUE;
}

static void
on_editor_changed_cb (NremMandatesPage *self,
                      NremCellEditor   *editor)
{
  g_autofree char *value = NULL, *note = NULL, *source = NULL, *as_of = NULL;
  const char *mechanism = nrem_cell_editor_get_mechanism_uuid (editor);
  const char *dimension = nrem_cell_editor_get_dimension_uuid (editor);

  if (self->session == NULL || mechanism == NULL)
    return;
  nrem_cell_editor_get_values (editor, &value, &note, &source, &as_of);

  if (!self->edit_pushed)
    {
      UndoEntry *entry = g_new0 (UndoEntry, 1);
      const char *o[4];
      int m = nrem_matrix_find_mechanism (self->matrix, mechanism);
      int d = nrem_matrix_find_dimension (self->matrix, dimension);

      nrem_cell_editor_get_original (editor, &o[0], &o[1], &o[2], &o[3]);
      if (g_strcmp0 (o[0], value) == 0 && g_strcmp0 (o[1], note) == 0 &&
          g_strcmp0 (o[2], source) == 0 && g_strcmp0 (o[3], as_of) == 0)
        {
          g_free (entry);
          return;
        }
      entry->kind = UNDO_CELL;
      entry->mechanism = g_strdup (mechanism);
      entry->dimension = g_strdup (dimension);
      for (guint i = 0; i < 4; i++)
        entry->values[i] = g_strdup (o[i]);
      if (m >= 0 && d >= 0)
        {
          g_autofree char *title = nrem_matrix_mechanism_title (nrem_matrix_get_mechanism (self->matrix, (guint) m));

          entry->label = g_strdup_printf (_("“%s” of %s"), nrem_matrix_get_dimension (self->matrix, (guint) d)->label,
                                          title);
        }
      push_undo (self, entry);
      self->edit_pushed = TRUE;
    }
  save_cell (self, mechanism, dimension, value, note, source, as_of);
}

static void
on_editor_cancelled_cb (NremMandatesPage *self,
                        NremCellEditor   *editor)
{
  const char *o[4];

  if (!self->edit_pushed)
    return;
  nrem_cell_editor_get_original (editor, &o[0], &o[1], &o[2], &o[3]);
  if (save_cell (self, nrem_cell_editor_get_mechanism_uuid (editor),
                 nrem_cell_editor_get_dimension_uuid (editor), o[0], o[1], o[2], o[3]))
    {
      undo_entry_free (g_queue_pop_head (self->undo));
      self->edit_pushed = FALSE;
      update_actions (self);
    }
}

static void
on_editor_closed_cb (NremMandatesPage *self,
                     NremCellEditor   *editor)
{
  if (self->edit_pushed)
    {
      UndoEntry *entry = g_queue_peek_head (self->undo);
      g_autofree char *title = g_strdup_printf (_("Saved %s"), entry && entry->label ? entry->label : _("the cell"));

      show_toast (self, title, TRUE);
    }
  self->edit_pushed = FALSE;
  if (!self->edit_from_form && gtk_widget_get_mapped (GTK_WIDGET (self->grid)))
    gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
open_editor (NremMandatesPage *self,
             int               mechanism,
             int               dimension,
             GtkWidget        *anchor)
{
  GdkRectangle area, rect;
  gboolean placed = FALSE;
  NremStore *store = get_store (self);

  if (self->matrix == NULL || mechanism < 0 || dimension < 0 || store == NULL)
    return;
  if (nrem_store_is_read_only (store))
    {
      show_toast (self, _("This database is open read-only: the matrix cannot be edited."), FALSE);
      return;
    }
  ensure_editor (self);
  if (gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    gtk_popover_popdown (GTK_POPOVER (self->editor));

  nrem_cell_editor_load (self->editor, self->matrix, (guint) mechanism, (guint) dimension);
  self->edit_pushed = FALSE;
  self->edit_from_form = anchor != NULL;

  if (anchor != NULL)
    placed = widget_rect_in_page (self, anchor, NULL, &rect);
  else if (nrem_matrix_grid_get_cell_area (self->grid, mechanism, dimension, &area))
    placed = widget_rect_in_page (self, GTK_WIDGET (self->grid), &area, &rect);
  if (!placed)
    {
      rect.x = gtk_widget_get_width (GTK_WIDGET (self)) / 2;
      rect.y = gtk_widget_get_height (GTK_WIDGET (self)) / 3;
      rect.width = rect.height = 1;
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->editor), &rect);
  gtk_popover_popup (GTK_POPOVER (self->editor));
}

void
nrem_mandates_page_edit_cell (NremMandatesPage *self,
                              int               mechanism,
                              int               dimension)
{
  g_return_if_fail (NREM_IS_MANDATES_PAGE (self));

  nrem_matrix_grid_set_cursor (self->grid, mechanism, dimension);
  open_editor (self, mechanism, dimension, NULL);
}

static void
on_grid_activate_cell_cb (NremMandatesPage *self,
                          int               mechanism,
                          int               dimension)
{
  open_editor (self, mechanism, dimension, NULL);
}

static void
on_grid_activate_mechanism_cb (NremMandatesPage *self,
                               int               mechanism)
{
  if (self->matrix == NULL || mechanism < 0)
    return;
  nrem_mandates_page_open_profile (self, nrem_matrix_get_mechanism (self->matrix, (guint) mechanism)->uuid);
}

static void
on_grid_cursor_changed_cb (NremMandatesPage *self)
{
  update_details (self);
}

static void
on_grid_picked_changed_cb (NremMandatesPage *self)
{
  update_side_by_side (self);
}

/* ------------------------------------------------------------------------------------------
 * Mechanisms
 */

/* The editor and the profile are made the first time they are needed, so that the pane's
 * first frame does not wait for them. */
static void
ensure_editor (NremMandatesPage *self)
{
  if (self->editor != NULL)
    return;
  self->editor = NREM_CELL_EDITOR (nrem_cell_editor_new ());
  gtk_widget_set_parent (GTK_WIDGET (self->editor), GTK_WIDGET (self));
  g_signal_connect_swapped (self->editor, "changed", G_CALLBACK (on_editor_changed_cb), self);
  g_signal_connect_swapped (self->editor, "cancelled", G_CALLBACK (on_editor_cancelled_cb), self);
  g_signal_connect_swapped (self->editor, "closed", G_CALLBACK (on_editor_closed_cb), self);
}

static void
ensure_form (NremMandatesPage *self)
{
  if (self->form != NULL)
    return;
  self->form = NREM_MECHANISM_FORM (nrem_mechanism_form_new ());
  adw_bin_set_child (self->form_bin, GTK_WIDGET (self->form));
  nrem_mechanism_form_set_session (self->form, self->session);
  nrem_mechanism_form_set_matrix (self->form, self->matrix);
  g_signal_connect_swapped (self->form, "edit-cell", G_CALLBACK (on_form_edit_cell_cb), self);
  g_signal_connect_swapped (self->form, "close-requested", G_CALLBACK (on_form_close_requested_cb), self);
  g_signal_connect_swapped (self->form, "delete-requested", G_CALLBACK (on_form_delete_requested_cb), self);
}


static gboolean
reveal_flap_idle_cb (gpointer user_data)
{
  NremMandatesPage *self = user_data;

  if (self->form != NULL)
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      nrem_mechanism_form_focus_name (self->form);
    }
  return G_SOURCE_REMOVE;
}

void
nrem_mandates_page_open_profile (NremMandatesPage *self,
                                 const char       *mechanism_uuid)
{
  gboolean fresh;

  g_return_if_fail (NREM_IS_MANDATES_PAGE (self));

  fresh = self->form == NULL;
  ensure_form (self);
  /* the matrix's cursor goes to the mechanism whose profile is open */
  if (self->matrix != NULL)
    {
      int m, d;
      int target = nrem_matrix_find_mechanism (self->matrix, mechanism_uuid);

      if (target >= 0 && (!nrem_matrix_grid_get_cursor (self->grid, &m, &d) || m != target))
        nrem_matrix_grid_set_cursor (self->grid, target, d);
    }
  nrem_mechanism_form_set_session (self->form, self->session);
  nrem_mechanism_form_set_matrix (self->form, self->matrix);
  nrem_mechanism_form_load (self->form, mechanism_uuid);
  if (fresh)
    {
      /* a flap just made is shown once it has been laid out */
      gtk_widget_queue_allocate (GTK_WIDGET (self->flap));
      g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, reveal_flap_idle_cb, g_object_ref (self), g_object_unref);
    }
  else
    {
      adw_flap_set_reveal_flap (self->flap, TRUE);
      nrem_mechanism_form_focus_name (self->form);
    }
}

static void
on_form_edit_cell_cb (NremMandatesPage  *self,
                      const char        *dimension_uuid,
                      NremMechanismForm *form)
{
  int m = nrem_matrix_find_mechanism (self->matrix, nrem_mechanism_form_get_uuid (form));
  int d = nrem_matrix_find_dimension (self->matrix, dimension_uuid);

  nrem_matrix_grid_set_cursor (self->grid, m, d);
  open_editor (self, m, d, nrem_mechanism_form_get_row_widget (form, dimension_uuid));
}

static void
on_form_close_requested_cb (NremMandatesPage *self)
{
  adw_flap_set_reveal_flap (self->flap, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
on_form_delete_requested_cb (NremMandatesPage  *self,
                             const char        *mechanism_uuid,
                             NremMechanismForm *form)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) assessments = NULL;
  g_autofree char *uuid = g_strdup (mechanism_uuid);
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  int m = nrem_matrix_find_mechanism (self->matrix, uuid);
  UndoEntry *entry;

  if (m >= 0)
    name = g_strdup (nrem_matrix_get_mechanism (self->matrix, (guint) m)->name);
  if (!nrem_store_mandates_delete_mechanism (get_store (self), uuid, &assessments, &error))
    {
      show_error (self, _("The mechanism could not be deleted"), error);
      return;
    }
  entry = g_new0 (UndoEntry, 1);
  entry->kind = UNDO_DELETE_MECHANISM;
  entry->mechanism = g_strdup (uuid);
  entry->assessments = g_steal_pointer (&assessments);
  entry->label = g_strdup (name ? name : "");
  push_undo (self, entry);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  nrem_mandates_page_reload (self);
  title = g_strdup_printf (_("Deleted “%s”"), name ? name : "");
  show_toast (self, title, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->grid));
}

static void
add_mechanism_action_cb (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (widget);
  static const char * const fields[] = { "name", "type", "reference", NULL };
  const char *values[] = { _("New mechanism"), "other", "0", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  UndoEntry *entry;
  int m;

  if (get_store (self) == NULL)
    return;
  uuid = nrem_store_create (get_store (self), NREM_ENTITY_MECHANISM, NULL, fields, values, &error);
  if (uuid == NULL)
    {
      show_error (self, _("The mechanism could not be added"), error);
      return;
    }
  entry = g_new0 (UndoEntry, 1);
  entry->kind = UNDO_ADD_MECHANISM;
  entry->mechanism = g_strdup (uuid);
  entry->label = g_strdup (values[0]);
  push_undo (self, entry);

  /* clear the search and filters that would hide it */
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_drop_down_set_selected (self->region_dropdown, 0);
  gtk_drop_down_set_selected (self->type_dropdown, 0);
  nrem_mandates_page_reload (self);
  m = nrem_matrix_find_mechanism (self->matrix, uuid);
  nrem_matrix_grid_set_cursor (self->grid, m, -1);
  gtk_stack_set_visible_child_name (self->view_stack, "matrix");
  nrem_mandates_page_open_profile (self, uuid);
  show_toast (self, _("Added a mechanism: give it a name, a country and a type"), TRUE);
}

static void
open_profile_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (widget);
  int m, d;

  if (nrem_matrix_grid_get_cursor (self->grid, &m, &d))
    on_grid_activate_mechanism_cb (self, m);
}

/* ------------------------------------------------------------------------------------------
 * Undo
 */

/**
 * nrem_mandates_page_undo:
 *
 * Takes back the last edit of a cell, addition or deletion of a mechanism.
 *
 * Returns: whether there was something to undo and it was undone
 */
gboolean
nrem_mandates_page_undo (NremMandatesPage *self)
{
  UndoEntry *entry;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;
  g_autofree char *title = NULL;

  g_return_val_if_fail (NREM_IS_MANDATES_PAGE (self), FALSE);

  if (get_store (self) == NULL || g_queue_is_empty (self->undo))
    return FALSE;
  if (self->editor != NULL && gtk_widget_get_visible (GTK_WIDGET (self->editor)))
    gtk_popover_popdown (GTK_POPOVER (self->editor));
  entry = g_queue_pop_head (self->undo);

  switch (entry->kind)
    {
    case UNDO_CELL:
      ok = nrem_store_mandates_save_cell (get_store (self), entry->mechanism, entry->dimension,
                                          entry->values[0], entry->values[1], entry->values[2],
                                          entry->values[3], &error);
      title = g_strdup_printf (_("Restored %s"), entry->label ? entry->label : _("the cell"));
      break;

    case UNDO_ADD_MECHANISM:
      ok = nrem_store_mandates_delete_mechanism (get_store (self), entry->mechanism, NULL, &error);
      if (ok && self->form != NULL &&
          g_strcmp0 (nrem_mechanism_form_get_uuid (self->form), entry->mechanism) == 0)
        adw_flap_set_reveal_flap (self->flap, FALSE);
      title = g_strdup (_("Removed the mechanism just added"));
      break;

    case UNDO_DELETE_MECHANISM:
      ok = nrem_store_mandates_undelete_mechanism (get_store (self), entry->mechanism,
                                                   entry->assessments, &error);
      title = g_strdup_printf (_("Restored “%s”"), entry->label);
      break;

    default:
      g_assert_not_reached ();
    }

  if (!ok)
    {
      show_error (self, _("Could not undo"), error);
      g_queue_push_head (self->undo, entry);
      return FALSE;
    }
  nrem_mandates_page_reload (self);
  if (entry->kind != UNDO_ADD_MECHANISM)
    nrem_matrix_grid_set_cursor (self->grid, nrem_matrix_find_mechanism (self->matrix, entry->mechanism),
                                 entry->dimension ? nrem_matrix_find_dimension (self->matrix, entry->dimension) : -1);
  show_toast (self, title, FALSE);
  undo_entry_free (entry);
  update_actions (self);
  return TRUE;
}

static void
undo_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  nrem_mandates_page_undo (NREM_MANDATES_PAGE (widget));
}

/* ------------------------------------------------------------------------------------------
 * Export
 */

typedef enum
{
  EXPORT_CSV,
  EXPORT_PNG,
  EXPORT_SVG,
} ExportKind;

static void
on_export_response_cb (GtkNativeDialog  *native,
                       int               response,
                       NremMandatesPage *self)
{
  ExportKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "nrem-kind"));
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  gboolean ok = FALSE;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));
  g_object_unref (native);
  if (file == NULL)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      show_toast (self, _("Choose a file on this computer to export to."), FALSE);
      return;
    }
  switch (kind)
    {
    case EXPORT_CSV:
      ok = nrem_matrix_export_csv (get_store (self), path, &error);
      break;
    case EXPORT_PNG:
      ok = nrem_comparison_chart_write_png (self->matrix, path, CHART_EXPORT_WIDTH, &error);
      break;
    case EXPORT_SVG:
    default:
      ok = nrem_comparison_chart_write_svg (self->matrix, path, CHART_EXPORT_WIDTH, &error);
      break;
    }
  if (!ok)
    show_error (self, _("The export failed"), error);
  else
    {
      g_autofree char *name = g_file_get_basename (file);
      g_autofree char *title = g_strdup_printf (_("Exported %s"), name);

      show_toast (self, title, FALSE);
    }
}

static void
export_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkFileChooserNative *native;
  ExportKind kind = EXPORT_CSV;
  const char *name = "nrem-mandate-matrix.csv";
  const char *title = _("Export the Matrix as CSV");
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (g_str_equal (action_name, "mandates.export-png"))
    {
      kind = EXPORT_PNG;
      name = "nrem-mandates-compared.png";
      title = _("Export the Chart as PNG");
      gtk_file_filter_set_name (filter, _("PNG images"));
      gtk_file_filter_add_mime_type (filter, "image/png");
    }
  else if (g_str_equal (action_name, "mandates.export-svg"))
    {
      kind = EXPORT_SVG;
      name = "nrem-mandates-compared.svg";
      title = _("Export the Chart as SVG");
      gtk_file_filter_set_name (filter, _("SVG images"));
      gtk_file_filter_add_mime_type (filter, "image/svg+xml");
    }
  else
    {
      gtk_file_filter_set_name (filter, _("CSV files"));
      gtk_file_filter_add_mime_type (filter, "text/csv");
      gtk_file_filter_add_suffix (filter, "csv");
    }

  native = gtk_file_chooser_native_new (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  g_object_set_data (G_OBJECT (native), "nrem-kind", GINT_TO_POINTER (kind));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
focus_search_action_cb (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *parameter)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (widget);

  gtk_stack_set_visible_child_name (self->view_stack, "matrix");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* ------------------------------------------------------------------------------------------
 * GtkWidget: the page lays out its one child and presents the editor popover
 */

static void
nrem_mandates_page_measure (GtkWidget      *widget,
                            GtkOrientation  orientation,
                            int             for_size,
                            int            *minimum,
                            int            *natural,
                            int            *minimum_baseline,
                            int            *natural_baseline)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (widget);

  gtk_widget_measure (GTK_WIDGET (self->toast_overlay), orientation, for_size, minimum, natural,
                      minimum_baseline, natural_baseline);
}

static void
nrem_mandates_page_size_allocate (GtkWidget *widget,
                                  int        width,
                                  int        height,
                                  int        baseline)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (widget);

  gtk_widget_allocate (GTK_WIDGET (self->toast_overlay), width, height, baseline, NULL);
  if (self->editor != NULL)
    gtk_popover_present (GTK_POPOVER (self->editor));
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_mandates_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, self->session);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_mandates_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      nrem_mandates_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_mandates_page_dispose (GObject *object)
{
  NremMandatesPage *self = NREM_MANDATES_PAGE (object);

  g_clear_handle_id (&self->reload_source, g_source_remove);
  g_clear_handle_id (&self->form_source, g_source_remove);
  if (self->toast != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->toast, self);
      g_clear_object (&self->toast);
    }
  if (self->editor != NULL)
    {
      nrem_cell_editor_flush (self->editor);
      g_signal_handlers_disconnect_by_data (self->editor, self);
      gtk_widget_unparent (GTK_WIDGET (self->editor));
      self->editor = NULL;
    }
  if (self->form != NULL)
    nrem_mechanism_form_flush (self->form);
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_MANDATES_PAGE);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->session);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  g_clear_pointer (&self->regions, g_ptr_array_unref);
  if (self->undo != NULL)
    {
      g_queue_free_full (self->undo, (GDestroyNotify) undo_entry_free);
      self->undo = NULL;
    }
  G_OBJECT_CLASS (nrem_mandates_page_parent_class)->dispose (object);
}

static void
nrem_mandates_page_class_init (NremMandatesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = nrem_mandates_page_get_property;
  object_class->set_property = nrem_mandates_page_set_property;
  object_class->dispose = nrem_mandates_page_dispose;

  widget_class->measure = nrem_mandates_page_measure;
  widget_class->size_allocate = nrem_mandates_page_size_allocate;

  properties[PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, NREM_TYPE_SESSION,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (NREM_TYPE_WRAP_BOX);
  g_type_ensure (NREM_TYPE_MATRIX_GRID);
  g_type_ensure (NREM_TYPE_COMPARISON_VIEW);
  g_type_ensure (NREM_TYPE_SIDE_BY_SIDE);
  g_type_ensure (NREM_TYPE_MECHANISM_FORM);

  gtk_widget_class_install_action (widget_class, "mandates.undo", NULL, undo_action_cb);
  gtk_widget_class_install_action (widget_class, "mandates.add-mechanism", NULL, add_mechanism_action_cb);
  gtk_widget_class_install_action (widget_class, "mandates.open-profile", NULL, open_profile_action_cb);
  gtk_widget_class_install_action (widget_class, "mandates.export-csv", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "mandates.export-png", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "mandates.export-svg", NULL, export_action_cb);
  gtk_widget_class_install_action (widget_class, "mandates.focus-search", NULL, focus_search_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "mandates.undo", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "mandates.focus-search", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/mandates/nrem-mandates-page.ui");
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, filters_box);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, matrix_toggle);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, comparison_toggle);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, side_by_side_toggle);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, group_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, region_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, type_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, group_by_dropdown);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, flap);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, form_bin);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, matrix_stack);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, grid);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, cursor_label);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, definition_label);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, comparison);
  gtk_widget_class_bind_template_child (widget_class, NremMandatesPage, side_by_side);
  gtk_widget_class_set_css_name (widget_class, "nrem-mandates-page");
}

static void
load_css_once (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      GtkCssProvider *provider = gtk_css_provider_new ();
      GdkDisplay *display = gdk_display_get_default ();

      gtk_css_provider_load_from_resource (provider, "/io/github/nremdesk/NremDesk/mandates/mandates.css");
      if (display != NULL)
        gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (provider),
                                                    GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
      g_object_unref (provider);
      g_once_init_leave (&done, 1);
    }
}

static void
nrem_mandates_page_init (NremMandatesPage *self)
{
  const char *groups[7] = { NULL };
  const char *types[8] = { NULL };
  const char * const group_by[] = { _("No grouping"), _("Group by region"), _("Group by type"), NULL };

  load_css_once ();
  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo = g_queue_new ();

  groups[0] = _("All dimensions");
  for (int i = 0; i < 5; i++)
    groups[i + 1] = nrem_matrix_group_label (i);
  types[0] = _("All types");
  for (int i = 0; nrem_mechanism_types[i] != NULL && i < 6; i++)
    types[i + 1] = nrem_matrix_type_label (nrem_mechanism_types[i]);
  self->loading_filters = TRUE;
  fill_string_dropdown (self->group_dropdown, groups, 0);
  fill_string_dropdown (self->type_dropdown, types, 0);
  fill_string_dropdown (self->group_by_dropdown, group_by, 0);
  fill_string_dropdown (self->region_dropdown, (const char * const []) { _("All regions"), NULL }, 0);
  self->loading_filters = FALSE;

  g_signal_connect (self->matrix_toggle, "toggled", G_CALLBACK (on_view_toggled_cb), self);
  g_signal_connect (self->comparison_toggle, "toggled", G_CALLBACK (on_view_toggled_cb), self);
  g_signal_connect (self->side_by_side_toggle, "toggled", G_CALLBACK (on_view_toggled_cb), self);
  g_signal_connect_swapped (self->view_stack, "notify::visible-child-name",
                            G_CALLBACK (on_view_changed_cb), self);


  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->group_dropdown, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->region_dropdown, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->type_dropdown, "notify::selected", G_CALLBACK (apply_filter), self);
  g_signal_connect_swapped (self->group_by_dropdown, "notify::selected", G_CALLBACK (apply_filter), self);

  g_signal_connect_swapped (self->grid, "activate-cell", G_CALLBACK (on_grid_activate_cell_cb), self);
  g_signal_connect_swapped (self->grid, "activate-mechanism", G_CALLBACK (on_grid_activate_mechanism_cb), self);
  g_signal_connect_swapped (self->grid, "cursor-changed", G_CALLBACK (on_grid_cursor_changed_cb), self);
  g_signal_connect_swapped (self->grid, "picked-changed", G_CALLBACK (on_grid_picked_changed_cb), self);


  g_signal_connect (self, "map", G_CALLBACK (on_map_cb), NULL);

  update_actions (self);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

GtkWidget *
nrem_mandates_page_new (void)
{
  return g_object_new (NREM_TYPE_MANDATES_PAGE, NULL);
}

NremSession *
nrem_mandates_page_get_session (NremMandatesPage *self)
{
  g_return_val_if_fail (NREM_IS_MANDATES_PAGE (self), NULL);
  return self->session;
}

/**
 * nrem_mandates_page_set_session:
 *
 * The matrix loads when the pane is first shown (or at once if it is), so that the window's
 * first frame does not wait for it.
 */
void
nrem_mandates_page_set_session (NremMandatesPage *self,
                                NremSession      *session)
{
  g_return_if_fail (NREM_IS_MANDATES_PAGE (self));

  if (self->session == session)
    return;
  if (self->session != NULL)
    g_signal_handlers_disconnect_by_func (self->session, on_session_changed_cb, self);
  g_set_object (&self->session, session);
  if (session != NULL)
    g_signal_connect_swapped (session, "changed", G_CALLBACK (on_session_changed_cb), self);
  if (self->form != NULL)
    nrem_mechanism_form_set_session (self->form, session);
  g_queue_clear_full (self->undo, (GDestroyNotify) undo_entry_free);
  adw_flap_set_reveal_flap (self->flap, FALSE);
  if (gtk_widget_get_mapped (GTK_WIDGET (self)) || session == NULL)
    nrem_mandates_page_reload (self);
  else
    {
      self->dirty = TRUE;
      g_clear_pointer (&self->matrix, nrem_matrix_unref);
    }
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SESSION]);
}

NremMatrix *
nrem_mandates_page_get_matrix (NremMandatesPage *self)
{
  g_return_val_if_fail (NREM_IS_MANDATES_PAGE (self), NULL);
  return self->matrix;
}

GtkWidget *
nrem_mandates_page_get_grid (NremMandatesPage *self)
{
  return GTK_WIDGET (self->grid);
}

GtkWidget *
nrem_mandates_page_get_editor (NremMandatesPage *self)
{
  ensure_editor (self);
  return GTK_WIDGET (self->editor);
}

GtkWidget *
nrem_mandates_page_get_form (NremMandatesPage *self)
{
  ensure_form (self);
  return GTK_WIDGET (self->form);
}

guint
nrem_mandates_page_get_n_undo (NremMandatesPage *self)
{
  return g_queue_get_length (self->undo);
}

void
nrem_mandates_page_set_search (NremMandatesPage *self,
                               const char       *text)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_filter (self);
}
