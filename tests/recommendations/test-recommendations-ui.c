/* test-recommendations-ui.c
 *
 * The Recommendations pane's widgets under Xvfb: every template instantiated; the list with
 * numbers, sections and what a screen reader hears; browsing that writes nothing; drafting by
 * actions and typing, autosaved into revisions; subparagraph labels; the status workflow from
 * the editor; reordering by keyboard; filtering and searching; delete and Undo; the author;
 * the history with its diff; merging two heads; printing through GtkPrintOperation.
 * Everything is checked in the database.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "nrem-test-util.h"
#include "nrem-participant-picker.h"
#include "nrem-recommendation-editor.h"
#include "nrem-recommendation-history.h"
#include "nrem-recommendation-merge.h"
#include "nrem-recommendation-row.h"
#include "nrem-recommendations-page-private.h"
#include "nrem-revision-graph.h"
#include "nrem-session.h"
#include "nrem-store-recommendations.h"
#include "nrem-time.h"

#define BANGKOK "5862ca7e-5108-5623-8dc4-8bf867ee0229"
#define REC_SUBPARAGRAPHS "4e7ec6f3-70db-4093-8fae-bfaf3cc746a9"   /* position 2 */
#define REC_AGREED_16 "222ab970-03dc-42ef-ad6b-64a6424fc19a"

typedef struct
{
  NremTestDir              dir;
  NremSession             *session;
  GtkWidget               *window;
  NremRecommendationsPage *page;
  sqlite3                 *db;
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

typedef gboolean (*Condition) (Fixture *f, gconstpointer data);

static gboolean
wait_until (Fixture       *f,
            Condition      condition,
            gconstpointer  data,
            guint          timeout_ms)
{
  gint64 end = g_get_monotonic_time () + timeout_ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      if (condition (f, data))
        return TRUE;
      g_usleep (5000);
    }
  return condition (f, data);
}

static gint64
sql_int (Fixture    *f,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gint64
sql_int (Fixture    *f,
         const char *format,
         ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return nrem_test_sqlite_int (f->db, sql);
}

static char *
sql_text (Fixture    *f,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static char *
sql_text (Fixture    *f,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return nrem_test_sqlite_text (f->db, sql);
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) sample = NULL;
  GtkWidget *overlay;

  nrem_test_dir_setup (&f->dir, data);
  f->session = nrem_session_new (f->dir.db_path, &error);
  g_assert_no_error (error);
  sample = g_resources_lookup_data (NREM_SAMPLE_RESOURCE, 0, &error);
  g_assert_no_error (error);
  nrem_test_import_bytes (nrem_session_get_store (f->session), sample, NULL);
  nrem_session_reload (f->session);
  g_assert_true (nrem_session_select_meeting_uuid (f->session, BANGKOK));

  f->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1200, 800);
  f->page = NREM_RECOMMENDATIONS_PAGE (nrem_recommendations_page_new ());
  overlay = adw_toast_overlay_new ();
  adw_toast_overlay_set_child (ADW_TOAST_OVERLAY (overlay), GTK_WIDGET (f->page));
  gtk_window_set_child (GTK_WINDOW (f->window), overlay);
  nrem_recommendations_page_set_session (f->page, f->session);
  gtk_window_present (GTK_WINDOW (f->window));
  iterate (200);
  f->db = nrem_test_sqlite_open (f->dir.db_path);
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  nrem_recommendations_page_flush (f->page);
  sqlite3_close (f->db);
  gtk_window_destroy (GTK_WINDOW (f->window));
  iterate (50);
  g_clear_object (&f->session);
  nrem_test_dir_teardown (&f->dir, data);
}

static NremRecommendation *
item_at (Fixture *f,
         guint    i)
{
  g_autoptr(NremRecommendation) r = g_list_model_get_item (nrem_recommendations_page_get_shown (f->page), i);

  return r;  /* the list holds it */
}

