/* test-merge.c
 *
 * Merge properties. Three databases start from the same seed (three first starts, three
 * origins); random edits are made on each independently (GRand with fixed seeds, through the
 * nrem_store_* API), then files travel between them in different orders. Every replica must
 * converge, importing must be commutative and idempotent, concurrent edits must leave a
 * conflict with both versions, and deletions must travel as tombstones that a later undelete
 * overrides.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-test-util.h"
#include "nrem-time.h"
#include "nrem-uuid.h"

#include <string.h>

typedef NremTestDir Fixture;

#define N_MACHINES 3

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static NremStore *
open_machine (Fixture *fx,
              char     name)
{
  g_autofree char *file = g_strdup_printf ("machine-%c.db", name);
  g_autofree char *path = nrem_test_dir_file (fx, file);

  return nrem_test_open_seeded (path);
}

static GBytes *
export_bytes (NremStore *store)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = nrem_exchange_export (store, NULL, TRUE, &error);

  g_assert_no_error (error);
  return bytes;
}

/* Sends @from's whole database (with contacts) to @to; returns what the import did. */
static NremMergeCounts
send_file (NremStore *from,
           NremStore *to)
{
  g_autoptr(GBytes) bytes = export_bytes (from);
  NremImportReport report;
  NremMergeCounts total;

  nrem_test_import_bytes (to, bytes, &report);
  total = report.total;
  nrem_import_report_clear (&report);
  return total;
}

static NremMergeCounts
import_file (NremStore *to,
             GBytes    *bytes)
{
  NremImportReport report;
  NremMergeCounts total;

  nrem_test_import_bytes (to, bytes, &report);
  total = report.total;
  nrem_import_report_clear (&report);
  return total;
}

static guint
count_records (GBytes *bytes)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremImport) import = nrem_import_new_from_bytes (NULL, bytes, "count.json", &error);

  g_assert_no_error (error);
  return nrem_import_get_n_records (import);
}

/* A copy of @store as it is now, to try imports on (the copy keeps its origin) */
static NremStore *
copy_store (NremStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  NremStore *copy;

  g_assert_true (nrem_store_backup (store, "copy", &path, &error));
  g_assert_no_error (error);
  copy = nrem_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nrem_store_get_origin (copy), ==, nrem_store_get_origin (store));
  return copy;
}

static void
assert_same_state (NremStore *a,
                   NremStore *b)
{
  g_autofree char *ea = nrem_test_export_normalised (a, TRUE);
  g_autofree char *eb = nrem_test_export_normalised (b, TRUE);

  nrem_test_assert_same_export (ea, eb);
}

static guint
n_conflicts (NremStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) conflicts = nrem_store_list_conflicts (store, &error);

  g_assert_no_error (error);
  return conflicts->len;
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
    g_error ("%s %s is not in %s", nrem_entity_get (kind)->name, uuid, nrem_store_get_path (store));
  return row;
}

