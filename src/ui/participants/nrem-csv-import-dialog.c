/* nrem-csv-import-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-participants"

#include "config.h"

#include "nrem-csv-import-dialog.h"

#include "nrem-participants-models.h"

#include <glib/gi18n.h>

/* rows shown in the preview; those with problems first */
#define PREVIEW_ROWS 200

struct _NremCsvImportDialog
{
  AdwWindow            parent_instance;

  NremSession         *session;
  NremParticipantCsv  *csv;
  GPtrArray           *meetings;   /* uuids; index 0 is "no meeting" (NULL) */
  GPtrArray           *column_rows;
  guint                n_preview;
  gboolean             building;

  AdwWindowTitle      *window_title;
  GtkButton           *import_button;
  AdwPreferencesGroup *columns_group;
  AdwComboRow         *meeting_row;
  GtkLabel            *summary_label;
  GtkLabel            *notes_label;
  GtkListBox          *preview_list;
  GtkLabel            *more_label;
};

G_DEFINE_FINAL_TYPE (NremCsvImportDialog, nrem_csv_import_dialog, ADW_TYPE_WINDOW)

enum {
  IMPORTED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
current_meeting (NremCsvImportDialog *self)
{
  guint position = adw_combo_row_get_selected (self->meeting_row);

  if (position == GTK_INVALID_LIST_POSITION || position >= self->meetings->len)
    return NULL;
  return g_ptr_array_index (self->meetings, position);
}

static const char *
action_label (NremCsvRowAction action)
{
  switch (action)
    {
    case NREM_CSV_ROW_NEW:
      return _("New");
    case NREM_CSV_ROW_UPDATE:
      return _("Updates a person already here");
    case NREM_CSV_ROW_UNCHANGED:
      return _("Already up to date");
    case NREM_CSV_ROW_INVALID:
    default:
      return _("To correct");
    }
}

static GtkWidget *
make_preview_row (NremCsvImportDialog *self,
                  const NremCsvRow    *row)
{
  GtkWidget *widget = adw_action_row_new ();
  g_autoptr(GString) subtitle = g_string_new (NULL);
  g_autofree char *country = row->country != NULL
    ? nrem_session_dup_country_name (self->session, row->country) : NULL;
  g_autofree char *head = NULL;
  g_autofree char *title = g_markup_escape_text (row->name != NULL ? row->name : _("(no name)"), -1);

  head = country != NULL ? g_strdup_printf (_("Line %u · %s · %s"), row->line, action_label (row->action), country)
                         : g_strdup_printf (_("Line %u · %s"), row->line, action_label (row->action));
  g_string_append (subtitle, head);
  for (guint i = 0; i < row->problems->len; i++)
    {
      g_autofree char *escaped = g_markup_escape_text (g_ptr_array_index (row->problems, i), -1);

      g_string_append_printf (subtitle, "\n%s", escaped);
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (widget), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (widget), subtitle->str);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (widget), 0);
  if (row->problems->len > 0)
    {
      GtkWidget *icon = gtk_image_new_from_icon_name (row->blocking ? "dialog-error-symbolic"
                                                                     : "dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, row->blocking ? "error" : "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      row->blocking ? _("Must be corrected") : _("Note"), -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (widget), icon);
    }
  return widget;
}

static void
refresh (NremCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *plan = NULL;
  g_autofree char *button = NULL;
  const char * const *notes;
  GtkWidget *child;
  guint n_rows, blocking, importable, shown = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_list))) != NULL)
    gtk_list_box_remove (self->preview_list, child);

  if (!nrem_participant_csv_plan (self->csv, nrem_session_get_store (self->session),
                                  current_meeting (self), &error))
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), FALSE);
      return;
    }

  n_rows = nrem_participant_csv_get_n_rows (self->csv);
  blocking = nrem_participant_csv_get_n_blocking (self->csv);
  importable = nrem_participant_csv_count (self->csv, NREM_CSV_ROW_NEW) +
               nrem_participant_csv_count (self->csv, NREM_CSV_ROW_UPDATE);
  plan = nrem_participant_csv_describe_plan (self->csv);
  if (blocking > 0)
    {
      g_autofree char *text = g_strdup_printf (ngettext ("%s. One problem must be corrected in the file "
                                                         "(or in the columns above) before anything is imported.",
                                                         "%s. %u problems must be corrected in the file "
                                                         "(or in the columns above) before anything is imported.",
                                                         blocking),
                                               plan, blocking);

      gtk_label_set_label (self->summary_label, text);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
    }
  else
    {
      gtk_label_set_label (self->summary_label, plan);
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
    }

  notes = nrem_participant_csv_get_notes (self->csv);
  if (notes[0] != NULL)
    {
      g_autofree char *text = g_strjoinv ("\n", (char **) notes);

      gtk_label_set_label (self->notes_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->notes_label), notes[0] != NULL);

  /* the rows with problems first, then the others in file order */
  for (int pass = 0; pass < 2; pass++)
    for (guint i = 0; i < n_rows && shown < PREVIEW_ROWS; i++)
      {
        const NremCsvRow *row = nrem_participant_csv_get_row (self->csv, i);

        if ((pass == 0) != (row->problems->len > 0))
          continue;
        gtk_list_box_append (self->preview_list, make_preview_row (self, row));
        shown++;
      }
  self->n_preview = shown;
  if (shown < n_rows)
    {
      g_autofree char *more = g_strdup_printf (ngettext ("And %u more row", "And %u more rows", n_rows - shown),
                                               n_rows - shown);

      gtk_label_set_label (self->more_label, more);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->more_label), shown < n_rows);

  button = importable > 0
    ? g_strdup_printf (ngettext ("_Import %u Person", "_Import %u People", importable), importable)
    : g_strdup (_("_Import"));
  gtk_button_set_label (self->import_button, button);
  nrem_participants_fix_mnemonic_names (GTK_WIDGET (self->import_button));
  gtk_widget_set_sensitive (GTK_WIDGET (self->import_button), blocking == 0 && importable > 0);
}

