/* test-agenda-core.c
 *
 * The Agenda pane's model without a display: times in the meeting's zone, the programme of a
 * day, warnings, and every way in and out — frab/pretalx JSON and XML, iCalendar, PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-test-util.h"
#include "nrem-agenda-checks.h"
#include "nrem-agenda-ical.h"
#include "nrem-agenda-print.h"
#include "nrem-agenda-programme.h"
#include "nrem-agenda-time.h"
#include "nrem-schedule.h"
#include "nrem-session.h"
#include "nrem-store-agenda.h"
#include "nrem-uuid.h"

#include <string.h>

#define BANGKOK "5862ca7e-5108-5623-8dc4-8bf867ee0229"
#define OPENING "a4d76481-654f-5ed3-a535-478d20b6ea08"
#define DEMOCON "ec6fd1db-bb04-51fa-a59f-4503c4441b58"

static char *
fixture (const char *name)
{
  return nrem_test_source_file ("tests", "agenda", "fixtures", name, NULL);
}

static NremStore *
open_sample (NremTestDir *f)
{
  NremStore *store = nrem_test_open_seeded (f->db_path);
  g_autofree char *sample = nrem_test_source_file ("data", "samples", "nrem-desk-sample.json", NULL);
  NremImportReport report;
  g_autoptr(GError) error = NULL;

  g_assert_true (nrem_exchange_import_file (store, sample, FALSE, &report, &error));
  g_assert_no_error (error);
  nrem_import_report_clear (&report);
  return store;
}

static NremRow *
session_row (const char *uuid,
             const char *day,
             const char *start,
             const char *end,
             const char *room,
             const char *chair,
             const char *speakers)
{
  NremRow *row = nrem_row_new (NREM_ENTITY_SESSION);

  row->uuid = g_strdup (uuid);
  nrem_row_set (row, "meeting", BANGKOK);
  nrem_row_set (row, "day", day);
  nrem_row_set (row, "start_time", start);
  nrem_row_set (row, "end_time", end);
  nrem_row_set (row, "title", uuid);
  nrem_row_set (row, "room", room);
  nrem_row_set (row, "chair", chair);
  nrem_row_set (row, "speakers", speakers);
  return row;
}

static guint
count (NremStore  *store,
       const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (nrem_store_get_path (store));
  gint64 n = nrem_test_sqlite_int (db, sql);

  sqlite3_close (db);
  return (guint) n;
}

static char *
text (NremStore  *store,
      const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (nrem_store_get_path (store));
  char *t = nrem_test_sqlite_text (db, sql);

  sqlite3_close (db);
  return t;
}

static gboolean
report_mentions (GPtrArray  *list,
                 const char *needle)
{
  for (guint i = 0; i < list->len; i++)
    if (strstr (g_ptr_array_index (list, i), needle) != NULL)
      return TRUE;
  return FALSE;
}

/* ------------------------------------------------------------------------------------------ */

static void
test_time_labels (void)
{
  g_autofree char *zone = NULL;
  g_autofree char *range = nrem_agenda_time_range_label ("09:30", "10:30");
  g_autofree char *day = nrem_agenda_day_label ("2014-05-21");
  g_autofree char *next = nrem_agenda_date_add_days ("2014-12-31", 1);
  g_autoptr(GTimeZone) bangkok = nrem_agenda_time_zone_new ("Asia/Bangkok");
  g_autoptr(GDateTime) local = nrem_agenda_local_date_time (bangkok, "2014-05-21", 9 * 60 + 30);
  g_autoptr(GDateTime) utc = g_date_time_to_utc (local);

  /* whatever the computer's zone */
  g_setenv ("TZ", "America/New_York", TRUE);
  zone = nrem_agenda_zone_label ("Asia/Bangkok", "2014-05-21");
  g_assert_cmpstr (zone, ==, "Bangkok time, UTC+07:00");
  g_free (zone);
  zone = nrem_agenda_zone_label ("Europe/Berlin", "2013-05-23");
  g_assert_cmpstr (zone, ==, "Berlin time, UTC+02:00");
  g_free (zone);
  zone = nrem_agenda_zone_label ("Europe/Berlin", "2013-12-23");
  g_assert_cmpstr (zone, ==, "Berlin time, UTC+01:00");
  g_free (zone);
  zone = nrem_agenda_zone_label ("America/Argentina/Buenos_Aires", "2017-09-05");
  g_assert_cmpstr (zone, ==, "Buenos Aires time, UTC-03:00");
  g_unsetenv ("TZ");

  g_assert_cmpstr (range, ==, "09:30–10:30");
  g_assert_cmpstr (day, ==, "Wednesday 21 May");
  g_assert_cmpstr (next, ==, "2015-01-01");
  g_assert_cmpint (nrem_agenda_parse_clock ("09:30"), ==, 570);
  g_assert_cmpint (nrem_agenda_parse_clock ("9:30"), ==, NREM_AGENDA_NO_TIME);
  g_assert_cmpint (nrem_agenda_parse_clock ("24:00"), ==, NREM_AGENDA_NO_TIME);
  g_assert_cmpint (nrem_agenda_duration ("23:30", "00:15"), ==, 45);
  g_assert_cmpint (nrem_agenda_duration ("09:00", NULL), ==, -1);
  g_assert_cmpint (g_date_time_get_hour (utc), ==, 2);
  g_assert_cmpint (g_date_time_get_minute (utc), ==, 30);
  g_assert_null (nrem_agenda_time_zone_new ("Mars/Olympus_Mons"));
}

