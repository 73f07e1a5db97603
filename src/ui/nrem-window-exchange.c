/* nrem-window-exchange.c
 *
 * The flows of the primary menu. Import: choose a file → read and check it on a worker thread
 * (progress, Cancel) → preview what merging would do → merge on a worker thread (progress, no
 * Cancel: one transaction) → a toast with the result, the backup, and "Review" when conflicts
 * were left. Load Sample Data is the same flow from the resource. Export: scope and contacts →
 * choose a file → write on a worker thread → a toast.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-window"

#include "config.h"

#include "nrem-window-private.h"
#include "exchange/nrem-export-dialog.h"
#include "nrem-ui-text.h"

#include <glib/gi18n.h>
#include <string.h>

/* the progress dialog appears only for work that takes a moment */
#define PROGRESS_DELAY_MS 250

typedef struct
{
  NremWindow       *window;
  GCancellable     *cancellable;
  char             *display_name;
  gboolean          sample;
  NremImport       *import;
  NremImportReport  report;
  GFile            *file;
} Op;

static Op *
op_new (NremWindow *self,
        const char *display_name)
{
  Op *op = g_new0 (Op, 1);

  op->window = g_object_ref (self);
  op->cancellable = g_cancellable_new ();
  op->display_name = g_strdup (display_name);
  return op;
}

static void
op_free (Op *op)
{
  g_clear_object (&op->window);
  g_clear_object (&op->cancellable);
  g_clear_pointer (&op->display_name, g_free);
  g_clear_pointer (&op->import, nrem_import_free);
  nrem_import_report_clear (&op->report);
  g_clear_object (&op->file);
  g_free (op);
}

/* ------------------------------------------------------------------------------------------
 * Being busy
 */

static gboolean
show_progress_cb (gpointer user_data)
{
  NremWindow *self = user_data;

  self->progress_source = 0;
  if (self->progress_dialog != NULL)
    gtk_window_present (GTK_WINDOW (self->progress_dialog));
  return G_SOURCE_REMOVE;
}

static void
on_progress_response_cb (NremProgressDialog *dialog,
                         const char         *response,
                         Op                 *op)
{
  NremWindow *self = op->window;

  if (g_strcmp0 (response, "cancel") != 0)
    return;
  /* the worker stops at its next check; its result is then dropped */
  g_cancellable_cancel (op->cancellable);
  if (self->progress_dialog == dialog)
    {
      g_clear_handle_id (&self->progress_source, g_source_remove);
      self->progress_dialog = NULL;
    }
}

static void
begin_busy (NremWindow *self,
            Op         *op,
            const char *heading,
            const char *body,
            gboolean    cancellable)
{
  self->busy = TRUE;
  nrem_window_update_actions (self);

  self->progress_dialog = nrem_progress_dialog_new (GTK_WINDOW (self), heading, body);
  nrem_progress_dialog_set_cancellable (self->progress_dialog, cancellable);
  g_signal_connect (self->progress_dialog, "response", G_CALLBACK (on_progress_response_cb), op);
  self->progress_source = g_timeout_add (PROGRESS_DELAY_MS, show_progress_cb, self);
}

static void
end_busy (NremWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->progress_dialog != NULL)
    {
      g_signal_handlers_disconnect_matched (self->progress_dialog, G_SIGNAL_MATCH_FUNC, 0, 0, NULL,
                                            on_progress_response_cb, NULL);
      gtk_window_destroy (GTK_WINDOW (self->progress_dialog));
      self->progress_dialog = NULL;
    }
  self->busy = FALSE;
  self->merging = FALSE;
  nrem_window_update_actions (self);
}

static void
on_progress_cb (double   fraction,
                gpointer user_data)
{
  NremWindow *self = user_data;

  if (self->progress_dialog != NULL)
    nrem_progress_dialog_set_fraction (self->progress_dialog, fraction);
}

/* ------------------------------------------------------------------------------------------
 * Messages
 */

static void
forget_alert_cb (gpointer  user_data,
                 GObject  *where_the_object_was)
{
  NremWindow *self = user_data;

  if ((GObject *) self->alert_dialog == where_the_object_was)
    self->alert_dialog = NULL;
}

static void
on_alert_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      NremWindow       *self)
{
  if (self->alert_dialog == dialog)
    {
      g_object_weak_unref (G_OBJECT (dialog), forget_alert_cb, self);
      self->alert_dialog = NULL;
    }
}