static void
select_uuid (Fixture    *f,
             const char *uuid)
{
  g_assert_true (nrem_recommendations_page_select_uuid (f->page, uuid));
  iterate (30);
  g_assert_cmpstr (nrem_record_get_uuid (NREM_RECORD (nrem_recommendations_page_get_selected (f->page))), ==, uuid);
}

/* ------------------------------------------------------------------------------------------ */

static void
test_templates (Fixture       *f,
                gconstpointer  data)
{
  GtkWidget *widgets[4];
  NremRecommendation *record = nrem_recommendation_list_find (nrem_recommendations_page_get_list (f->page),
                                                              REC_SUBPARAGRAPHS, NULL);

  widgets[0] = g_object_ref_sink (nrem_recommendations_page_new ());
  widgets[1] = g_object_ref_sink (nrem_recommendation_row_new ());
  widgets[2] = g_object_ref_sink (nrem_recommendation_editor_new ());
  widgets[3] = g_object_ref_sink (nrem_participant_picker_new ());
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      g_assert_true (GTK_IS_WIDGET (widgets[i]));
      g_object_unref (widgets[i]);
    }
  {
    GtkWidget *history = nrem_recommendation_history_new (f->session, record, "Recommendation 2");
    GtkWidget *merge = nrem_recommendation_merge_new (f->session, record, "Recommendation 2");

    g_assert_true (ADW_IS_WINDOW (history));
    g_assert_true (ADW_IS_WINDOW (merge));
    gtk_window_destroy (GTK_WINDOW (history));
    gtk_window_destroy (GTK_WINDOW (merge));
  }
}

static void
test_browse (Fixture       *f,
             gconstpointer  data)
{
  GListModel *shown = nrem_recommendations_page_get_shown (f->page);
  gint64 revs = sql_int (f, "SELECT sum(rev) FROM recommendation");
  gint64 revisions = sql_int (f, "SELECT count(*) FROM revision");

  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 29);
  g_assert_cmpstr (nrem_recommendations_page_get_stack_name (f->page), ==, "list");
  /* the first is selected and in the editor */
  g_assert_true (nrem_recommendations_page_get_selected (f->page) == item_at (f, 0));
  g_assert_true (nrem_recommendation_editor_get_record (nrem_recommendations_page_get_editor (f->page)) == item_at (f, 0));

  /* looking at every recommendation writes nothing */
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    {
      gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_list_view_get_model (nrem_recommendations_page_get_list_view (f->page))), i);
      iterate (10);
      g_assert_true (nrem_recommendation_editor_get_record (nrem_recommendations_page_get_editor (f->page)) == item_at (f, i));
    }
  iterate (NREM_RECOMMENDATION_SAVE_DELAY_MS + 200);
  g_assert_cmpint (sql_int (f, "SELECT sum(rev) FROM recommendation"), ==, revs);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM revision"), ==, revisions);

  /* a row says its number, status and text to a screen reader */
  {
    NremRecommendationRow *row = NREM_RECOMMENDATION_ROW (nrem_recommendation_row_new ());
    NremRecommendation *alt = item_at (f, 3);

    g_object_ref_sink (row);
    nrem_recommendation_row_set_record (row, alt);
    g_assert_cmpstr (nrem_recommendation_row_get_accessible_label (row), ==,
                     "Recommendation 3 bis, under discussion: [States should entrust the monitoring of anti-trafficking "
                     "policy to a body separate from the national coordinating mechanism, in line with article 29, "
                     "paragraph 4, of the Council of Europe Convention on Action against Trafficking in Human Beings, "
                     "where applicable.]");
    gtk_test_accessible_assert_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                         nrem_recommendation_row_get_accessible_label (row));
    g_object_unref (row);
  }
}

static gboolean
text_saved (Fixture       *f,
            gconstpointer  data)
{
  const char *const *pair = data;
  g_autofree char *text = sql_text (f, "SELECT text FROM recommendation WHERE uuid = '%s'", pair[0]);

  return g_strcmp0 (text, pair[1]) == 0;
}

