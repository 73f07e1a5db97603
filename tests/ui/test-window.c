/* test-window.c
 *
 * The window and its dialogs, driven in-process through their actions and the functions the
 * actions call, checked against the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>

#include "conflicts/nrem-conflict-dialog.h"
#include "exchange/nrem-export-dialog.h"
#include "exchange/nrem-progress-dialog.h"
#include "meetings/nrem-meeting-row.h"
#include "meetings/nrem-meeting-selector.h"
#include "nrem-exchange.h"
#include "nrem-pane-slot.h"
#include "nrem-session.h"
#include "nrem-time.h"
#include "nrem-ui-text.h"
#include "nrem-uuid.h"
#include "nrem-window-private.h"
#include "overview/nrem-count-tile.h"
#include "overview/nrem-overview-page-private.h"

#define BANGKOK_UUID "5862ca7e-5108-5623-8dc4-8bf867ee0229"
#define BERLIN_UUID "453635de-548e-5765-b753-cbcd60f3ee6d"
#define BANGKOK_TITLE "Second Consultative Meeting on Strengthening Partnerships with National " \
                      "Rapporteurs on Trafficking in Persons and Equivalent Mechanisms"

static char *tmp_root;

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

typedef gboolean (*Condition) (gpointer data);

static gboolean
wait_until (Condition condition,
            gpointer  data,
            guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!condition (data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
  return TRUE;
}

static gboolean
always_false (gpointer data)
{
  return FALSE;
}

/* Lets idles and short timeouts run. */
static void
spin (guint ms)
{
  wait_until (always_false, NULL, ms);
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (data));
}

static gboolean
is_idle (gpointer data)
{
  return !nrem_window_is_busy (NREM_WINDOW (data));
}

static gboolean
has_preview (gpointer data)
{
  return nrem_window_get_import_preview (NREM_WINDOW (data)) != NULL;
}

static gboolean
has_alert (gpointer data)
{
  return nrem_window_get_alert (NREM_WINDOW (data)) != NULL;
}

static gboolean
nothing_pending (gpointer data)
{
  return !nrem_overview_page_has_pending (NREM_OVERVIEW_PAGE (data));
}

typedef struct
{
  char        *dir;
  char        *db_path;
  NremSession *session;
  NremWindow  *window;
} Fixture;

static void
fixture_open_window (Fixture *fixture)
{
  fixture->window = nrem_window_new (NULL, fixture->session);
  gtk_window_present (GTK_WINDOW (fixture->window));
  g_assert_true (wait_until (is_mapped, fixture->window, 5000));
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);

  /* each test starts from the defaults */
  g_settings_reset (settings, "last-meeting");
  g_settings_reset (settings, "window-width");
  g_settings_reset (settings, "window-height");
  g_settings_reset (settings, "window-maximized");

  fixture->dir = g_build_filename (tmp_root, "db-XXXXXX", NULL);
  g_assert_nonnull (g_mkdtemp (fixture->dir));
  fixture->db_path = g_build_filename (fixture->dir, "nrem-desk.db", NULL);
  fixture->session = nrem_session_new (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->session);

  fixture_open_window (fixture);
}

static void
fixture_close_window (Fixture *fixture)
{
  if (fixture->window == NULL)
    return;
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  spin (20);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  fixture_close_window (fixture);
  g_clear_object (&fixture->session);
  g_free (fixture->db_path);
  g_free (fixture->dir);
}

static NremStore *
fixture_store (Fixture *fixture)
{
  return nrem_session_get_store (fixture->session);
}

static char *
stored_meeting_field (Fixture    *fixture,
                      const char *uuid,
                      const char *field)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremRow) row = nrem_store_get_row (fixture_store (fixture), NREM_ENTITY_MEETING, uuid,
                                               &error);

  g_assert_no_error (error);
  g_assert_nonnull (row);
  return g_strdup (nrem_row_get (row, field));
}

/* Answers the import preview and waits for the merge. */
static void
confirm_import (Fixture *fixture)
{
  AdwMessageDialog *preview;

  g_assert_true (wait_until (has_preview, fixture->window, 30000));
  preview = nrem_window_get_import_preview (fixture->window);
  g_assert_true (adw_message_dialog_has_response (preview, "import"));
  adw_message_dialog_response (preview, "import");
  g_assert_null (nrem_window_get_import_preview (fixture->window));
  g_assert_true (wait_until (is_idle, fixture->window, 60000));
}

/* ------------------------------------------------------------------------------------------
 * /ui/templates/instantiate
 */

