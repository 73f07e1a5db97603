/* test-agenda-ui.c
 *
 * The Agenda pane's widgets under Xvfb: every template instantiated, the day shown in list and
 * timeline, a session built by actions and typing, saved as typed, deleted and brought back,
 * warnings on the row and in the editor. Checked in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nrem-test-util.h"
#include "nrem-agenda-page-private.h"
#include "nrem-agenda-row.h"
#include "nrem-person-search.h"
#include "nrem-session.h"

#define BANGKOK "5862ca7e-5108-5623-8dc4-8bf867ee0229"
#define OPENING "a4d76481-654f-5ed3-a535-478d20b6ea08"

typedef struct
{
  NremTestDir     dir;
  NremSession    *session;
  GtkWidget      *window;
  NremAgendaPage *page;
} Fixture;

static void
iterate (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (2000);
    }
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *sample = NULL;
  NremImportReport report;

  nrem_test_dir_setup (&f->dir, data);
  f->session = nrem_session_new (f->dir.db_path, &error);
  g_assert_no_error (error);
  sample = nrem_test_source_file ("data", "samples", "nrem-desk-sample.json", NULL);
  g_assert_true (nrem_exchange_import_file (nrem_session_get_store (f->session), sample, FALSE,
                                            &report, &error));
  nrem_import_report_clear (&report);
  nrem_session_reload (f->session);
  g_assert_true (nrem_session_select_meeting_uuid (f->session, BANGKOK));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1100, 720);
  f->page = NREM_AGENDA_PAGE (nrem_agenda_page_new ());
  gtk_window_set_child (GTK_WINDOW (f->window), GTK_WIDGET (f->page));
  nrem_agenda_page_set_session (f->page, f->session);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate (100);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate (20);
  g_clear_object (&f->session);
  nrem_test_dir_teardown (&f->dir, data);
}

static char *
db_text (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (f->dir.db_path);
  char *t = nrem_test_sqlite_text (db, sql);

  sqlite3_close (db);
  return t;
}

static gint64
db_int (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (f->dir.db_path);
  gint64 n = nrem_test_sqlite_int (db, sql);

  sqlite3_close (db);
  return n;
}

static void
test_templates (void)
{
  /* .ui files escape the macros of the floor: build every template class once */
  GType types[] = { NREM_TYPE_AGENDA_PAGE, NREM_TYPE_AGENDA_EDITOR, NREM_TYPE_AGENDA_ROW,
                    NREM_TYPE_AGENDA_TIMELINE, NREM_TYPE_PERSON_SEARCH };

  for (guint i = 0; i < G_N_ELEMENTS (types); i++)
    {
      GtkWidget *widget = g_object_ref_sink (g_object_new (types[i], NULL));

      g_assert_true (GTK_IS_WIDGET (widget));
      g_object_unref (widget);
    }
}

static void
test_day_list_and_timeline (Fixture       *f,
                            gconstpointer  data)
{
  GtkSingleSelection *selection = nrem_agenda_page_get_selection (f->page);
  GtkWidget *day_box = nrem_agenda_page_get_day_box (f->page);
  NremAgendaTimeline *timeline = nrem_agenda_page_get_timeline (f->page);
  GtkWidget *block;
  guint n_days = 0;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 7);
  g_assert_cmpstr (nrem_agenda_page_get_zone_text (f->page), ==, "Times in Bangkok time, UTC+07:00");
  g_assert_cmpstr (nrem_agenda_page_get_view (f->page), ==, "list");
  for (GtkWidget *c = gtk_widget_get_first_child (day_box); c; c = gtk_widget_get_next_sibling (c))
    {
      n_days++;
      g_assert_true (GTK_IS_TOGGLE_BUTTON (c));
    }
  g_assert_cmpuint (n_days, ==, 2);

  /* the second day by its button */
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (gtk_widget_get_last_child (day_box)), TRUE);
  g_assert_cmpstr (nrem_agenda_programme_get_day (nrem_agenda_page_get_programme (f->page)), ==, "2014-05-22");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (selection)), ==, 7);
  /* and back by the keyboard's action */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "agenda.previous-day", NULL));
  g_assert_cmpstr (nrem_agenda_programme_get_day (nrem_agenda_page_get_programme (f->page)), ==, "2014-05-21");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "agenda.toggle-view", NULL));
  iterate (50);
  g_assert_cmpstr (nrem_agenda_page_get_view (f->page), ==, "timeline");
  g_assert_cmpuint (nrem_agenda_timeline_get_n_blocks (timeline), ==, 7);
  block = nrem_agenda_timeline_get_block (timeline, 0);
  g_assert_nonnull (block);
  gtk_test_accessible_assert_property (block, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                       "Wednesday 21 May, 09:00–10:15: Opening of the consultation, Opening, Plenary hall");
  /* a block opens the session */
  g_signal_emit_by_name (block, "clicked");
  g_assert_cmpstr (nrem_agenda_page_get_current (f->page), ==, OPENING);
  g_assert_true (nrem_agenda_editor_get_session (nrem_agenda_page_get_editor (f->page)) != NULL);
}

