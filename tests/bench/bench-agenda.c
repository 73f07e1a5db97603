/* bench-agenda.c
 *
 * A schedule of 1,000 events (5 days, 4 rooms, 50 events a room a day, 2 persons each out of
 * 400) imports and shows its first day without a visible pause. The floor, measured in the same
 * run: json-glib parsing the same file, and raw prepared inserts of the same rows (the meeting,
 * 400 participants, 1,000 sessions) in one transaction into a database of the same schema.
 * Figures are the median of five runs each; ratios are against the floor.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "nrem-agenda-programme.h"
#include "nrem-schedule.h"
#include "nrem-session.h"
#include "nrem-store-private.h"

#define DAYS 5
#define ROOMS 4
#define PER_ROOM 50
#define PEOPLE 400
#define RUNS 5

static char *tmp_dir;

static char *
make_schedule (void)
{
  GString *out = g_string_new ("{\"schedule\": {\"version\": \"bench\", \"conference\": {"
                               "\"acronym\": \"bench1000\", \"title\": \"Benchmark Consultation\","
                               " \"start\": \"2030-03-04\", \"end\": \"2030-03-08\", \"daysCount\": 5,"
                               " \"timeslot_duration\": \"00:05\", \"time_zone_name\": \"Asia/Bangkok\","
                               " \"days\": [");
  g_autofree char *path = g_build_filename (tmp_dir, "bench-1000.json", NULL);
  guint id = 1;

  for (guint d = 0; d < DAYS; d++)
    {
      g_string_append_printf (out, "%s{\"index\": %u, \"date\": \"2030-03-%02u\","
                              " \"day_start\": \"2030-03-%02uT00:00:00+07:00\","
                              " \"day_end\": \"2030-03-%02uT23:59:00+07:00\", \"rooms\": {",
                              d ? ", " : "", d + 1, d + 4, d + 4, d + 4);
      for (guint r = 0; r < ROOMS; r++)
        {
          g_string_append_printf (out, "%s\"Room %u\": [", r ? ", " : "", r + 1);
          for (guint e = 0; e < PER_ROOM; e++, id++)
            {
              guint minutes = 7 * 60 + e * 15;
              guint p1 = (id * 7) % PEOPLE, p2 = (id * 13 + 5) % PEOPLE;

              g_string_append_printf (out,
                "%s{\"id\": %u, \"guid\": \"bench-event-%u\","
                " \"date\": \"2030-03-%02uT%02u:%02u:00+07:00\", \"start\": \"%02u:%02u\","
                " \"duration\": \"00:15\", \"room\": \"Room %u\", \"slug\": \"bench1000-%u-session\","
                " \"title\": \"Session %u on the implementation of the mandate\", \"subtitle\": \"\","
                " \"track\": null, \"type\": \"%s\", \"language\": \"en\","
                " \"abstract\": \"What national rapporteurs learnt in case %u.\", \"description\": null,"
                " \"persons\": [{\"name\": \"Delegate %u\", \"guid\": \"bench-person-%u\"},"
                " {\"name\": \"Delegate %u\", \"guid\": \"bench-person-%u\"}], \"links\": []}",
                e ? ", " : "", id, id, d + 4, minutes / 60, minutes % 60, minutes / 60, minutes % 60,
                r + 1, id, id, e % 10 == 0 ? "Panel" : "Talk", id, p1, p1, p2, p2);
            }
          g_string_append (out, "]");
        }
      g_string_append (out, "}}");
    }
  g_string_append (out, "]}}}\n");
  g_assert_true (g_file_set_contents (path, out->str, (gssize) out->len, NULL));
  g_string_free (out, TRUE);
  return g_steal_pointer (&path);
}

static NremSession *
fresh_session (const char *name)
{
  g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
  g_autoptr(GError) error = NULL;
  NremSession *session;

  g_unlink (path);
  session = nrem_session_new (path, &error);
  g_assert_no_error (error);
  return session;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v)
{
  qsort (v, RUNS, sizeof (double), compare_doubles);
  return v[RUNS / 2];
}

/* json-glib parse, then the same rows inserted raw in one transaction */
static double
floor_once (const char *path,
            guint       run)
{
  g_autofree char *name = g_strdup_printf ("floor-%u.db", run);
  g_autoptr(NremSession) session = fresh_session (name);
  sqlite3 *db = nrem_store_get_db (nrem_session_get_store (session));
  g_autoptr(JsonParser) parser = json_parser_new ();
  sqlite3_stmt *meeting = NULL, *person = NULL, *sess = NULL;
  gint64 start = g_get_monotonic_time ();
  JsonArray *days;

  g_assert_true (json_parser_load_from_file (parser, path, NULL));
  days = json_object_get_array_member (
    json_object_get_object_member (json_object_get_object_member (
      json_node_get_object (json_parser_get_root (parser)), "schedule"), "conference"), "days");

  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO meeting (uuid, updated_at, rev, origin, title, start_date, end_date,"
                          " time_zone) VALUES (?1, 1, 1, 'o', 'Benchmark Consultation', '2030-03-04',"
                          " '2030-03-08', 'Asia/Bangkok')", -1, &meeting, NULL);
  sqlite3_bind_text (meeting, 1, "bench-meeting", -1, SQLITE_STATIC);
  sqlite3_step (meeting);
  sqlite3_prepare_v2 (db, "INSERT OR IGNORE INTO participant (uuid, updated_at, rev, origin, name)"
                          " VALUES (?1, 1, 1, 'o', ?2)", -1, &person, NULL);
  sqlite3_prepare_v2 (db, "INSERT INTO session (uuid, updated_at, rev, origin, meeting, day, start_time,"
                          " end_time, title, kind, description, room, speakers)"
                          " VALUES (?1, 1, 1, 'o', 'bench-meeting', ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                      -1, &sess, NULL);
  for (guint d = 0; d < json_array_get_length (days); d++)
    {
      JsonObject *day = json_array_get_object_element (days, d);
      JsonObject *rooms = json_object_get_object_member (day, "rooms");
      GList *names = json_object_get_members (rooms);

      for (GList *l = names; l != NULL; l = l->next)
        {
          JsonArray *events = json_object_get_array_member (rooms, l->data);

          for (guint e = 0; e < json_array_get_length (events); e++)
            {
              JsonObject *ev = json_array_get_object_element (events, e);
              JsonArray *persons = json_object_get_array_member (ev, "persons");
              GString *speakers = g_string_new ("[");

              for (guint p = 0; p < json_array_get_length (persons); p++)
                {
                  JsonObject *po = json_array_get_object_element (persons, p);

                  sqlite3_reset (person);
                  sqlite3_bind_text (person, 1, json_object_get_string_member (po, "guid"), -1, SQLITE_STATIC);
                  sqlite3_bind_text (person, 2, json_object_get_string_member (po, "name"), -1, SQLITE_STATIC);
                  sqlite3_step (person);
                  g_string_append_printf (speakers, "%s\"%s\"", p ? "," : "",
                                          json_object_get_string_member (po, "guid"));
                }
              g_string_append_c (speakers, ']');
              sqlite3_reset (sess);
              sqlite3_bind_text (sess, 1, json_object_get_string_member (ev, "guid"), -1, SQLITE_STATIC);
              sqlite3_bind_text (sess, 2, json_object_get_string_member (day, "date"), -1, SQLITE_STATIC);
              sqlite3_bind_text (sess, 3, json_object_get_string_member (ev, "start"), -1, SQLITE_STATIC);
              sqlite3_bind_text (sess, 4, json_object_get_string_member (ev, "duration"), -1, SQLITE_STATIC);
              sqlite3_bind_text (sess, 5, json_object_get_string_member (ev, "title"), -1, SQLITE_STATIC);
              sqlite3_bind_text (sess, 6, json_object_get_string_member (ev, "type"), -1, SQLITE_STATIC);
              sqlite3_bind_text (sess, 7, json_object_get_string_member (ev, "abstract"), -1, SQLITE_STATIC);
              sqlite3_bind_text (sess, 8, l->data, -1, SQLITE_STATIC);
              sqlite3_bind_text (sess, 9, speakers->str, -1, SQLITE_TRANSIENT);
              g_assert_cmpint (sqlite3_step (sess), ==, SQLITE_DONE);
              g_string_free (speakers, TRUE);
            }
        }
      g_list_free (names);
    }
  sqlite3_finalize (meeting);
  sqlite3_finalize (person);
  sqlite3_finalize (sess);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  double floor_ms[RUNS], import_ms[RUNS], reimport_ms[RUNS], day_ms[RUNS];
  guint first_day = 0;
  gsize size = 0;

  tmp_dir = g_dir_make_tmp ("nrem-bench-agenda-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", tmp_dir, TRUE);
  path = make_schedule ();
  g_file_get_contents (path, &contents, &size, NULL);

  for (guint run = 0; run < RUNS; run++)
    {
      g_autofree char *name = g_strdup_printf ("import-%u.db", run);
      g_autoptr(NremSession) session = fresh_session (name);
      NremStore *store = nrem_session_get_store (session);
      g_autoptr(NremAgendaProgramme) programme = NULL;
      NremScheduleReport report;
      gint64 start;

      floor_ms[run] = floor_once (path, run);

      start = g_get_monotonic_time ();
      g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
      import_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (report.sessions_added, ==, DAYS * ROOMS * PER_ROOM);

      /* what the pane does once the import is done: the programme and its first day */
      start = g_get_monotonic_time ();
      programme = nrem_agenda_programme_new (store);
      nrem_agenda_programme_set_meeting (programme, report.meeting_uuid);
      first_day = g_list_model_get_n_items (nrem_agenda_programme_get_sessions (programme));
      day_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      nrem_schedule_report_clear (&report);

      start = g_get_monotonic_time ();
      g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
      reimport_ms[run] = (g_get_monotonic_time () - start) / 1000.0;
      g_assert_cmpuint (report.sessions_unchanged, ==, DAYS * ROOMS * PER_ROOM);
      nrem_schedule_report_clear (&report);
    }

  {
    double f = median (floor_ms), i = median (import_ms), r = median (reimport_ms), d = median (day_ms);

    g_print ("schedule: %u events, %u people, %.0f KiB; median of %u runs\n",
             DAYS * ROOMS * PER_ROOM, PEOPLE, size / 1024.0, RUNS);
    g_print ("floor (json-glib parse + raw inserts, one transaction): %8.1f ms\n", f);
    g_print ("import (--import-schedule, every check):                %8.1f ms   ratio %.2f\n", i, i / f);
    g_print ("re-import (the same file, nothing changes):             %8.1f ms   ratio %.2f\n", r, r / f);
    g_print ("first day in the model (%u sessions, warnings):        %8.1f ms\n", first_day, d);
    g_print ("import + first day shown:                               %8.1f ms   ratio %.2f\n", i + d, (i + d) / f);
  }

  {
    GDir *dir = g_dir_open (tmp_dir, 0, NULL);
    const char *n;

    while (dir != NULL && (n = g_dir_read_name (dir)) != NULL)
      {
        g_autofree char *p = g_build_filename (tmp_dir, n, NULL);

        g_unlink (p);
      }
    if (dir != NULL)
      g_dir_close (dir);
    g_rmdir (tmp_dir);
  }
  return 0;
}