static void
test_templates_instantiate (void)
{
  GType types[] = {
    NREM_TYPE_WINDOW,
    NREM_TYPE_OVERVIEW_PAGE,
    NREM_TYPE_COUNT_TILE,
    NREM_TYPE_MEETING_SELECTOR,
    NREM_TYPE_MEETING_ROW,
    NREM_TYPE_CONFLICT_DIALOG,
    NREM_TYPE_EXPORT_DIALOG,
    NREM_TYPE_PROGRESS_DIALOG,
  };
  g_autoptr(GHashTable) covered = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) templates = NULL;
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GError) error = NULL;
  GObject *help;

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GObject *object;

      g_type_ensure (types[i]);
      object = g_object_new (types[i], NULL);
      g_assert_true (G_IS_OBJECT (object));
      g_hash_table_add (covered, (gpointer) g_type_name (types[i]));
      if (GTK_IS_WINDOW (object))
        gtk_window_destroy (GTK_WINDOW (object));
      else
        {
          g_object_ref_sink (object);
          g_object_unref (object);
        }
    }

  /* every template in the resource belongs to one of the classes above */
  templates = g_resources_enumerate_children ("/io/github/nremdesk/NremDesk/ui/", 0, &error);
  g_assert_no_error (error);
  for (guint i = 0; templates[i] != NULL; i++)
    {
      g_auto(GStrv) words = NULL;
      g_autoptr(GString) name = g_string_new (NULL);

      if (!g_str_has_suffix (templates[i], ".ui"))
        continue;
      templates[i][strlen (templates[i]) - 3] = '\0';
      words = g_strsplit (templates[i], "-", -1);
      for (guint w = 0; words[w] != NULL; w++)
        {
          words[w][0] = g_ascii_toupper (words[w][0]);
          g_string_append (name, words[w]);
        }
      if (!g_hash_table_contains (covered, name->str))
        g_test_message ("template %s.ui (%s) is not instantiated here", templates[i], name->str);
    }

  /* the shortcuts window the application loads by itself */
  builder = gtk_builder_new ();
  gtk_builder_add_from_resource (builder, "/io/github/nremdesk/NremDesk/gtk/help-overlay.ui",
                                 &error);
  g_assert_no_error (error);
  help = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (help));
  gtk_window_destroy (GTK_WINDOW (help));

  /* a window without a database only says why */
  {
    NremWindow *window = nrem_window_new (NULL, NULL);

    gtk_window_present (GTK_WINDOW (window));
    g_assert_true (wait_until (is_mapped, window, 5000));
    g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
    gtk_window_destroy (GTK_WINDOW (window));
    spin (10);
  }
}

/* ------------------------------------------------------------------------------------------
 * /ui/text/...: the plain functions
 */

static void
test_text_helpers (void)
{
  NremMergeCounts counts = { 96, 2, 0, 1 };
  g_autofree char *described = nrem_ui_merge_counts_describe (&counts);
  g_autoptr(GDateTime) now = g_date_time_new_utc (2024, 5, 1, 12, 0, 0);
  g_autofree char *whole = nrem_ui_export_suggested_name (NULL, now);
  g_autofree char *problem = NULL;

  g_assert_cmpstr (described, ==, "96 new, 2 changed, 1 conflict");
  g_assert_cmpstr (whole, ==, "nrem-desk-2024-05-01.json");
  g_assert_null (nrem_ui_check_date ("2014-05-21"));
  problem = nrem_ui_check_date ("2014-02-30");
  g_assert_nonnull (problem);
  g_clear_pointer (&problem, g_free);
  problem = nrem_ui_check_date ("21/05/2014");
  g_assert_nonnull (problem);
  g_clear_pointer (&problem, g_free);
  g_assert_null (nrem_ui_check_country_code ("th"));
  problem = nrem_ui_check_country_code ("THA");
  g_assert_nonnull (problem);
  g_assert_cmpstr (nrem_ui_field_name ("start_date"), ==, "Start date");
}

/* ------------------------------------------------------------------------------------------
 * /ui/window/opens-on-seed
 */

static gboolean
counts_shown (gpointer data)
{
  return nrem_overview_page_get_count (NREM_OVERVIEW_PAGE (data), "sessions") > 0;
}

