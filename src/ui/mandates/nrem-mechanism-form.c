/* nrem-mechanism-form.c
 *
 * Saving: every edit marks the form; 400 ms after the last keystroke, when a choice is made,
 * when the form closes or shows another mechanism, the profile is written in one update. A
 * name left empty or a year that is not one is marked and kept, never written nor dropped.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-mechanism-form"

#include "config.h"

#include "mandates/nrem-mechanism-form.h"
#include "nrem-entity.h"
#include "nrem-store-mandates.h"

#include <glib/gi18n.h>
#include <stdlib.h>

#define SAVE_DELAY_MS 400

struct _NremMechanismForm
{
  GtkWidget           parent_instance;

  NremSession        *session;
  NremMatrix         *matrix;
  char               *uuid;
  gboolean            reference;
  GPtrArray          *countries;      /* GStrv { code, name, region } */
  GPtrArray          *mandate_rows;   /* AdwActionRow, one per dimension */

  /* template widgets */
  GtkLabel           *heading_label;
  AdwEntryRow        *name_row;
  AdwComboRow        *country_row;
  AdwComboRow        *type_row;
  AdwEntryRow        *legal_basis_row;
  AdwEntryRow        *established_row;
  AdwEntryRow        *host_body_row;
  AdwEntryRow        *website_row;
  GtkTextView        *notes_view;
  GtkLabel           *problem_label;
  GtkListBox         *mandate_list;
  GtkWidget          *delete_button;

  guint               save_source;
  gboolean            dirty;
  gboolean            loading;
  gboolean            countries_stale;
  gboolean            focus_pending;
};

G_DEFINE_FINAL_TYPE (NremMechanismForm, nrem_mechanism_form, GTK_TYPE_WIDGET)

