/* bench-recommendations.c
 *
 * The Recommendations pane on the large data set (2,000 recommendations with 5 revisions
 * each), every figure against a floor measured in the same run:
 *   list        reading a meeting's 2,000 recommendations into the list model (numbers,
 *               sections, search keys, forks), against a raw prepared SELECT of the same rows;
 *   filter      one keystroke of search-as-you-type over the 2,000 (GtkFilterListModel with
 *               the pane's filter), against a plain strstr loop over the same texts;
 *   export      the outcome of a 200-recommendation meeting as PDF, Markdown and ODT,
 *               against writing the same text with plain stdio;
 *   scrolling   (with a display) a page down on every frame through the pane's list, against
 *               a GtkListView of plain labels of the same texts.
 * Medians of several runs. Targets: export under a second; filtering and scrolling within a
 * frame (16.7 ms).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "nrem-outcome.h"
#include "nrem-recommendation-list.h"
#include "nrem-recommendation-rules.h"
#include "nrem-recommendations-page-private.h"
#include "nrem-session.h"
#include "nrem-store-recommendations.h"

#define RUNS 7
#define SCROLL_FRAMES 120

static char *tmpdir;

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, (size_t) n, sizeof *v, compare_double);
  return v[n / 2];
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
sql (sqlite3    *db,
     const char *text)
{
  char *message = NULL;

  if (sqlite3_exec (db, text, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", text, message);
}

/* ------------------------------------------------------------------------------------------
 * The list model
 */

static double
floor_select (const char *path,
              const char *meeting)
{
  sqlite3 *db;
  sqlite3_stmt *stmt;
  double start = now_ms ();
  guint n = 0;
  gsize bytes = 0;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT uuid, updated_at, rev, origin, deleted_at, meeting, position, theme,"
                                       " addressees, session, status, merged_into, proposer, supporters, bracketed,"
                                       " alternative, text FROM recommendation WHERE meeting = ?1 AND deleted_at IS NULL"
                                       " ORDER BY position, uuid", -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, meeting, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      for (int c = 0; c < 17; c++)
        {
          const unsigned char *t = sqlite3_column_text (stmt, c);

          bytes += t != NULL ? strlen ((const char *) t) : 0;
        }
      n++;
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  g_assert_cmpuint (n, >, 0);
  (void) bytes;
  return now_ms () - start;
}

/* ------------------------------------------------------------------------------------------
 * Filtering as you type
 */

static const char * const keystrokes[] = { "s", "st", "sta", "stat", "state", "states", "states s",
                                           "states sh", "states sho", "states shou", "states shoul",
                                           "states should", NULL };

typedef struct
{
  NremRecommendationFilter filter;
} FilterData;

static gboolean
filter_cb (gpointer item,
           gpointer user_data)
{
  FilterData *data = user_data;
  const NremParagraphInfo *info = nrem_paragraph_info_get (item);

  return nrem_recommendation_filter_match (&data->filter, nrem_record_get_row (NREM_RECORD (item)), info->search_key);
}

static void
measure_filter (NremRecommendationList *list,
                double                 *pane_ms,
                double                 *floor_ms,
                guint                  *matches)
{
  FilterData data = { { 0 } };
  GtkCustomFilter *filter = gtk_custom_filter_new (filter_cb, &data, NULL);
  g_autoptr(GtkFilterListModel) model = gtk_filter_list_model_new (g_object_ref (G_LIST_MODEL (list)), GTK_FILTER (filter));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  double pane[RUNS], base[RUNS];
  guint nk = g_strv_length ((char **) keystrokes);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremRecommendation) r = g_list_model_get_item (G_LIST_MODEL (list), i);

      g_ptr_array_add (texts, (gpointer) nrem_record_get_string (NREM_RECORD (r), "text"));
    }

  for (int run = 0; run < RUNS; run++)
    {
      double start = now_ms ();
      volatile guint hits = 0;

      for (guint k = 0; keystrokes[k] != NULL; k++)
        {
          g_free (data.filter.query);
          data.filter.query = nrem_text_fold (keystrokes[k]);
          gtk_filter_changed (GTK_FILTER (filter), GTK_FILTER_CHANGE_DIFFERENT);
          hits = g_list_model_get_n_items (G_LIST_MODEL (model));
        }
      pane[run] = (now_ms () - start) / nk;
      *matches = hits;

      start = now_ms ();
      for (guint k = 0; keystrokes[k] != NULL; k++)
        {
          hits = 0;
          for (guint i = 0; i < texts->len; i++)
            if (g_ptr_array_index (texts, i) != NULL && strstr (g_ptr_array_index (texts, i), keystrokes[k]) != NULL)
              hits++;
        }
      base[run] = (now_ms () - start) / nk;
    }
  *pane_ms = median (pane, RUNS);
  *floor_ms = median (base, RUNS);
  nrem_recommendation_filter_clear (&data.filter);
}