static void
test_window_opens_on_seed (Fixture       *fixture,
                           gconstpointer  data)
{
  NremOverviewPage *page = nrem_window_get_overview_page (fixture->window);
  NremMeetingSelector *selector = nrem_window_get_meeting_selector (fixture->window);
  g_autofree char *title = nrem_overview_page_dup_field_text (page, "title");
  g_autofree char *start = nrem_overview_page_dup_field_text (page, "start_date");
  GtkListBox *list = nrem_meeting_selector_get_list (selector);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (fixture->window->main_stack), ==, "main");
  g_assert_cmpstr (nrem_record_get_uuid (NREM_RECORD (nrem_session_get_meeting (fixture->session))),
                   ==, BANGKOK_UUID);
  g_assert_cmpstr (nrem_overview_page_get_heading (page), ==, "Bangkok 2014");
  g_assert_cmpstr (title, ==, BANGKOK_TITLE);
  g_assert_cmpstr (start, ==, "2014-05-21");
  g_assert_cmpstr (nrem_meeting_selector_get_label (selector), ==, "Bangkok 2014");
  g_assert_true (nrem_overview_page_field_is_valid (page, "country"));

  /* Bangkok and Berlin in the selector, Bangkok checked */
  g_assert_true (NREM_IS_MEETING_ROW (gtk_list_box_get_row_at_index (list, 0)));
  g_assert_true (NREM_IS_MEETING_ROW (gtk_list_box_get_row_at_index (list, 1)));
  g_assert_null (gtk_list_box_get_row_at_index (list, 2));
  g_assert_true (nrem_meeting_row_get_selected (NREM_MEETING_ROW (gtk_list_box_get_row_at_index (list, 0))));

  g_assert_true (wait_until (counts_shown, page, 5000));
  g_assert_cmpuint (nrem_overview_page_get_count (page, "days"), ==, 2);
  g_assert_cmpuint (nrem_overview_page_get_count (page, "sessions"), ==, 14);
  g_assert_cmpuint (nrem_overview_page_get_count (page, "confirmed"), ==, 0);

  /* choosing Berlin in the list shows Berlin */
  g_signal_emit_by_name (list, "row-activated", gtk_list_box_get_row_at_index (list, 1));
  g_assert_cmpstr (nrem_record_get_uuid (NREM_RECORD (nrem_session_get_meeting (fixture->session))),
                   ==, BERLIN_UUID);
  g_assert_cmpstr (nrem_overview_page_get_heading (page), ==, "Berlin 2013");
  g_assert_cmpstr (nrem_meeting_selector_get_label (selector), ==, "Berlin 2013");
  g_assert_true (nrem_meeting_row_get_selected (NREM_MEETING_ROW (gtk_list_box_get_row_at_index (list, 1))));
  g_assert_false (nrem_meeting_row_get_selected (NREM_MEETING_ROW (gtk_list_box_get_row_at_index (list, 0))));
}

/* ------------------------------------------------------------------------------------------
 * /ui/window/edit-title and the checks of the other fields
 */

static gboolean
save_done (gpointer data)
{
  return !nrem_overview_page_save_is_due (NREM_OVERVIEW_PAGE (data));
}

static void
type_and_wait (Fixture    *fixture,
               const char *field,
               const char *text)
{
  NremOverviewPage *page = nrem_window_get_overview_page (fixture->window);

  nrem_overview_page_set_field_text (page, field, text);
  g_assert_true (nrem_overview_page_has_pending (page));
  g_assert_true (nrem_overview_page_save_is_due (page));
  /* saved after the delay, without anything else happening */
  g_assert_true (wait_until (save_done, page, NREM_OVERVIEW_SAVE_DELAY_MS + 10000));
}

static void
test_window_edit_title (Fixture       *fixture,
                        gconstpointer  data)
{
  NremOverviewPage *page = nrem_window_get_overview_page (fixture->window);
  g_autofree char *stored = NULL;

  nrem_overview_page_set_field_text (page, "title", "Third Consultative Meeting");
  g_assert_true (nrem_overview_page_has_pending (page));
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "title");
  g_assert_cmpstr (stored, ==, BANGKOK_TITLE);  /* not before the delay */
  g_clear_pointer (&stored, g_free);

  g_assert_true (wait_until (nothing_pending, page, 5000));
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "title");
  g_assert_cmpstr (stored, ==, "Third Consultative Meeting");
  g_clear_pointer (&stored, g_free);
  /* the selector follows the record */
  g_assert_cmpstr (nrem_meeting_selector_get_label (nrem_window_get_meeting_selector (fixture->window)),
                   ==, "Bangkok 2014");

  /* an empty title is marked and not saved */
  type_and_wait (fixture, "title", "");
  g_assert_false (nrem_overview_page_field_is_valid (page, "title"));
  g_assert_true (gtk_widget_has_css_class (nrem_overview_page_get_editor (page, "title"), "error"));
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "title");
  g_assert_cmpstr (stored, ==, "Third Consultative Meeting");
  g_clear_pointer (&stored, g_free);
  type_and_wait (fixture, "title", "Fourth");
  g_assert_true (nrem_overview_page_field_is_valid (page, "title"));
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "title");
  g_assert_cmpstr (stored, ==, "Fourth");
  g_clear_pointer (&stored, g_free);

  /* a date that is not one waits, marked, until it is one */
  type_and_wait (fixture, "end_date", "2014-05-2");
  g_assert_false (nrem_overview_page_field_is_valid (page, "end_date"));
  g_assert_true (nrem_overview_page_has_pending (page));
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "end_date");
  g_assert_cmpstr (stored, ==, "2014-05-22");
  g_clear_pointer (&stored, g_free);

  type_and_wait (fixture, "end_date", "2014-05-20");  /* before the start */
  g_assert_false (nrem_overview_page_field_is_valid (page, "end_date"));
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "end_date");
  g_assert_cmpstr (stored, ==, "2014-05-22");
  g_clear_pointer (&stored, g_free);

  type_and_wait (fixture, "end_date", "2014-05-23");
  g_assert_true (nrem_overview_page_field_is_valid (page, "end_date"));
  g_assert_false (nrem_overview_page_has_pending (page));
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "end_date");
  g_assert_cmpstr (stored, ==, "2014-05-23");
  g_clear_pointer (&stored, g_free);
  g_assert_cmpuint (nrem_overview_page_get_count (page, "days"), ==, 3);

  /* country codes: known ones, in capitals */
  type_and_wait (fixture, "country", "XQ");
  g_assert_false (nrem_overview_page_field_is_valid (page, "country"));
  type_and_wait (fixture, "country", "de");
  g_assert_true (nrem_overview_page_field_is_valid (page, "country"));
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "country");
  g_assert_cmpstr (stored, ==, "DE");
  g_clear_pointer (&stored, g_free);

  type_and_wait (fixture, "time_zone", "Mars/Olympus_Mons");
  g_assert_false (nrem_overview_page_field_is_valid (page, "time_zone"));
  type_and_wait (fixture, "time_zone", "Europe/Berlin");
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "time_zone");
  g_assert_cmpstr (stored, ==, "Europe/Berlin");
  g_clear_pointer (&stored, g_free);

  /* multi-line text, saved when the window closes within the delay */
  nrem_overview_page_set_field_text (page, "objectives", "1. One\n2. Two");
  g_assert_true (nrem_overview_page_has_pending (page));
  fixture_close_window (fixture);
  stored = stored_meeting_field (fixture, BANGKOK_UUID, "objectives");
  g_assert_cmpstr (stored, ==, "1. One\n2. Two");
}

