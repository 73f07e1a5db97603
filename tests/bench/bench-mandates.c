/* bench-mandates.c
 *
 * The matrix of the large data set (300 mechanisms × 25 dimensions), under Xvfb:
 *   model       nrem_matrix_load() from the large database;
 *   first frame the time from creating a window to the end of its first painted frame
 *               (GdkFrameClock::after-paint), for
 *                 floor: an empty AdwApplicationWindow,
 *                 grid:  a window with the matrix widget, the model loaded inside the timing,
 *                 pane:  a window with the whole Mandates pane (session given, loads on map);
 *   scrolling   a page down on every frame for N frames: the time each frame spends from the
 *               frame clock's update to the end of its paint, against the frame budget of a
 *               60 Hz display and against a floor: a window of the same size whose whole
 *               content (one colour, changing every frame) is redrawn and shown each frame.
 * Prints the figures (medians of several runs) and the ratios; the targets: first frame of
 * the pane ≤ 150 ms, scrolling within the frame budget.
 *
 * Usage: bench-mandates LARGE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mandates/nrem-mandates-page.h"
#include "mandates/nrem-matrix-grid.h"
#include "nrem-exchange.h"
#include "nrem-matrix.h"
#include "nrem-session.h"

#define RUNS 5
#define SCROLL_FRAMES 120
#define FRAME_BUDGET_MS (1000.0 / 60.0)

typedef enum
{
  KIND_FLOOR,
  KIND_GRID,
  KIND_PANE,
} Kind;

static NremSession *session;
static GtkApplication *app;

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

static void
spin_until (gboolean *flag,
            guint     timeout_ms)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!*flag && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
}

static void
spin (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (500);
}

/* ------------------------------------------------------------------------------------------
 * First frame
 */

typedef struct
{
  gint64   start;
  gint64   painted;
  gboolean done;
} FirstFrame;

static void
after_paint_cb (GdkFrameClock *clock,
                FirstFrame    *ff)
{
  if (ff->done)
    return;
  ff->painted = g_get_monotonic_time ();
  ff->done = TRUE;
}

static void
on_realize_cb (GtkWidget  *window,
               FirstFrame *ff)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (after_paint_cb), ff);
}

static GtkWidget *
make_window (Kind        kind,
             NremMatrix *preloaded,
             GtkWidget **out_grid)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 760);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  if (kind == KIND_GRID)
    {
      GtkWidget *scrolled = gtk_scrolled_window_new ();
      GtkWidget *grid = nrem_matrix_grid_new ();
      g_autoptr(NremMatrix) matrix = preloaded ? nrem_matrix_ref (preloaded)
                                               : nrem_matrix_load (nrem_session_get_store (session), NULL);

      g_assert_nonnull (matrix);
      nrem_matrix_grid_set_matrix (NREM_MATRIX_GRID (grid), matrix);
      gtk_widget_set_vexpand (scrolled, TRUE);
      gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), grid);
      gtk_box_append (GTK_BOX (box), scrolled);
      if (out_grid != NULL)
        *out_grid = grid;
    }
  else if (kind == KIND_PANE)
    {
      GtkWidget *page = nrem_mandates_page_new ();

      gtk_widget_set_vexpand (page, TRUE);
      nrem_mandates_page_set_session (NREM_MANDATES_PAGE (page), session);
      gtk_box_append (GTK_BOX (box), page);
      if (out_grid != NULL)
        *out_grid = nrem_mandates_page_get_grid (NREM_MANDATES_PAGE (page));
    }
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  return window;
}

static double
first_frame_ms (Kind kind)
{
  FirstFrame ff = { 0 };
  GtkWidget *window;

  ff.start = g_get_monotonic_time ();
  window = make_window (kind, NULL, NULL);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), &ff);
  gtk_window_present (GTK_WINDOW (window));
  spin_until (&ff.done, 10000);
  g_assert_true (ff.done);
  gtk_window_destroy (GTK_WINDOW (window));
  spin (100);
  return (ff.painted - ff.start) / 1000.0;
}

/* ------------------------------------------------------------------------------------------
 * Scrolling
 */