enum {
  EDIT_CELL,
  DELETE_REQUESTED,
  CLOSE_REQUESTED,
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static char *
notes_text (NremMechanismForm *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
stripped (const char *text)
{
  return g_strstrip (g_strdup (text != NULL ? text : ""));
}

static void
set_row_error (AdwEntryRow *row,
               gboolean     error)
{
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Returns: (nullable): why the form cannot be saved as it is */
static char *
check_form (NremMechanismForm *self)
{
  g_autofree char *name = stripped (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  g_autofree char *year = stripped (gtk_editable_get_text (GTK_EDITABLE (self->established_row)));
  GString *problems = g_string_new (NULL);
  gboolean bad_year = FALSE;

  if (year[0] != '\0')
    {
      char *end = NULL;
      long y = strtol (year, &end, 10);

      bad_year = end == NULL || *end != '\0' || y < 1800 || y > 2100;
    }
  set_row_error (self->name_row, name[0] == '\0');
  set_row_error (self->established_row, bad_year);
  if (name[0] == '\0')
    g_string_append (problems, _("The name cannot be empty; the profile is saved once it has one."));
  if (bad_year)
    {
      if (problems->len > 0)
        g_string_append_c (problems, ' ');
      g_string_append (problems, _("“Established” must be a year between 1800 and 2100; until it is, the profile is not saved."));
    }
  if (problems->len == 0)
    {
      g_string_free (problems, TRUE);
      return NULL;
    }
  return g_string_free (problems, FALSE);
}

static gboolean
save (NremMechanismForm *self)
{
  static const char * const fields[] = { "name", "country", "type", "legal_basis", "established",
                                         "host_body", "website", "notes", NULL };
  g_autofree char *problem = NULL;
  g_autofree char *name = NULL, *legal = NULL, *year = NULL, *host = NULL, *web = NULL, *notes = NULL;
  const char *country = NULL;
  guint ci, ti;
  g_autoptr(GError) error = NULL;

  g_clear_handle_id (&self->save_source, g_source_remove);
  if (!self->dirty || self->uuid == NULL || self->session == NULL)
    return TRUE;

  problem = check_form (self);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  if (problem != NULL)
    return FALSE;

  name = stripped (gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  legal = stripped (gtk_editable_get_text (GTK_EDITABLE (self->legal_basis_row)));
  year = stripped (gtk_editable_get_text (GTK_EDITABLE (self->established_row)));
  host = stripped (gtk_editable_get_text (GTK_EDITABLE (self->host_body_row)));
  web = stripped (gtk_editable_get_text (GTK_EDITABLE (self->website_row)));
  notes = notes_text (self);
  ci = adw_combo_row_get_selected (self->country_row);
  if (ci != GTK_INVALID_LIST_POSITION && ci > 0 && ci - 1 < self->countries->len)
    country = ((char **) g_ptr_array_index (self->countries, ci - 1))[0];
  ti = adw_combo_row_get_selected (self->type_row);
  if (ti == GTK_INVALID_LIST_POSITION || ti >= g_strv_length ((char **) nrem_mechanism_types))
    ti = g_strv_length ((char **) nrem_mechanism_types) - 1;

  {
    const char *values[] = { name, country, nrem_mechanism_types[ti], legal, year, host, web, notes, NULL };

    if (!nrem_store_update (nrem_session_get_store (self->session), NREM_ENTITY_MECHANISM,
                            self->uuid, fields, values, &error))
      {
        g_autofree char *message = g_strdup_printf (_("The profile could not be saved: %s"), error->message);

        gtk_label_set_text (self->problem_label, message);
        gtk_widget_set_visible (GTK_WIDGET (self->problem_label), TRUE);
        return FALSE;
      }
  }
  self->dirty = FALSE;
  gtk_label_set_text (self->heading_label, name);
  g_signal_emit (self, signals[SAVED], 0);
  return TRUE;
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  NremMechanismForm *self = user_data;

  self->save_source = 0;
  save (self);
  return G_SOURCE_REMOVE;
}

static void
on_edited_cb (NremMechanismForm *self)
{
  g_autofree char *problem = NULL;

  if (self->loading)
    return;
  self->dirty = TRUE;
  problem = check_form (self);
  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  g_clear_handle_id (&self->save_source, g_source_remove);
  self->save_source = g_timeout_add (SAVE_DELAY_MS, save_timeout_cb, self);
}

static void
on_name_row_map_cb (NremMechanismForm *self)
{
  if (self->focus_pending)
    nrem_mechanism_form_focus_name (self);
}

static void
on_choice_cb (NremMechanismForm *self)
{
  if (self->loading)
    return;
  self->dirty = TRUE;
  save (self);
}

static void
on_edit_clicked_cb (GtkButton         *button,
                    NremMechanismForm *self)
{
  const char *dimension = g_object_get_data (G_OBJECT (button), "nrem-dimension");

  g_signal_emit (self, signals[EDIT_CELL], 0, dimension);
}

static void
describe_row (NremMechanismForm         *self,
              GtkWidget                 *row,
              const NremMatrixDimension *dim,
              const NremMatrixCell      *cell)
{
  GtkWidget *button = g_object_get_data (G_OBJECT (row), "nrem-button");
  g_autofree char *value = nrem_matrix_value_label (dim, cell->value);
  g_autofree char *shown = NULL;
  g_autofree char *accessible = NULL;

  if (value[0] == '\0')
    {
      g_free (value);
      value = g_strdup (_("Not assessed"));
    }
  shown = g_markup_escape_text (value, -1);
  if (cell->note != NULL || cell->source != NULL)
    {
      /* Translators: a value, then the mark of a cell that has a note or a source */
      char *with_mark = g_strdup_printf (_("%s · has a note or source"), shown);

      g_free (shown);
      shown = with_mark;
    }
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), dim->label);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), shown);
  accessible = g_strdup_printf (_("Edit %s: %s"), dim->label, value);
  gtk_widget_set_tooltip_text (button, accessible);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);
}

/* The mandate list: rebuilt when the mechanism or the dimensions change, else updated in
 * place (so that an editor open on one of its rows stays open while the store changes). */