static void
test_checks_room_person_outside (void)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  g_autoptr(GHashTable) names = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GHashTable) warnings = NULL;
  GPtrArray *list;
  NremAgendaWarning *w;

  g_hash_table_insert (names, "p-ana", "Ana Ruiz");
  /* a and b share the hall for 15 minutes; c follows a without overlap */
  g_ptr_array_add (rows, session_row ("a", "2014-05-21", "09:00", "10:15", "Plenary hall", NULL, NULL));
  g_ptr_array_add (rows, session_row ("b", "2014-05-21", "10:00", "11:00", " plenary HALL ", NULL, NULL));
  g_ptr_array_add (rows, session_row ("c", "2014-05-21", "10:15", "11:00", "Plenary hall", NULL, NULL));
  /* Ana chairs d and speaks in e, at the same time, in different rooms */
  g_ptr_array_add (rows, session_row ("d", "2014-05-22", "14:00", "15:00", "Room 1", "p-ana", NULL));
  g_ptr_array_add (rows, session_row ("e", "2014-05-22", "14:30", "15:30", "Room 2", NULL, "[\"p-x\",\"p-ana\"]"));
  /* the same times on another day are no clash, but that day is after the meeting */
  g_ptr_array_add (rows, session_row ("f", "2014-05-23", "14:00", "15:00", "Room 1", "p-ana", NULL));

  warnings = nrem_agenda_check (rows, "2014-05-21", "2014-05-22", names);

  list = g_hash_table_lookup (warnings, "a");
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, 1);
  w = g_ptr_array_index (list, 0);
  g_assert_cmpint (w->kind, ==, NREM_AGENDA_WARNING_ROOM);
  g_assert_cmpstr (w->other, ==, "b");
  g_assert_nonnull (strstr (w->text, "Plenary hall is also booked for “b”, 10:00–11:00"));

  /* b clashes with a and with c */
  list = g_hash_table_lookup (warnings, "b");
  g_assert_cmpuint (list->len, ==, 2);
  list = g_hash_table_lookup (warnings, "c");
  g_assert_cmpuint (list->len, ==, 1);

  list = g_hash_table_lookup (warnings, "d");
  g_assert_cmpuint (list->len, ==, 1);
  w = g_ptr_array_index (list, 0);
  g_assert_cmpint (w->kind, ==, NREM_AGENDA_WARNING_PERSON);
  g_assert_cmpstr (w->person, ==, "p-ana");
  g_assert_cmpstr (w->text, ==, "Ana Ruiz is also in “e”, 14:30–15:30");

  list = g_hash_table_lookup (warnings, "f");
  g_assert_cmpuint (list->len, ==, 1);
  w = g_ptr_array_index (list, 0);
  g_assert_cmpint (w->kind, ==, NREM_AGENDA_WARNING_OUTSIDE);
  g_assert_nonnull (strstr (w->text, "Outside the meeting’s dates"));
}

static void
test_speakers_json (void)
{
  const char *uuids[] = { "a", "b", "a", "", NULL };
  g_autofree char *json = nrem_agenda_speakers_json (uuids);
  g_auto(GStrv) parsed = nrem_agenda_speakers_parse (json);
  g_auto(GStrv) none = nrem_agenda_speakers_parse ("not json");
  const char *empty[] = { NULL };

  g_assert_cmpstr (json, ==, "[\"a\",\"b\"]");
  g_assert_cmpuint (g_strv_length (parsed), ==, 2);
  g_assert_cmpuint (g_strv_length (none), ==, 0);
  g_assert_null (nrem_agenda_speakers_json (empty));
}