static void
update_field (NremStore      *store,
              NremEntityKind  kind,
              const char     *uuid,
              const char     *field,
              const char     *value)
{
  g_autoptr(GError) error = NULL;
  const char *fields[] = { field, NULL };
  const char *values[] = { value, NULL };

  g_assert_true (nrem_store_update (store, kind, uuid, fields, values, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------
 * Random edits
 */

typedef struct
{
  GPtrArray *live;
  GPtrArray *deleted;
} Uuids;

static gboolean
collect_cb (const NremRow *row,
            gpointer       user_data)
{
  Uuids *u = user_data;

  g_ptr_array_add (row->deleted_at != 0 ? u->deleted : u->live, g_strdup (row->uuid));
  return TRUE;
}

static void
collect (NremStore      *store,
         NremEntityKind  kind,
         Uuids          *u)
{
  g_autoptr(GError) error = NULL;

  u->live = g_ptr_array_new_with_free_func (g_free);
  u->deleted = g_ptr_array_new_with_free_func (g_free);
  g_assert_true (nrem_store_foreach_row (store, kind, NULL, collect_cb, u, &error));
  g_assert_no_error (error);
}

static void
uuids_clear (Uuids *u)
{
  g_clear_pointer (&u->live, g_ptr_array_unref);
  g_clear_pointer (&u->deleted, g_ptr_array_unref);
}

static const char *
pick (GRand     *rand,
      GPtrArray *array)
{
  if (array->len == 0)
    return NULL;
  return g_ptr_array_index (array, g_rand_int_range (rand, 0, (gint32) array->len));
}

static const char *
pick_enum (GRand              *rand,
           const char * const *values)
{
  guint n = g_strv_length ((char **) values);

  return values[g_rand_int_range (rand, 0, (gint32) n)];
}

static char *
random_text (GRand      *rand,
             const char *what)
{
  static const char * const words[] = {
    "national", "rapporteur", "mechanism", "independence", "data", "victims", "partnership",
    "Bangkok", "Berlin", "régional", "coopération", "กรุงเทพ", "“quoted”", "line\nbreak", "tab\there",
  };
  GString *s = g_string_new (what);

  for (int i = g_rand_int_range (rand, 1, 5); i > 0; i--)
    g_string_append_printf (s, " %s", words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]);
  g_string_append_printf (s, " %u", g_rand_int_range (rand, 0, 100000));
  return g_string_free (s, FALSE);
}

static const char * const countries[] = { "TH", "DE", "AT", "KE", "PH", "NL", "MX", NULL };

static const NremEntityKind edited_kinds[] = {
  NREM_ENTITY_MEETING, NREM_ENTITY_PARTICIPANT, NREM_ENTITY_ATTENDANCE, NREM_ENTITY_RECOMMENDATION,
};

typedef struct
{
  guint created;
  guint updated;
  guint deleted;
  guint undeleted;
  guint refused;     /* undeletes of records known here only as tombstones */
  guint exchanges;
} EditStats;

static void
random_edit (NremStore *store,
             GRand     *rand,
             EditStats *stats)
{
  g_autoptr(GError) error = NULL;
  NremEntityKind kind = edited_kinds[g_rand_int_range (rand, 0, G_N_ELEMENTS (edited_kinds))];
  Uuids u = { 0 };
  Uuids meetings = { 0 };
  Uuids people = { 0 };
  int what = g_rand_int_range (rand, 0, 100);

  collect (store, kind, &u);
  collect (store, NREM_ENTITY_MEETING, &meetings);
  collect (store, NREM_ENTITY_PARTICIPANT, &people);

  if (what < 12 && u.live->len > 0)
    {
      const char *uuid = pick (rand, u.live);

      g_assert_true (nrem_store_delete (store, kind, uuid, &error));
      g_assert_no_error (error);
      stats->deleted++;
    }
  else if (what < 24 && u.deleted->len > 0)
    {
      const char *uuid = pick (rand, u.deleted);

      if (nrem_store_undelete (store, kind, uuid, &error))
        stats->undeleted++;
      else
        {
          /* refused only for a record known here as a tombstone without content */
          g_autoptr(NremRow) row = get_row (store, kind, uuid);
          const NremEntity *entity = nrem_entity_get (kind);
          gboolean content_known = TRUE;

          g_assert_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND);
          for (guint i = 0; i < entity->n_fields; i++)
            if ((entity->fields[i].flags & NREM_FIELD_FLAG_REQUIRED) && row->values[i] == NULL)
              content_known = FALSE;
          g_assert_false (content_known);
          g_assert_cmpint (row->deleted_at, !=, 0);
          stats->refused++;
        }
    }
  else if (what < 50 || u.live->len == 0)
    {
      /* create */
      g_autofree char *text = random_text (rand, nrem_entity_get (kind)->name);
      g_autofree char *uuid = NULL;
      g_autofree char *position = g_strdup_printf ("%d", g_rand_int_range (rand, 1, 40));
      g_autofree char *derived = NULL;

      switch (kind)
        {
        case NREM_ENTITY_MEETING:
          {
            const char *fields[] = { "title", "city", "country", "start_date", "end_date",
                                     "time_zone", NULL };
            const char *values[] = { text, "Vienna", pick_enum (rand, countries), "2016-06-01",
                                     "2016-06-02", "Europe/Vienna", NULL };

            uuid = nrem_store_create (store, kind, NULL, fields, values, &error);
          }
          break;

        case NREM_ENTITY_PARTICIPANT:
          {
            const char *fields[] = { "name", "role", "country", "email", "phone", NULL };
            const char *values[] = { text, pick_enum (rand, nrem_participant_roles),
                                     pick_enum (rand, countries), "someone@example.org",
                                     g_rand_boolean (rand) ? "+1 555 0199" : NULL, NULL };

            uuid = nrem_store_create (store, kind, NULL, fields, values, &error);
          }
          break;

        case NREM_ENTITY_ATTENDANCE:
          {
            const char *person = pick (rand, people.live);
            const char *meeting = pick (rand, meetings.live);
            const char *fields[] = { "participant", "meeting", "status", "head_of_delegation", NULL };
            const char *values[] = { person, meeting, pick_enum (rand, nrem_attendance_statuses),
                                     g_rand_boolean (rand) ? "1" : "0", NULL };

            if (person == NULL || meeting == NULL)
              break;
            /* one attendance per person and meeting, on every machine */
            derived = nrem_uuid_new_v5_printf ("attendance:%s:%s", person, meeting);
            uuid = nrem_store_create (store, kind, derived, fields, values, &error);
          }
          break;

        case NREM_ENTITY_RECOMMENDATION:
          {
            const char *meeting = pick (rand, meetings.live);
            const char *fields[] = { "meeting", "position", "status", "bracketed", "alternative",
                                     "text", "addressees", NULL };
            const char *values[] = { meeting, position,
                                     pick_enum (rand, nrem_recommendation_statuses),
                                     g_rand_boolean (rand) ? "1" : "0", "0", text,
                                     "[\"nrems\",\"states\"]", NULL };

            if (meeting == NULL)
              break;
            uuid = nrem_store_create (store, kind, NULL, fields, values, &error);
          }
          break;

        default:
          g_assert_not_reached ();
        }
      g_assert_no_error (error);
      if (uuid != NULL)
        stats->created++;
    }
  else
    {
      /* update a field */
      const char *uuid = pick (rand, u.live);
      g_autofree char *text = random_text (rand, "edited");
      const char *field = NULL;
      const char *value = text;

      switch (kind)
        {
        case NREM_ENTITY_MEETING:
          field = pick_enum (rand, (const char * const []) { "title", "city", "objectives", "venue", NULL });
          break;
        case NREM_ENTITY_PARTICIPANT:
          field = pick_enum (rand, (const char * const []) { "name", "notes", "email", "position", "role", NULL });
          if (g_str_equal (field, "role"))
            value = pick_enum (rand, nrem_participant_roles);
          break;
        case NREM_ENTITY_ATTENDANCE:
          field = pick_enum (rand, (const char * const []) { "status", "head_of_delegation", NULL });
          value = g_str_equal (field, "status") ? pick_enum (rand, nrem_attendance_statuses)
                                                : g_rand_boolean (rand) ? "1" : "0";
          break;
        case NREM_ENTITY_RECOMMENDATION:
          field = pick_enum (rand, (const char * const []) { "text", "status", "theme", NULL });
          if (g_str_equal (field, "status"))
            value = pick_enum (rand, nrem_recommendation_statuses);
          break;
        default:
          g_assert_not_reached ();
        }
      /* optional fields are sometimes cleared */
      if (g_rand_int_range (rand, 0, 8) == 0 &&
          g_strv_contains ((const char * const []) { "venue", "objectives", "notes", "email",
                                                     "position", "theme", NULL }, field))
        value = "";
      update_field (store, kind, uuid, field, value);
      stats->updated++;
    }

  uuids_clear (&u);
  uuids_clear (&meetings);
  uuids_clear (&people);
}

/* Sends files around in all directions until a whole round changes nothing. */
static guint
exchange_until_quiescent (NremStore **m)
{
  for (guint round = 1; round <= 6; round++)
    {
      gboolean changed = FALSE;

      for (guint i = 0; i < N_MACHINES; i++)
        for (guint j = 0; j < N_MACHINES; j++)
          {
            NremMergeCounts c;

            if (i == j)
              continue;
            c = send_file (m[i], m[j]);
            if (c.added > 0 || c.updated > 0)
              changed = TRUE;
          }
      if (!changed)
        return round;
    }
  g_error ("the databases do not converge: files still change them after six rounds");
  return 0;
}

static void
test_random (Fixture       *fx,
             gconstpointer  data)
{
  guint32 seed = GPOINTER_TO_UINT (data);
  g_autoptr(GRand) rand = g_rand_new_with_seed (seed);
  NremStore *m[N_MACHINES] = { open_machine (fx, 'a'), open_machine (fx, 'b'), open_machine (fx, 'c') };
  EditStats stats = { 0 };
  g_autoptr(GBytes) x = NULL;
  g_autoptr(GBytes) y = NULL;

  g_test_message ("seed %u", seed);

  /* the same seed, three origins */
  for (guint i = 1; i < N_MACHINES; i++)
    {
      g_assert_cmpstr (nrem_store_get_origin (m[0]), !=, nrem_store_get_origin (m[i]));
      assert_same_state (m[0], m[i]);
    }

  /* some shared history: people and recommendations made on A, sent to B and C */
  for (guint n = 0; n < 12; n++)
    random_edit (m[0], rand, &stats);
  send_file (m[0], m[1]);
  send_file (m[0], m[2]);
  assert_same_state (m[0], m[1]);
  assert_same_state (m[0], m[2]);

  /* each machine on its own, now and then a file from one to another */
  for (guint n = 0; n < 80; n++)
    {
      if (g_rand_int_range (rand, 0, 10) == 0)
        {
          guint from = g_rand_int_range (rand, 0, N_MACHINES);

          send_file (m[from], m[(from + g_rand_int_range (rand, 1, N_MACHINES)) % N_MACHINES]);
          stats.exchanges++;
        }
      random_edit (m[g_rand_int_range (rand, 0, N_MACHINES)], rand, &stats);
    }
  g_test_message ("created %u, updated %u, deleted %u, undeleted %u (%u refused), %u files sent",
                  stats.created, stats.updated, stats.deleted, stats.undeleted, stats.refused,
                  stats.exchanges);

  x = export_bytes (m[0]);
  y = export_bytes (m[1]);

  /* commutative: X then Y gives what Y then X gives */
  {
    g_autoptr(NremStore) c1 = copy_store (m[2]);
    g_autoptr(NremStore) c2 = copy_store (m[2]);

    import_file (c1, x);
    import_file (c1, y);
    import_file (c2, y);
    import_file (c2, x);
    assert_same_state (c1, c2);

    /* a file already merged changes nothing when it comes again later */
    {
      g_autofree char *before = nrem_test_export_normalised (c1, TRUE);
      g_autofree char *after = NULL;
      NremMergeCounts again = import_file (c1, x);

      g_assert_cmpuint (again.added, ==, 0);
      g_assert_cmpuint (again.updated, ==, 0);
      after = nrem_test_export_normalised (c1, TRUE);
      nrem_test_assert_same_export (before, after);
    }
  }

  /* idempotent: the same file twice in a row; the second time finds nothing at all, not even
   * the conflicts the first time reported */
  {
    g_autoptr(NremStore) c3 = copy_store (m[2]);
    NremMergeCounts first = import_file (c3, x);
    guint conflicts_before = n_conflicts (c3);
    g_autofree char *before = nrem_test_export_normalised (c3, TRUE);
    g_autofree char *after = NULL;
    NremMergeCounts again = import_file (c3, x);

    g_test_message ("first import: %u added, %u updated, %u conflicts",
                    first.added, first.updated, first.conflicts);
    g_assert_cmpuint (again.added, ==, 0);
    g_assert_cmpuint (again.updated, ==, 0);
    g_assert_cmpuint (again.conflicts, ==, 0);
    g_assert_cmpuint (again.unchanged, ==, count_records (x));
    g_assert_cmpuint (n_conflicts (c3), ==, conflicts_before);
    after = nrem_test_export_normalised (c3, TRUE);
    nrem_test_assert_same_export (before, after);
  }

  /* convergent: A→B, B→C, C→A, then every pair until nothing changes */
  send_file (m[0], m[1]);
  send_file (m[1], m[2]);
  send_file (m[2], m[0]);
  g_test_message ("quiescent after %u more rounds", exchange_until_quiescent (m));
  assert_same_state (m[0], m[1]);
  assert_same_state (m[1], m[2]);

  /* and converged means every file is old news everywhere */
  for (guint i = 0; i < N_MACHINES; i++)
    {
      NremMergeCounts c = send_file (m[i], m[(i + 1) % N_MACHINES]);

      g_assert_cmpuint (c.added + c.updated + c.conflicts, ==, 0);
    }

  for (guint i = 0; i < N_MACHINES; i++)
    g_object_unref (m[i]);
}

/* ------------------------------------------------------------------------------------------
 * Conflicts
 */

static void
test_conflict (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) a = open_machine (fx, 'a');
  g_autoptr(NremStore) b = open_machine (fx, 'b');
  g_autofree char *bangkok = nrem_uuid_new_v5 ("meeting:bangkok-2014");
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(GPtrArray) on_b = NULL;
  g_autoptr(NremRow) final_a = NULL;
  g_autoptr(NremRow) final_b = NULL;
  NremConflict *ca, *cb;
  NremMergeCounts counts;

  /* the same field, edited on both machines; B's edit is the later one */
  update_field (a, NREM_ENTITY_MEETING, bangkok, "venue", "United Nations Conference Centre");
  g_usleep (5000);
  update_field (b, NREM_ENTITY_MEETING, bangkok, "venue", "Centara Grand");

  /* B hears of A's edit: B's own version stays, A's is kept as a conflict */
  counts = send_file (a, b);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  on_b = nrem_store_list_conflicts (b, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_b->len, ==, 1);
  g_assert_cmpuint (nrem_store_count_conflicts (b), ==, 1);
  g_assert_cmpuint (nrem_store_count_conflicts (a), ==, 0);
  cb = g_ptr_array_index (on_b, 0);
  g_assert_cmpint (cb->kind, ==, NREM_ENTITY_MEETING);
  g_assert_cmpstr (cb->uuid, ==, bangkok);
  g_assert_false (cb->kept_incoming);
  g_assert_nonnull (strstr (cb->local_json, "Centara Grand"));
  g_assert_nonnull (strstr (cb->incoming_json, "United Nations Conference Centre"));
  g_assert_true (g_str_has_prefix (cb->label, "Second Consultative Meeting"));

  /* A hears of B's edit: B's wins there too, and A's own version is kept as a conflict */
  counts = send_file (b, a);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  on_a = nrem_store_list_conflicts (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_a->len, ==, 1);
  ca = g_ptr_array_index (on_a, 0);
  g_assert_cmpstr (ca->uuid, ==, bangkok);
  g_assert_true (ca->kept_incoming);
  g_assert_nonnull (strstr (ca->local_json, "United Nations Conference Centre"));
  g_assert_nonnull (strstr (ca->incoming_json, "Centara Grand"));

  /* the same winner on both */
  final_a = get_row (a, NREM_ENTITY_MEETING, bangkok);
  final_b = get_row (b, NREM_ENTITY_MEETING, bangkok);
  g_assert_cmpstr (nrem_row_get (final_a, "venue"), ==, "Centara Grand");
  g_assert_cmpstr (nrem_row_get (final_b, "venue"), ==, "Centara Grand");
  g_assert_cmpint (nrem_row_compare_clock (final_a, final_b), ==, 0);
  assert_same_state (a, b);

  /* the user of A keeps A's version: it becomes a new edit that wins everywhere */
  g_assert_true (nrem_store_resolve_conflict (a, ca->id, FALSE, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_conflicts (a), ==, 0);
  g_clear_pointer (&final_a, nrem_row_free);
  final_a = get_row (a, NREM_ENTITY_MEETING, bangkok);
  g_assert_cmpstr (nrem_row_get (final_a, "venue"), ==, "United Nations Conference Centre");
  send_file (a, b);
  g_clear_pointer (&final_b, nrem_row_free);
  final_b = get_row (b, NREM_ENTITY_MEETING, bangkok);
  g_assert_cmpstr (nrem_row_get (final_b, "venue"), ==, "United Nations Conference Centre");
  assert_same_state (a, b);
}

/* A deletes what B edits later: B's edit wins, A keeps its deletion as a conflict; A's user
 * chooses the deletion, and it wins everywhere. */
static void
test_conflict_delete_versus_edit (Fixture       *fx,
                                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) a = open_machine (fx, 'a');
  g_autoptr(NremStore) b = open_machine (fx, 'b');
  g_autofree char *berlin = nrem_uuid_new_v5 ("meeting:berlin-2013");
  g_autoptr(GPtrArray) on_a = NULL;
  g_autoptr(NremRow) row = NULL;
  NremConflict *conflict;
  NremMergeCounts counts;

  g_assert_true (nrem_store_delete (a, NREM_ENTITY_MEETING, berlin, &error));
  g_assert_no_error (error);
  g_usleep (5000);
  update_field (b, NREM_ENTITY_MEETING, berlin, "venue", "Federal Foreign Office");

  counts = send_file (b, a);
  g_assert_cmpuint (counts.conflicts, ==, 1);
  row = get_row (a, NREM_ENTITY_MEETING, berlin);
  g_assert_cmpint (row->deleted_at, ==, 0);  /* the later edit won */
  g_clear_pointer (&row, nrem_row_free);

  on_a = nrem_store_list_conflicts (a, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_a->len, ==, 1);
  conflict = g_ptr_array_index (on_a, 0);
  g_assert_true (conflict->kept_incoming);

  /* keep mine: the deletion */
  g_assert_true (nrem_store_resolve_conflict (a, conflict->id, FALSE, &error));
  g_assert_no_error (error);
  row = get_row (a, NREM_ENTITY_MEETING, berlin);
  g_assert_cmpint (row->deleted_at, !=, 0);
  g_assert_cmpuint (nrem_store_count_rows (a, NREM_ENTITY_MEETING), ==, 1);
  g_clear_pointer (&row, nrem_row_free);

  send_file (a, b);
  row = get_row (b, NREM_ENTITY_MEETING, berlin);
  g_assert_cmpint (row->deleted_at, !=, 0);
  assert_same_state (a, b);
}