/* The problems of a file, one a line; the file's name, when every line starts with it, said once. */
static GtkWidget *
make_problem_view (const char *details,
                   const char *file_name)
{
  g_auto(GStrv) lines = g_strsplit (details, "\n", -1);
  g_autofree char *prefix = file_name ? g_strconcat (file_name, ": ", NULL) : NULL;
  gboolean strip = prefix != NULL;
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  GtkTextTag *item;
  GtkTextIter end;

  for (guint i = 0; lines[i] != NULL && strip; i++)
    if (lines[i][0] != '\0' && !g_str_has_prefix (lines[i], prefix))
      strip = FALSE;

  /* a hanging indent: the bullet stands out, wrapped text aligns */
  item = gtk_text_buffer_create_tag (buffer, NULL,
                                     "left-margin", 24,
                                     "indent", -14,
                                     "pixels-below-lines", 6,
                                     NULL);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (line[0] == '\0')
        continue;
      if (strip)
        line += strlen (prefix);
      gtk_text_buffer_get_end_iter (buffer, &end);
      if (gtk_text_buffer_get_char_count (buffer) > 0)
        gtk_text_buffer_insert (buffer, &end, "\n", -1);
      gtk_text_buffer_insert_with_tags (buffer, &end, "•\t", -1, item, NULL);
      gtk_text_buffer_insert_with_tags (buffer, &end, line, -1, item, NULL);
    }

  gtk_text_view_set_editable (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (view), FALSE);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 12);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 6);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 12);
  {
    /* the tab after the bullet reaches the text's margin */
    PangoTabArray *tabs = pango_tab_array_new_with_positions (1, TRUE, PANGO_TAB_LEFT, 24);

    gtk_text_view_set_tabs (GTK_TEXT_VIEW (view), tabs);
    pango_tab_array_free (tabs);
  }
  gtk_widget_add_css_class (view, "problem-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Problems"),
                                  GTK_ACCESSIBLE_PROPERTY_READ_ONLY, TRUE,
                                  -1);

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), view);
  gtk_widget_add_css_class (scrolled, "card");
  gtk_widget_set_overflow (scrolled, GTK_OVERFLOW_HIDDEN);
  return scrolled;
}

/* An alert whose details (one problem a line) scroll and can be selected and copied. */
static void
show_alert (NremWindow *self,
            const char *heading,
            const char *body,
            const char *details,
            const char *file_name)
{
  AdwMessageDialog *dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                                         heading, body));

  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  if (details != NULL && details[0] != '\0')
    adw_message_dialog_set_extra_child (dialog, make_problem_view (details, file_name));

  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  adw_message_dialog_set_default_response (dialog, "close");
  adw_message_dialog_set_close_response (dialog, "close");

  if (self->alert_dialog != NULL)
    g_object_weak_unref (G_OBJECT (self->alert_dialog), forget_alert_cb, self);
  self->alert_dialog = dialog;
  g_object_weak_ref (G_OBJECT (dialog), forget_alert_cb, self);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_alert_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_import_error (NremWindow   *self,
                   const GError *error,
                   const char   *file_name)
{
  /* the error holds one problem a line: "file: json.path: message" */
  show_alert (self, _("The file cannot be imported"), _("Nothing was changed."), error->message,
              file_name);
}

/* ------------------------------------------------------------------------------------------
 * Import: merge
 */

static void
on_merge_done_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  Op *op = user_data;
  NremWindow *self = op->window;
  g_autoptr(GError) error = NULL;

  nrem_import_report_clear (&op->report);
  if (!nrem_session_merge_import_finish (NREM_SESSION (source), result, &op->report, &error))
    {
      end_busy (self);
      show_alert (self, _("The import failed"), _("Nothing was changed."), error->message, NULL);
      op_free (op);
      return;
    }
  end_busy (self);

  {
    g_autofree char *title = nrem_ui_import_result_title (&op->report);
    g_autofree char *escaped = g_markup_escape_text (title, -1);
    AdwToast *toast = adw_toast_new (escaped);

    adw_toast_set_timeout (toast, 10);
    if (op->report.total.conflicts > 0)
      {
        adw_toast_set_button_label (toast, _("_Review"));
        adw_toast_set_action_name (toast, "win.conflicts");
        adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
      }
    nrem_window_add_toast (self, toast);
  }
  op_free (op);
}

static void
merge (NremWindow *self,
       Op         *op)
{
  g_autofree char *body = g_strdup_printf (_("Merging “%s” into the database"), op->display_name);

  begin_busy (self, op, op->sample ? _("Loading the Sample Data…") : _("Importing…"), body, FALSE);
  self->merging = TRUE;
  nrem_session_merge_import_async (self->session, g_steal_pointer (&op->import),
                                   on_progress_cb, self, on_merge_done_cb, op);
}

