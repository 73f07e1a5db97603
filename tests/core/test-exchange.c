/* test-exchange.c
 *
 * The exchange format: the seed as the first start loads it, the round trip, deterministic
 * output, contact details, one meeting's file, dry runs, all-or-nothing imports, the backup
 * before an import, and exports checked against the published JSON Schema by a validator
 * nobody here wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-test-util.h"
#include "nrem-time.h"
#include "nrem-uuid.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>
#include <sys/stat.h>

typedef NremTestDir Fixture;

static char *
sample_path (void)
{
  return nrem_test_source_file ("data", "samples", "nrem-desk-sample.json", NULL);
}

static void
import_sample (NremStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_path ();
  NremImportReport report;

  g_assert_true (nrem_exchange_import_file (store, path, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (report.total.added, >, 1000);
  g_assert_cmpuint (report.total.conflicts, ==, 0);
  nrem_import_report_clear (&report);
}

static NremStore *
open_empty (Fixture    *fx,
            const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nrem_test_dir_file (fx, name);
  NremStore *store = nrem_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static JsonObject *
parse_object (JsonParser *parser,
              const char *json)
{
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, json, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)));
  return json_node_get_object (json_parser_get_root (parser));
}

static NremRow *
get_row (NremStore      *store,
         NremEntityKind  kind,
         const char     *uuid)
{
  g_autoptr(GError) error = NULL;
  NremRow *row = nrem_store_get_row (store, kind, uuid, &error);

  g_assert_no_error (error);
  if (row == NULL)
    g_error ("%s %s is not in the database", nrem_entity_get (kind)->name, uuid);
  return row;
}

static char *
strip_exported_at (const char *json)
{
  g_auto(GStrv) lines = g_strsplit (json, "\n", -1);
  GString *out = g_string_new (NULL);
  guint n = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (g_str_has_prefix (lines[i], "  \"exported_at\": \""))
        {
          n++;
          continue;
        }
      g_string_append (out, lines[i]);
      g_string_append_c (out, '\n');
    }
  g_assert_cmpuint (n, ==, 1);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------
 * The seed
 */

typedef struct
{
  const char *seed_origin;
  gint64      seed_time;
  guint       n;
} SeedCheck;

static gboolean
check_seed_clock_cb (const NremRow *row,
                     gpointer       user_data)
{
  SeedCheck *check = user_data;

  g_assert_cmpstr (row->origin, ==, check->seed_origin);
  g_assert_cmpint (row->updated_at, ==, check->seed_time);
  g_assert_cmpint (row->rev, ==, 1);
  g_assert_cmpint (row->deleted_at, ==, 0);
  check->n++;
  return TRUE;
}

typedef struct
{
  GHashTable *groups;
  GHashTable *positions;
  guint       n;
} DimensionCheck;

static gboolean
check_dimension_cb (const NremRow *row,
                    gpointer       user_data)
{
  DimensionCheck *check = user_data;
  g_autofree char *expected = nrem_uuid_new_v5_printf ("dimension:%s", nrem_row_get (row, "key"));

  g_assert_cmpstr (row->uuid, ==, expected);
  g_assert_true (nrem_enum_contains (nrem_dimension_groups, nrem_row_get (row, "group")));
  g_assert_nonnull (nrem_row_get (row, "label"));
  g_assert_nonnull (nrem_row_get (row, "definition"));
  g_assert_nonnull (nrem_row_get (row, "source"));
  g_hash_table_add (check->groups, g_strdup (nrem_row_get (row, "group")));
  g_assert_true (g_hash_table_add (check->positions, g_strdup (nrem_row_get (row, "position"))));
  check->n++;
  return TRUE;
}

typedef struct
{
  GHashTable *codes;
  guint       n;
} CountryCheck;

static gboolean
check_country_cb (const NremRow *row,
                  gpointer       user_data)
{
  CountryCheck *check = user_data;
  const char *code = nrem_row_get (row, "code");
  g_autofree char *expected = nrem_uuid_new_v5_printf ("country:%s", code);

  g_assert_cmpstr (row->uuid, ==, expected);
  g_assert_cmpuint (strlen (code), ==, 2);
  g_assert_nonnull (nrem_row_get (row, "name"));
  g_assert_true (g_hash_table_add (check->codes, g_strdup (code)));  /* unique */
  check->n++;
  return TRUE;
}

typedef struct
{
  const char *meeting;
  GHashTable *uuids;
  GHashTable *days;
  guint       topics;
} SessionCheck;