/* Replacing a version known to be older is no conflict: a later edit from the same database,
 * an edit made past a version that came from elsewhere, and an old file arriving late. */
static void
test_no_conflict_for_known_ancestors (Fixture       *fx,
                                      gconstpointer  data)
{
  g_autoptr(NremStore) a = open_machine (fx, 'a');
  g_autoptr(NremStore) b = open_machine (fx, 'b');
  g_autoptr(NremStore) c = open_machine (fx, 'c');
  g_autofree char *bangkok = nrem_uuid_new_v5 ("meeting:bangkok-2014");
  g_autoptr(GBytes) old_file = NULL;
  g_autoptr(NremRow) on_c = NULL;
  NremMergeCounts counts;

  update_field (a, NREM_ENTITY_MEETING, bangkok, "venue", "First venue");
  old_file = export_bytes (a);
  counts = import_file (b, old_file);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.conflicts, ==, 0);

  /* A edits again: B replaces A's earlier edit */
  update_field (a, NREM_ENTITY_MEETING, bangkok, "venue", "Second venue");
  counts = send_file (a, b);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  send_file (a, c);

  /* B edits past what A sent; C, which has A's version, takes B's */
  update_field (b, NREM_ENTITY_MEETING, bangkok, "venue", "Third venue");
  counts = send_file (b, c);
  g_assert_cmpuint (counts.updated, ==, 1);
  g_assert_cmpuint (counts.conflicts, ==, 0);
  on_c = get_row (c, NREM_ENTITY_MEETING, bangkok);
  g_assert_cmpstr (nrem_row_get (on_c, "venue"), ==, "Third venue");

  /* A's first file reaches B again, late: old news */
  counts = import_file (b, old_file);
  g_assert_cmpuint (counts.updated, ==, 0);
  g_assert_cmpuint (counts.conflicts, ==, 0);

  g_assert_cmpuint (n_conflicts (b), ==, 0);
  g_assert_cmpuint (n_conflicts (c), ==, 0);
  assert_same_state (b, c);
}

