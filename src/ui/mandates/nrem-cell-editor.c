/* nrem-cell-editor.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-cell-editor"

#include "config.h"

#include "mandates/nrem-cell-editor.h"
#include "nrem-time.h"

#include <glib/gi18n.h>
#include <string.h>

#define TEXT_DELAY_MS 400

struct _NremCellEditor
{
  GtkPopover      parent_instance;

  /* template widgets */
  GtkLabel       *mechanism_label;
  GtkLabel       *dimension_label;
  GtkLabel       *definition_label;
  GtkBox         *value_box;
  GtkTextView    *note_view;
  GtkEntry       *source_entry;
  GtkEntry       *as_of_entry;
  GtkLabel       *problem_label;

  /* the value's controls, made for each dimension */
  GPtrArray      *value_buttons;   /* GtkToggleButton or GtkCheckButton, one per key */
  GPtrArray      *value_keys;      /* the keys they stand for; "" for not assessed */
  GtkTextView    *text_view;       /* for text dimensions */
  GtkBox         *options_box;     /* the linked toggle buttons of one choice */

  char           *mechanism_uuid;
  char           *dimension_uuid;
  char           *dimension_key;
  NremValueType   value_type;
  char           *original[4];     /* value, note, source, as_of when the edit began */
  char           *value;           /* the value chosen now */

  guint           text_source;
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (NremCellEditor, nrem_cell_editor, GTK_TYPE_POPOVER)

enum {
  CHANGED,
  CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static char *
buffer_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
nonempty (char *text)
{
  if (text != NULL && g_strstrip (text)[0] == '\0')
    {
      g_free (text);
      return NULL;
    }
  return text;
}

static void
emit_changed (NremCellEditor *self)
{
  g_clear_handle_id (&self->text_source, g_source_remove);
  if (!self->loading)
    g_signal_emit (self, signals[CHANGED], 0);
}

static gboolean
text_timeout_cb (gpointer user_data)
{
  NremCellEditor *self = user_data;

  self->text_source = 0;
  g_signal_emit (self, signals[CHANGED], 0);
  return G_SOURCE_REMOVE;
}

static void
schedule_text_save (NremCellEditor *self)
{
  if (self->loading)
    return;
  g_clear_handle_id (&self->text_source, g_source_remove);
  self->text_source = g_timeout_add (TEXT_DELAY_MS, text_timeout_cb, self);
}

static const char *
check_as_of (NremCellEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry));

  if (text[0] == '\0' || nrem_date_is_valid (text))
    return NULL;
  return _("The date must be a real date written as YYYY-MM-DD, for example 2014-05-21. Until it is, the date is not saved.");
}

static void
update_problem (NremCellEditor *self)
{
  const char *problem = check_as_of (self);

  gtk_label_set_text (self->problem_label, problem ? problem : "");
  gtk_widget_set_visible (GTK_WIDGET (self->problem_label), problem != NULL);
  if (problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (self->as_of_entry), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->as_of_entry), "error");
}

static void
clear_value_controls (NremCellEditor *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->value_box))) != NULL)
    gtk_box_remove (self->value_box, child);
  g_ptr_array_set_size (self->value_buttons, 0);
  g_ptr_array_set_size (self->value_keys, 0);
  self->text_view = NULL;
  self->options_box = NULL;
}

static void
sync_buttons (NremCellEditor *self)
{
  g_auto(GStrv) parts = NULL;

  self->loading = TRUE;
  if (self->value_type == NREM_VALUE_MULTI)
    parts = g_strsplit (self->value ? self->value : "", ",", -1);
  for (guint i = 0; i < self->value_buttons->len; i++)
    {
      GtkWidget *button = g_ptr_array_index (self->value_buttons, i);
      const char *key = g_ptr_array_index (self->value_keys, i);
      gboolean active;

      if (self->value_type == NREM_VALUE_MULTI)
        active = key[0] != '\0' && g_strv_contains ((const char * const *) parts, key);
      else
        active = g_strcmp0 (key, self->value ? self->value : "") == 0;

      if (GTK_IS_CHECK_BUTTON (button))
        gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
      else
        gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), active);
    }
  self->loading = FALSE;
}

/* ------------------------------------------------------------------------------------------
 * Callbacks
 */

static void
on_toggle_cb (GtkToggleButton *button,
              NremCellEditor  *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "nrem-key");

  if (self->loading || !gtk_toggle_button_get_active (button))
    return;
  g_free (self->value);
  self->value = key[0] != '\0' ? g_strdup (key) : NULL;
  emit_changed (self);
}