/* ------------------------------------------------------------------------------------------
 * Import: preview
 */

static void
forget_preview_cb (gpointer  user_data,
                   GObject  *where_the_object_was)
{
  NremWindow *self = user_data;

  if ((GObject *) self->preview_dialog == where_the_object_was)
    self->preview_dialog = NULL;
}

static void
on_preview_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        NremWindow       *self)
{
  if (self->preview_dialog == dialog)
    {
      g_object_weak_unref (G_OBJECT (dialog), forget_preview_cb, self);
      self->preview_dialog = NULL;
    }

  /* the dialog owns the checked file until the user agrees to merge it */
  if (g_strcmp0 (response, "import") == 0 && self->session != NULL && !self->busy)
    merge (self, g_object_steal_data (G_OBJECT (dialog), "nrem-import-op"));
}

static GtkWidget *
make_preview_list (const NremImportReport *report)
{
  GtkWidget *list = gtk_list_box_new ();
  GtkWidget *scrolled = gtk_scrolled_window_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("What the file holds"),
                                  -1);

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      const NremMergeCounts *c = &report->by_entity[k];
      g_autofree char *counts = NULL;
      GtkWidget *row;
      GtkWidget *value;

      if (c->added + c->updated + c->unchanged + c->conflicts == 0)
        continue;
      counts = nrem_ui_merge_counts_describe (c);
      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), nrem_ui_entity_name (k));
      value = gtk_label_new (counts);
      gtk_label_set_wrap (GTK_LABEL (value), TRUE);
      gtk_label_set_width_chars (GTK_LABEL (value), 10);
      gtk_label_set_max_width_chars (GTK_LABEL (value), 20);
      gtk_label_set_justify (GTK_LABEL (value), GTK_JUSTIFY_RIGHT);
      gtk_label_set_xalign (GTK_LABEL (value), 1);
      gtk_widget_add_css_class (value, "dim-label");
      gtk_widget_add_css_class (value, "numeric");
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), value);
      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 280);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  return scrolled;
}

static void
show_preview (NremWindow *self,
              Op         *op)
{
  const NremMergeCounts *t = &op->report.total;
  gboolean nothing = t->added + t->updated + t->conflicts == 0;
  g_autofree char *heading = NULL;
  g_autofree char *summary = nrem_ui_import_preview_body (&op->report);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  if (nothing)
    heading = g_strdup (_("Nothing to Import"));
  else if (op->sample)
    heading = g_strdup (_("Load the Sample Data?"));
  else
    heading = g_strdup_printf (_("Import “%s”?"), op->display_name);

  if (op->sample)
    body = g_strdup_printf ("%s\n\n%s",
                            _("A fictional data set for demonstration and training: the people in it "
                              "are invented, the countries are real."),
                            summary);
  else
    body = g_steal_pointer (&summary);

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), heading, body));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  adw_message_dialog_set_extra_child (dialog, make_preview_list (&op->report));
  if (nothing)
    {
      adw_message_dialog_add_response (dialog, "cancel", _("_Close"));
      adw_message_dialog_set_default_response (dialog, "cancel");
    }
  else
    {
      adw_message_dialog_add_responses (dialog,
                                        "cancel", _("_Cancel"),
                                        "import", op->sample ? _("_Load") : _("_Import"),
                                        NULL);
      adw_message_dialog_set_response_appearance (dialog, "import", ADW_RESPONSE_SUGGESTED);
      adw_message_dialog_set_default_response (dialog, "import");
    }
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "nrem-import-op", op, (GDestroyNotify) op_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_preview_response_cb), self, 0);

  self->preview_dialog = dialog;
  g_object_weak_ref (G_OBJECT (dialog), forget_preview_cb, self);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------
 * Import: read
 */

static void
on_read_done_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  Op *op = user_data;
  NremWindow *self = op->window;
  g_autoptr(GError) error = NULL;

  op->import = nrem_session_read_import_finish (NREM_SESSION (source), result, &op->report, &error);
  end_busy (self);

  if (g_cancellable_is_cancelled (op->cancellable) ||
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      op_free (op);
      return;
    }
  if (op->import == NULL)
    {
      show_import_error (self, error, op->display_name);
      op_free (op);
      return;
    }
  show_preview (self, op);
}