/* ------------------------------------------------------------------------------------------
 * Tombstones
 */

static void
test_tombstone_propagates (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) a = open_machine (fx, 'a');
  g_autoptr(NremStore) b = open_machine (fx, 'b');
  g_autoptr(NremStore) c = open_machine (fx, 'c');
  g_autofree char *berlin = nrem_uuid_new_v5 ("meeting:berlin-2013");
  g_autoptr(NremRow) on_b = NULL;
  g_autofree char *json = NULL;

  g_assert_true (nrem_store_delete (a, NREM_ENTITY_MEETING, berlin, &error));
  g_assert_no_error (error);

  send_file (a, b);
  on_b = get_row (b, NREM_ENTITY_MEETING, berlin);
  g_assert_cmpint (on_b->deleted_at, !=, 0);
  g_assert_cmpuint (nrem_store_count_rows (b, NREM_ENTITY_MEETING), ==, 1);
  json = nrem_test_export (b, NULL, TRUE);
  g_assert_nonnull (strstr (json, "\"entity\": \"meetings\""));

  /* and on from there: B passes A's delete on to C */
  send_file (b, c);
  g_assert_cmpuint (nrem_store_count_rows (c, NREM_ENTITY_MEETING), ==, 1);
  assert_same_state (a, c);
}