static gboolean
check_session_cb (const NremRow *row,
                  gpointer       user_data)
{
  SessionCheck *check = user_data;
  const char *kind = nrem_row_get (row, "kind");

  g_assert_cmpstr (nrem_row_get (row, "meeting"), ==, check->meeting);
  g_assert_true (g_hash_table_contains (check->uuids, row->uuid));
  g_hash_table_remove (check->uuids, row->uuid);
  g_hash_table_add (check->days, g_strdup (nrem_row_get (row, "day")));
  g_assert_true (nrem_clock_time_is_valid (nrem_row_get (row, "start_time")));
  if (g_strcmp0 (kind, "panel") == 0 || g_strcmp0 (kind, "plenary") == 0)
    check->topics++;
  return TRUE;
}

static void
test_seed (Fixture       *fx,
           gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *bangkok_uuid = nrem_uuid_new_v5 ("meeting:bangkok-2014");
  g_autofree char *berlin_uuid = nrem_uuid_new_v5 ("meeting:berlin-2013");
  g_autofree char *independence = nrem_uuid_new_v5 ("dimension:independence");
  g_autofree char *ref_independent = nrem_uuid_new_v5 ("mechanism:reference:independent-rapporteur");
  g_autofree char *ref_coordinating = nrem_uuid_new_v5 ("mechanism:reference:coordinating-mechanism");
  g_autofree char *seed_origin = nrem_uuid_new_v5 ("origin:seed");
  g_autofree char *seeded = NULL;
  g_autofree char *latest = NULL;
  g_autoptr(NremRow) bangkok = NULL;
  g_autoptr(NremRow) berlin = NULL;
  SeedCheck clock = { seed_origin, 0, 0 };
  DimensionCheck dims = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                          g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  CountryCheck countries = { g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };
  SessionCheck sessions = { bangkok_uuid,
                            g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL),
                            g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL), 0 };

  g_assert_true (nrem_time_parse_ms ("2014-05-01T00:00:00.000Z", &clock.seed_time));

  /* the shape of the seed */
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MEETING), ==, 2);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_DIMENSION), ==, 25);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MECHANISM), ==, 2);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_COUNTRY), ==, 249);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 0);
  seeded = nrem_store_get_meta (store, "seeded");
  g_assert_cmpstr (seeded, ==, PACKAGE_VERSION);

  /* Bangkok 2014 */
  bangkok = get_row (store, NREM_ENTITY_MEETING, bangkok_uuid);
  g_assert_true (g_str_has_prefix (nrem_row_get (bangkok, "title"), "Second Consultative Meeting"));
  g_assert_cmpstr (nrem_row_get (bangkok, "city"), ==, "Bangkok");
  g_assert_cmpstr (nrem_row_get (bangkok, "country"), ==, "TH");
  g_assert_cmpstr (nrem_row_get (bangkok, "start_date"), ==, "2014-05-21");
  g_assert_cmpstr (nrem_row_get (bangkok, "end_date"), ==, "2014-05-22");
  g_assert_cmpstr (nrem_row_get (bangkok, "time_zone"), ==, "Asia/Bangkok");
  g_assert_nonnull (nrem_row_get (bangkok, "convenors"));
  g_assert_nonnull (nrem_row_get (bangkok, "objectives"));
  g_assert_nonnull (nrem_row_get (bangkok, "expected_outcome"));
  latest = nrem_store_latest_meeting (store);
  g_assert_cmpstr (latest, ==, bangkok_uuid);

  /* Berlin 2013 */
  berlin = get_row (store, NREM_ENTITY_MEETING, berlin_uuid);
  g_assert_true (g_str_has_prefix (nrem_row_get (berlin, "title"), "First Consultative Meeting"));
  g_assert_cmpstr (nrem_row_get (berlin, "city"), ==, "Berlin");
  g_assert_cmpstr (nrem_row_get (berlin, "start_date"), ==, "2013-05-23");

  /* Bangkok's sessions: two days, stable identities session:bangkok-2014:<n>, six topics */
  for (guint n = 1; n <= nrem_store_count_rows (store, NREM_ENTITY_SESSION); n++)
    g_hash_table_add (sessions.uuids, nrem_uuid_new_v5_printf ("session:bangkok-2014:%u", n));
  g_assert_cmpuint (g_hash_table_size (sessions.uuids), >=, 6);
  g_assert_true (nrem_store_foreach_row (store, NREM_ENTITY_SESSION, NULL, check_session_cb,
                                         &sessions, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (sessions.uuids), ==, 0);  /* every one was found */
  g_assert_cmpuint (g_hash_table_size (sessions.days), ==, 2);
  g_assert_true (g_hash_table_contains (sessions.days, "2014-05-21"));
  g_assert_true (g_hash_table_contains (sessions.days, "2014-05-22"));
  g_assert_cmpuint (sessions.topics, ==, 6);

  /* 25 dimensions in the five groups, identities dimension:<key> */
  g_assert_true (nrem_store_foreach_row (store, NREM_ENTITY_DIMENSION, NULL, check_dimension_cb,
                                         &dims, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (dims.n, ==, 25);
  g_assert_cmpuint (g_hash_table_size (dims.groups), ==, 5);
  g_assert_cmpuint (g_hash_table_size (dims.positions), ==, 25);
  g_assert_true (nrem_store_has_record (store, NREM_ENTITY_DIMENSION, independence));

  /* the two reference profiles */
  {
    const char *refs[] = { ref_independent, ref_coordinating };

    for (guint i = 0; i < G_N_ELEMENTS (refs); i++)
      {
        g_autoptr(NremRow) row = get_row (store, NREM_ENTITY_MECHANISM, refs[i]);

        g_assert_cmpstr (nrem_row_get (row, "reference"), ==, "1");
        g_assert_null (nrem_row_get (row, "country"));
      }
  }

  /* 249 countries, identities country:<CODE> */
  g_assert_true (nrem_store_foreach_row (store, NREM_ENTITY_COUNTRY, NULL, check_country_cb,
                                         &countries, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (countries.n, ==, 249);
  g_assert_true (g_hash_table_contains (countries.codes, "TH"));
  g_assert_true (g_hash_table_contains (countries.codes, "DE"));
  g_assert_true (nrem_store_has_country (store, "TH"));

  /* every seed record is the seed's version: origin:seed, 2014-05-01, rev 1 */
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      g_assert_true (nrem_store_foreach_row (store, k, NULL, check_seed_clock_cb, &clock, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (clock.n, >=, 2 + 25 + 2 + 249 + 6);

  g_hash_table_unref (dims.groups);
  g_hash_table_unref (dims.positions);
  g_hash_table_unref (countries.codes);
  g_hash_table_unref (sessions.uuids);
  g_hash_table_unref (sessions.days);
}

/* What the user deletes of the seed stays deleted at the next start. */
static void
test_seed_once (Fixture       *fx,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *berlin_uuid = nrem_uuid_new_v5 ("meeting:berlin-2013");

  {
    g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);

    g_assert_true (nrem_store_delete (store, NREM_ENTITY_MEETING, berlin_uuid, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
    g_autoptr(NremRow) berlin = get_row (store, NREM_ENTITY_MEETING, berlin_uuid);

    g_assert_cmpint (berlin->deleted_at, !=, 0);
    g_assert_cmpint (berlin->rev, ==, 2);
    g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MEETING), ==, 1);
  }
}

/* ------------------------------------------------------------------------------------------
 * Round trip and determinism
 */

/* Seed + sample, with a few deletions so that the file carries tombstones too. */
static NremStore *
open_seed_and_sample (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  NremStore *store = nrem_test_open_seeded (fx->db_path);
  g_autofree char *session = nrem_uuid_new_v5 ("session:bangkok-2014:3");

  import_sample (store);

  /* a participant of the sample (Rania Al-Masri), a session of the seed */
  g_assert_true (nrem_store_delete (store, NREM_ENTITY_PARTICIPANT,
                                    "021ff686-6afe-42a1-9bc0-765adfbc910d", &error));
  g_assert_no_error (error);
  g_assert_true (nrem_store_delete (store, NREM_ENTITY_SESSION, session, &error));
  g_assert_no_error (error);
  return store;
}

static void
test_round_trip (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(NremStore) store = open_seed_and_sample (fx);
  g_autoptr(NremStore) empty = open_empty (fx, "empty.db");
  g_autofree char *first = nrem_test_export (store, NULL, TRUE);
  g_autofree char *second = NULL;
  g_autofree char *first_n = NULL;
  g_autofree char *second_n = NULL;
  NremImportReport report;
  g_autoptr(GBytes) bytes = g_bytes_new (first, strlen (first));

  g_assert_nonnull (strstr (first, "\"tombstones\": [\n"));
  g_assert_nonnull (strstr (first, "\"email\": "));

  nrem_test_import_bytes (empty, bytes, &report);
  /* everything is new there */
  g_assert_cmpuint (report.total.added, ==, report.records);
  g_assert_cmpuint (report.total.updated, ==, 0);
  g_assert_cmpuint (report.total.conflicts, ==, 0);
  nrem_import_report_clear (&report);

  second = nrem_test_export (empty, NULL, TRUE);
  first_n = nrem_test_normalise_export (first);
  second_n = nrem_test_normalise_export (second);
  nrem_test_assert_same_export (first_n, second_n);
  g_assert_cmpuint (nrem_test_count_all_rows (empty), ==, nrem_test_count_all_rows (store));

  /* and the origin line is the only other difference: each database has its own */
  g_assert_cmpstr (nrem_store_get_origin (store), !=, nrem_store_get_origin (empty));
  g_assert_nonnull (strstr (second, nrem_store_get_origin (empty)));
}

static void
test_round_trip_empty (Fixture       *fx,
                       gconstpointer  data)
{
  g_autoptr(NremStore) a = open_empty (fx, "a.db");
  g_autoptr(NremStore) b = open_empty (fx, "b.db");
  g_autofree char *json = nrem_test_export (a, NULL, TRUE);
  g_autofree char *again = NULL;
  g_autofree char *json_n = NULL;
  g_autofree char *again_n = NULL;
  NremImportReport report;

  /* a database with nothing in it still writes every array */
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      g_autofree char *line = g_strdup_printf ("\n  \"%s\": [],\n", nrem_entity_get (k)->name);

      g_assert_nonnull (strstr (json, line));
    }
  g_assert_true (g_str_has_suffix (json, "  \"tombstones\": []\n}\n"));

  nrem_test_import_string (b, json, &report);
  g_assert_cmpuint (report.records, ==, 0);
  again = nrem_test_export (b, NULL, TRUE);
  json_n = nrem_test_normalise_export (json);
  again_n = nrem_test_normalise_export (again);
  nrem_test_assert_same_export (json_n, again_n);
}

/* Arrays in the documented order, records sorted by uuid, keys in the documented order. */
static void
assert_canonical (const char *json,
                  gboolean    with_contacts)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root = parse_object (parser, json);
  g_autoptr(GList) members = json_object_get_members (root);
  static const char * const header[] = { "format", "version", "exported_at", "origin" };
  static const char * const tombstone_keys[] = { "uuid", "updated_at", "rev", "origin",
                                                 "entity", "deleted_at" };
  GList *l = members;

  for (guint i = 0; i < G_N_ELEMENTS (header); i++, l = l->next)
    g_assert_cmpstr (l->data, ==, header[i]);

  for (guint k = 0; k <= NREM_N_ENTITIES; k++, l = l->next)
    {
      const NremEntity *entity = k < NREM_N_ENTITIES ? nrem_entity_get (k) : NULL;
      const char *name = entity != NULL ? entity->name : "tombstones";
      JsonArray *array = json_object_get_array_member (root, name);
      const char *previous = NULL;

      g_assert_nonnull (l);
      g_assert_cmpstr (l->data, ==, name);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonObject *record = json_array_get_object_element (array, i);
          const char *uuid = json_object_get_string_member (record, "uuid");
          g_autoptr(GList) keys = json_object_get_members (record);
          GList *kl = keys;

          if (previous != NULL && strcmp (previous, uuid) >= 0)
            g_error ("%s[%u]: %s is not after %s", name, i, uuid, previous);
          previous = uuid;

          if (entity == NULL)
            {
              for (guint j = 0; j < G_N_ELEMENTS (tombstone_keys); j++, kl = kl->next)
                g_assert_cmpstr (kl->data, ==, tombstone_keys[j]);
              g_assert_null (kl);
              continue;
            }
          for (guint j = 0; j < 4; j++, kl = kl->next)
            g_assert_cmpstr (kl->data, ==, tombstone_keys[j]);
          for (guint f = 0; f < entity->n_fields; f++)
            {
              if ((entity->fields[f].flags & NREM_FIELD_FLAG_CONTACT) && !with_contacts)
                continue;
              g_assert_nonnull (kl);
              g_assert_cmpstr (kl->data, ==, entity->fields[f].name);
              kl = kl->next;
            }
          g_assert_null (kl);
        }
    }
  g_assert_null (l);
}

static void
test_deterministic (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(NremStore) store = open_seed_and_sample (fx);

  for (guint contacts = 0; contacts < 2; contacts++)
    {
      g_autofree char *a = nrem_test_export (store, NULL, contacts);
      g_autofree char *b = NULL;
      g_autofree char *a_s = NULL;
      g_autofree char *b_s = NULL;

      g_usleep (2000);  /* a different exported_at */
      b = nrem_test_export (store, NULL, contacts);
      a_s = strip_exported_at (a);
      b_s = strip_exported_at (b);
      nrem_test_assert_same_export (a_s, b_s);
      assert_canonical (a, contacts);
    }
}

/* ------------------------------------------------------------------------------------------
 * Contact details
 */

static void
test_contacts (Fixture       *fx,
               gconstpointer  data)
{
  static const char *person = "046e5a2d-7ee9-4fe6-b293-51bc03567707";  /* Siti binti Abdullah */
  static const char * const fields[] = { "notes", NULL };
  static const char * const values[] = { "Moved to the regional office", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) mine = nrem_test_open_seeded (fx->db_path);
  g_autofree char *theirs_path = nrem_test_dir_file (fx, "theirs.db");
  g_autoptr(NremStore) theirs = nrem_test_open_seeded (theirs_path);
  g_autofree char *with = NULL;
  g_autofree char *without = NULL;
  g_autofree char *newcomer = NULL;
  g_autoptr(NremRow) before = NULL;
  g_autoptr(NremRow) after = NULL;
  g_autoptr(NremRow) added = NULL;
  NremImportReport report;

  import_sample (mine);
  import_sample (theirs);

  with = nrem_test_export (mine, NULL, TRUE);
  without = nrem_test_export (mine, NULL, FALSE);
  g_assert_nonnull (strstr (with, "\"email\": "));
  g_assert_nonnull (strstr (with, "\"phone\": "));
  g_assert_null (strstr (without, "\"email\""));
  g_assert_null (strstr (without, "\"phone\""));
  g_assert_null (strstr (without, "@nrem-"));
  g_clear_pointer (&with, g_free);
  g_clear_pointer (&without, g_free);

  /* this machine edits a person and adds one with an address, then sends a file without
   * contact details */
  g_assert_true (nrem_store_update (mine, NREM_ENTITY_PARTICIPANT, person, fields, values, &error));
  g_assert_no_error (error);
  {
    static const char * const pf[] = { "name", "role", "country", "email", NULL };
    static const char * const pv[] = { "New Person (fictional)", "observer", "TH",
                                       "new.person@example.org", NULL };

    newcomer = nrem_store_create (mine, NREM_ENTITY_PARTICIPANT, NULL, pf, pv, &error);
    g_assert_no_error (error);
  }
  without = nrem_test_export (mine, NULL, FALSE);
  g_assert_null (strstr (without, "new.person@example.org"));

  before = get_row (theirs, NREM_ENTITY_PARTICIPANT, person);
  g_assert_nonnull (nrem_row_get (before, "email"));
  nrem_test_import_string (theirs, without, &report);
  g_assert_cmpuint (report.by_entity[NREM_ENTITY_PARTICIPANT].updated, ==, 1);
  g_assert_cmpuint (report.by_entity[NREM_ENTITY_PARTICIPANT].added, ==, 1);
  g_assert_cmpuint (report.total.conflicts, ==, 0);
  nrem_import_report_clear (&report);

  /* the edit arrived; the receiver's own contact details of that person stayed */
  after = get_row (theirs, NREM_ENTITY_PARTICIPANT, person);
  g_assert_cmpstr (nrem_row_get (after, "notes"), ==, "Moved to the regional office");
  g_assert_cmpstr (nrem_row_get (after, "email"), ==, nrem_row_get (before, "email"));
  g_assert_cmpstr (nrem_row_get (after, "phone"), ==, nrem_row_get (before, "phone"));
  /* and what was never sent is not there */
  added = get_row (theirs, NREM_ENTITY_PARTICIPANT, newcomer);
  g_assert_null (nrem_row_get (added, "email"));

  /* an export file with contact details is private to its user */
  {
    g_autofree char *path = nrem_test_dir_file (fx, "with-contacts.json");
    GStatBuf st;

    g_assert_true (nrem_exchange_export_to_file (mine, path, NULL, TRUE, &error));
    g_assert_no_error (error);
    g_assert_cmpint (g_stat (path, &st), ==, 0);
    g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
  }
}

/* ------------------------------------------------------------------------------------------
 * One meeting's file
 */

typedef struct
{
  const char *meeting;
  GHashTable *people;
} ScopeCollect;

static gboolean
collect_attendees_cb (const NremRow *row,
                      gpointer       user_data)
{
  ScopeCollect *c = user_data;

  if (g_strcmp0 (nrem_row_get (row, "meeting"), c->meeting) == 0)
    g_hash_table_add (c->people, g_strdup (nrem_row_get (row, "participant")));
  return TRUE;
}

static void
test_meeting_scope (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autoptr(NremStore) empty = open_empty (fx, "berlin-only.db");
  g_autofree char *berlin = nrem_uuid_new_v5 ("meeting:berlin-2013");
  g_autofree char *bangkok = nrem_uuid_new_v5 ("meeting:bangkok-2014");
  g_autofree char *json = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  JsonArray *array;
  ScopeCollect attendees = { NULL, g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL) };
  NremImportReport report;

  import_sample (store);
  attendees.meeting = berlin;
  g_assert_true (nrem_store_foreach_row (store, NREM_ENTITY_ATTENDANCE, NULL,
                                         collect_attendees_cb, &attendees, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_hash_table_size (attendees.people), ==, 12);

  json = nrem_test_export (store, berlin, TRUE);
  g_assert_null (strstr (json, bangkok));
  root = parse_object (parser, json);

  array = json_object_get_array_member (root, "meetings");
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "uuid"),
                   ==, berlin);

  /* exactly Berlin's twelve people */
  array = json_object_get_array_member (root, "participants");
  g_assert_cmpuint (json_array_get_length (array), ==, 12);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_true (g_hash_table_contains (attendees.people,
                                          json_object_get_string_member (json_array_get_object_element (array, i),
                                                                         "uuid")));

  array = json_object_get_array_member (root, "attendances");
  g_assert_cmpuint (json_array_get_length (array), ==, 12);
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, i), "meeting"),
                     ==, berlin);

  /* nothing of Bangkok's programme */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "sessions")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "recommendations")), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "revisions")), ==, 0);
  /* the shared reference data is there */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "countries")), ==, 249);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "dimensions")), ==, 25);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "mechanisms")), >=, 2);

  /* the file is complete in itself: an empty database takes it */
  nrem_test_import_string (empty, json, &report);
  g_assert_cmpuint (report.total.added, ==, report.records);
  nrem_import_report_clear (&report);
  g_assert_cmpuint (nrem_store_count_rows (empty, NREM_ENTITY_PARTICIPANT), ==, 12);
  g_assert_cmpuint (nrem_store_count_rows (empty, NREM_ENTITY_MEETING), ==, 1);

  /* a meeting that does not exist */
  {
    g_autofree char *nowhere = nrem_uuid_new_v4 ();
    g_autoptr(GBytes) none = nrem_exchange_export (store, nowhere, FALSE, &error);

    g_assert_null (none);
    g_assert_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND);
  }
  g_hash_table_unref (attendees.people);
}

