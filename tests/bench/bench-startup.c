/* bench-startup.c
 *
 * Start-up and memory of the window. One process per measurement:
 *   bench-startup floor          an empty AdwApplicationWindow (the floor)
 *   bench-startup app DB         the real application on the database DB
 * Each prints "first-frame-ms N rss-kib N": the time from the start of main() to the end of
 * the window's first painted frame, and the resident size once the window has settled.
 * tests/bench/run.sh runs both several times and prints the ratios.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <adwaita.h>
#include <stdio.h>
#include <string.h>

#include "nrem-application.h"

static gint64 start_us;
static gint64 first_frame_us;

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmRSS:");
  return line ? strtol (line + 6, NULL, 10) : -1;
}

static gboolean
report_and_quit_cb (gpointer user_data)
{
  GApplication *app = user_data;

  printf ("first-frame-ms %.1f rss-kib %ld\n", (first_frame_us - start_us) / 1000.0, rss_kib ());
  fflush (stdout);
  g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static void
after_paint_cb (GdkFrameClock *clock,
                GApplication  *app)
{
  if (first_frame_us != 0)
    return;
  first_frame_us = g_get_monotonic_time ();
  /* let the window settle (idle loading of panes, a few more frames) before reading RSS */
  g_timeout_add (1500, report_and_quit_cb, app);
}

static void
on_window_mapped_cb (GtkWidget    *window,
                     GApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), app);
}

static void
watch_window (GtkWindow    *window,
              GApplication *app)
{
  g_signal_connect (window, "map", G_CALLBACK (on_window_mapped_cb), app);
}

static void
floor_activate_cb (GApplication *app)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));

  gtk_window_set_default_size (GTK_WINDOW (window), 1100, 720);
  watch_window (GTK_WINDOW (window), app);
  gtk_window_present (GTK_WINDOW (window));
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window)
{
  watch_window (window, G_APPLICATION (app));
}

int
main (int   argc,
      char *argv[])
{
  start_us = g_get_monotonic_time ();

  if (argc == 2 && strcmp (argv[1], "floor") == 0)
    {
      g_autoptr(AdwApplication) app = adw_application_new ("io.github.nremdesk.NremDesk.BenchFloor",
                                                           G_APPLICATION_NON_UNIQUE);

      g_signal_connect (app, "activate", G_CALLBACK (floor_activate_cb), NULL);
      return g_application_run (G_APPLICATION (app), 1, argv);
    }
  if (argc == 3 && strcmp (argv[1], "app") == 0)
    {
      g_autoptr(NremApplication) app = nrem_application_new ();
      char *args[] = { argv[0], (char *) "--db", argv[2], NULL };

      g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
      return g_application_run (G_APPLICATION (app), 3, args);
    }

  g_printerr ("usage: %s floor | app DATABASE\n", argv[0]);
  return 1;
}