/* A deletes, then undeletes; B gets the two files in the wrong order: the undelete wins. */
static void
test_undelete_wins_any_order (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) a = open_machine (fx, 'a');
  g_autoptr(NremStore) b = open_machine (fx, 'b');
  g_autoptr(NremStore) c = open_machine (fx, 'c');
  g_autofree char *berlin = nrem_uuid_new_v5 ("meeting:berlin-2013");
  g_autoptr(GBytes) deleted = NULL;
  g_autoptr(GBytes) undeleted = NULL;
  g_autoptr(NremRow) on_b = NULL;
  g_autoptr(NremRow) on_c = NULL;

  g_assert_true (nrem_store_delete (a, NREM_ENTITY_MEETING, berlin, &error));
  g_assert_no_error (error);
  deleted = export_bytes (a);
  g_assert_true (nrem_store_undelete (a, NREM_ENTITY_MEETING, berlin, &error));
  g_assert_no_error (error);
  undeleted = export_bytes (a);

  import_file (b, undeleted);
  import_file (b, deleted);
  import_file (c, deleted);
  import_file (c, undeleted);

  on_b = get_row (b, NREM_ENTITY_MEETING, berlin);
  on_c = get_row (c, NREM_ENTITY_MEETING, berlin);
  g_assert_cmpint (on_b->deleted_at, ==, 0);
  g_assert_cmpint (on_c->deleted_at, ==, 0);
  g_assert_cmpstr (nrem_row_get (on_b, "city"), ==, "Berlin");
  g_assert_cmpstr (nrem_row_get (on_c, "city"), ==, "Berlin");
  assert_same_state (a, b);
  assert_same_state (b, c);
  g_assert_cmpuint (n_conflicts (b), ==, 0);
  g_assert_cmpuint (n_conflicts (c), ==, 0);
}