static void
test_draft (Fixture       *f,
            gconstpointer  data)
{
  NremRecommendationEditor *editor = nrem_recommendations_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nrem_recommendation_editor_get_text_view (editor));
  g_autofree char *uuid = NULL;
  gint64 n = sql_int (f, "SELECT count(*) FROM recommendation WHERE deleted_at IS NULL");
  const char *first = "States should ensure that NREMs";
  g_autofree char *expected = NULL;
  const char *pair[2];

  /* select paragraph 2, make a new one after it: it takes its section */
  select_uuid (f, REC_SUBPARAGRAPHS);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.new", NULL);
  iterate (50);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM recommendation WHERE deleted_at IS NULL"), ==, n + 1);
  uuid = g_strdup (nrem_record_get_uuid (NREM_RECORD (nrem_recommendations_page_get_selected (f->page))));
  g_assert_cmpint (sql_int (f, "SELECT position FROM recommendation WHERE uuid = '%s'", uuid), ==, 3);
  g_assert_cmpint (sql_int (f, "SELECT position FROM recommendation WHERE uuid = '%s'", REC_SUBPARAGRAPHS), ==, 2);
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM recommendation WHERE uuid = '%s' AND theme = 'Institutional framework and independence'", uuid), ==, 1);
  g_assert_cmpstr (nrem_paragraph_info_get (nrem_recommendations_page_get_selected (f->page))->number, ==, "3");
  g_assert_true (nrem_recommendation_editor_get_record (editor) == nrem_recommendations_page_get_selected (f->page));

  /* typing is saved a second after the last keystroke, as one revision */
  gtk_text_buffer_insert_at_cursor (buffer, first, -1);
  iterate (100);
  g_assert_true (nrem_recommendation_editor_has_pending (editor));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM revision WHERE recommendation = '%s'", uuid), ==, 0);
  pair[0] = uuid;
  pair[1] = first;
  g_assert_true (wait_until (f, text_saved, pair, NREM_RECOMMENDATION_SAVE_DELAY_MS * 3));
  g_assert_false (nrem_recommendation_editor_has_pending (editor));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM revision WHERE recommendation = '%s'", uuid), ==, 1);

  /* Ctrl+Enter's action: the next subparagraph label on a new line; again: (b) */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.insert-subparagraph", "i", 1);
  gtk_text_buffer_insert_at_cursor (buffer, "have a mandate;", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.insert-subparagraph", "i", 1);
  gtk_text_buffer_insert_at_cursor (buffer, "are independent:", -1);
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.insert-subparagraph", "i", 2);
  gtk_text_buffer_insert_at_cursor (buffer, "by law.", -1);
  expected = g_strdup_printf ("%s\n(a) have a mandate;\n(b) are independent:\n(i) by law.", first);
  /* leaving the text saves at once */
  g_assert_true (nrem_recommendation_editor_flush (editor));
  pair[1] = expected;
  g_assert_true (text_saved (f, pair));
  g_assert_cmpint (sql_int (f, "SELECT count(*) FROM revision WHERE recommendation = '%s'", uuid), ==, 2);

  /* Undo of the text view: back to what was saved before, which autosave then keeps */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.undo", NULL);
  iterate (20);
  {
    GtkTextIter s, e;
    g_autofree char *now = NULL;

    gtk_text_buffer_get_bounds (buffer, &s, &e);
    now = gtk_text_buffer_get_text (buffer, &s, &e, FALSE);
    g_assert_cmpstr (now, !=, expected);
  }
  g_assert_true (nrem_recommendation_editor_flush (editor));

  /* the status workflow from the editor: each step a revision */
  g_assert_true (nrem_recommendation_editor_set_status (editor, "proposed"));
  iterate (30);
  {
    g_autofree char *status = sql_text (f, "SELECT status FROM recommendation WHERE uuid = '%s'", uuid);

    g_assert_cmpstr (status, ==, "proposed");
  }
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.advance", NULL);
  iterate (30);
  {
    g_autofree char *status = sql_text (f, "SELECT status FROM recommendation WHERE uuid = '%s'", uuid);
    g_autofree char *last = sql_text (f, "SELECT status FROM revision WHERE recommendation = '%s'"
                                         " ORDER BY created_at DESC, rowid DESC LIMIT 1", uuid);

    g_assert_cmpstr (status, ==, "under-discussion");
    g_assert_cmpstr (last, ==, "under-discussion");
  }
  /* merged without a target: not saved, and said so */
  g_assert_false (nrem_recommendation_editor_set_status (editor, "merged"));
  iterate (30);
  {
    g_autofree char *status = sql_text (f, "SELECT status FROM recommendation WHERE uuid = '%s'", uuid);

    g_assert_cmpstr (status, ==, "under-discussion");
    g_assert_nonnull (strstr (nrem_recommendation_editor_get_save_state (editor), "merged into"));
  }
}