/* ------------------------------------------------------------------------------------------
 * Dry run, all or nothing, backup
 */

static guint
count_array (JsonObject *root,
             const char *name)
{
  return json_array_get_length (json_object_get_array_member (root, name));
}

static void
test_dry_run (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autofree char *path = sample_path ();
  g_autofree char *before = nrem_test_export_normalised (store, TRUE);
  g_autofree char *after = NULL;
  g_autofree char *backups = nrem_test_dir_file (fx, "data/nrem-desk/backups");
  g_autofree char *sample = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;
  NremImportReport dry, real;
  guint rows_before = nrem_test_count_all_rows (store);
  guint n_records = 0;

  g_file_get_contents (path, &sample, NULL, &error);
  g_assert_no_error (error);
  root = parse_object (parser, sample);
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    n_records += count_array (root, nrem_entity_get (k)->name);
  n_records += count_array (root, "tombstones");

  g_assert_true (nrem_exchange_import_file (store, path, TRUE, &dry, &error));
  g_assert_no_error (error);

  /* it reports what the import would do … */
  g_assert_cmpuint (dry.records, ==, n_records);
  g_assert_cmpuint (dry.total.added + dry.total.updated + dry.total.unchanged + dry.total.conflicts,
                    ==, n_records);
  g_assert_cmpuint (dry.by_entity[NREM_ENTITY_PARTICIPANT].added, ==, count_array (root, "participants"));
  g_assert_cmpuint (dry.by_entity[NREM_ENTITY_MECHANISM].added, ==, count_array (root, "mechanisms"));
  g_assert_cmpuint (dry.by_entity[NREM_ENTITY_ASSESSMENT].added, ==, count_array (root, "assessments"));
  g_assert_cmpuint (dry.by_entity[NREM_ENTITY_SESSION].added + dry.by_entity[NREM_ENTITY_SESSION].updated,
                    ==, count_array (root, "sessions"));
  g_assert_cmpuint (dry.by_entity[NREM_ENTITY_SESSION].updated, >=, 1);  /* the sample edits seed sessions */
  g_assert_null (dry.backup_path);
  {
    g_autofree char *text = nrem_import_report_format (&dry, TRUE);

    g_assert_true (g_str_has_prefix (text, "Would add"));
  }

  /* … and changes nothing, not even a backup */
  after = nrem_test_export_normalised (store, TRUE);
  nrem_test_assert_same_export (before, after);
  g_assert_cmpuint (nrem_test_count_all_rows (store), ==, rows_before);
  g_assert_cmpuint (nrem_test_count_dir (backups, NULL), ==, 0);

  /* the real import does what the dry run said */
  g_assert_true (nrem_exchange_import_file (store, path, FALSE, &real, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (real.records, ==, dry.records);
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      g_assert_cmpuint (real.by_entity[k].added, ==, dry.by_entity[k].added);
      g_assert_cmpuint (real.by_entity[k].updated, ==, dry.by_entity[k].updated);
      g_assert_cmpuint (real.by_entity[k].unchanged, ==, dry.by_entity[k].unchanged);
      g_assert_cmpuint (real.by_entity[k].conflicts, ==, dry.by_entity[k].conflicts);
    }
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==,
                    count_array (root, "participants"));
  nrem_import_report_clear (&dry);
  nrem_import_report_clear (&real);
}