static void
test_programme_day (NremTestDir   *f,
                    gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (f);
  g_autoptr(NremAgendaProgramme) programme = nrem_agenda_programme_new (store);
  GListModel *sessions;
  g_autoptr(NremAgendaSession) first = NULL;
  g_autofree char *label = NULL;
  g_autofree char *people = NULL;
  g_autofree char *zone = NULL;
  const char * const *days;
  NremAgendaSession *kept;
  const char *fields[] = { "title", NULL };
  const char *values[] = { "Opening of the Bangkok consultation", NULL };
  g_autoptr(GError) error = NULL;
  char *previous = NULL;

  nrem_agenda_programme_set_meeting (programme, BANGKOK);
  days = nrem_agenda_programme_get_days (programme);
  g_assert_cmpuint (g_strv_length ((char **) days), ==, 2);
  g_assert_cmpstr (days[0], ==, "2014-05-21");
  g_assert_cmpstr (nrem_agenda_programme_get_day (programme), ==, "2014-05-21");

  sessions = nrem_agenda_programme_get_sessions (programme);
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 7);
  g_assert_true (g_list_model_get_item_type (sessions) == NREM_TYPE_AGENDA_SESSION);
  for (guint i = 0; i < g_list_model_get_n_items (sessions); i++)
    {
      g_autoptr(NremRecord) r = g_list_model_get_item (sessions, i);
      const char *start = nrem_record_get_string (r, "start_time");

      g_assert_cmpstr (nrem_record_get_string (r, "day"), ==, "2014-05-21");
      if (previous != NULL)
        g_assert_cmpstr (previous, <=, start);
      g_free (previous);
      previous = g_strdup (start);
    }
  g_free (previous);

  first = g_list_model_get_item (sessions, 0);
  g_assert_cmpstr (nrem_record_get_uuid (NREM_RECORD (first)), ==, OPENING);
  label = nrem_agenda_programme_dup_accessible_label (programme, first);
  g_assert_cmpstr (label, ==, "Wednesday 21 May, 09:00–10:15: Opening of the consultation, Opening, Plenary hall");
  people = nrem_agenda_programme_dup_people_label (programme, first);
  g_assert_true (g_str_has_prefix (people, "Chair: Budi Hidayat · Speakers: "));
  zone = nrem_agenda_programme_dup_zone_label (programme);
  g_assert_cmpstr (zone, ==, "Bangkok time, UTC+07:00");

  nrem_agenda_programme_set_day (programme, "2014-05-22");
  g_assert_cmpuint (g_list_model_get_n_items (sessions), ==, 7);

  /* the records stay the same objects across a reload, with their new values */
  kept = nrem_agenda_programme_find (programme, OPENING);
  g_assert_true (nrem_store_update (store, NREM_ENTITY_SESSION, OPENING, fields, values, &error));
  g_assert_no_error (error);
  g_assert_true (nrem_agenda_programme_reload (programme, &error));
  g_assert_true (nrem_agenda_programme_find (programme, OPENING) == kept);
  g_assert_cmpstr (nrem_record_get_string (NREM_RECORD (kept), "title"), ==, values[0]);
  g_assert_cmpstr (nrem_agenda_programme_get_day (programme), ==, "2014-05-22");

  /* a day outside the meeting appears among the days, with a warning */
  {
    const char *f2[] = { "day", NULL };
    const char *v2[] = { "2014-05-24", NULL };

    g_assert_true (nrem_store_update (store, NREM_ENTITY_SESSION, OPENING, f2, v2, &error));
    g_assert_true (nrem_agenda_programme_reload (programme, &error));
    days = nrem_agenda_programme_get_days (programme);
    g_assert_cmpuint (g_strv_length ((char **) days), ==, 3);
    g_assert_cmpstr (days[2], ==, "2014-05-24");
    g_assert_nonnull (nrem_agenda_programme_get_warnings (programme, OPENING));
  }
}

static NremAgendaState
state_at (NremAgendaProgramme *programme,
          const char          *uuid,
          const char          *iso)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_iso8601 (iso, NULL);

  g_assert_nonnull (now);
  return nrem_agenda_programme_get_state (programme, nrem_agenda_programme_find (programme, uuid), now);
}

static void
test_programme_now_next (NremTestDir   *f,
                         gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (f);
  g_autoptr(NremAgendaProgramme) programme = nrem_agenda_programme_new (store);
  const char *tea = "d16b06e8-f297-5946-ab24-5265152e1386";    /* 10:15–10:30 */
  const char *panel = "367c749c-1305-5652-ac79-0b5c57809a5c";  /* 10:30–12:30 */

  /* the laptop is in Paris; the meeting in Bangkok */
  g_setenv ("TZ", "Europe/Paris", TRUE);
  nrem_agenda_programme_set_meeting (programme, BANGKOK);

  /* 10:00 in Bangkok is 05:00 in Paris: the opening runs, nothing is "next" */
  g_assert_cmpint (state_at (programme, OPENING, "2014-05-21T05:00:00+02:00"), ==, NREM_AGENDA_STATE_RUNNING);
  g_assert_cmpint (state_at (programme, tea, "2014-05-21T05:00:00+02:00"), ==, NREM_AGENDA_STATE_LATER);
  /* 10:20: the tea break runs; the opening is over */
  g_assert_cmpint (state_at (programme, tea, "2014-05-21T10:20:00+07:00"), ==, NREM_AGENDA_STATE_RUNNING);
  g_assert_cmpint (state_at (programme, OPENING, "2014-05-21T10:20:00+07:00"), ==, NREM_AGENDA_STATE_PAST);
  /* 08:00 on the first morning: the opening is next */
  g_assert_cmpint (state_at (programme, OPENING, "2014-05-21T08:00:00+07:00"), ==, NREM_AGENDA_STATE_NEXT);
  g_assert_cmpint (state_at (programme, panel, "2014-05-21T08:00:00+07:00"), ==, NREM_AGENDA_STATE_LATER);
  /* before and after the meeting, nothing is highlighted */
  g_assert_cmpint (state_at (programme, OPENING, "2014-05-20T23:59:00+07:00"), ==, NREM_AGENDA_STATE_NONE);
  g_assert_cmpint (state_at (programme, OPENING, "2014-05-23T09:00:00+07:00"), ==, NREM_AGENDA_STATE_NONE);
  /* 23:30 UTC on the 20th is 06:30 on the 21st in Bangkok: inside the meeting */
  g_assert_cmpint (state_at (programme, OPENING, "2014-05-20T23:30:00Z"), ==, NREM_AGENDA_STATE_NEXT);
  g_unsetenv ("TZ");
}