/* ------------------------------------------------------------------------------------------
 * Export
 */

static double
floor_stdio (NremStore  *store,
             const char *meeting,
             const char *path)
{
  double start = now_ms ();
  g_autoptr(GPtrArray) entries = nrem_store_list_recommendations (store, meeting, NULL);
  FILE *out = g_fopen (path, "w");

  for (guint i = 0; i < entries->len; i++)
    {
      NremRecommendationEntry *e = g_ptr_array_index (entries, i);
      const char *text = nrem_row_get (e->row, "text");

      fprintf (out, "%u. %s\n\n", i + 1, text ? text : "");
    }
  fclose (out);
  return now_ms () - start;
}

static void
measure_export (NremStore  *store,
                const char *meeting)
{
  static const char * const endings[] = { "pdf", "md", "odt" };
  g_autofree char *floor_path = g_build_filename (tmpdir, "floor.txt", NULL);
  double base[RUNS];
  double b;

  for (int run = 0; run < RUNS; run++)
    base[run] = floor_stdio (store, meeting, floor_path);
  b = median (base, RUNS);
  g_print ("export    floor (the same text with stdio)   %8.2f ms\n", b);

  for (guint k = 0; k < G_N_ELEMENTS (endings); k++)
    for (guint v = 0; v < 2; v++)
      {
        g_autofree char *name = g_strdup_printf ("outcome-%u.%s", v, endings[k]);
        g_autofree char *path = g_build_filename (tmpdir, name, NULL);
        double t[RUNS], m;
        g_autoptr(GError) error = NULL;

        for (int run = 0; run < RUNS; run++)
          {
            double start = now_ms ();

            g_assert_true (nrem_outcome_export (store, meeting, v == 0 ? NREM_OUTCOME_CLEAN : NREM_OUTCOME_NEGOTIATION,
                                                NREM_GROUPING_THEME, path, &error));
            g_assert_no_error (error);
            t[run] = now_ms () - start;
          }
        m = median (t, RUNS);
        g_print ("export    %-4s %-11s                    %8.2f ms   ratio %6.1f   %s\n", endings[k],
                 v == 0 ? "clean" : "negotiation", m, m / b, m < 1000 ? "under 1 s: ok" : "OVER 1 s");
      }
}

/* ------------------------------------------------------------------------------------------
 * Scrolling
 */

typedef struct
{
  GtkAdjustment *vadj;
  double         step;          /* pixels per frame; 0: a page */
  gint64         frame_start;
  int            frames;
  double         work[SCROLL_FRAMES];
  gboolean       done;
} Scroll;

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }
}

static void
scroll_update_cb (GdkFrameClock *clock,
                  Scroll        *s)
{
  double v = gtk_adjustment_get_value (s->vadj) + (s->step > 0 ? s->step : gtk_adjustment_get_page_size (s->vadj));

  s->frame_start = g_get_monotonic_time ();
  if (v > gtk_adjustment_get_upper (s->vadj) - gtk_adjustment_get_page_size (s->vadj))
    v = 0;
  gtk_adjustment_set_value (s->vadj, v);
}

static void
scroll_after_paint_cb (GdkFrameClock *clock,
                       Scroll        *s)
{
  if (s->done || s->frame_start == 0)
    return;
  s->work[s->frames++] = (g_get_monotonic_time () - s->frame_start) / 1000.0;
  s->frame_start = 0;
  if (s->frames >= SCROLL_FRAMES)
    {
      s->done = TRUE;
      gdk_frame_clock_end_updating (clock);
    }
}