static void
start_read (NremWindow *self,
            Op         *op,
            GBytes     *bytes)
{
  g_autofree char *body = g_strdup_printf (_("Checking “%s”"), op->display_name);

  begin_busy (self, op, op->sample ? _("Reading the Sample Data…") : _("Reading the File…"),
              body, TRUE);
  if (bytes != NULL)
    nrem_session_read_import_bytes_async (self->session, bytes, op->display_name, op->cancellable,
                                          on_read_done_cb, op);
  else
    /* reading reports only milestones: the bar pulses until the merge counts records */
    nrem_session_read_import_async (self->session, op->file, op->cancellable,
                                    NULL, NULL, on_read_done_cb, op);
}

static gboolean
can_import (NremWindow *self)
{
  return self->session != NULL && !self->busy &&
         !nrem_store_is_read_only (nrem_session_get_store (self->session));
}

/**
 * nrem_window_import_file:
 *
 * Reads @file, shows what merging it would do, and merges it when the user agrees.
 */
void
nrem_window_import_file (NremWindow *self,
                         GFile      *file)
{
  g_autofree char *name = NULL;
  Op *op;

  g_return_if_fail (NREM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (!can_import (self))
    return;
  name = g_file_get_basename (file);
  op = op_new (self, name);
  op->file = g_object_ref (file);
  start_read (self, op, NULL);
}

static void
import_bytes (NremWindow *self,
              GBytes     *bytes,
              const char *display_name,
              gboolean    sample)
{
  Op *op;

  if (!can_import (self))
    return;
  op = op_new (self, display_name);
  op->sample = sample;
  start_read (self, op, bytes);
}

/**
 * nrem_window_import_bytes:
 *
 * As nrem_window_import_file(), for data in memory.
 */
void
nrem_window_import_bytes (NremWindow *self,
                          GBytes     *bytes,
                          const char *display_name)
{
  g_return_if_fail (NREM_IS_WINDOW (self));
  g_return_if_fail (bytes != NULL);

  import_bytes (self, bytes, display_name, FALSE);
}

void
nrem_window_load_sample (NremWindow *self)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NREM_IS_WINDOW (self));

  bytes = g_resources_lookup_data (NREM_SAMPLE_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    {
      show_alert (self, _("The sample data is missing"), error->message, NULL, NULL);
      return;
    }
  import_bytes (self, bytes, "nrem-desk-sample.json", TRUE);
}

static void
on_import_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               NremWindow      *self)
{
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
  if (file != NULL)
    nrem_window_import_file (self, file);
}

static GtkFileFilter *
make_json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("NREM Desk Exchange Files"));
  gtk_file_filter_add_pattern (filter, "*.json");
  gtk_file_filter_add_pattern (filter, "*.JSON");
  gtk_file_filter_add_mime_type (filter, "application/json");
  return filter;
}

void
nrem_window_import (NremWindow *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = make_json_filter ();

  g_return_if_fail (NREM_IS_WINDOW (self));

  if (!can_import (self) || self->file_chooser != NULL)
    return;

  chooser = gtk_file_chooser_native_new (_("Import"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Import"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_import_chooser_response_cb), self,
                           0);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

/* ------------------------------------------------------------------------------------------
 * Export
 */

static void
on_export_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Op *op = user_data;
  NremWindow *self = op->window;
  g_autoptr(GError) error = NULL;
  gboolean ok = nrem_session_export_finish (NREM_SESSION (source), result, &error);

  end_busy (self);
  if (ok)
    {
      g_autofree char *title = g_strdup_printf (_("Exported to %s"), op->display_name);

      nrem_window_show_toast (self, title);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    show_alert (self, _("The export failed"), error->message, NULL, NULL);
  op_free (op);
}

/**
 * nrem_window_export_to_file:
 * @meeting_uuid: (nullable): the meeting to export, or %NULL for the whole database
 */
void
nrem_window_export_to_file (NremWindow *self,
                            GFile      *file,
                            const char *meeting_uuid,
                            gboolean    with_contacts)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  Op *op;

  g_return_if_fail (NREM_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->session == NULL || self->busy)
    return;

  name = g_file_get_basename (file);
  op = op_new (self, name);
  body = g_strdup_printf (_("Writing “%s”"), name);
  begin_busy (self, op, _("Exporting…"), body, TRUE);
  nrem_session_export_async (self->session, file, meeting_uuid, with_contacts, op->cancellable,
                             on_export_done_cb, op);
}

typedef struct
{
  char     *meeting_uuid;
  gboolean  with_contacts;
} ExportChoice;

static void
export_choice_free (gpointer data)
{
  ExportChoice *choice = data;

  g_free (choice->meeting_uuid);
  g_free (choice);
}

static void
on_export_chooser_response_cb (GtkNativeDialog *chooser,
                               int              response,
                               NremWindow      *self)
{
  ExportChoice *choice = g_object_get_data (G_OBJECT (chooser), "nrem-export-choice");
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL)
    nrem_window_export_to_file (self, file, choice->meeting_uuid, choice->with_contacts);
  if (self->file_chooser == chooser)
    g_clear_object (&self->file_chooser);
}

