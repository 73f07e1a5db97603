/* bench-participants.c
 *
 * The Participants pane on the large data set (10,000 people):
 *
 *  - loading: how long until the directory's first rows are in the list model (what the pane
 *    shows at once), against reading every row from SQLite, and against the whole load;
 *  - search as you type, the real path: NremParticipantList in a GtkSortListModel, filtered
 *    by NremParticipantFilter in a GtkFilterListModel (the pane's stack), and the count of
 *    people and countries the pane shows — re-run on each keystroke of typed words (and of
 *    deleting them again), against a floor measured in the same run: a plain strstr() loop
 *    over the same precomputed folded keys. The other order of the two models (filter, then
 *    sort) is measured too, for the record of why the pane sorts first.
 *
 * Prints medians, 95th percentiles and maxima per keystroke, the ratio to the floor, and
 * whether the target (8 ms per keystroke) is met.
 *
 * Usage: bench-participants LARGE.json
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <gtk/gtk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nrem-fold.h"
#include "nrem-participant-filter.h"
#include "nrem-participant-list.h"
#include "nrem-participant-query.h"
#include "nrem-session.h"
#include "nrem-store-participants.h"

#define TARGET_MS 8.0
#define RUNS 5

static const char * const typed[] = {
  "siobhan oconnor",
  "nguyen",
  "sao bento",
  "ghana",
  "unodc",
  "mensah-bonsu",
  "zz",
};

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

typedef struct
{
  double median;
  double p95;
  double max;
} Stats;

static Stats
stats_of (GArray *ms)
{
  Stats s;

  qsort (ms->data, ms->len, sizeof (double), compare_double);
  s.median = g_array_index (ms, double, ms->len / 2);
  s.p95 = g_array_index (ms, double, MIN (ms->len - 1, (ms->len * 95) / 100));
  s.max = g_array_index (ms, double, ms->len - 1);
  return s;
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

/* Each query typed a character at a time, then deleted a character at a time. */
static GPtrArray *
keystrokes (void)
{
  GPtrArray *steps = g_ptr_array_new_with_free_func (g_free);

  for (guint q = 0; q < G_N_ELEMENTS (typed); q++)
    {
      glong n = g_utf8_strlen (typed[q], -1);

      for (glong i = 1; i <= n; i++)
        g_ptr_array_add (steps, g_utf8_substring (typed[q], 0, i));
      for (glong i = n - 1; i >= 0; i--)
        g_ptr_array_add (steps, g_utf8_substring (typed[q], 0, i));
    }
  return steps;
}

/* The floor: the same work with nothing around it — the folded keys in an array of strings,
 * every word looked for with strstr(). */
static GArray *
run_floor (char     **keys,
           guint      n_keys,
           GPtrArray *steps,
           guint     *last_count)
{
  GArray *ms = g_array_new (FALSE, FALSE, sizeof (double));

  for (guint s = 0; s < steps->len; s++)
    {
      double start = now_ms ();
      g_auto(GStrv) words = nrem_fold_words (g_ptr_array_index (steps, s));
      guint count = 0;
      double elapsed;

      for (guint i = 0; i < n_keys; i++)
        if (nrem_fold_match_words (keys[i], (const char * const *) words))
          count++;
      elapsed = now_ms () - start;
      g_array_append_val (ms, elapsed);
      *last_count = count;
    }
  return ms;
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  return nrem_participant_item_compare ((NremParticipantItem *) a, (NremParticipantItem *) b,
                                        NREM_PARTICIPANT_SORT_NAME);
}

/* The real path: the filter told of the new text, the filter model and the sort model
 * brought up to date, and the count of what is shown. */
static GArray *
run_real (NremParticipantList *list,
          GPtrArray           *steps,
          gboolean             sort_first,
          guint               *last_count,
          double              *initial_ms)
{
  GArray *ms = g_array_new (FALSE, FALSE, sizeof (double));
  NremParticipantFilter *filter = nrem_participant_filter_new ();
  GtkSorter *sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, NULL, NULL));
  g_autoptr(GListModel) shown = NULL;
  double start = now_ms ();

  if (sort_first)
    {
      GtkSortListModel *sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (list)), sorter);

      shown = G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (sorted), GTK_FILTER (filter)));
    }
  else
    {
      GtkFilterListModel *filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (list)),
                                                                GTK_FILTER (filter));

      shown = G_LIST_MODEL (gtk_sort_list_model_new (G_LIST_MODEL (filtered), sorter));
    }
  g_list_model_get_n_items (shown);
  *initial_ms = now_ms () - start;

  for (guint s = 0; s < steps->len; s++)
    {
      guint people, countries;
      double elapsed;

      start = now_ms ();
      nrem_participant_filter_set_text (filter, g_ptr_array_index (steps, s));
      nrem_participants_count_matching (G_LIST_MODEL (list), nrem_participant_filter_get_query (filter),
                                        &people, &countries);
      g_assert_cmpuint (people, ==, g_list_model_get_n_items (shown));
      elapsed = now_ms () - start;
      g_array_append_val (ms, elapsed);
      *last_count = people;
    }
  return ms;
}