/* ------------------------------------------------------------------------------------------ */

static void
test_import_pretalx_json (NremTestDir   *f,
                          gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (f->db_path);
  g_autofree char *path = fixture ("pretalx-democon.json");
  g_autoptr(GError) error = NULL;
  NremScheduleReport report;
  guint participants_before = nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT);
  g_autofree char *zone = NULL;
  g_autofree char *first = NULL;

  g_assert_true (nrem_schedule_import_file (store, path, TRUE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.meeting_uuid, ==, DEMOCON);
  g_assert_true (report.meeting_created);
  g_assert_cmpuint (report.events, ==, 36);
  g_assert_cmpuint (report.sessions_added, ==, 36);
  g_assert_cmpuint (report.people_created, ==, 27);
  g_assert_nonnull (report.backup_path);
  g_assert_true (g_file_test (report.backup_path, G_FILE_TEST_EXISTS));
  /* the file's offsets (+01:00) do not match its zone (UTC): said, times kept as written */
  g_assert_true (report_mentions (report.notes, "+01:00"));
  nrem_schedule_report_clear (&report);

  g_assert_cmpuint (count (store, "SELECT count(*) FROM session WHERE meeting = '" DEMOCON "'"), ==, 36);
  g_assert_cmpuint (count (store, "SELECT count(DISTINCT day) FROM session WHERE meeting = '" DEMOCON "'"), ==, 3);
  zone = text (store, "SELECT time_zone || ' ' || start_date || ' ' || end_date FROM meeting WHERE uuid = '" DEMOCON "'");
  g_assert_cmpstr (zone, ==, "UTC 2020-12-14 2020-12-16");
  first = text (store, "SELECT day || ' ' || start_time || '-' || end_time || ' ' || room || ' ' || title"
                       " FROM session WHERE meeting = '" DEMOCON "' ORDER BY day, start_time, room LIMIT 1");
  g_assert_cmpstr (first, ==, "2020-12-14 09:00-09:30 Gray Room Focused 5thgeneration hardware");
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, participants_before + 27);
  g_assert_cmpuint (count (store, "SELECT count(*) FROM participant WHERE name = 'Brian Robinson'"), ==, 1);

  /* again: the same records, updated in place, nothing duplicated */
  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  g_assert_cmpstr (report.meeting_uuid, ==, DEMOCON);
  g_assert_false (report.meeting_created);
  g_assert_cmpuint (report.sessions_added, ==, 0);
  g_assert_cmpuint (report.sessions_unchanged, ==, 36);
  g_assert_cmpuint (report.people_created, ==, 0);
  nrem_schedule_report_clear (&report);
  g_assert_cmpuint (count (store, "SELECT count(*) FROM session WHERE meeting = '" DEMOCON "'"), ==, 36);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, participants_before + 27);
}

static void
test_import_keeps_local_fields (NremTestDir   *f,
                                gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (f->db_path);
  g_autofree char *path = fixture ("pretalx-democon.json");
  g_autoptr(GError) error = NULL;
  NremScheduleReport report;
  g_autofree char *uuid = NULL;
  g_autofree char *other = NULL;
  g_autofree char *notes = NULL;
  const char *fields[] = { "notes", "title", NULL };
  const char *values[] = { "Minutes kept here", "Renamed here", NULL };

  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  nrem_schedule_report_clear (&report);
  uuid = text (store, "SELECT uuid FROM session WHERE title = 'Focused 5thgeneration hardware'");
  other = text (store, "SELECT uuid FROM session WHERE title = 'Secured mobile concept'");
  g_assert_true (nrem_store_update (store, NREM_ENTITY_SESSION, uuid, fields, values, &error));
  g_assert_true (nrem_store_delete (store, NREM_ENTITY_SESSION, other, &error));

  /* the file wins on what it carries; the notes stay; a deleted session comes back */
  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  g_assert_cmpuint (report.sessions_updated, ==, 1);
  g_assert_cmpuint (report.sessions_added, ==, 1);
  nrem_schedule_report_clear (&report);
  notes = text (store, "SELECT notes || ' / ' || title FROM session WHERE notes IS NOT NULL");
  g_assert_cmpstr (notes, ==, "Minutes kept here / Focused 5thgeneration hardware");
  g_assert_cmpuint (count (store, "SELECT count(*) FROM session WHERE meeting = '" DEMOCON "' AND deleted_at IS NULL"), ==, 36);
}