static void
rebuild_mandate (NremMechanismForm *self)
{
  GtkWidget *child;
  int m = -1;
  gboolean same = TRUE;
  guint n_dims;

  if (self->matrix != NULL && self->uuid != NULL)
    m = nrem_matrix_find_mechanism (self->matrix, self->uuid);
  n_dims = m >= 0 ? nrem_matrix_get_n_dimensions (self->matrix) : 0;

  /* a mechanism deleted while its profile closes keeps its rows until another is shown */
  if (m < 0 && self->uuid != NULL && self->mandate_rows->len > 0 &&
      g_strcmp0 (g_object_get_data (G_OBJECT (self->mandate_list), "nrem-mechanism"), self->uuid) == 0)
    return;

  same = n_dims > 0 && self->mandate_rows->len == n_dims &&
         g_strcmp0 (g_object_get_data (G_OBJECT (self->mandate_list), "nrem-mechanism"), self->uuid) == 0;
  for (guint d = 0; same && d < n_dims; d++)
    same = g_strcmp0 (g_object_get_data (g_ptr_array_index (self->mandate_rows, d), "nrem-dimension"),
                      nrem_matrix_get_dimension (self->matrix, d)->uuid) == 0;
  if (same)
    {
      for (guint d = 0; d < n_dims; d++)
        describe_row (self, g_ptr_array_index (self->mandate_rows, d),
                      nrem_matrix_get_dimension (self->matrix, d),
                      nrem_matrix_get_cell (self->matrix, (guint) m, d));
      return;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->mandate_list))) != NULL)
    gtk_list_box_remove (self->mandate_list, child);
  g_ptr_array_set_size (self->mandate_rows, 0);
  g_object_set_data_full (G_OBJECT (self->mandate_list), "nrem-mechanism", g_strdup (self->uuid), g_free);

  for (guint d = 0; d < n_dims; d++)
    {
      const NremMatrixDimension *dim = nrem_matrix_get_dimension (self->matrix, d);
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *button = gtk_button_new_from_icon_name ("document-edit-symbolic");

      gtk_widget_add_css_class (button, "flat");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      g_object_set_data_full (G_OBJECT (button), "nrem-dimension", g_strdup (dim->uuid), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_edit_clicked_cb), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      /* the row opens the editor too; the button keeps its own accessible name */
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_signal_connect_swapped (row, "activated", G_CALLBACK (gtk_widget_activate), button);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
      g_object_set_data (G_OBJECT (row), "nrem-button", button);
      g_object_set_data_full (G_OBJECT (row), "nrem-dimension", g_strdup (dim->uuid), g_free);
      describe_row (self, row, dim, nrem_matrix_get_cell (self->matrix, (guint) m, d));
      gtk_list_box_append (self->mandate_list, row);
      g_ptr_array_add (self->mandate_rows, row);
    }
}

static void
fill_countries (NremMechanismForm *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  g_clear_pointer (&self->countries, g_ptr_array_unref);
  if (self->session != NULL)
    self->countries = nrem_store_mandates_list_countries (nrem_session_get_store (self->session), NULL);
  if (self->countries == NULL)
    self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  gtk_string_list_append (list, _("No country"));
  for (guint i = 0; i < self->countries->len; i++)
    gtk_string_list_append (list, ((char **) g_ptr_array_index (self->countries, i))[1]);
  self->loading = TRUE;
  adw_combo_row_set_model (self->country_row, G_LIST_MODEL (list));
  self->loading = FALSE;
}

/* ------------------------------------------------------------------------------------------
 * Actions
 */

static void
close_action_cb (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  NremMechanismForm *self = NREM_MECHANISM_FORM (widget);

  save (self);
  g_signal_emit (self, signals[CLOSE_REQUESTED], 0);
}