static void
test_author (Fixture       *f,
             gconstpointer  data)
{
  NremRecommendationEditor *editor = nrem_recommendations_page_get_editor (f->page);
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (nrem_recommendation_editor_get_text_view (editor));
  g_autofree char *me = sql_text (f, "SELECT uuid FROM participant ORDER BY name LIMIT 1");
  g_autofree char *name = sql_text (f, "SELECT name FROM participant WHERE uuid = '%s'", me);
  g_autofree char *meta = NULL;

  nrem_recommendations_page_set_author (f->page, me);
  meta = nrem_store_get_meta (nrem_session_get_store (f->session), "author");
  g_assert_cmpstr (meta, ==, me);

  select_uuid (f, REC_AGREED_16);
  gtk_text_buffer_insert_at_cursor (buffer, " More.", -1);
  g_assert_true (nrem_recommendation_editor_flush (editor));
  {
    g_autofree char *author = sql_text (f, "SELECT author FROM revision WHERE recommendation = '%s'"
                                           " ORDER BY created_at DESC, rowid DESC LIMIT 1", REC_AGREED_16);
    g_autofree char *author_name = sql_text (f, "SELECT author_name FROM revision WHERE recommendation = '%s'"
                                                " ORDER BY created_at DESC, rowid DESC LIMIT 1", REC_AGREED_16);

    g_assert_cmpstr (author, ==, me);
    g_assert_cmpstr (author_name, ==, name);
  }
  /* a new recommendation is proposed by the one who writes */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.new", NULL);
  iterate (30);
  {
    g_autofree char *proposer = sql_text (f, "SELECT proposer FROM recommendation WHERE uuid = '%s'",
                                          nrem_record_get_uuid (NREM_RECORD (nrem_recommendations_page_get_selected (f->page))));

    g_assert_cmpstr (proposer, ==, me);
  }
}