static void
test_rows_read_with_day_and_time (Fixture       *f,
                                  gconstpointer  data)
{
  GtkListView *list = nrem_agenda_page_get_list_view (f->page);
  gboolean found = FALSE;
  GtkWidget *child;

  iterate (100);
  /* the rows the list made: find the opening's and read its accessible name */
  for (child = gtk_widget_get_first_child (GTK_WIDGET (list)); child; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row == NULL || !NREM_IS_AGENDA_ROW (row) || nrem_agenda_row_get_session (NREM_AGENDA_ROW (row)) == NULL)
        continue;
      if (g_strcmp0 (nrem_record_get_uuid (NREM_RECORD (nrem_agenda_row_get_session (NREM_AGENDA_ROW (row)))),
                     OPENING) != 0)
        continue;
      gtk_test_accessible_assert_property (row, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Wednesday 21 May, 09:00–10:15: Opening of the consultation, Opening, Plenary hall");
      gtk_test_accessible_assert_property (child, GTK_ACCESSIBLE_PROPERTY_LABEL,
                                           "Wednesday 21 May, 09:00–10:15: Opening of the consultation, Opening, Plenary hall");
      found = TRUE;
    }
  g_assert_true (found);
}

static void
test_build_session_by_keyboard (Fixture       *f,
                                gconstpointer  data)
{
  NremAgendaEditor *editor = nrem_agenda_page_get_editor (f->page);
  g_autofree char *uuid = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *row = NULL;
  g_autofree char *rania = db_text (f, "SELECT uuid FROM participant WHERE name = 'Rania Al-Masri'");
  g_autofree char *budi = db_text (f, "SELECT uuid FROM participant WHERE name = 'Budi Hidayat'");
  gint64 before = db_int (f, "SELECT count(*) FROM session WHERE deleted_at IS NULL");
  GtkWidget *focus;

  /* Ctrl+N's action: a session after the last of the day, its title ready to type over */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "agenda.add", NULL));
  iterate (50);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM session WHERE deleted_at IS NULL"), ==, before + 1);
  uuid = g_strdup (nrem_agenda_page_get_current (f->page));
  g_assert_nonnull (uuid);
  focus = gtk_root_get_focus (GTK_ROOT (f->window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_is_ancestor (focus, nrem_agenda_editor_get_field (editor, "title")));

  sql = g_strdup_printf ("SELECT day || ' ' || start_time || '-' || end_time || ' ' || kind FROM session WHERE uuid = '%s'", uuid);
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "2014-05-21 17:30-18:30 plenary");

  nrem_agenda_editor_set_field_text (editor, "title", "Human rights due diligence");
  nrem_agenda_editor_set_field_text (editor, "room", "Room B");
  nrem_agenda_editor_set_field_text (editor, "description", "Supply chains and rapporteurs.");
  /* a time not yet valid is kept in the field, marked, and not saved */
  nrem_agenda_editor_set_field_text (editor, "start_time", "9:6");
  iterate (NREM_AGENDA_SAVE_DELAY_MS + 200);
  g_assert_false (nrem_agenda_editor_field_is_valid (editor, "start_time"));
  g_assert_true (gtk_widget_has_css_class (nrem_agenda_editor_get_field (editor, "start_time"), "error"));
  g_free (row);
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "2014-05-21 17:30-18:30 plenary");
  g_free (sql);
  sql = g_strdup_printf ("SELECT title || '|' || room || '|' || description FROM session WHERE uuid = '%s'", uuid);
  g_free (row);
  row = db_text (f, sql);
  g_assert_cmpstr (row, ==, "Human rights due diligence|Room B|Supply chains and rapporteurs.");

  nrem_agenda_editor_set_field_text (editor, "start_time", "9:05");
  nrem_agenda_editor_set_field_text (editor, "end_time", "10:00");
  adw_combo_row_set_selected (ADW_COMBO_ROW (nrem_agenda_editor_get_field (editor, "kind")), 4);
  g_assert_true (nrem_agenda_editor_set_person (editor, "chair", budi));
  g_assert_true (nrem_agenda_editor_set_person (editor, "speakers", rania));
  /* focus-out saves at once */
  nrem_agenda_page_flush (f->page);
  g_free (sql);
  sql = g_strdup_printf ("SELECT start_time || '-' || end_time || '|' || kind || '|' || chair || '|' || speakers"
                         " FROM session WHERE uuid = '%s'", uuid);
  g_free (row);
  row = db_text (f, sql);
  {
    g_autofree char *expected = g_strdup_printf ("09:05-10:00|working-group|%s|[\"%s\"]", budi, rania);

    g_assert_cmpstr (row, ==, expected);
  }
  iterate (50);
  /* it found its place in the day, in time order */
  g_assert_cmpint (nrem_agenda_programme_find_position (nrem_agenda_page_get_programme (f->page), uuid), ==, 1);
  /* Budi chairs the opening (09:00–10:15) too: a warning, not a refusal */
  g_assert_nonnull (nrem_agenda_editor_get_warning_text (editor));
  g_assert_nonnull (strstr (nrem_agenda_editor_get_warning_text (editor), "Budi Hidayat is also in “Opening of the consultation”"));
}