static void
delete_action_cb (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  NremMechanismForm *self = NREM_MECHANISM_FORM (widget);

  if (self->uuid == NULL || self->reference)
    return;
  g_clear_handle_id (&self->save_source, g_source_remove);
  save (self);
  g_signal_emit (self, signals[DELETE_REQUESTED], 0, self->uuid);
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_mechanism_form_dispose (GObject *object)
{
  NremMechanismForm *self = NREM_MECHANISM_FORM (object);

  if (self->save_source != 0)
    save (self);
  g_clear_handle_id (&self->save_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_MECHANISM_FORM);
  {
    GtkWidget *child;

    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->session);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  g_clear_pointer (&self->countries, g_ptr_array_unref);
  G_OBJECT_CLASS (nrem_mechanism_form_parent_class)->dispose (object);
}

static void
nrem_mechanism_form_finalize (GObject *object)
{
  NremMechanismForm *self = NREM_MECHANISM_FORM (object);

  g_free (self->uuid);
  g_ptr_array_unref (self->mandate_rows);
  G_OBJECT_CLASS (nrem_mechanism_form_parent_class)->finalize (object);
}

static void
nrem_mechanism_form_class_init (NremMechanismFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_mechanism_form_dispose;
  object_class->finalize = nrem_mechanism_form_finalize;

  /**
   * NremMechanismForm::edit-cell:
   * @dimension: the uuid of the dimension whose cell to edit
   */
  signals[EDIT_CELL] =
    g_signal_new ("edit-cell", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[DELETE_REQUESTED] =
    g_signal_new ("delete-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);
  signals[CLOSE_REQUESTED] =
    g_signal_new ("close-requested", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[SAVED] =
    g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "form.close", NULL, close_action_cb);
  gtk_widget_class_install_action (widget_class, "form.delete", NULL, delete_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "form.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/mandates/nrem-mechanism-form.ui");
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, heading_label);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, name_row);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, country_row);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, type_row);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, legal_basis_row);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, established_row);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, host_body_row);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, website_row);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, notes_view);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, problem_label);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, mandate_list);
  gtk_widget_class_bind_template_child (widget_class, NremMechanismForm, delete_button);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "nrem-mechanism-form");
}

static void
nrem_mechanism_form_init (NremMechanismForm *self)
{
  g_autoptr(GtkStringList) types = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  self->mandate_rows = g_ptr_array_new ();
  self->countries = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; nrem_mechanism_types[i] != NULL; i++)
    gtk_string_list_append (types, nrem_matrix_type_label (nrem_mechanism_types[i]));
  adw_combo_row_set_model (self->type_row, G_LIST_MODEL (types));

  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_edited_cb), self);
  g_signal_connect_swapped (self->legal_basis_row, "changed", G_CALLBACK (on_edited_cb), self);
  g_signal_connect_swapped (self->established_row, "changed", G_CALLBACK (on_edited_cb), self);
  g_signal_connect_swapped (self->host_body_row, "changed", G_CALLBACK (on_edited_cb), self);
  g_signal_connect_swapped (self->website_row, "changed", G_CALLBACK (on_edited_cb), self);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed",
                            G_CALLBACK (on_edited_cb), self);
  g_signal_connect_swapped (self->name_row, "map", G_CALLBACK (on_name_row_map_cb), self);
  g_signal_connect_swapped (self->country_row, "notify::selected", G_CALLBACK (on_choice_cb), self);
  g_signal_connect_swapped (self->type_row, "notify::selected", G_CALLBACK (on_choice_cb), self);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

GtkWidget *
nrem_mechanism_form_new (void)
{
  return g_object_new (NREM_TYPE_MECHANISM_FORM, NULL);
}

void
nrem_mechanism_form_set_session (NremMechanismForm *self,
                                 NremSession       *session)
{
  g_return_if_fail (NREM_IS_MECHANISM_FORM (self));

  if (!g_set_object (&self->session, session))
    return;
  /* the list of countries is read when a profile is first shown */
  self->countries_stale = TRUE;
}

/**
 * nrem_mechanism_form_load:
 *
 * Shows the profile of one mechanism, from the store. Pending edits of the previous one are
 * saved first.
 */