static void
on_check_cb (GtkCheckButton *button,
             NremCellEditor *self)
{
  const char *key = g_object_get_data (G_OBJECT (button), "nrem-key");
  GString *value = g_string_new (NULL);
  gboolean unknown = g_strcmp0 (key, "unknown") == 0 && gtk_check_button_get_active (button);

  if (self->loading)
    {
      g_string_free (value, TRUE);
      return;
    }
  /* "unknown" excludes the options, and an option excludes "unknown" */
  for (guint i = 0; i < self->value_buttons->len; i++)
    {
      GtkCheckButton *other = g_ptr_array_index (self->value_buttons, i);
      const char *other_key = g_ptr_array_index (self->value_keys, i);
      gboolean is_unknown = g_strcmp0 (other_key, "unknown") == 0;

      if (!gtk_check_button_get_active (other))
        continue;
      if (unknown && !is_unknown)
        continue;
      if (!unknown && is_unknown && other != button)
        continue;
      if (value->len > 0)
        g_string_append_c (value, ',');
      g_string_append (value, other_key);
    }
  g_free (self->value);
  self->value = g_string_free (value, FALSE);
  if (self->value[0] == '\0')
    g_clear_pointer (&self->value, g_free);
  sync_buttons (self);
  emit_changed (self);
}

static void
on_text_changed_cb (NremCellEditor *self)
{
  if (self->loading)
    return;
  if (self->text_view != NULL)
    {
      g_free (self->value);
      self->value = nonempty (buffer_text (self->text_view));
    }
  schedule_text_save (self);
}

static void
on_as_of_changed_cb (NremCellEditor *self)
{
  if (self->loading)
    return;
  update_problem (self);
  schedule_text_save (self);
}

static void
on_clear_clicked_cb (NremCellEditor *self)
{
  self->loading = TRUE;
  g_clear_pointer (&self->value, g_free);
  if (self->text_view != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), "");
  self->loading = FALSE;
  sync_buttons (self);
  update_problem (self);
  emit_changed (self);
}

static void
on_done_clicked_cb (NremCellEditor *self)
{
  gtk_popover_popdown (GTK_POPOVER (self));
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   NremCellEditor        *self)
{
  if (keyval != GDK_KEY_Escape)
    return FALSE;
  /* Escape undoes the whole edit, then closes */
  g_clear_handle_id (&self->text_source, g_source_remove);
  g_signal_emit (self, signals[CANCELLED], 0);
  gtk_popover_popdown (GTK_POPOVER (self));
  return TRUE;
}

static void
on_closed_cb (NremCellEditor *self)
{
  nrem_cell_editor_flush (self);
}

/* ------------------------------------------------------------------------------------------
 * Building the value's controls
 */

static const char *
symbol_for (NremLevel level)
{
  switch (level)
    {
    case NREM_LEVEL_YES: return "✓";
    case NREM_LEVEL_PARTIAL: return "◐";
    case NREM_LEVEL_NO: return "✗";
    case NREM_LEVEL_UNKNOWN: return "?";
    case NREM_LEVEL_EMPTY: return "—";
    case NREM_LEVEL_NEUTRAL:
    case NREM_N_LEVELS:
    default: return "•";
    }
}

static void
add_toggle (NremCellEditor            *self,
            const NremMatrixDimension *dimension,
            const char                *key,
            GtkToggleButton          **group)
{
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  GtkWidget *button;
  GtkWidget *child;
  NremLevel level = nrem_matrix_level_for_value (dimension, key);

  if (key[0] == '\0')
    label = g_strdup (_("Not assessed"));
  else
    label = nrem_matrix_option_label (dimension->key, key);
  text = g_strdup_printf ("%s  %s", symbol_for (level), label);

  button = gtk_toggle_button_new ();
  child = gtk_label_new (text);
  gtk_label_set_xalign (GTK_LABEL (child), 0);
  gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
  gtk_button_set_child (GTK_BUTTON (button), child);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "nrem-value-option");
  if (*group != NULL)
    gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (button), *group);
  else
    *group = GTK_TOGGLE_BUTTON (button);
  g_object_set_data_full (G_OBJECT (button), "nrem-key", g_strdup (key), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (on_toggle_cb), self);
  gtk_box_append (self->options_box, button);
  g_ptr_array_add (self->value_buttons, button);
  g_ptr_array_add (self->value_keys, g_strdup (key));
}

static void
add_check (NremCellEditor            *self,
           const NremMatrixDimension *dimension,
           const char                *key)
{
  g_autofree char *label = nrem_matrix_option_label (dimension->key, key);
  GtkWidget *button = gtk_check_button_new_with_label (label);

  g_object_set_data_full (G_OBJECT (button), "nrem-key", g_strdup (key), g_free);
  g_signal_connect (button, "toggled", G_CALLBACK (on_check_cb), self);
  gtk_box_append (self->value_box, button);
  g_ptr_array_add (self->value_buttons, button);
  g_ptr_array_add (self->value_keys, g_strdup (key));
}