static void
test_reorder (Fixture       *f,
              gconstpointer  data)
{
  NremRecommendation *second;
  const NremParagraphInfo *info;
  g_autofree char *first_uuid = g_strdup (nrem_record_get_uuid (NREM_RECORD (item_at (f, 0))));

  select_uuid (f, REC_SUBPARAGRAPHS);
  second = nrem_recommendations_page_get_selected (f->page);
  /* the keyboard is in the list, on that row */
  gtk_widget_grab_focus (GTK_WIDGET (nrem_recommendations_page_get_list_view (f->page)));
  iterate (30);

  /* Alt+Up: it becomes paragraph 1; the numbers follow */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.move-up", NULL);
  iterate (300);
  g_assert_true (nrem_recommendations_page_get_selected (f->page) == second);
  /* the keyboard stays with the row that moved, for the next Alt+Up or Alt+Down */
  {
    GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (f->page)));
    GtkWidget *row = NULL;

    g_assert_nonnull (focus);
    g_assert_true (gtk_widget_is_ancestor (focus, GTK_WIDGET (nrem_recommendations_page_get_list_view (f->page))));
    for (GtkWidget *w = gtk_widget_get_first_child (focus); w != NULL && row == NULL; w = gtk_widget_get_first_child (w))
      if (NREM_IS_RECOMMENDATION_ROW (w))
        row = w;
    g_assert_nonnull (row);
    g_assert_true (nrem_recommendation_row_get_record (NREM_RECOMMENDATION_ROW (row)) == second);
  }
  info = nrem_paragraph_info_get (second);
  g_assert_cmpuint (info->index, ==, 0);
  g_assert_cmpstr (info->number, ==, "1");
  g_assert_cmpstr (nrem_paragraph_info_get (nrem_recommendation_list_find (nrem_recommendations_page_get_list (f->page),
                                                                           first_uuid, NULL))->number, ==, "2");
  g_assert_cmpint (sql_int (f, "SELECT position FROM recommendation WHERE uuid = '%s'", REC_SUBPARAGRAPHS), ==, 1);
  g_assert_cmpint (sql_int (f, "SELECT position FROM recommendation WHERE uuid = '%s'", first_uuid), ==, 2);

  /* at the top, it stays: nothing written */
  {
    gint64 revs = sql_int (f, "SELECT sum(rev) FROM recommendation");

    gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.move-up", NULL);
    iterate (30);
    g_assert_cmpint (sql_int (f, "SELECT sum(rev) FROM recommendation"), ==, revs);
  }

  /* Alt+Down twice: back below the first, then one more */
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.move-down", NULL);
  iterate (30);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.move-down", NULL);
  iterate (30);
  g_assert_cmpuint (nrem_paragraph_info_get (second)->index, ==, 2);
  g_assert_cmpint (sql_int (f, "SELECT position FROM recommendation WHERE uuid = '%s'", REC_SUBPARAGRAPHS), ==, 3);

  /* by drag and drop's action: onto the last of the first section, in another section */
  {
    guint n = g_list_model_get_n_items (nrem_recommendations_page_get_shown (f->page));
    NremRecommendation *last = item_at (f, n - 1);
    g_autofree char *theme = NULL;

    gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.move-to", "(sus)", REC_SUBPARAGRAPHS,
                                n, nrem_record_get_uuid (NREM_RECORD (last)));
    iterate (50);
    theme = sql_text (f, "SELECT theme FROM recommendation WHERE uuid = '%s'", REC_SUBPARAGRAPHS);
    g_assert_cmpstr (theme, ==, nrem_record_get_string (NREM_RECORD (last), "theme"));
    g_assert_cmpuint (nrem_paragraph_info_get (second)->index, ==, n - 1);
    g_assert_cmpint (sql_int (f, "SELECT count(DISTINCT position) FROM recommendation WHERE meeting = '%s' AND deleted_at IS NULL", BANGKOK), ==, n);
  }
}

static void
test_filter (Fixture       *f,
             gconstpointer  data)
{
  GListModel *shown = nrem_recommendations_page_get_shown (f->page);

  nrem_recommendations_page_set_status_filter (f->page, "agreed");
  iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 12);
  /* searching without accents or case finds "Ibáñez" as proposer, "exchanges" in text */
  nrem_recommendations_page_set_search (f->page, "IBANEZ");
  iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  nrem_recommendations_page_set_status_filter (f->page, NULL);
  nrem_recommendations_page_set_search (f->page, "peer exchanges");
  iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 1);
  nrem_recommendations_page_set_search (f->page, "no such words anywhere");
  iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 0);
  g_assert_cmpstr (nrem_recommendations_page_get_stack_name (f->page), ==, "no-results");
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.clear-filters", NULL);
  iterate (20);
  g_assert_cmpuint (g_list_model_get_n_items (shown), ==, 29);
  g_assert_cmpstr (nrem_recommendations_page_get_stack_name (f->page), ==, "list");

  /* grouped by addressee: sections follow the addressees, States first; remembered */
  nrem_recommendations_page_set_grouping (f->page, NREM_GROUPING_ADDRESSEE);
  iterate (20);
  g_assert_cmpstr (nrem_paragraph_info_get (item_at (f, 0))->section, ==, "Recommendations to States");
  {
    g_autofree char *meta = nrem_store_get_meta (nrem_session_get_store (f->session), NREM_OUTCOME_GROUPING_META);

    g_assert_cmpstr (meta, ==, "addressee");
  }
}