void
nrem_mechanism_form_load (NremMechanismForm *self,
                          const char        *mechanism_uuid)
{
  g_autoptr(NremRow) row = NULL;
  const char *country, *type;
  guint ci = 0, ti = 0;

  g_return_if_fail (NREM_IS_MECHANISM_FORM (self));

  save (self);
  if (self->countries_stale)
    {
      self->countries_stale = FALSE;
      fill_countries (self);
    }
  g_free (self->uuid);
  self->uuid = g_strdup (mechanism_uuid);
  if (self->session != NULL && mechanism_uuid != NULL)
    row = nrem_store_get_row (nrem_session_get_store (self->session), NREM_ENTITY_MECHANISM,
                              mechanism_uuid, NULL);

  self->loading = TRUE;
  country = row ? nrem_row_get (row, "country") : NULL;
  type = row ? nrem_row_get (row, "type") : NULL;
  for (guint i = 0; country != NULL && i < self->countries->len; i++)
    if (g_strcmp0 (((char **) g_ptr_array_index (self->countries, i))[0], country) == 0)
      ci = i + 1;
  for (guint i = 0; nrem_mechanism_types[i] != NULL; i++)
    if (g_strcmp0 (nrem_mechanism_types[i], type) == 0)
      ti = i;
  self->reference = row != NULL && g_strcmp0 (nrem_row_get (row, "reference"), "1") == 0;

  gtk_label_set_text (self->heading_label, row ? nrem_row_get (row, "name") : _("Mechanism Profile"));
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), row && nrem_row_get (row, "name") ? nrem_row_get (row, "name") : "");
  adw_combo_row_set_selected (self->country_row, ci);
  adw_combo_row_set_selected (self->type_row, ti);
  gtk_editable_set_text (GTK_EDITABLE (self->legal_basis_row),
                         row && nrem_row_get (row, "legal_basis") ? nrem_row_get (row, "legal_basis") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->established_row),
                         row && nrem_row_get (row, "established") ? nrem_row_get (row, "established") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->host_body_row),
                         row && nrem_row_get (row, "host_body") ? nrem_row_get (row, "host_body") : "");
  gtk_editable_set_text (GTK_EDITABLE (self->website_row),
                         row && nrem_row_get (row, "website") ? nrem_row_get (row, "website") : "");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view),
                            row && nrem_row_get (row, "notes") ? nrem_row_get (row, "notes") : "", -1);
  /* long texts show their beginning */
  gtk_editable_set_position (GTK_EDITABLE (self->name_row), 0);
  gtk_editable_set_position (GTK_EDITABLE (self->legal_basis_row), 0);
  gtk_editable_set_position (GTK_EDITABLE (self->host_body_row), 0);
  gtk_editable_set_position (GTK_EDITABLE (self->website_row), 0);
  self->loading = FALSE;
  self->dirty = FALSE;
  set_row_error (self->name_row, FALSE);
  set_row_error (self->established_row, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), FALSE);
  gtk_widget_set_sensitive (self->delete_button, row != NULL && !self->reference);
  gtk_widget_set_tooltip_text (self->delete_button,
                               self->reference ? _("Reference profiles are part of the built-in data and cannot be deleted") : NULL);
  rebuild_mandate (self);
}

const char *
nrem_mechanism_form_get_uuid (NremMechanismForm *self)
{
  g_return_val_if_fail (NREM_IS_MECHANISM_FORM (self), NULL);
  return self->uuid;
}

/* A new matrix: the mandate list shows its values; the profile fields, being typed in, stay. */
void
nrem_mechanism_form_set_matrix (NremMechanismForm *self,
                                NremMatrix        *matrix)
{
  g_return_if_fail (NREM_IS_MECHANISM_FORM (self));

  if (matrix != NULL)
    nrem_matrix_ref (matrix);
  g_clear_pointer (&self->matrix, nrem_matrix_unref);
  self->matrix = matrix;
  rebuild_mandate (self);
}

gboolean
nrem_mechanism_form_flush (NremMechanismForm *self)
{
  g_return_val_if_fail (NREM_IS_MECHANISM_FORM (self), FALSE);
  return save (self);
}

void
nrem_mechanism_form_focus_name (NremMechanismForm *self)
{
  /* a form still sliding in takes the focus once it is shown */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self->name_row)))
    {
      self->focus_pending = TRUE;
      return;
    }
  self->focus_pending = FALSE;
  gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
  /* the cursor at the end, nothing selected: typing adds to the name */
  gtk_editable_set_position (GTK_EDITABLE (self->name_row), -1);
}

/**
 * nrem_mechanism_form_get_row_widget:
 *
 * Returns: (transfer none) (nullable): the row of the mandate list for a dimension
 */
GtkWidget *
nrem_mechanism_form_get_row_widget (NremMechanismForm *self,
                                    const char        *dimension_uuid)
{
  for (guint i = 0; i < self->mandate_rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->mandate_rows, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (row), "nrem-dimension"), dimension_uuid) == 0)
        return row;
    }
  return NULL;
}