static void
print_stats (const char *what,
             Stats       s)
{
  printf ("  %-44s median %7.3f ms   p95 %7.3f ms   max %7.3f ms\n", what, s.median, s.p95, s.max);
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *tmp = NULL;
  g_autofree char *db = NULL;
  g_autoptr(NremSession) session = NULL;
  g_autoptr(GPtrArray) steps = keystrokes ();
  GArray *first_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *whole_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *raw_ms = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *floor_all = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *real_all = g_array_new (FALSE, FALSE, sizeof (double));
  GArray *other_all = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(NremParticipantList) list = NULL;
  NremImportReport report;
  char **keys;
  guint n;
  guint floor_count = 0, real_count = 0, other_count = 0;
  double initial_ms = 0, other_initial_ms = 0;
  Stats floor_stats, real_stats, other_stats, first, whole, raw;
  double start;

  if (argc < 2)
    {
      g_printerr ("usage: %s LARGE.json\n", argv[0]);
      return 2;
    }

  tmp = g_dir_make_tmp ("nrem-bench-participants-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp, TRUE);
  db = g_build_filename (tmp, "large.db", NULL);
  session = nrem_session_new (db, &error);
  g_assert_no_error (error);
  printf ("importing %s …\n", argv[1]);
  if (!nrem_exchange_import_file (nrem_session_get_store (session), argv[1], FALSE, &report, &error))
    g_error ("%s", error->message);
  nrem_import_report_clear (&report);

  /* loading */
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(NremParticipantList) l = nrem_participant_list_new (nrem_session_get_store (session));
      g_autoptr(GPtrArray) rows = NULL;
      double t;

      start = now_ms ();
      rows = nrem_store_list_participants (nrem_session_get_store (session), NULL);
      t = now_ms () - start;
      g_array_append_val (raw_ms, t);

      start = now_ms ();
      g_assert_true (nrem_participant_list_load (l, NULL));
      t = now_ms () - start;
      g_array_append_val (first_ms, t);
      nrem_participant_list_finish_loading (l);
      t = now_ms () - start;
      g_array_append_val (whole_ms, t);
    }

  list = nrem_participant_list_new (nrem_session_get_store (session));
  nrem_participant_list_set_meeting (list, nrem_store_latest_meeting (nrem_session_get_store (session)));
  g_assert_true (nrem_participant_list_load (list, NULL));
  nrem_participant_list_finish_loading (list);
  n = g_list_model_get_n_items (G_LIST_MODEL (list));

  keys = g_new0 (char *, n + 1);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      keys[i] = g_strdup (nrem_participant_item_get_search_key (item));
    }

  /* search as you type, floor and real path in turns, so that both meet the same machine */
  for (guint r = 0; r < RUNS; r++)
    {
      g_autoptr(GArray) f = run_floor (keys, n, steps, &floor_count);
      g_autoptr(GArray) a = run_real (list, steps, TRUE, &real_count, &initial_ms);
      g_autoptr(GArray) b = run_real (list, steps, FALSE, &other_count, &other_initial_ms);

      g_array_append_vals (floor_all, f->data, f->len);
      g_array_append_vals (real_all, a->data, a->len);
      g_array_append_vals (other_all, b->data, b->len);
    }
  g_assert_cmpuint (floor_count, ==, real_count);

  first = stats_of (first_ms);
  whole = stats_of (whole_ms);
  raw = stats_of (raw_ms);
  floor_stats = stats_of (floor_all);
  real_stats = stats_of (real_all);
  other_stats = stats_of (other_all);

  printf ("participants: %u, keystrokes per run: %u, runs: %d\n", n, steps->len, RUNS);
  printf ("loading\n");
  print_stats ("reading every row from SQLite (floor)", raw);
  print_stats ("first rows in the list (what the pane shows)", first);
  print_stats ("the whole list", whole);
  printf ("  ratio first rows / whole list: %.2f\n", first.median / whole.median);
  printf ("search as you type (per keystroke)\n");
  print_stats ("floor: strstr over the folded keys", floor_stats);
  print_stats ("sort → filter models, and the count (the pane)", real_stats);
  print_stats ("(filter → sort models, for comparison)", other_stats);
  printf ("  ratio real / floor (median): %.2f   (p95: %.2f)\n",
          real_stats.median / MAX (floor_stats.median, 0.001),
          real_stats.p95 / MAX (floor_stats.p95, 0.001));
  printf ("  first filtering of the whole list: %.3f ms\n", initial_ms);
  printf ("  target: %.0f ms per keystroke: %s (p95 %.3f ms, max %.3f ms)\n", TARGET_MS,
          real_stats.p95 <= TARGET_MS ? "met" : "NOT met", real_stats.p95, real_stats.max);

  g_strfreev (keys);
  g_array_unref (first_ms);
  g_array_unref (whole_ms);
  g_array_unref (raw_ms);
  g_array_unref (floor_all);
  g_array_unref (real_all);
  g_array_unref (other_all);
  g_clear_object (&list);
  g_clear_object (&session);
  {
    g_autofree char *wal = g_strconcat (db, "-wal", NULL);
    g_autofree char *shm = g_strconcat (db, "-shm", NULL);
    g_autofree char *backups = g_build_filename (tmp, "backups", NULL);

    g_unlink (db);
    g_unlink (wal);
    g_unlink (shm);
    g_rmdir (backups);
    g_rmdir (tmp);
  }
  return real_stats.p95 <= TARGET_MS ? 0 : 1;
}