/* The sample with its 50th participant changed by @mutate. */
static char *
sample_with_participant_50 (void (*mutate) (JsonObject *participant))
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = sample_path ();
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  JsonArray *participants;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  participants = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                               "participants");
  g_assert_cmpuint (json_array_get_length (participants), >, 50);
  mutate (json_array_get_object_element (participants, 49));
  json_generator_set_root (generator, json_parser_get_root (parser));
  json_generator_set_pretty (generator, TRUE);
  return json_generator_to_data (generator, NULL);
}

static void
mutate_role (JsonObject *participant)
{
  json_object_set_string_member (participant, "role", "astronaut");
}

static void
mutate_mechanism (JsonObject *participant)
{
  g_autofree char *nowhere = nrem_uuid_new_v5 ("mechanism:nowhere");

  json_object_set_string_member (participant, "mechanism", nowhere);
}

static void
mutate_name (JsonObject *participant)
{
  json_object_set_string_member (participant, "name", "Poison Pill (fictional)");
}

static void
assert_import_refused_unchanged (NremStore  *store,
                                 const char *json,
                                 NremError   code,
                                 const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *before = nrem_test_export_normalised (store, TRUE);
  g_autofree char *after = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));
  guint counts[NREM_N_ENTITIES];
  NremImportReport report;

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    counts[k] = nrem_store_count_rows (store, k);

  g_assert_false (nrem_exchange_import_bytes (store, bytes, "sample-50.json", FALSE, TRUE,
                                              &report, &error));
  g_assert_error (error, NREM_ERROR, (int) code);
  if (strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not mention “%s”", error->message, message_part);
  nrem_import_report_clear (&report);

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    g_assert_cmpuint (nrem_store_count_rows (store, k), ==, counts[k]);
  after = nrem_test_export_normalised (store, TRUE);
  nrem_test_assert_same_export (before, after);
}