static void
build_value_controls (NremCellEditor            *self,
                      const NremMatrixDimension *dimension)
{
  GtkToggleButton *group = NULL;
  GtkWidget *heading;

  clear_value_controls (self);

  heading = gtk_label_new (_("Value"));
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "caption-heading");
  gtk_box_append (self->value_box, heading);

  switch (dimension->value_type)
    {
    case NREM_VALUE_TRISTATE:
      self->options_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      gtk_widget_add_css_class (GTK_WIDGET (self->options_box), "linked");
      gtk_box_append (self->value_box, GTK_WIDGET (self->options_box));
      for (guint i = 0; i < 4; i++)
        add_toggle (self, dimension, (const char * const[]) { "yes", "partial", "no", "unknown" }[i], &group);
      add_toggle (self, dimension, "", &group);
      break;

    case NREM_VALUE_ENUM:
      self->options_box = GTK_BOX (gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));
      gtk_widget_add_css_class (GTK_WIDGET (self->options_box), "linked");
      gtk_box_append (self->value_box, GTK_WIDGET (self->options_box));
      for (guint i = 0; dimension->options[i] != NULL; i++)
        add_toggle (self, dimension, dimension->options[i], &group);
      add_toggle (self, dimension, "unknown", &group);
      add_toggle (self, dimension, "", &group);
      break;

    case NREM_VALUE_MULTI:
      for (guint i = 0; dimension->options[i] != NULL; i++)
        add_check (self, dimension, dimension->options[i]);
      add_check (self, dimension, "unknown");
      break;

    case NREM_VALUE_TEXT:
    default:
      {
        GtkWidget *scrolled = gtk_scrolled_window_new ();

        gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                        GTK_POLICY_AUTOMATIC);
        gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 72);
        gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
        gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
        gtk_widget_add_css_class (scrolled, "nrem-editor-field");
        self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
        gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
        gtk_text_view_set_accepts_tab (self->text_view, FALSE);
        gtk_text_view_set_top_margin (self->text_view, 6);
        gtk_text_view_set_bottom_margin (self->text_view, 6);
        gtk_text_view_set_left_margin (self->text_view, 8);
        gtk_text_view_set_right_margin (self->text_view, 8);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view),
                                        GTK_ACCESSIBLE_PROPERTY_LABEL, dimension->label, -1);
        gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->text_view));
        g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                                  G_CALLBACK (on_text_changed_cb), self);
        gtk_box_append (self->value_box, scrolled);
        gtk_label_set_mnemonic_widget (GTK_LABEL (heading), GTK_WIDGET (self->text_view));
      }
      break;
    }
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_cell_editor_dispose (GObject *object)
{
  NremCellEditor *self = NREM_CELL_EDITOR (object);

  g_clear_handle_id (&self->text_source, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_CELL_EDITOR);
  G_OBJECT_CLASS (nrem_cell_editor_parent_class)->dispose (object);
}

static void
nrem_cell_editor_finalize (GObject *object)
{
  NremCellEditor *self = NREM_CELL_EDITOR (object);

  g_ptr_array_unref (self->value_buttons);
  g_ptr_array_unref (self->value_keys);
  g_free (self->mechanism_uuid);
  g_free (self->dimension_uuid);
  g_free (self->dimension_key);
  for (guint i = 0; i < 4; i++)
    g_free (self->original[i]);
  g_free (self->value);
  G_OBJECT_CLASS (nrem_cell_editor_parent_class)->finalize (object);
}

static void
nrem_cell_editor_class_init (NremCellEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_cell_editor_dispose;
  object_class->finalize = nrem_cell_editor_finalize;

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                  NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/mandates/nrem-cell-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, NremCellEditor, mechanism_label);
  gtk_widget_class_bind_template_child (widget_class, NremCellEditor, dimension_label);
  gtk_widget_class_bind_template_child (widget_class, NremCellEditor, definition_label);
  gtk_widget_class_bind_template_child (widget_class, NremCellEditor, value_box);
  gtk_widget_class_bind_template_child (widget_class, NremCellEditor, note_view);
  gtk_widget_class_bind_template_child (widget_class, NremCellEditor, source_entry);
  gtk_widget_class_bind_template_child (widget_class, NremCellEditor, as_of_entry);
  gtk_widget_class_bind_template_child (widget_class, NremCellEditor, problem_label);
  gtk_widget_class_bind_template_callback (widget_class, on_clear_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_done_clicked_cb);
}

static void
nrem_cell_editor_init (NremCellEditor *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->value_buttons = g_ptr_array_new ();
  self->value_keys = g_ptr_array_new_with_free_func (g_free);

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->note_view), "changed",
                            G_CALLBACK (on_text_changed_cb), self);
  g_signal_connect_swapped (self->source_entry, "changed", G_CALLBACK (on_text_changed_cb), self);
  g_signal_connect_swapped (self->as_of_entry, "changed", G_CALLBACK (on_as_of_changed_cb), self);
  g_signal_connect (self, "closed", G_CALLBACK (on_closed_cb), NULL);
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