static void
test_notes_autosave (Fixture       *f,
                     gconstpointer  data)
{
  NremAgendaEditor *editor = nrem_agenda_page_get_editor (f->page);
  g_autofree char *notes = NULL;

  nrem_agenda_page_show_session (f->page, OPENING);
  g_assert_true (nrem_agenda_editor_get_session (editor) != NULL);
  nrem_agenda_editor_set_field_text (editor, "notes", "The Special Rapporteur opened the meeting.");
  g_assert_true (nrem_agenda_editor_has_pending (editor));
  /* nothing yet, then saved after the pause */
  iterate (NREM_AGENDA_SAVE_DELAY_MS + 300);
  g_assert_false (nrem_agenda_editor_has_pending (editor));
  notes = db_text (f, "SELECT notes FROM session WHERE uuid = '" OPENING "'");
  g_assert_cmpstr (notes, ==, "The Special Rapporteur opened the meeting.");
  /* each save is a new version on the merge clock */
  g_assert_cmpint (db_int (f, "SELECT rev FROM session WHERE uuid = '" OPENING "'"), >=, 3);
}

static void
test_delete_undo_duplicate (Fixture       *f,
                            gconstpointer  data)
{
  gint64 before = db_int (f, "SELECT count(*) FROM session WHERE deleted_at IS NULL");
  g_autofree char *copy = NULL;

  nrem_agenda_page_show_session (f->page, OPENING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "agenda.duplicate", NULL));
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM session WHERE deleted_at IS NULL"), ==, before + 1);
  copy = db_text (f, "SELECT title || '|' || start_time || '|' || room || '|' || coalesce (notes, 'no notes')"
                     " FROM session WHERE title LIKE '%(copy)'");
  g_assert_cmpstr (copy, ==, "Opening of the consultation (copy)|09:00|Plenary hall|no notes");

  nrem_agenda_page_show_session (f->page, OPENING);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->page), "agenda.delete", NULL));
  g_assert_cmpint (db_int (f, "SELECT deleted_at IS NOT NULL FROM session WHERE uuid = '" OPENING "'"), ==, 1);
  g_assert_cmpint (nrem_agenda_programme_find_position (nrem_agenda_page_get_programme (f->page), OPENING), ==, -1);
  g_assert_true (nrem_agenda_page_undo_delete (f->page));
  g_assert_cmpint (db_int (f, "SELECT deleted_at IS NULL FROM session WHERE uuid = '" OPENING "'"), ==, 1);
  g_assert_cmpint (nrem_agenda_programme_find_position (nrem_agenda_page_get_programme (f->page), OPENING), ==, 0);
  g_assert_cmpstr (nrem_agenda_page_get_current (f->page), ==, OPENING);
}