/* ------------------------------------------------------------------------------------------
 * /ui/window/new-meeting
 */

static gboolean
title_has_focus (gpointer data)
{
  NremWindow *window = data;
  GtkWidget *focus = gtk_window_get_focus (GTK_WINDOW (window));
  GtkWidget *title = nrem_overview_page_get_editor (nrem_window_get_overview_page (window), "title");

  return focus != NULL && (focus == title || gtk_widget_is_ancestor (focus, title));
}

static void
test_window_new_meeting (Fixture       *fixture,
                         gconstpointer  data)
{
  GListModel *meetings = nrem_session_get_meetings (fixture->session);
  NremMeeting *meeting;

  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.new-meeting", NULL));
  g_assert_cmpuint (g_list_model_get_n_items (meetings), ==, 3);

  meeting = nrem_session_get_meeting (fixture->session);
  g_assert_cmpstr (nrem_record_get_uuid (NREM_RECORD (meeting)), !=, BANGKOK_UUID);
  g_assert_cmpstr (nrem_record_get_string (NREM_RECORD (meeting), "start_date"), ==, "2015-05-21");
  g_assert_true (wait_until (title_has_focus, fixture->window, 5000));
}

/* ------------------------------------------------------------------------------------------
 * /ui/window/state
 */

static void
test_window_state (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APPLICATION_ID);
  g_autofree char *last = NULL;
  int width, height;

  nrem_session_select_meeting_uuid (fixture->session, BERLIN_UUID);
  last = g_settings_get_string (settings, "last-meeting");
  g_assert_cmpstr (last, ==, BERLIN_UUID);

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 820, 610);
  gtk_window_close (GTK_WINDOW (fixture->window));
  fixture->window = NULL;
  spin (20);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 820);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 610);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  /* the next window comes back the same, on the same meeting */
  nrem_session_select_meeting_uuid (fixture->session, BANGKOK_UUID);
  g_settings_set_string (settings, "last-meeting", BERLIN_UUID);
  fixture_open_window (fixture);
  gtk_window_get_default_size (GTK_WINDOW (fixture->window), &width, &height);
  g_assert_cmpint (width, ==, 820);
  g_assert_cmpint (height, ==, 610);
  g_assert_cmpstr (nrem_record_get_uuid (NREM_RECORD (nrem_session_get_meeting (fixture->session))),
                   ==, BERLIN_UUID);
}

/* ------------------------------------------------------------------------------------------
 * /ui/window/read-only
 */