static void
on_column_selected_cb (AdwComboRow         *row,
                       GParamSpec          *pspec,
                       NremCsvImportDialog *self)
{
  guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "nrem-column"));
  guint field = adw_combo_row_get_selected (row);

  if (self->building || field == GTK_INVALID_LIST_POSITION)
    return;
  nrem_participant_csv_set_mapping (self->csv, column, field);

  /* another column that held the field lets it go */
  self->building = TRUE;
  for (guint i = 0; i < self->column_rows->len; i++)
    {
      AdwComboRow *other = g_ptr_array_index (self->column_rows, i);
      guint mapped = nrem_participant_csv_get_mapping (self->csv, i);

      if (adw_combo_row_get_selected (other) != mapped)
        adw_combo_row_set_selected (other, mapped);
    }
  self->building = FALSE;
  refresh (self);
}

static void
on_meeting_selected_cb (NremCsvImportDialog *self)
{
  if (!self->building)
    refresh (self);
}

static void
on_import_clicked_cb (NremCsvImportDialog *self)
{
  nrem_csv_import_dialog_run_import (self);
}

static void
build (NremCsvImportDialog *self)
{
  g_autoptr(GtkStringList) fields = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) meetings = gtk_string_list_new (NULL);
  GListModel *model = nrem_session_get_meetings (self->session);
  gboolean has_status = FALSE;

  self->building = TRUE;
  adw_window_title_set_subtitle (self->window_title, nrem_participant_csv_get_display_name (self->csv));

  for (guint f = 0; f < NREM_CSV_N_FIELDS; f++)
    gtk_string_list_append (fields, nrem_csv_field_label (f));
  for (guint c = 0; c < nrem_participant_csv_get_n_columns (self->csv); c++)
    {
      GtkWidget *row = adw_combo_row_new ();
      const char *header = nrem_participant_csv_get_header (self->csv, c);
      g_autofree char *title = header[0] != '\0' ? g_strdup (header) : g_strdup_printf (_("Column %u"), c + 1);
      g_autofree char *samples = nrem_participant_csv_dup_samples (self->csv, c, 3);
      NremCsvField mapped = nrem_participant_csv_get_mapping (self->csv, c);

      has_status |= mapped == NREM_CSV_FIELD_STATUS || mapped == NREM_CSV_FIELD_HEAD;
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
      adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), samples);
      adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (fields));
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), mapped);
      g_object_set_data (G_OBJECT (row), "nrem-column", GUINT_TO_POINTER (c));
      g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_column_selected_cb), self, 0);
      adw_preferences_group_add (self->columns_group, row);
      g_ptr_array_add (self->column_rows, row);
    }

  gtk_string_list_append (meetings, _("No meeting"));
  g_ptr_array_add (self->meetings, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(NremMeeting) meeting = g_list_model_get_item (model, i);
      NremRecord *record = NREM_RECORD (meeting);
      const char *short_title = nrem_record_get_string (record, "short_title");

      gtk_string_list_append (meetings, short_title ? short_title : nrem_record_get_string (record, "title"));
      g_ptr_array_add (self->meetings, g_strdup (nrem_record_get_uuid (record)));
    }
  adw_combo_row_set_model (self->meeting_row, G_LIST_MODEL (meetings));
  /* a file that says who confirmed is about the meeting at hand */
  if (has_status && nrem_session_get_meeting (self->session) != NULL)
    nrem_csv_import_dialog_set_meeting (self, nrem_record_get_uuid (NREM_RECORD (nrem_session_get_meeting (self->session))));
  else
    adw_combo_row_set_selected (self->meeting_row, 0);
  g_signal_connect_object (self->meeting_row, "notify::selected", G_CALLBACK (on_meeting_selected_cb),
                           self, G_CONNECT_SWAPPED);
  self->building = FALSE;
  refresh (self);
}