static void
test_import_matches_people_by_name (NremTestDir   *f,
                                    gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (f->db_path);
  g_autofree char *path = fixture ("pretalx-democon.json");
  g_autoptr(GError) error = NULL;
  NremScheduleReport report;
  const char *fields[] = { "name", "email", NULL };
  const char *values[] = { "brian  ROBINSON", "brian@example.org", NULL };
  g_autofree char *brian = nrem_store_create (store, NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);
  g_autofree char *speakers = NULL;
  g_autofree char *expected = NULL;

  g_assert_nonnull (brian);
  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  g_assert_cmpuint (report.people_matched, ==, 1);
  g_assert_cmpuint (report.people_created, ==, 26);
  nrem_schedule_report_clear (&report);
  speakers = text (store, "SELECT speakers FROM session WHERE title = 'Focused 5thgeneration hardware'");
  expected = g_strdup_printf ("[\"%s\"]", brian);
  g_assert_cmpstr (speakers, ==, expected);
}

static void
test_import_frab_xml (NremTestDir   *f,
                      gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (f->db_path);
  g_autofree char *path = fixture ("frab-small.xml");
  g_autoptr(GError) error = NULL;
  NremScheduleReport report;
  g_autofree char *meeting = NULL;
  g_autofree char *opening = NULL;
  g_autofree char *closing = NULL;
  g_autofree char *expected = nrem_uuid_new_v5 ("schedule:nremworkshop2015");

  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.meeting_uuid, ==, expected);
  g_assert_cmpuint (report.sessions_added, ==, 4);
  g_assert_cmpuint (report.people_created, ==, 2);
  g_assert_cmpuint (report.skipped->len, ==, 0);
  nrem_schedule_report_clear (&report);

  meeting = text (store, "SELECT title || '|' || time_zone || '|' || start_date FROM meeting"
                         " WHERE title = 'NREM Regional Workshop'");
  g_assert_cmpstr (meeting, ==, "NREM Regional Workshop|Europe/Vienna|2015-03-10");
  opening = text (store, "SELECT kind || '|' || start_time || '|' || end_time || '|' || description"
                         " || '|' || json_array_length (speakers) FROM session WHERE title = 'Welcome and opening'");
  g_assert_cmpstr (opening, ==, "opening|09:00|09:45|Welcome by the hosts.|2");
  closing = text (store, "SELECT kind || '|' || description FROM session WHERE title = 'Closing'");
  g_assert_cmpstr (closing, ==, "closing|Conclusions & next steps.");
  g_assert_cmpuint (count (store, "SELECT count(*) FROM session WHERE kind = 'working-group'"), ==, 1);
  /* Ana Ruiz by guid on both days, Kwame Mensah by id: one participant each */
  g_assert_cmpuint (count (store, "SELECT count(*) FROM participant WHERE name IN ('Ana Ruiz', 'Kwame Mensah')"), ==, 2);

  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  g_assert_cmpuint (report.sessions_unchanged, ==, 4);
  nrem_schedule_report_clear (&report);
}