typedef struct
{
  GtkWidget     *window;
  GtkAdjustment *vadj;
  GtkWidget     *redraw;         /* the floor: redrawn every frame */
  gint64         frame_start;
  int            frames;
  double         work[SCROLL_FRAMES];
  gint64         first_paint;
  gint64         last_paint;
  gboolean       done;
} Scroll;

static void
scroll_update_cb (GdkFrameClock *clock,
                  Scroll        *s)
{
  s->frame_start = g_get_monotonic_time ();
  if (s->vadj != NULL)
    {
      double v = gtk_adjustment_get_value (s->vadj) + gtk_adjustment_get_page_size (s->vadj);

      if (v > gtk_adjustment_get_upper (s->vadj) - gtk_adjustment_get_page_size (s->vadj))
        v = 0;
      gtk_adjustment_set_value (s->vadj, v);
    }
  else
    gtk_widget_queue_draw (s->redraw);
}

static void
scroll_after_paint_cb (GdkFrameClock *clock,
                       Scroll        *s)
{
  gint64 now = g_get_monotonic_time ();

  if (s->done || s->frame_start == 0)
    return;
  if (s->frames == 0)
    s->first_paint = now;
  s->last_paint = now;
  s->work[s->frames++] = (now - s->frame_start) / 1000.0;
  s->frame_start = 0;
  if (s->frames >= SCROLL_FRAMES)
    {
      s->done = TRUE;
      gdk_frame_clock_end_updating (clock);
    }
}

static void
draw_colour_cb (GtkDrawingArea *area,
                cairo_t        *cr,
                int             width,
                int             height,
                gpointer        data)
{
  static int n;

  n++;
  cairo_set_source_rgb (cr, (n % 2) ? 0.95 : 0.9, 0.93, 0.9);
  cairo_paint (cr);
}

static void
measure_scroll (Kind    kind,
                double *median_work,
                double *max_work,
                double *interval)
{
  Scroll s = { 0 };
  GtkWidget *grid = NULL;
  GdkFrameClock *clock;
  gboolean mapped = FALSE;

  s.window = make_window (kind, NULL, &grid);
  if (kind == KIND_FLOOR)
    {
      GtkWidget *area = gtk_drawing_area_new ();

      gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_colour_cb, NULL, NULL);
      gtk_widget_set_vexpand (area, TRUE);
      gtk_box_append (GTK_BOX (adw_application_window_get_content (ADW_APPLICATION_WINDOW (s.window))), area);
      s.redraw = area;
    }
  gtk_window_present (GTK_WINDOW (s.window));
  while (!mapped)
    {
      g_main_context_iteration (NULL, TRUE);
      mapped = gtk_widget_get_mapped (s.window);
    }
  spin (300);
  if (grid != NULL)
    s.vadj = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (grid));

  clock = gtk_widget_get_frame_clock (s.window);
  g_signal_connect (clock, "update", G_CALLBACK (scroll_update_cb), &s);
  g_signal_connect (clock, "after-paint", G_CALLBACK (scroll_after_paint_cb), &s);
  gdk_frame_clock_begin_updating (clock);
  spin_until (&s.done, 30000);
  g_signal_handlers_disconnect_by_data (clock, &s);
  g_assert_true (s.done);

  *interval = (s.last_paint - s.first_paint) / 1000.0 / (SCROLL_FRAMES - 1);
  qsort (s.work, SCROLL_FRAMES, sizeof (double), compare_double);
  *median_work = s.work[SCROLL_FRAMES / 2];
  *max_work = s.work[SCROLL_FRAMES - 1];
  gtk_window_destroy (GTK_WINDOW (s.window));
  spin (100);
}

/* ------------------------------------------------------------------------------------------ */