static void
on_export_dialog_response_cb (NremExportDialog *dialog,
                              const char       *response,
                              NremWindow       *self)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = NULL;
  g_autoptr(GDateTime) now = NULL;
  g_autofree char *suggested = NULL;
  ExportChoice *choice;
  NremMeeting *meeting;

  if (g_strcmp0 (response, "export") != 0 || self->file_chooser != NULL)
    return;

  meeting = nrem_export_dialog_get_whole_database (dialog) ? NULL
                                                          : nrem_export_dialog_get_meeting (dialog);
  choice = g_new0 (ExportChoice, 1);
  choice->meeting_uuid = meeting ? g_strdup (nrem_record_get_uuid (NREM_RECORD (meeting))) : NULL;
  choice->with_contacts = nrem_export_dialog_get_with_contacts (dialog);

  now = g_date_time_new_now_local ();
  suggested = nrem_ui_export_suggested_name (meeting, now);
  filter = make_json_filter ();

  chooser = gtk_file_chooser_native_new (_("Export"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Export"), _("_Cancel"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  g_object_set_data_full (G_OBJECT (chooser), "nrem-export-choice", choice, export_choice_free);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_export_chooser_response_cb), self,
                           0);
  self->file_chooser = GTK_NATIVE_DIALOG (chooser);
  gtk_native_dialog_show (self->file_chooser);
}

void
nrem_window_export (NremWindow *self)
{
  NremExportDialog *dialog;

  g_return_if_fail (NREM_IS_WINDOW (self));

  if (self->session == NULL || self->busy)
    return;
  dialog = nrem_export_dialog_new (GTK_WINDOW (self), nrem_session_get_meeting (self->session));
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_export_dialog_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------
 * Conflicts
 */

void
nrem_window_show_conflicts (NremWindow *self)
{
  g_return_if_fail (NREM_IS_WINDOW (self));

  if (self->session == NULL)
    return;
  if (self->conflict_dialog == NULL)
    {
      int width = gtk_widget_get_width (GTK_WIDGET (self));
      int height = gtk_widget_get_height (GTK_WIDGET (self));

      self->conflict_dialog = nrem_conflict_dialog_new (GTK_WINDOW (self), self->session);
      /* no larger than the window it reviews, on a small screen that is the screen */
      if (width > 0 && height > 0)
        gtk_window_set_default_size (GTK_WINDOW (self->conflict_dialog),
                                     MIN (960, width), MIN (640, height));
      g_object_add_weak_pointer (G_OBJECT (self->conflict_dialog),
                                 (gpointer *) &self->conflict_dialog);
    }
  gtk_window_present (GTK_WINDOW (self->conflict_dialog));
}

/* ------------------------------------------------------------------------------------------ */

void
nrem_window_exchange_dispose (NremWindow *self)
{
  g_clear_handle_id (&self->progress_source, g_source_remove);
  if (self->file_chooser != NULL)
    {
      gtk_native_dialog_destroy (self->file_chooser);
      g_clear_object (&self->file_chooser);
    }
  if (self->preview_dialog != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->preview_dialog), forget_preview_cb, self);
      self->preview_dialog = NULL;
    }
  if (self->alert_dialog != NULL)
    {
      g_object_weak_unref (G_OBJECT (self->alert_dialog), forget_alert_cb, self);
      self->alert_dialog = NULL;
    }
  if (self->conflict_dialog != NULL)
    {
      g_object_remove_weak_pointer (G_OBJECT (self->conflict_dialog),
                                    (gpointer *) &self->conflict_dialog);
      self->conflict_dialog = NULL;
    }
}

const NremImportReport *
nrem_window_get_preview_report (NremWindow *self)
{
  Op *op;

  if (self->preview_dialog == NULL)
    return NULL;
  /* the preview's operation rides on its response handler */
  op = g_object_get_data (G_OBJECT (self->preview_dialog), "nrem-import-op");
  return op ? &op->report : NULL;
}