static void
test_import_odd_json (NremTestDir   *f,
                      gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (f->db_path);
  g_autofree char *path = fixture ("odd.json");
  g_autoptr(GError) error = NULL;
  NremScheduleReport report;
  g_autofree char *opening = NULL;
  g_autofree char *coffee = NULL;
  g_autofree char *panel = NULL;
  g_autofree char *meeting = NULL;
  g_autofree char *summary = NULL;

  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.events, ==, 6);
  g_assert_cmpuint (report.sessions_added, ==, 3);
  /* what was left out says where and why */
  g_assert_true (report_mentions (report.skipped, "[“Main Hall”][5]: not an event"));
  g_assert_true (report_mentions (report.skipped, "[“Main Hall”][2]: an event without a title"));
  g_assert_true (report_mentions (report.skipped, "“Floating session without a time”): no start time"));
  g_assert_true (report_mentions (report.skipped, "the same event as an earlier one"));
  g_assert_true (report_mentions (report.skipped, "a person without a name"));
  g_assert_true (report_mentions (report.notes, "no time zone"));
  g_assert_true (report_mentions (report.notes, "no version"));
  summary = nrem_schedule_report_format (&report);
  g_assert_nonnull (strstr (summary, "3 sessions added"));
  nrem_schedule_report_clear (&report);

  meeting = text (store, "SELECT start_date || '|' || end_date || '|' || time_zone FROM meeting"
                         " WHERE title = 'Odd Consultation'");
  g_assert_cmpstr (meeting, ==, "2016-06-01|2016-06-02|UTC");
  opening = text (store, "SELECT start_time || '|' || end_time || '|' || kind || '|' || room"
                         " || '|' || json_array_length (speakers) FROM session WHERE title = 'Opening Session'");
  g_assert_cmpstr (opening, ==, "09:00|10:30|opening|Main Hall|2");
  /* a type it does not know ("Mystery"), but a title that says what it is */
  coffee = text (store, "SELECT coalesce (kind, 'none') FROM session WHERE title = 'Coffee'");
  g_assert_cmpstr (coffee, ==, "break");
  /* an end instead of a duration; an empty room name is no room; Dana Levi is one person */
  panel = text (store, "SELECT start_time || '|' || end_time || '|' || coalesce (room, 'no room') || '|' || kind"
                       " FROM session WHERE title = 'Panel without a room'");
  g_assert_cmpstr (panel, ==, "14:00|15:15|no room|panel");
  g_assert_cmpuint (count (store, "SELECT count(*) FROM participant WHERE name = 'Dana Levi'"), ==, 1);
  g_assert_cmpuint (count (store, "SELECT count(*) FROM participant WHERE name = 'Jonas Berg'"), ==, 1);

  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  g_assert_cmpuint (report.sessions_added, ==, 0);
  g_assert_cmpuint (report.sessions_unchanged, ==, 3);
  nrem_schedule_report_clear (&report);
}

static void
test_import_odd_xml (NremTestDir   *f,
                     gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (f->db_path);
  g_autofree char *path = fixture ("odd.xml");
  g_autoptr(GError) error = NULL;
  NremScheduleReport report;
  g_autofree char *opening = NULL;
  g_autofree char *lunch = NULL;

  g_assert_true (nrem_schedule_import_file (store, path, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.sessions_added, ==, 2);
  nrem_schedule_report_clear (&report);
  /* no <start>: the time of <date>, as written */
  opening = text (store, "SELECT start_time || '|' || end_time || '|' || kind || '|' || description"
                         " FROM session WHERE title = 'Apertura & bienvenida <oficial>'");
  g_assert_cmpstr (opening, ==, "09:15|10:15|plenary|Palabras de apertura\n\nCon traducción simultánea.");
  /* no <date>: the day's date */
  lunch = text (store, "SELECT day || '|' || start_time || '|' || kind FROM session WHERE title = 'Almuerzo'");
  g_assert_cmpstr (lunch, ==, "2017-09-05|11:00|break");
  g_assert_cmpuint (count (store, "SELECT count(*) FROM meeting WHERE time_zone = 'America/Argentina/Buenos_Aires'"), ==, 1);
}

static void
test_import_refuses_bad_files (NremTestDir   *f,
                               gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (f->db_path);
  guint sessions = nrem_store_count_rows (store, NREM_ENTITY_SESSION);
  guint meetings = nrem_store_count_rows (store, NREM_ENTITY_MEETING);
  g_autofree char *broken = fixture ("broken.xml");
  static const char * const bad[] = {
    "",
    "plain text",
    "{\"schedule\": {\"version\": \"1\"}}",
    "{\"schedule\": {\"conference\": {\"days\": []}}}",
    "{\"schedule\": {\"conference\": {\"title\": \"No dates\", \"days\": []}}}",
    "<schedule><conference><title>x</title>",
    "<html><body>Not a schedule</body></html>",
    "{\"a\": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}",
    "{\"schedule\": \xff}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GBytes) bytes = g_bytes_new_static (bad[i], strlen (bad[i]));
      g_autoptr(GError) error = NULL;
      NremScheduleReport report;

      g_assert_false (nrem_schedule_import_bytes (store, bytes, "bad.json", FALSE, &report, &error));
      g_assert_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE);
      g_assert_true (g_str_has_prefix (error->message, "bad.json: "));
      g_assert_null (report.meeting_uuid);
      nrem_schedule_report_clear (&report);
    }

  {
    g_autoptr(GError) error = NULL;
    NremScheduleReport report;

    g_assert_false (nrem_schedule_import_file (store, broken, FALSE, &report, &error));
    g_assert_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE);
    /* the file and the line of the fault */
    g_assert_nonnull (strstr (error->message, "broken.xml"));
    g_assert_nonnull (strstr (error->message, "line 11"));
    nrem_schedule_report_clear (&report);
  }
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_SESSION), ==, sessions);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MEETING), ==, meetings);
}