static void
test_all_or_nothing (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autofree char *bad_role = sample_with_participant_50 (mutate_role);
  g_autofree char *bad_ref = sample_with_participant_50 (mutate_mechanism);

  /* refused by the reader: the 49 participants and 36 mechanisms before it are not written */
  assert_import_refused_unchanged (store, bad_role, NREM_ERROR_INVALID_FILE,
                                   "sample-50.json: participants[49].role: ");
  /* refused once every record has been read (references) */
  assert_import_refused_unchanged (store, bad_ref, NREM_ERROR_INVALID_FILE,
                                   "sample-50.json: participants[49].mechanism: ");
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 0);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MECHANISM), ==, 2);
}

/* A file that is valid but fails while it is being written (here: a trigger the test puts
 * into the database refuses the 50th participant): everything written before is undone. */
static void
test_all_or_nothing_while_writing (Fixture       *fx,
                                   gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autofree char *poisoned = sample_with_participant_50 (mutate_name);
  sqlite3 *db = nrem_test_sqlite_open (fx->db_path);

  nrem_test_sqlite_exec (db, "CREATE TRIGGER poison BEFORE INSERT ON participant"
                             " WHEN NEW.name = 'Poison Pill (fictional)'"
                             " BEGIN SELECT RAISE (ABORT, 'poisoned'); END");
  sqlite3_close (db);

  assert_import_refused_unchanged (store, poisoned, NREM_ERROR_FAILED, "Nothing was imported");
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 0);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MECHANISM), ==, 2);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_ASSESSMENT), ==, 21);
}