static void
test_window_read_only (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_resources_lookup_data (NREM_SAMPLE_RESOURCE, 0, NULL);
  NremOverviewPage *page;
  sqlite3 *db = NULL;

  /* a database from a newer NREM Desk opens read-only */
  fixture_close_window (fixture);
  g_clear_object (&fixture->session);
  g_assert_cmpint (sqlite3_open (fixture->db_path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 999", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  fixture->session = nrem_session_new (fixture->db_path, &error);
  g_assert_no_error (error);
  g_assert_true (nrem_store_is_read_only (fixture_store (fixture)));
  fixture_open_window (fixture);

  /* it says so, and why, and offers no edit */
  g_assert_true (gtk_revealer_get_reveal_child (fixture->window->read_only_revealer));
  g_assert_cmpstr (gtk_label_get_label (fixture->window->read_only_label), ==,
                   nrem_store_get_read_only_reason (fixture_store (fixture)));
  page = nrem_window_get_overview_page (fixture->window);
  g_assert_false (gtk_editable_get_editable (GTK_EDITABLE (nrem_overview_page_get_editor (page, "title"))));
  g_assert_false (gtk_text_view_get_editable (GTK_TEXT_VIEW (nrem_overview_page_get_editor (page, "objectives"))));
  nrem_window_import_bytes (fixture->window, bytes, "nrem-desk-sample.json");
  g_assert_false (nrem_window_is_busy (fixture->window));
  g_assert_null (nrem_window_get_import_preview (fixture->window));
}

/* ------------------------------------------------------------------------------------------
 * /ui/window/accessible-names
 */

static gboolean
has_text_child (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_POPOVER (child))
        continue;  /* what a button opens does not name it */
      if (GTK_IS_LABEL (child) && gtk_label_get_label (GTK_LABEL (child))[0] != '\0')
        return TRUE;
      if (has_text_child (child))
        return TRUE;
    }
  return FALSE;
}

static gboolean
has_accessible_name (GtkWidget *widget)
{
  if (gtk_test_accessible_has_property (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_PROPERTY_LABEL) ||
      gtk_test_accessible_has_relation (GTK_ACCESSIBLE (widget), GTK_ACCESSIBLE_RELATION_LABELLED_BY))
    return TRUE;
  if (GTK_IS_BUTTON (widget) && gtk_button_get_label (GTK_BUTTON (widget)) != NULL)
    return TRUE;
  return has_text_child (widget);
}

static guint n_checked;

/* "AdwEntryRow “Title” in NremOverviewPage": which control, and whose */
static char *
describe (GtkWidget *widget)
{
  const char *owner = "the window";
  const char *title = NULL;

  for (GtkWidget *w = gtk_widget_get_parent (widget); w != NULL; w = gtk_widget_get_parent (w))
    if (g_str_has_prefix (G_OBJECT_TYPE_NAME (w), "Nrem") && !NREM_IS_WINDOW (w))
      {
        owner = G_OBJECT_TYPE_NAME (w);
        break;
      }
  if (ADW_IS_PREFERENCES_ROW (widget))
    title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget));
  else if (gtk_widget_get_tooltip_text (widget) != NULL)
    title = gtk_widget_get_tooltip_text (widget);
  return g_strdup_printf ("%s “%s” in %s", G_OBJECT_TYPE_NAME (widget), title ? title : "",
                          owner);
}

static void
check_names (GtkWidget *widget,
             GPtrArray *unnamed)
{
  /* the controls of this program; the insides of GTK's and libadwaita's own widgets are
   * theirs to name */
  gboolean ours = g_str_has_prefix (G_OBJECT_TYPE_NAME (widget), "Nrem") ||
                  GTK_IS_MENU_BUTTON (widget) || GTK_IS_TEXT_VIEW (widget) ||
                  GTK_IS_SWITCH (widget) || GTK_IS_CHECK_BUTTON (widget) ||
                  ADW_IS_ENTRY_ROW (widget) ||
                  (GTK_IS_BUTTON (widget) && !GTK_IS_MENU_BUTTON (gtk_widget_get_parent (widget)));

  if (ADW_IS_ENTRY_ROW (widget))
    {
      /* what takes the focus is the text inside */
      GtkAccessible *text = GTK_ACCESSIBLE (gtk_editable_get_delegate (GTK_EDITABLE (widget)));

      n_checked++;
      if (!gtk_test_accessible_has_property (text, GTK_ACCESSIBLE_PROPERTY_LABEL) &&
          !gtk_test_accessible_has_relation (text, GTK_ACCESSIBLE_RELATION_LABELLED_BY))
        g_ptr_array_add (unnamed, describe (widget));
    }
  else if (GTK_IS_MENU_BUTTON (widget))
    {
      /* the focus goes to the button inside; the name belongs to the menu button */
      n_checked++;
      if (!has_accessible_name (widget) && gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)) == NULL)
        g_ptr_array_add (unnamed, describe (widget));
    }
  else if (ours && gtk_widget_get_focusable (widget))
    {
      n_checked++;
      if (!has_accessible_name (widget))
        g_ptr_array_add (unnamed, describe (widget));
    }

  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget)))
    check_names (GTK_WIDGET (gtk_menu_button_get_popover (GTK_MENU_BUTTON (widget))), unnamed);
  if (ADW_IS_ENTRY_ROW (widget) || G_TYPE_CHECK_INSTANCE_TYPE (widget, g_type_from_name ("AdwWindowTitle")))
    return;
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    check_names (child, unnamed);
}

static gboolean
pane_built (gpointer data)
{
  return !NREM_IS_PANE_SLOT (data) || nrem_pane_slot_get_pane (data) != NULL;
}