static void
test_export_round_trip (NremTestDir   *f,
                        gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GBytes) json = nrem_schedule_export (store, BANGKOK, NREM_SCHEDULE_FORMAT_JSON, skipped, &error);
  g_autoptr(GBytes) xml = nrem_schedule_export (store, BANGKOK, NREM_SCHEDULE_FORMAT_XML, skipped, &error);
  const char *json_text;
  NremScheduleReport report;

  g_assert_no_error (error);
  g_assert_nonnull (json);
  g_assert_nonnull (xml);
  g_assert_cmpuint (skipped->len, ==, 0);
  json_text = g_bytes_get_data (json, NULL);
  g_assert_nonnull (strstr (json_text, "\"acronym\" : \"bangkok2014\""));
  g_assert_nonnull (strstr (json_text, "\"time_zone_name\" : \"Asia/Bangkok\""));
  g_assert_nonnull (strstr (json_text, "\"date\" : \"2014-05-21T09:00:00+07:00\""));
  /* no contact details leave with a schedule */
  g_assert_null (strstr (json_text, "@"));
  g_assert_null (strstr (json_text, "+1 555"));
  g_assert_null (strstr (g_bytes_get_data (xml, NULL), "@"));

  /* into the same database: the same meeting and sessions, nothing new */
  g_assert_true (nrem_schedule_import_bytes (store, json, "bangkok.json", FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (report.meeting_uuid, ==, BANGKOK);
  g_assert_cmpuint (report.sessions_added, ==, 0);
  g_assert_cmpuint (report.sessions_unchanged, ==, 14);
  g_assert_cmpuint (report.people_created, ==, 0);
  nrem_schedule_report_clear (&report);
  g_assert_true (nrem_schedule_import_bytes (store, xml, "bangkok.xml", FALSE, &report, &error));
  g_assert_cmpstr (report.meeting_uuid, ==, BANGKOK);
  g_assert_cmpuint (report.sessions_unchanged, ==, 14);
  nrem_schedule_report_clear (&report);

  /* into another database: the same programme comes out again */
  {
    g_autofree char *other_path = nrem_test_dir_file (f, "other.db");
    g_autoptr(NremStore) other = nrem_test_open_seeded (other_path);
    g_autofree char *a = NULL;
    g_autofree char *b = NULL;

    g_assert_true (nrem_schedule_import_bytes (other, xml, "bangkok.xml", FALSE, &report, &error));
    g_assert_no_error (error);
    /* the seed's Bangkok 2014, found by its acronym */
    g_assert_cmpstr (report.meeting_uuid, ==, BANGKOK);
    nrem_schedule_report_clear (&report);
    a = text (store, "SELECT group_concat (day || start_time || end_time || title || coalesce (room, ''), '/')"
                     " FROM (SELECT * FROM session WHERE meeting = '" BANGKOK "' AND deleted_at IS NULL"
                     " ORDER BY day, start_time, title)");
    b = text (other, "SELECT group_concat (day || start_time || end_time || title || coalesce (room, ''), '/')"
                     " FROM (SELECT * FROM session WHERE meeting = '" BANGKOK "' AND deleted_at IS NULL"
                     " ORDER BY day, start_time, title)");
    g_assert_cmpstr (a, ==, b);
    /* the speakers came along, by name; the chairs stay out of a schedule */
    g_assert_cmpuint (count (other, "SELECT count(*) FROM participant WHERE name = 'Rania Al-Masri'"), ==, 1);
  }
}

static void
test_export_untimed_session (NremTestDir   *f,
                             gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (f->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) skipped = g_ptr_array_new_with_free_func (g_free);
  const char *fields[] = { "meeting", "day", "title", "room", NULL };
  const char *values[] = { BANGKOK, "2014-05-21", "Bilateral meetings; time to be set", "Room, \"A\" <1>", NULL };
  g_autofree char *uuid = nrem_store_create (store, NREM_ENTITY_SESSION, NULL, fields, values, &error);
  g_autoptr(GBytes) json = NULL;

  g_assert_nonnull (uuid);
  json = nrem_schedule_export (store, BANGKOK, NREM_SCHEDULE_FORMAT_JSON, skipped, &error);
  g_assert_nonnull (json);
  g_assert_cmpuint (skipped->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (skipped, 0), "Bilateral meetings"));
}

/* ------------------------------------------------------------------------------------------ */

static void
assert_folded (const char *ics)
{
  g_auto(GStrv) lines = NULL;

  g_assert_true (g_str_has_suffix (ics, "\r\n"));
  lines = g_strsplit (ics, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      g_assert_null (strchr (lines[i], '\n'));
    }
}