static double
measure_scroll_step (GtkWidget   *content,
                     GtkListView *view,
                     double       step,
                     double      *max_work)
{
  GtkWidget *window = gtk_window_new ();
  Scroll s = { 0 };
  GdkFrameClock *clock;
  gint64 end;

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 800);
  gtk_window_set_child (GTK_WINDOW (window), content);
  gtk_window_present (GTK_WINDOW (window));
  while (!gtk_widget_get_mapped (window))
    g_main_context_iteration (NULL, TRUE);
  spin (400);
  s.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  s.step = step;
  clock = gtk_widget_get_frame_clock (window);
  g_signal_connect (clock, "update", G_CALLBACK (scroll_update_cb), &s);
  g_signal_connect (clock, "after-paint", G_CALLBACK (scroll_after_paint_cb), &s);
  gdk_frame_clock_begin_updating (clock);
  end = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;
  while (!s.done && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handlers_disconnect_by_data (clock, &s);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
  qsort (s.work, (size_t) s.frames, sizeof (double), compare_double);
  *max_work = s.frames > 0 ? s.work[s.frames - 1] : 0;
  return s.frames > 0 ? s.work[s.frames / 2] : 0;
}

static double
measure_scroll (GtkWidget   *content,
                GtkListView *view,
                double      *max_work)
{
  return measure_scroll_step (content, view, 0, max_work);
}

static void
setup_label_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_lines (GTK_LABEL (label), 3);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_top (label, 10);
  gtk_widget_set_margin_bottom (label, 30);
  gtk_list_item_set_child (item, label);
}

static void
bind_label_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item)
{
  gtk_label_set_label (GTK_LABEL (gtk_list_item_get_child (item)),
                       gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

static GtkWidget *
make_floor (GtkStringList *strings,
            GtkWidget    **view)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_label_cb), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_label_cb), NULL);
  *view = gtk_list_view_new (GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (strings)))),
                             factory);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), *view);
  /* as wide as the pane's list */
  gtk_widget_set_size_request (scroller, 340, -1);
  gtk_widget_set_halign (scroller, GTK_ALIGN_START);
  return scroller;
}

static void
scroll_benchmark (NremSession            *session,
                  NremRecommendationList *list)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (list));
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *view, *content;
  static const struct { double step; const char *what; } kinds[] = {
    { 0, "a page per frame (the worst case)" },
    { 120, "120 px per frame (a fast fling)" },
  };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremRecommendation) r = g_list_model_get_item (G_LIST_MODEL (list), i);

      gtk_string_list_append (strings, nrem_record_get_string (NREM_RECORD (r), "text"));
    }
  /* once to warm up fonts and theme, then pane and floor alternately */
  content = make_floor (strings, &view);
  measure_scroll (content, GTK_LIST_VIEW (view), &(double) { 0 });
  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      double pane[3], floor_[3], pane_max = 0, floor_max = 0, x, p, f;

      for (int run = 0; run < 3; run++)
        {
          GtkWidget *page = nrem_recommendations_page_new ();

          nrem_recommendations_page_set_session (NREM_RECOMMENDATIONS_PAGE (page), session);
          pane[run] = measure_scroll_step (page, nrem_recommendations_page_get_list_view (NREM_RECOMMENDATIONS_PAGE (page)),
                                           kinds[k].step, &x);
          pane_max = MAX (pane_max, x);
          content = make_floor (strings, &view);
          floor_[run] = measure_scroll_step (content, GTK_LIST_VIEW (view), kinds[k].step, &x);
          floor_max = MAX (floor_max, x);
        }
      p = median (pane, 3);
      f = median (floor_, 3);
      g_print ("scrolling %s\n", kinds[k].what);
      g_print ("          floor (GtkListView of labels, as wide) %6.2f ms per frame (max %.2f)\n", f, floor_max);
      g_print ("          pane, %u rows                    %6.2f ms per frame (max %.2f)   ratio %5.2f   %s\n",
               n, p, pane_max, p / f, p < 16.7 ? "within a 60 Hz frame: ok" : "over a 60 Hz frame");
    }
}

static void
remove_tree (const char *path)
{
  GDir *dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }
  if (dir != NULL)
    g_dir_close (dir);
  g_rmdir (path);
}