static void
test_backup (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autofree char *path = sample_path ();
  g_autofree char *backups = nrem_test_dir_file (fx, "data/nrem-desk/backups");
  g_autofree char *invalid = nrem_test_dir_file (fx, "invalid.json");
  g_autofree char *bad_role = sample_with_participant_50 (mutate_role);
  NremImportReport report;
  sqlite3 *db;

  /* the first start (seeding) is no import of the user's and wrote none */
  g_assert_cmpuint (nrem_test_count_dir (backups, NULL), ==, 0);

  /* an invalid file is refused before a backup is made */
  nrem_test_write_file (invalid, bad_role, -1);
  g_assert_false (nrem_exchange_import_file (store, invalid, FALSE, &report, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE);
  g_clear_error (&error);
  g_assert_cmpuint (nrem_test_count_dir (backups, NULL), ==, 0);

  g_assert_true (nrem_exchange_import_file (store, path, FALSE, &report, &error));
  g_assert_no_error (error);
  g_assert_nonnull (report.backup_path);
  g_assert_true (g_str_has_prefix (report.backup_path, backups));
  g_assert_true (g_str_has_suffix (report.backup_path, "-before-import.db"));
  g_assert_true (g_file_test (report.backup_path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (nrem_test_count_dir (backups, ".db"), ==, 1);

  /* the backup holds the database as it was before the import */
  db = nrem_test_sqlite_open (report.backup_path);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM participant"), ==, 0);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM country"), ==, 249);
  sqlite3_close (db);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_PARTICIPANT), ==, 96);
  nrem_import_report_clear (&report);
}