/* A deletes; B hears of it and undeletes later (Undo on the other machine): the record comes
 * back with its content, everywhere. */
static void
test_undelete_after_received_delete (Fixture       *fx,
                                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) a = open_machine (fx, 'a');
  g_autoptr(NremStore) b = open_machine (fx, 'b');
  g_autofree char *berlin = nrem_uuid_new_v5 ("meeting:berlin-2013");
  g_autoptr(NremRow) on_a = NULL;
  g_autoptr(NremRow) on_b = NULL;

  g_assert_true (nrem_store_delete (a, NREM_ENTITY_MEETING, berlin, &error));
  g_assert_no_error (error);
  send_file (a, b);
  g_assert_cmpuint (nrem_store_count_rows (b, NREM_ENTITY_MEETING), ==, 1);

  g_usleep (2000);
  g_assert_true (nrem_store_undelete (b, NREM_ENTITY_MEETING, berlin, &error));
  g_assert_no_error (error);
  on_b = get_row (b, NREM_ENTITY_MEETING, berlin);
  g_assert_cmpint (on_b->deleted_at, ==, 0);
  g_assert_cmpstr (nrem_row_get (on_b, "city"), ==, "Berlin");
  g_assert_true (g_str_has_prefix (nrem_row_get (on_b, "title"), "First Consultative Meeting"));

  send_file (b, a);
  on_a = get_row (a, NREM_ENTITY_MEETING, berlin);
  g_assert_cmpint (on_a->deleted_at, ==, 0);
  g_assert_cmpstr (nrem_row_get (on_a, "city"), ==, "Berlin");
  assert_same_state (a, b);
}