static void
nrem_csv_import_dialog_dispose (GObject *object)
{
  NremCsvImportDialog *self = (NremCsvImportDialog *) object;

  g_clear_object (&self->session);
  g_clear_pointer (&self->csv, nrem_participant_csv_free);
  g_clear_pointer (&self->meetings, g_ptr_array_unref);
  g_clear_pointer (&self->column_rows, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), NREM_TYPE_CSV_IMPORT_DIALOG);
  G_OBJECT_CLASS (nrem_csv_import_dialog_parent_class)->dispose (object);
}

static void
nrem_csv_import_dialog_class_init (NremCsvImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = nrem_csv_import_dialog_dispose;

  /**
   * NremCsvImportDialog::imported:
   * @summary: what was done, for a toast
   */
  signals[IMPORTED] =
    g_signal_new ("imported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/nremdesk/NremDesk/participants/nrem-csv-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, NremCsvImportDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, NremCsvImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, NremCsvImportDialog, columns_group);
  gtk_widget_class_bind_template_child (widget_class, NremCsvImportDialog, meeting_row);
  gtk_widget_class_bind_template_child (widget_class, NremCsvImportDialog, summary_label);
  gtk_widget_class_bind_template_child (widget_class, NremCsvImportDialog, notes_label);
  gtk_widget_class_bind_template_child (widget_class, NremCsvImportDialog, preview_list);
  gtk_widget_class_bind_template_child (widget_class, NremCsvImportDialog, more_label);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
nrem_csv_import_dialog_init (NremCsvImportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->meetings = g_ptr_array_new_with_free_func (g_free);
  self->column_rows = g_ptr_array_new ();
  g_signal_connect_object (self->import_button, "clicked", G_CALLBACK (on_import_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  nrem_participants_fix_mnemonic_names (GTK_WIDGET (self));
}

/**
 * nrem_csv_import_dialog_new:
 * @csv: (transfer full): the file, read
 */
NremCsvImportDialog *
nrem_csv_import_dialog_new (NremSession        *session,
                            NremParticipantCsv *csv)
{
  NremCsvImportDialog *self = g_object_new (NREM_TYPE_CSV_IMPORT_DIALOG, NULL);

  self->session = g_object_ref (session);
  self->csv = csv;
  build (self);
  return self;
}

void
nrem_csv_import_dialog_set_mapping (NremCsvImportDialog *self,
                                    guint                column,
                                    NremCsvField         field)
{
  g_return_if_fail (column < self->column_rows->len);
  adw_combo_row_set_selected (g_ptr_array_index (self->column_rows, column), field);
}

void
nrem_csv_import_dialog_set_meeting (NremCsvImportDialog *self,
                                    const char          *meeting_uuid)
{
  for (guint i = 0; i < self->meetings->len; i++)
    if (g_strcmp0 (g_ptr_array_index (self->meetings, i), meeting_uuid) == 0)
      adw_combo_row_set_selected (self->meeting_row, i);
}

gboolean
nrem_csv_import_dialog_can_import (NremCsvImportDialog *self)
{
  return gtk_widget_get_sensitive (GTK_WIDGET (self->import_button));
}

const char *
nrem_csv_import_dialog_get_summary (NremCsvImportDialog *self)
{
  return gtk_label_get_label (self->summary_label);
}

guint
nrem_csv_import_dialog_get_n_preview_rows (NremCsvImportDialog *self)
{
  return self->n_preview;
}

/**
 * nrem_csv_import_dialog_run_import:
 *
 * Imports (all or nothing). On success emits "imported" and closes; otherwise says why in
 * the dialog, which stays open.
 */
gboolean
nrem_csv_import_dialog_run_import (NremCsvImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  NremCsvResult result;

  if (!nrem_participant_csv_apply (self->csv, nrem_session_get_store (self->session),
                                   current_meeting (self), &result, &error))
    {
      gtk_label_set_label (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
      return FALSE;
    }
  summary = nrem_csv_result_describe (&result);
  nrem_csv_result_clear (&result);
  g_signal_emit (self, signals[IMPORTED], 0, summary);
  gtk_window_close (GTK_WINDOW (self));
  return TRUE;
}