static void
test_window_accessible_names (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GPtrArray) unnamed = g_ptr_array_new_with_free_func (g_free);
  NremExportDialog *export = nrem_export_dialog_new (GTK_WINDOW (fixture->window),
                                                     nrem_session_get_meeting (fixture->session));
  AdwViewStack *stack = nrem_window_get_view_stack (fixture->window);
  static const char * const panes[] = { "participants", "agenda", "mandates", "recommendations", "overview" };

  /* every pane is built when first shown: show each, so that the walk reaches all of them */
  for (guint i = 0; i < G_N_ELEMENTS (panes); i++)
    {
      adw_view_stack_set_visible_child_name (stack, panes[i]);
      g_assert_true (wait_until (pane_built, adw_view_stack_get_child_by_name (stack, panes[i]), 5000));
    }

  check_names (GTK_WIDGET (fixture->window), unnamed);
  check_names (GTK_WIDGET (export), unnamed);
  for (guint i = 0; i < unnamed->len; i++)
    g_test_message ("no accessible name: %s", (const char *) g_ptr_array_index (unnamed, i));
  g_assert_cmpuint (unnamed->len, ==, 0);
  /* the walk reached the controls: ten entry rows, two text views, the menus, the dialog's */
  g_assert_cmpuint (n_checked, >=, 18);
  gtk_window_destroy (GTK_WINDOW (export));

  /* the selector says which meeting it shows */
  g_assert_true (gtk_test_accessible_has_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (GTK_WIDGET (nrem_window_get_meeting_selector (fixture->window)))),
                                                   GTK_ACCESSIBLE_PROPERTY_LABEL));
}

/* ------------------------------------------------------------------------------------------
 * /ui/import/...
 */

static gboolean
attendance_shown (gpointer data)
{
  return nrem_overview_page_get_count (NREM_OVERVIEW_PAGE (data), "attended") > 0;
}

static void
test_import_preview_and_merge (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (NREM_SAMPLE_RESOURCE, 0, NULL);
  const NremImportReport *preview;
  NremStore *store = fixture_store (fixture);

  g_assert_nonnull (bytes);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 0);

  nrem_window_import_bytes (fixture->window, bytes, "nrem-desk-sample.json");
  g_assert_true (nrem_window_is_busy (fixture->window));
  g_assert_true (wait_until (has_preview, fixture->window, 30000));
  g_assert_false (nrem_window_is_busy (fixture->window));

  /* the preview counts what the merge would do, and nothing is written yet */
  preview = nrem_window_get_preview_report (fixture->window);
  g_assert_nonnull (preview);
  g_assert_cmpuint (preview->by_entity[NREM_ENTITY_PARTICIPANT].added, ==, 96);
  g_assert_cmpuint (preview->by_entity[NREM_ENTITY_MECHANISM].added, >, 0);
  g_assert_cmpuint (preview->total.conflicts, ==, 0);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 0);

  confirm_import (fixture);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 96);
  g_assert_nonnull (nrem_window_get_last_toast (fixture->window));
  g_assert_true (g_str_has_prefix (nrem_window_get_last_toast (fixture->window), "Imported: "));
  g_assert_nonnull (strstr (nrem_window_get_last_toast (fixture->window), "Backup: "));

  /* the overview follows */
  g_assert_true (wait_until (attendance_shown, nrem_window_get_overview_page (fixture->window), 5000));

  /* the same again changes nothing, and says so */
  nrem_window_import_bytes (fixture->window, bytes, "nrem-desk-sample.json");
  g_assert_true (wait_until (has_preview, fixture->window, 30000));
  preview = nrem_window_get_preview_report (fixture->window);
  g_assert_cmpuint (preview->total.added + preview->total.updated + preview->total.conflicts, ==, 0);
  g_assert_false (adw_message_dialog_has_response (nrem_window_get_import_preview (fixture->window),
                                                   "import"));
  adw_message_dialog_response (nrem_window_get_import_preview (fixture->window), "cancel");
  g_assert_null (nrem_window_get_import_preview (fixture->window));
}

static void
test_import_sample_action (Fixture       *fixture,
                           gconstpointer  data)
{
  NremStore *store = fixture_store (fixture);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-sample", NULL));
  g_assert_true (wait_until (has_preview, fixture->window, 30000));
  /* Cancel writes nothing */
  adw_message_dialog_response (nrem_window_get_import_preview (fixture->window), "cancel");
  spin (20);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.load-sample", NULL));
  confirm_import (fixture);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 96);
}