/* A record that a database only knows as a tombstone has no content there to bring back. */
static void
test_undelete_unknown_content (Fixture       *fx,
                               gconstpointer  data)
{
  static const char * const fields[] = { "name", "role", NULL };
  static const char * const values[] = { "Short-lived (fictional)", "observer", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) a = open_machine (fx, 'a');
  g_autoptr(NremStore) b = open_machine (fx, 'b');
  g_autofree char *person = NULL;
  g_autoptr(NremRow) on_b = NULL;

  person = nrem_store_create (a, NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);
  g_assert_no_error (error);
  g_assert_true (nrem_store_delete (a, NREM_ENTITY_PARTICIPANT, person, &error));
  g_assert_no_error (error);
  send_file (a, b);

  on_b = get_row (b, NREM_ENTITY_PARTICIPANT, person);
  g_assert_cmpint (on_b->deleted_at, !=, 0);
  g_assert_false (nrem_store_undelete (b, NREM_ENTITY_PARTICIPANT, person, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_clear_pointer (&on_b, nrem_row_free);
  on_b = get_row (b, NREM_ENTITY_PARTICIPANT, person);
  g_assert_cmpint (on_b->deleted_at, !=, 0);

  /* B's files stay valid everywhere */
  send_file (b, a);
  assert_same_state (a, b);
}

int
main (int   argc,
      char *argv[])
{
  static const guint32 seeds[] = { 1, 2, 3, 2014, 20140521 };

  nrem_test_init (&argc, &argv);

#define ADD(path, func, data) \
  g_test_add (path, Fixture, data, nrem_test_dir_setup, func, nrem_test_dir_teardown)

  /* NREM_TEST_SEEDS=4,5,6 tries other seeds (a failure names its seed) */
  if (g_getenv ("NREM_TEST_SEEDS") != NULL)
    {
      g_auto(GStrv) extra = g_strsplit (g_getenv ("NREM_TEST_SEEDS"), ",", -1);

      for (guint i = 0; extra[i] != NULL; i++)
        {
          guint32 seed = (guint32) g_ascii_strtoull (extra[i], NULL, 10);
          g_autofree char *path = g_strdup_printf ("/merge/random/seed-%u", seed);

          ADD (path, test_random, GUINT_TO_POINTER (seed));
        }
    }
  else
    for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
      {
        g_autofree char *path = g_strdup_printf ("/merge/random/seed-%u", seeds[i]);

        ADD (path, test_random, GUINT_TO_POINTER (seeds[i]));
      }
  ADD ("/merge/conflict/same-field", test_conflict, NULL);
  ADD ("/merge/conflict/delete-versus-edit", test_conflict_delete_versus_edit, NULL);
  ADD ("/merge/no-conflict-for-known-ancestors", test_no_conflict_for_known_ancestors, NULL);
  ADD ("/merge/tombstone/propagates", test_tombstone_propagates, NULL);
  ADD ("/merge/tombstone/undelete-wins-any-order", test_undelete_wins_any_order, NULL);
  ADD ("/merge/tombstone/undelete-after-received-delete", test_undelete_after_received_delete, NULL);
  ADD ("/merge/tombstone/undelete-unknown-content", test_undelete_unknown_content, NULL);

#undef ADD

  return g_test_run ();
}