static void
test_delete_undo (Fixture       *f,
                  gconstpointer  data)
{
  select_uuid (f, REC_AGREED_16);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.delete", NULL);
  iterate (30);
  g_assert_cmpint (sql_int (f, "SELECT deleted_at IS NOT NULL FROM recommendation WHERE uuid = '%s'", REC_AGREED_16), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (nrem_recommendations_page_get_shown (f->page)), ==, 28);
  g_assert_null (nrem_recommendation_list_find (nrem_recommendations_page_get_list (f->page), REC_AGREED_16, NULL));

  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.undo-delete", "s", REC_AGREED_16);
  iterate (30);
  g_assert_cmpint (sql_int (f, "SELECT deleted_at IS NULL FROM recommendation WHERE uuid = '%s'", REC_AGREED_16), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (nrem_recommendations_page_get_shown (f->page)), ==, 29);
  g_assert_cmpstr (nrem_record_get_uuid (NREM_RECORD (nrem_recommendations_page_get_selected (f->page))), ==, REC_AGREED_16);
}

static void
test_history (Fixture       *f,
              gconstpointer  data)
{
  NremRecommendation *record = nrem_recommendation_list_find (nrem_recommendations_page_get_list (f->page),
                                                              REC_SUBPARAGRAPHS, NULL);
  GtkWidget *window;
  NremRecommendationHistory *history;
  guint n;
  g_autofree char *diff = NULL;
  g_autoptr(GError) error = NULL;

  select_uuid (f, REC_SUBPARAGRAPHS);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.history", NULL);
  iterate (50);
  window = GTK_WIDGET (nrem_recommendations_page_get_dialog (f->page));
  g_assert_true (NREM_IS_RECOMMENDATION_HISTORY (window));
  history = NREM_RECOMMENDATION_HISTORY (window);
  n = nrem_recommendation_history_get_n_revisions (history);
  g_assert_cmpuint (n, ==, sql_int (f, "SELECT count(*) FROM revision WHERE recommendation = '%s'", REC_SUBPARAGRAPHS));
  g_assert_cmpuint (n, >=, 2);

  /* the first against the last: words struck out and added */
  nrem_recommendation_history_compare (history, 1, n);
  diff = nrem_recommendation_history_dup_diff (history);
  g_assert_true (strstr (diff, "[-") != NULL || strstr (diff, "{+") != NULL);
  /* from nothing: everything added */
  g_free (diff);
  nrem_recommendation_history_compare (history, 0, 1);
  diff = nrem_recommendation_history_dup_diff (history);
  g_assert_true (g_str_has_prefix (diff, "{+"));

  /* restoring the first version makes it the newest revision */
  nrem_recommendation_history_compare (history, 0, 1);
  g_assert_true (nrem_recommendation_history_restore (history, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (nrem_recommendation_history_get_n_revisions (history), ==, n + 1);
  {
    g_autofree char *first = sql_text (f, "SELECT text FROM revision WHERE recommendation = '%s' ORDER BY created_at LIMIT 1", REC_SUBPARAGRAPHS);
    g_autofree char *now = sql_text (f, "SELECT text FROM recommendation WHERE uuid = '%s'", REC_SUBPARAGRAPHS);

    g_assert_cmpstr (now, ==, first);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  iterate (20);
  (void) record;
}

static void
test_merge (Fixture       *f,
            gconstpointer  data)
{
  NremStore *store = nrem_session_get_store (f->session);
  g_autoptr(NremRevisionGraph) graph = nrem_store_load_revision_graph (store, REC_AGREED_16, NULL);
  g_autofree char *now = nrem_time_format_ms (nrem_time_now_ms () + 5);
  const char *fields[] = { "recommendation", "parent", "author_name", "created_at", "status", "text", NULL };
  const char *values[] = { REC_AGREED_16, graph->current->uuid, "Delegate far away", now, "agreed",
                           "NREMs should share information with each other every month.", NULL };
  g_autofree char *other = NULL;
  NremRecommendation *record;
  GtkWidget *window;
  g_autoptr(GError) error = NULL;

  /* a version written elsewhere over the same parent arrives: two heads */
  other = nrem_store_create (store, NREM_ENTITY_REVISION, NULL, fields, values, &error);
  g_assert_no_error (error);
  {
    const char *f2[] = { "text", NULL };
    const char *v2[] = { "NREMs should share information, research and good practices.", NULL };

    g_assert_true (nrem_store_save_recommendation (store, REC_AGREED_16, f2, v2, NULL, "Here", NULL, &error));
  }
  nrem_recommendations_page_reload_now (f->page);
  record = nrem_recommendation_list_find (nrem_recommendations_page_get_list (f->page), REC_AGREED_16, NULL);
  g_assert_true (nrem_paragraph_info_get (record)->conflict);

  select_uuid (f, REC_AGREED_16);
  gtk_widget_activate_action (GTK_WIDGET (f->page), "recommendations.merge", NULL);
  iterate (50);
  window = GTK_WIDGET (nrem_recommendations_page_get_dialog (f->page));
  g_assert_true (NREM_IS_RECOMMENDATION_MERGE (window));
  g_assert_cmpuint (nrem_recommendation_merge_get_n_versions (NREM_RECOMMENDATION_MERGE (window)), ==, 2);
  nrem_recommendation_merge_set_text (NREM_RECOMMENDATION_MERGE (window),
                                      "NREMs should share information, research and good practices every month.");
  g_assert_true (nrem_recommendation_merge_save (NREM_RECOMMENDATION_MERGE (window), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (window));
  nrem_recommendations_page_reload_now (f->page);
  g_assert_false (nrem_paragraph_info_get (record)->conflict);
  {
    g_autoptr(NremRevisionGraph) after = nrem_store_load_revision_graph (store, REC_AGREED_16, NULL);
    g_autofree char *text = sql_text (f, "SELECT text FROM recommendation WHERE uuid = '%s'", REC_AGREED_16);

    g_assert_false (nrem_revision_graph_has_conflict (after));
    g_assert_cmpstr (text, ==, "NREMs should share information, research and good practices every month.");
    /* the other version stays in the history */
    g_assert_cmpint (sql_int (f, "SELECT count(*) FROM revision WHERE uuid = '%s'", other), ==, 1);
  }
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *path = nrem_test_dir_file (&f->dir, "printed.pdf");
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { "pdftotext", path, "-", NULL };

  g_assert_true (nrem_recommendations_page_print_to_file (f->page, NREM_OUTCOME_NEGOTIATION, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (path, G_FILE_TEST_EXISTS));
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (out, "Draft recommendations (negotiation text)"));
  g_assert_nonnull (strstr (out, "3 bis."));
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;

  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/recommendations-ui/templates", test_templates);
  ADD ("/recommendations-ui/browse", test_browse);
  ADD ("/recommendations-ui/draft", test_draft);
  ADD ("/recommendations-ui/author", test_author);
  ADD ("/recommendations-ui/reorder", test_reorder);
  ADD ("/recommendations-ui/filter", test_filter);
  ADD ("/recommendations-ui/delete-undo", test_delete_undo);
  ADD ("/recommendations-ui/history", test_history);
  ADD ("/recommendations-ui/merge", test_merge);
  ADD ("/recommendations-ui/print", test_print);

  return g_test_run ();
}