/* ------------------------------------------------------------------------------------------
 * The published JSON Schema, checked by python3-jsonschema
 */

static gboolean
jsonschema_available (void)
{
  const char *argv[] = { "/usr/bin/python3", "-c", "import jsonschema", NULL };
  int status = -1;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return FALSE;
  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, NULL, NULL, &status, NULL))
    return FALSE;
  return g_spawn_check_wait_status (status, NULL);
}

static gboolean
validate_with_schema (const char  *instance,
                      char       **out_errors)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *schema = nrem_test_source_file ("data", "nrem-desk-exchange.schema.json", NULL);
  const char *argv[] = { "/usr/bin/python3", "-W", "ignore", "-m", "jsonschema",
                         "--error-format", "{error.json_path}: {error.message}\n",
                         "-i", instance, schema, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error);
  g_assert_no_error (error);
  *out_errors = g_strconcat (out, err, NULL);
  return g_spawn_check_wait_status (status, NULL);
}

static void
assert_valid_by_schema (Fixture    *fx,
                        const char *name,
                        const char *json)
{
  g_autofree char *path = nrem_test_dir_file (fx, name);
  g_autofree char *errors = NULL;

  nrem_test_write_file (path, json, -1);
  if (!validate_with_schema (path, &errors))
    g_error ("%s does not follow data/nrem-desk-exchange.schema.json:\n%.4000s", name, errors);
}