static void
on_chosen_cb (NremPersonSearch *search,
              const char       *uuid,
              const char       *name,
              char            **out)
{
  *out = g_strdup (name);
}

static void
test_person_search (Fixture       *f,
                    gconstpointer  data)
{
  NremPersonSearch *search = NREM_PERSON_SEARCH (g_object_ref_sink (nrem_person_search_new ()));
  g_autofree char *chosen = NULL;

  nrem_person_search_set_store (search, nrem_session_get_store (f->session));
  g_assert_cmpuint (g_list_model_get_n_items (nrem_person_search_get_results (search)), ==, NREM_PERSON_SEARCH_LIMIT);
  nrem_person_search_set_text (search, "rania");
  g_assert_cmpuint (g_list_model_get_n_items (nrem_person_search_get_results (search)), >=, 1);
  g_signal_connect (search, "person-chosen", G_CALLBACK (on_chosen_cb), &chosen);
  nrem_person_search_choose (search, 0);
  g_assert_cmpstr (chosen, ==, "Rania Al-Masri");
  nrem_person_search_set_text (search, "%_");
  g_assert_cmpuint (g_list_model_get_n_items (nrem_person_search_get_results (search)), ==, 0);
  g_object_unref (search);
}

static void
test_now_highlighted (Fixture       *f,
                      gconstpointer  data)
{
  GtkListView *list = nrem_agenda_page_get_list_view (f->page);
  gboolean running = FALSE;

  g_setenv ("NREM_DESK_NOW", "2014-05-21T10:20:00+07:00", TRUE);
  nrem_agenda_page_reload (f->page);
  iterate (100);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *row = gtk_widget_get_first_child (child);

      if (row != NULL && NREM_IS_AGENDA_ROW (row) && nrem_agenda_row_get_state_text (NREM_AGENDA_ROW (row)) != NULL)
        {
          NremAgendaSession *s = nrem_agenda_row_get_session (NREM_AGENDA_ROW (row));

          g_assert_cmpstr (nrem_record_get_string (NREM_RECORD (s), "title"), ==, "Tea break");
          g_assert_cmpstr (nrem_agenda_row_get_state_text (NREM_AGENDA_ROW (row)), ==, "Now");
          g_assert_true (gtk_widget_has_css_class (row, "agenda-running"));
          running = TRUE;
        }
    }
  g_unsetenv ("NREM_DESK_NOW");
  g_assert_true (running);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = g_dir_make_tmp ("nrem-agenda-ui-XXXXXX", NULL);
  g_autofree char *data_home = g_build_filename (home, "data", NULL);
  g_autofree char *config_home = g_build_filename (home, "config", NULL);
  g_autofree char *cache_home = g_build_filename (home, "cache", NULL);
  int status;

  /* before anything reads them */
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)
  g_test_add_func ("/agenda/ui/templates", test_templates);
  ADD ("/agenda/ui/day/list-and-timeline", test_day_list_and_timeline);
  ADD ("/agenda/ui/day/rows-read-with-day-and-time", test_rows_read_with_day_and_time);
  ADD ("/agenda/ui/session/build-by-keyboard", test_build_session_by_keyboard);
  ADD ("/agenda/ui/session/notes-autosave", test_notes_autosave);
  ADD ("/agenda/ui/session/delete-undo-duplicate", test_delete_undo_duplicate);
  ADD ("/agenda/ui/person-search", test_person_search);
  ADD ("/agenda/ui/day/now-highlighted", test_now_highlighted);

  status = g_test_run ();
  nrem_test_rm_rf (home);
  return status;
}