GtkWidget *
nrem_cell_editor_new (void)
{
  return g_object_new (NREM_TYPE_CELL_EDITOR, NULL);
}

/**
 * nrem_cell_editor_load:
 *
 * Shows one cell. Whatever is pending of the previous cell is said first ("changed").
 */
void
nrem_cell_editor_load (NremCellEditor *self,
                       NremMatrix     *matrix,
                       guint           mechanism,
                       guint           dimension)
{
  const NremMatrixMechanism *m = nrem_matrix_get_mechanism (matrix, mechanism);
  const NremMatrixDimension *d = nrem_matrix_get_dimension (matrix, dimension);
  const NremMatrixCell *cell = nrem_matrix_get_cell (matrix, mechanism, dimension);
  g_autofree char *title = nrem_matrix_mechanism_title (m);

  g_return_if_fail (NREM_IS_CELL_EDITOR (self));

  nrem_cell_editor_flush (self);

  g_free (self->mechanism_uuid);
  g_free (self->dimension_uuid);
  g_free (self->dimension_key);
  self->mechanism_uuid = g_strdup (m->uuid);
  self->dimension_uuid = g_strdup (d->uuid);
  self->dimension_key = g_strdup (d->key);
  self->value_type = d->value_type;
  for (guint i = 0; i < 4; i++)
    g_free (self->original[i]);
  self->original[0] = g_strdup (cell->value);
  self->original[1] = g_strdup (cell->note);
  self->original[2] = g_strdup (cell->source);
  self->original[3] = g_strdup (cell->as_of);
  g_free (self->value);
  self->value = g_strdup (cell->value);

  self->loading = TRUE;
  gtk_label_set_text (self->mechanism_label, title);
  gtk_label_set_text (self->dimension_label, d->label);
  gtk_label_set_text (self->definition_label, d->definition ? d->definition : "");
  gtk_widget_set_visible (GTK_WIDGET (self->definition_label), d->definition != NULL);
  build_value_controls (self, d);
  if (self->text_view != NULL)
    gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view),
                              cell->value ? cell->value : "", -1);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), cell->note ? cell->note : "", -1);
  gtk_editable_set_text (GTK_EDITABLE (self->source_entry), cell->source ? cell->source : "");
  gtk_editable_set_text (GTK_EDITABLE (self->as_of_entry), cell->as_of ? cell->as_of : "");
  self->loading = FALSE;
  sync_buttons (self);
  update_problem (self);

  {
    g_autofree char *name = g_strdup_printf (_("Edit %s for %s"), d->label, title);

    gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  }
}

const char *
nrem_cell_editor_get_mechanism_uuid (NremCellEditor *self)
{
  return self->mechanism_uuid;
}

const char *
nrem_cell_editor_get_dimension_uuid (NremCellEditor *self)
{
  return self->dimension_uuid;
}

/**
 * nrem_cell_editor_get_values:
 *
 * The values to store now, each (transfer full) (nullable). A date that is not valid yet is
 * not stored: the date the cell had stays.
 */
void
nrem_cell_editor_get_values (NremCellEditor  *self,
                             char           **value,
                             char           **note,
                             char           **source,
                             char           **as_of)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->as_of_entry));

  *value = g_strdup (self->value);
  *note = nonempty (buffer_text (self->note_view));
  *source = nonempty (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->source_entry))));
  if (check_as_of (self) != NULL)
    *as_of = g_strdup (self->original[3]);
  else
    *as_of = nonempty (g_strdup (date));
}

void
nrem_cell_editor_get_original (NremCellEditor  *self,
                               const char     **value,
                               const char     **note,
                               const char     **source,
                               const char     **as_of)
{
  *value = self->original[0];
  *note = self->original[1];
  *source = self->original[2];
  *as_of = self->original[3];
}

/**
 * nrem_cell_editor_flush:
 *
 * Says at once what typing left pending.
 *
 * Returns: whether something was pending
 */
gboolean
nrem_cell_editor_flush (NremCellEditor *self)
{
  if (self->text_source == 0)
    return FALSE;
  emit_changed (self);
  return TRUE;
}

/* For tests and assistive paths: choose a value as a click would. */
void
nrem_cell_editor_set_value (NremCellEditor *self,
                            const char     *value)
{
  g_free (self->value);
  self->value = value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
  if (self->text_view != NULL)
    {
      self->loading = TRUE;
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), value ? value : "", -1);
      self->loading = FALSE;
    }
  sync_buttons (self);
  emit_changed (self);
}

void
nrem_cell_editor_set_note (NremCellEditor *self,
                           const char     *note)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), note ? note : "", -1);
  nrem_cell_editor_flush (self);
}