static void
test_import_invalid_file (Fixture       *fixture,
                          gconstpointer  data)
{
  static const char broken[] =
    "{\"format\": \"nrem-desk\", \"version\": 1, \"exported_at\": \"yesterday\","
    " \"meetings\": [{\"uuid\": \"not-a-uuid\", \"title\": 3}]}";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);
  AdwMessageDialog *alert;
  guint meetings = nrem_store_count_rows (fixture_store (fixture), NREM_ENTITY_MEETING);

  nrem_window_import_bytes (fixture->window, bytes, "broken.json");
  g_assert_true (wait_until (has_alert, fixture->window, 30000));
  alert = nrem_window_get_alert (fixture->window);
  g_assert_cmpstr (adw_message_dialog_get_heading (alert), ==, "The file cannot be imported");
  g_assert_cmpstr (adw_message_dialog_get_body (alert), ==, "Nothing was changed.");
  g_assert_nonnull (adw_message_dialog_get_extra_child (alert));
  g_assert_null (nrem_window_get_import_preview (fixture->window));
  g_assert_cmpuint (nrem_store_count_rows (fixture_store (fixture), NREM_ENTITY_MEETING), ==, meetings);
  adw_message_dialog_response (alert, "close");
  g_assert_null (nrem_window_get_alert (fixture->window));
}

/* ------------------------------------------------------------------------------------------
 * /ui/export/to-file
 */

static gboolean
toast_shown (gpointer data)
{
  const char *toast = nrem_window_get_last_toast (NREM_WINDOW (data));

  return toast != NULL && g_str_has_prefix (toast, "Exported to ");
}

static void
test_export_to_file (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "bangkok-2014.nrem-desk.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autofree char *contents = NULL;
  NremExportDialog *dialog;

  /* the dialog offers the selected meeting first, without contacts */
  dialog = nrem_export_dialog_new (GTK_WINDOW (fixture->window),
                                   nrem_session_get_meeting (fixture->session));
  g_assert_false (nrem_export_dialog_get_whole_database (dialog));
  g_assert_false (nrem_export_dialog_get_with_contacts (dialog));
  gtk_window_destroy (GTK_WINDOW (dialog));

  nrem_window_export_to_file (fixture->window, file, BANGKOK_UUID, FALSE);
  g_assert_true (wait_until (is_idle, fixture->window, 30000));
  g_assert_true (wait_until (toast_shown, fixture->window, 1000));
  g_assert_cmpstr (nrem_window_get_last_toast (fixture->window), ==,
                   "Exported to bangkok-2014.nrem-desk.json");
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_nonnull (strstr (contents, "\"format\""));
  g_assert_nonnull (strstr (contents, BANGKOK_UUID));
}

/* ------------------------------------------------------------------------------------------
 * /ui/conflicts/review
 */

/* Another computer's edit of @uuid's title, made after ours: a later clock, another origin. */
static void
edit_elsewhere (JsonObject *root,
                const char *uuid,
                const char *title)
{
  JsonArray *meetings = json_object_get_array_member (root, "meetings");
  g_autofree char *origin = nrem_uuid_new_v4 ();
  g_autofree char *later = nrem_time_format_ms (nrem_time_now_ms () + 3600 * 1000);

  for (guint i = 0; i < json_array_get_length (meetings); i++)
    {
      JsonObject *meeting = json_array_get_object_element (meetings, i);

      if (g_strcmp0 (json_object_get_string_member (meeting, "uuid"), uuid) != 0)
        continue;
      json_object_set_string_member (meeting, "title", title);
      json_object_set_string_member (meeting, "updated_at", later);
      json_object_set_int_member (meeting, "rev", json_object_get_int_member (meeting, "rev") + 1);
      json_object_set_string_member (meeting, "origin", origin);
      return;
    }
  g_assert_not_reached ();
}

static gboolean
conflicts_counted (gpointer data)
{
  return nrem_window_get_n_conflicts (NREM_WINDOW (data)) == 2;
}

static gboolean
no_conflicts_counted (gpointer data)
{
  return nrem_window_get_n_conflicts (NREM_WINDOW (data)) == 0;
}