static void
test_ical_folding (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) unfolded = g_string_new (NULL);
  const char *line = "DESCRIPTION:Päivi Mäkinen — Siobhán Pemberton — 東京での会議 — "
                     "ሰላም — Ελληνικά — a long line that goes on and on beyond seventy-five octets";
  g_auto(GStrv) parts = NULL;
  g_autofree char *escaped = nrem_ical_escape ("a, b; c\\d\ne\r\nf\x01");

  nrem_ical_append_line (out, line);
  assert_folded (out->str);
  parts = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (parts), >, 2);
  for (guint i = 0; parts[i] != NULL && parts[i][0] != '\0'; i++)
    g_string_append (unfolded, i == 0 ? parts[i] : parts[i] + 1);
  g_assert_cmpstr (unfolded->str, ==, line);
  g_assert_cmpstr (escaped, ==, "a\\, b\\; c\\\\d\\ne\\nf");
}

static void
test_ical_export (NremTestDir   *f,
                  gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) all = nrem_agenda_ical_export (store, BANGKOK, NULL, &error);
  g_autofree char *chair = NULL;
  g_autoptr(GBytes) own = NULL;
  const char *ics;
  guint events = 0;
  guint expected;
  g_autofree char *sql = NULL;

  g_assert_no_error (error);
  ics = g_bytes_get_data (all, NULL);
  assert_folded (ics);
  for (const char *p = ics; (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    events++;
  g_assert_cmpuint (events, ==, 14);
  /* 09:00 in Bangkok is 02:00 UTC */
  g_assert_nonnull (strstr (ics, "UID:" OPENING "@nrem-desk\r\nDTSTAMP:"));
  g_assert_nonnull (strstr (ics, "DTSTART:20140521T020000Z\r\nDTEND:20140521T031500Z\r\n"
                                 "SUMMARY:Opening of the consultation\r\n"));
  g_assert_null (strstr (ics, "@nrem-jo.example.org"));

  /* a delegate's own: the sessions they chair or speak in */
  chair = text (store, "SELECT chair FROM session WHERE uuid = '" OPENING "'");
  own = nrem_agenda_ical_export (store, BANGKOK, chair, &error);
  g_assert_no_error (error);
  sql = g_strdup_printf ("SELECT count(*) FROM session WHERE meeting = '" BANGKOK "' AND deleted_at IS NULL"
                         " AND (chair = '%s' OR EXISTS (SELECT 1 FROM json_each (speakers) WHERE value = '%s'))",
                         chair, chair);
  expected = count (store, sql);
  g_assert_cmpuint (expected, >=, 1);
  events = 0;
  for (const char *p = g_bytes_get_data (own, NULL); (p = strstr (p, "BEGIN:VEVENT")) != NULL; p++)
    events++;
  g_assert_cmpuint (events, ==, expected);
  g_assert_nonnull (strstr (g_bytes_get_data (own, NULL), "X-WR-CALNAME:Bangkok 2014 — Budi Hidayat"));

  g_clear_error (&error);
  g_assert_null (nrem_agenda_ical_export (store, BANGKOK, "00000000-0000-4000-8000-000000000000", &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND);
}

static void
test_print_pdf (NremTestDir   *f,
                gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (f);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nrem_test_dir_file (f, "programme.pdf");
  g_autoptr(GBytes) bytes = NULL;
  gsize size = 0;

  g_assert_true (nrem_agenda_print_pdf (store, BANGKOK, path, &error));
  g_assert_no_error (error);
  bytes = nrem_test_read_bytes (path);
  g_assert_true (memcmp (g_bytes_get_data (bytes, &size), "%PDF", 4) == 0);
  g_assert_cmpuint (size, >, 2000);
}

int
main (int   argc,
      char *argv[])
{
  nrem_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, NremTestDir, NULL, nrem_test_dir_setup, func, nrem_test_dir_teardown)

  g_test_add_func ("/agenda/time/labels", test_time_labels);
  g_test_add_func ("/agenda/checks/room-person-outside", test_checks_room_person_outside);
  g_test_add_func ("/agenda/checks/speakers-json", test_speakers_json);
  ADD ("/agenda/programme/day", test_programme_day);
  ADD ("/agenda/programme/now-and-next", test_programme_now_next);
  ADD ("/agenda/schedule/import/pretalx-json", test_import_pretalx_json);
  ADD ("/agenda/schedule/import/keeps-local-fields", test_import_keeps_local_fields);
  ADD ("/agenda/schedule/import/matches-people-by-name", test_import_matches_people_by_name);
  ADD ("/agenda/schedule/import/frab-xml", test_import_frab_xml);
  ADD ("/agenda/schedule/import/odd-json", test_import_odd_json);
  ADD ("/agenda/schedule/import/odd-xml", test_import_odd_xml);
  ADD ("/agenda/schedule/import/refuses-bad-files", test_import_refuses_bad_files);
  ADD ("/agenda/schedule/export/round-trip", test_export_round_trip);
  ADD ("/agenda/schedule/export/untimed-session", test_export_untimed_session);
  g_test_add_func ("/agenda/ical/folding", test_ical_folding);
  ADD ("/agenda/ical/export", test_ical_export);
  ADD ("/agenda/print/pdf", test_print_pdf);

  return g_test_run ();
}