static void
test_schema (Fixture       *fx,
             gconstpointer  data)
{
  g_autoptr(NremStore) store = NULL;
  g_autofree char *berlin = nrem_uuid_new_v5 ("meeting:berlin-2013");
  g_autofree char *full = NULL;
  g_autofree char *without = NULL;
  g_autofree char *scoped = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *broken_path = nrem_test_dir_file (fx, "broken.json");

  if (!jsonschema_available ())
    {
      g_test_skip ("/usr/bin/python3 with jsonschema (python3-jsonschema) is not installed");
      return;
    }

  store = open_seed_and_sample (fx);
  full = nrem_test_export (store, NULL, TRUE);
  without = nrem_test_export (store, NULL, FALSE);
  scoped = nrem_test_export (store, berlin, FALSE);

  assert_valid_by_schema (fx, "full.json", full);
  assert_valid_by_schema (fx, "without-contacts.json", without);
  assert_valid_by_schema (fx, "berlin.json", scoped);

  /* the validator does look: a version written as a string fails it */
  {
    GString *broken = g_string_new (full);

    g_assert_cmpuint (g_string_replace (broken, "\"version\": 1,", "\"version\": \"1\",", 1), ==, 1);
    nrem_test_write_file (broken_path, broken->str, -1);
    g_string_free (broken, TRUE);
  }
  g_assert_false (validate_with_schema (broken_path, &errors));
  if (strstr (errors, "$.version: ") == NULL)
    g_error ("the validator did not name $.version: %s", errors);
}

int
main (int   argc,
      char *argv[])
{
  nrem_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, nrem_test_dir_setup, func, nrem_test_dir_teardown)

  ADD ("/exchange/seed", test_seed);
  ADD ("/exchange/seed-once", test_seed_once);
  ADD ("/exchange/round-trip", test_round_trip);
  ADD ("/exchange/round-trip-empty", test_round_trip_empty);
  ADD ("/exchange/deterministic", test_deterministic);
  ADD ("/exchange/contacts", test_contacts);
  ADD ("/exchange/meeting-scope", test_meeting_scope);
  ADD ("/exchange/dry-run", test_dry_run);
  ADD ("/exchange/all-or-nothing", test_all_or_nothing);
  ADD ("/exchange/all-or-nothing-while-writing", test_all_or_nothing_while_writing);
  ADD ("/exchange/backup", test_backup);
  ADD ("/exchange/schema", test_schema);

#undef ADD

  return g_test_run ();
}