static void
test_conflicts_review (Fixture       *fixture,
                       gconstpointer  data)
{
  NremStore *store = fixture_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) exported = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(GBytes) incoming = NULL;
  const NremImportReport *preview;
  NremConflictDialog *dialog;
  char *text;
  gsize length;

  /* what the other computer had: this database, exported */
  exported = nrem_exchange_export (store, NULL, FALSE, &error);
  g_assert_no_error (error);

  /* meanwhile, here */
  g_assert_true (nrem_session_update_meeting (fixture->session,
                                              nrem_session_find_meeting (fixture->session, BANGKOK_UUID),
                                              "title", "Bangkok, as edited here", &error));
  g_assert_no_error (error);
  g_assert_true (nrem_session_update_meeting (fixture->session,
                                              nrem_session_find_meeting (fixture->session, BERLIN_UUID),
                                              "title", "Berlin, as edited here", &error));
  g_assert_no_error (error);

  /* and there, later */
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (exported, NULL),
                                             g_bytes_get_size (exported), &error));
  g_assert_no_error (error);
  edit_elsewhere (json_node_get_object (json_parser_get_root (parser)), BANGKOK_UUID,
                  "Bangkok, as edited there");
  edit_elsewhere (json_node_get_object (json_parser_get_root (parser)), BERLIN_UUID,
                  "Berlin, as edited there");
  json_generator_set_root (generator, json_parser_get_root (parser));
  text = json_generator_to_data (generator, &length);
  incoming = g_bytes_new_take (text, length);

  nrem_window_import_bytes (fixture->window, incoming, "from-the-other-computer.json");
  g_assert_true (wait_until (has_preview, fixture->window, 30000));
  preview = nrem_window_get_preview_report (fixture->window);
  g_assert_cmpuint (preview->by_entity[NREM_ENTITY_MEETING].conflicts, ==, 2);
  confirm_import (fixture);

  /* the later edits won; ours wait for review */
  {
    g_autofree char *bangkok = stored_meeting_field (fixture, BANGKOK_UUID, "title");

    g_assert_cmpstr (bangkok, ==, "Bangkok, as edited there");
  }
  g_assert_nonnull (strstr (nrem_window_get_last_toast (fixture->window), "2 conflicts"));
  g_assert_true (wait_until (conflicts_counted, fixture->window, 5000));

  /* the toast's "Review" and the menu item open the review */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.conflicts", NULL));
  dialog = nrem_window_get_conflict_dialog (fixture->window);
  g_assert_nonnull (dialog);
  g_assert_true (wait_until (is_mapped, dialog, 5000));
  g_assert_cmpuint (nrem_conflict_dialog_get_n_conflicts (dialog), ==, 2);

  for (guint round = 0; round < 2; round++)
    {
      const NremConflict *conflict = nrem_conflict_dialog_get_selected (dialog);
      gboolean bangkok;

      g_assert_nonnull (conflict);
      g_assert_cmpint (conflict->kind, ==, NREM_ENTITY_MEETING);
      g_assert_true (conflict->kept_incoming);
      /* the title differs, the rest is the same */
      g_assert_cmpuint (nrem_conflict_dialog_get_n_differences (dialog), ==, 1);

      /* Bangkok: keep this computer's; Berlin: keep the file's */
      bangkok = g_strcmp0 (conflict->uuid, BANGKOK_UUID) == 0;
      g_assert_true (nrem_conflict_dialog_keep (dialog, !bangkok, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (nrem_conflict_dialog_get_n_conflicts (dialog), ==, 1 - round);
    }

  {
    g_autofree char *bangkok = stored_meeting_field (fixture, BANGKOK_UUID, "title");
    g_autofree char *berlin = stored_meeting_field (fixture, BERLIN_UUID, "title");
    g_autoptr(GPtrArray) left = nrem_session_list_conflicts (fixture->session, &error);

    g_assert_cmpstr (bangkok, ==, "Bangkok, as edited here");
    g_assert_cmpstr (berlin, ==, "Berlin, as edited there");
    g_assert_no_error (error);
    g_assert_cmpuint (left->len, ==, 0);
  }
  g_assert_null (nrem_conflict_dialog_get_selected (dialog));
  g_assert_true (wait_until (no_conflicts_counted, fixture->window, 5000));
  /* the overview shows what was kept */
  g_assert_cmpstr (nrem_overview_page_get_heading (nrem_window_get_overview_page (fixture->window)),
                   ==, "Bangkok 2014");
  {
    g_autofree char *shown = nrem_overview_page_dup_field_text (nrem_window_get_overview_page (fixture->window),
                                                                "title");

    g_assert_cmpstr (shown, ==, "Bangkok, as edited here");
  }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------------------------------ */

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  if (dir != NULL)
    while ((name = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *child = g_build_filename (path, name, NULL);

        if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
          remove_tree (child);
        else
          g_unlink (child);
      }
  g_rmdir (path);
}

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  /* nothing here touches the real home */
  tmp_root = g_dir_make_tmp ("nrem-desk-ui-XXXXXX", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 3; i++)
    {
      static const char * const names[] = { "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME" };
      g_autofree char *dir = g_build_filename (tmp_root, names[i], NULL);

      g_mkdir_with_parents (dir, 0700);
      g_setenv (names[i], dir, TRUE);
    }
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  g_test_add_func ("/ui/templates/instantiate", test_templates_instantiate);
  g_test_add_func ("/ui/text/helpers", test_text_helpers);
  ADD ("/ui/window/opens-on-seed", test_window_opens_on_seed);
  ADD ("/ui/window/edit-title", test_window_edit_title);
  ADD ("/ui/window/new-meeting", test_window_new_meeting);
  ADD ("/ui/window/state", test_window_state);
  ADD ("/ui/window/read-only", test_window_read_only);
  ADD ("/ui/window/accessible-names", test_window_accessible_names);
  ADD ("/ui/import/preview-and-merge", test_import_preview_and_merge);
  ADD ("/ui/import/sample-action", test_import_sample_action);
  ADD ("/ui/import/invalid-file", test_import_invalid_file);
  ADD ("/ui/export/to-file", test_export_to_file);
  ADD ("/ui/conflicts/review", test_conflicts_review);

  status = g_test_run ();
  remove_tree (tmp_root);
  g_free (tmp_root);
  return status;
}