/* ------------------------------------------------------------------------------------------ */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremSession) session = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *big = NULL;
  g_autofree char *small = NULL;
  NremImportReport report;
  NremStore *store;
  sqlite3 *db;
  gboolean display;

  if (argc < 2)
    {
      g_printerr ("usage: %s LARGE.json\n", argv[0]);
      return 1;
    }
  display = gtk_init_check ();
  if (display)
    adw_init ();
  tmpdir = g_dir_make_tmp ("nrem-bench-recommendations-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmpdir, TRUE);
  db_path = g_build_filename (tmpdir, "large.db", NULL);

  /* the large data set in a database seeded as on a first start */
  session = nrem_session_new (db_path, &error);
  g_assert_no_error (error);
  store = nrem_session_get_store (session);
  g_assert_true (nrem_exchange_import_file (store, argv[1], FALSE, &report, &error));
  g_assert_no_error (error);
  nrem_import_report_clear (&report);

  /* one meeting holds all 2,000 recommendations (the list at its largest), another 200
   * (the export); positions renumbered in each */
  big = nrem_store_latest_meeting (store);
  g_assert_cmpint (sqlite3_open (db_path, &db), ==, SQLITE_OK);
  {
    char *q;

    sql (db, "BEGIN");
    q = sqlite3_mprintf ("UPDATE recommendation SET meeting = %Q", big);
    sql (db, q);
    sqlite3_free (q);
    sql (db, "UPDATE recommendation SET position = (SELECT count(*) FROM recommendation r2"
             " WHERE r2.uuid <= recommendation.uuid)");
    sql (db, "COMMIT");
  }
  {
    sqlite3_stmt *stmt;

    sqlite3_prepare_v2 (db, "SELECT uuid FROM meeting WHERE uuid <> ?1 AND deleted_at IS NULL LIMIT 1", -1, &stmt, NULL);
    sqlite3_bind_text (stmt, 1, big, -1, SQLITE_STATIC);
    g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
    small = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    sqlite3_finalize (stmt);
  }

  g_print ("== recommendations (2,000 with 5 revisions each; medians of %d runs)\n", RUNS);
  {
    g_autoptr(NremRecommendationList) list = nrem_recommendation_list_new (store);
    double first[RUNS], again[RUNS], base[RUNS];
    double f, a, b, pane_ms = 0, floor_ms = 1;
    guint matches = 0;

    nrem_recommendation_list_set_meeting (list, big);
    for (int run = 0; run < RUNS; run++)
      {
        g_autoptr(NremRecommendationList) fresh = nrem_recommendation_list_new (store);
        double start = now_ms ();

        nrem_recommendation_list_set_meeting (fresh, big);
        g_assert_true (nrem_recommendation_list_reload (fresh, &error));
        first[run] = now_ms () - start;
        base[run] = floor_select (db_path, big);
      }
    g_assert_true (nrem_recommendation_list_reload (list, &error));
    for (int run = 0; run < RUNS; run++)
      {
        double start = now_ms ();

        g_assert_true (nrem_recommendation_list_reload (list, &error));
        again[run] = now_ms () - start;
      }
    f = median (first, RUNS);
    a = median (again, RUNS);
    b = median (base, RUNS);
    g_print ("list      floor (raw SELECT of the rows)      %8.2f ms\n", b);
    g_print ("list      load, %u records                 %8.2f ms   ratio %6.1f\n",
             g_list_model_get_n_items (G_LIST_MODEL (list)), f, f / b);
    g_print ("list      reload after a change elsewhere     %8.2f ms   ratio %6.1f\n", a, a / b);

    measure_filter (list, &pane_ms, &floor_ms, &matches);
    g_print ("filter    floor (strstr over the texts)       %8.3f ms per keystroke\n", floor_ms);
    g_print ("filter    pane (fold, 4 filters, GtkFilterListModel) %5.3f ms per keystroke   ratio %6.1f   %s\n",
             pane_ms, pane_ms / floor_ms, pane_ms < 16.7 ? "within a frame: ok" : "OVER a frame");

    /* the export meeting: 200 of them */
    {
      char *q = sqlite3_mprintf ("UPDATE recommendation SET meeting = %Q WHERE position <= 200", small);

      sql (db, q);
      sqlite3_free (q);
    }
    measure_export (store, small);

    if (display)
      {
        nrem_session_reload (session);
        g_assert_true (nrem_session_select_meeting_uuid (session, big));
        {
          char *q = sqlite3_mprintf ("UPDATE recommendation SET meeting = %Q", big);

          sql (db, q);
          sqlite3_free (q);
        }
        nrem_recommendation_list_reload (list, NULL);
        scroll_benchmark (session, list);
      }
    else
      g_print ("scrolling skipped: no display (run under xvfb-run)\n");
  }
  sqlite3_close (db);
  g_clear_object (&session);
  remove_tree (tmpdir);
  return 0;
}