static void
run_cb (GApplication *application,
        gpointer      user_data)
{
  const char *large = user_data;
  double model[RUNS], floor_ff[RUNS], grid_ff[RUNS], pane_ff[RUNS];
  double f_med, f_max, f_int, g_med, g_max, g_int;
  g_autoptr(GError) error = NULL;
  NremImportReport report;
  double m, ff_floor, ff_grid, ff_pane;
  guint n_mech = 0, n_dim = 0;

  g_application_hold (application);
  g_assert_true (nrem_exchange_import_file (nrem_session_get_store (session), large, FALSE, &report, &error));
  g_assert_no_error (error);
  nrem_import_report_clear (&report);

  for (int i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();
      g_autoptr(NremMatrix) matrix = nrem_matrix_load (nrem_session_get_store (session), &error);

      g_assert_no_error (error);
      model[i] = (g_get_monotonic_time () - start) / 1000.0;
      n_mech = nrem_matrix_get_n_mechanisms (matrix);
      n_dim = nrem_matrix_get_n_dimensions (matrix);
    }
  m = median (model, RUNS);

  /* one of each first, so that no kind pays for loading GTK's theme and fonts */
  first_frame_ms (KIND_FLOOR);
  first_frame_ms (KIND_GRID);
  for (int i = 0; i < RUNS; i++)
    {
      floor_ff[i] = first_frame_ms (KIND_FLOOR);
      grid_ff[i] = first_frame_ms (KIND_GRID);
      pane_ff[i] = first_frame_ms (KIND_PANE);
    }
  ff_floor = median (floor_ff, RUNS);
  ff_grid = median (grid_ff, RUNS);
  ff_pane = median (pane_ff, RUNS);

  measure_scroll (KIND_FLOOR, &f_med, &f_max, &f_int);
  measure_scroll (KIND_GRID, &g_med, &g_max, &g_int);

  printf ("matrix: %u mechanisms x %u dimensions\n", n_mech, n_dim);
  printf ("model load (nrem_matrix_load)          %8.1f ms\n", m);
  printf ("first frame, floor (empty window)      %8.1f ms\n", ff_floor);
  printf ("first frame, matrix widget + model     %8.1f ms   ratio %.2f x floor\n", ff_grid, ff_grid / ff_floor);
  printf ("first frame, whole Mandates pane       %8.1f ms   ratio %.2f x floor   target <= 150 ms: %s\n",
          ff_pane, ff_pane / ff_floor, ff_pane <= 150 ? "met" : "MISSED");
  printf ("scrolling a page per frame, %d frames:\n", SCROLL_FRAMES);
  printf ("  floor (whole window repainted) work per frame median %.2f ms, max %.2f ms, frame interval %.2f ms\n",
          f_med, f_max, f_int);
  printf ("  matrix                         work per frame median %.2f ms, max %.2f ms, frame interval %.2f ms\n",
          g_med, g_max, g_int);
  printf ("  ratio matrix/floor (median work) %.2f; median work / 60 Hz frame budget %.2f; interval / budget %.2f: %s\n",
          g_med / MAX (f_med, 0.01), g_med / FRAME_BUDGET_MS, g_int / FRAME_BUDGET_MS,
          g_max <= FRAME_BUDGET_MS ? "every frame within the budget" :
          g_med <= FRAME_BUDGET_MS ? "median within the budget" : "SLOWER than the display");
  fflush (stdout);
  g_application_release (application);
  g_application_quit (application);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  int status;

  if (argc != 2)
    {
      g_printerr ("usage: %s LARGE.json\n", argv[0]);
      return 2;
    }
  tmp = g_dir_make_tmp ("nrem-bench-mandates-XXXXXX", &error);
  g_assert_no_error (error);
  {
    g_autofree char *data = g_build_filename (tmp, "data", NULL);
    g_autofree char *config = g_build_filename (tmp, "config", NULL);
    g_autofree char *cache = g_build_filename (tmp, "cache", NULL);

    g_setenv ("XDG_DATA_HOME", data, TRUE);
    g_setenv ("XDG_CONFIG_HOME", config, TRUE);
    g_setenv ("XDG_CACHE_HOME", cache, TRUE);
  }
  g_setenv ("GSETTINGS_BACKEND", "memory", FALSE);
  db = g_build_filename (tmp, "large.db", NULL);
  session = nrem_session_new (db, &error);
  g_assert_no_error (error);

  app = GTK_APPLICATION (adw_application_new ("io.github.nremdesk.NremDesk.BenchMandates",
                                              G_APPLICATION_NON_UNIQUE));
  g_signal_connect (app, "activate", G_CALLBACK (run_cb), argv[1]);
  status = g_application_run (G_APPLICATION (app), 1, argv);
  g_object_unref (app);
  g_clear_object (&session);
  {
    const char *rm[] = { "rm", "-rf", tmp, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return status;
}
