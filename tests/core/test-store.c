/* test-store.c
 *
 * The SQLite store: file modes, pragmas, migrations (from the v0 fixtures), databases it must
 * not write (newer, read-only, locked, not a database), edits on the merge clock, backups.
 * Tests look at the file with a second sqlite3 connection of their own.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-test-util.h"
#include "nrem-session.h"
#include "nrem-time.h"
#include "nrem-uuid.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <grp.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NREM_APPLICATION_ID 0x4e52454d

typedef NremTestDir Fixture;

static char *
db_dir (Fixture *fx)
{
  return g_path_get_dirname (fx->db_path);
}

static char *
backups_dir (Fixture *fx)
{
  g_autofree char *dir = db_dir (fx);

  return g_build_filename (dir, "backups", NULL);
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 07777;
}

/* Runs a fixture of tests/core/fixtures into a new file at the database's place. */
static void
create_from_fixture (Fixture    *fx,
                     const char *fixture_name)
{
  g_autofree char *sql_path = g_test_build_filename (G_TEST_DIST, "fixtures", fixture_name, NULL);
  g_autofree char *sql = NULL;
  g_autofree char *dir = db_dir (fx);
  g_autoptr(GError) error = NULL;
  sqlite3 *db;

  g_file_get_contents (sql_path, &sql, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_false (g_file_test (fx->db_path, G_FILE_TEST_EXISTS));
  db = nrem_test_sqlite_open (fx->db_path);
  nrem_test_sqlite_exec (db, sql);
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
}

/* A real database with one meeting in it, closed again. */
static char *
create_database (Fixture *fx)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  static const char * const fields[] = { "title", "start_date", "end_date", "time_zone", NULL };
  static const char * const values[] = { "Third Consultative Meeting", "2016-06-01",
                                         "2016-06-02", "Europe/Vienna", NULL };
  char *uuid;

  g_assert_no_error (error);
  uuid = nrem_store_create (store, NREM_ENTITY_MEETING, NULL, fields, values, &error);
  g_assert_no_error (error);
  g_assert_true (nrem_uuid_is_valid (uuid));
  return uuid;
}

static void
assert_no_sidecar_files (Fixture *fx)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *path = g_strconcat (fx->db_path, suffixes[i], NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        g_error ("%s was created", path);
    }
}

static void
assert_has_schema (const char *path)
{
  sqlite3 *db = nrem_test_sqlite_open (path);

  g_assert_cmpint (nrem_test_sqlite_int (db, "PRAGMA user_version"), ==, NREM_STORE_SCHEMA_VERSION);
  g_assert_cmpint (nrem_test_sqlite_int (db, "PRAGMA application_id"), ==, NREM_APPLICATION_ID);
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      g_autofree char *sql =
        g_strdup_printf ("SELECT count(*) FROM sqlite_schema WHERE type = 'table' AND name = '%s'",
                         nrem_entity_get (k)->table);

      g_assert_cmpint (nrem_test_sqlite_int (db, sql), ==, 1);
    }
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'"
                                             " AND name IN ('meta', 'conflict', 'superseded')"), ==, 3);
  g_assert_cmpstr (nrem_test_sqlite_text (db, "PRAGMA integrity_check"), ==, "ok");
  sqlite3_close (db);
}

/* ------------------------------------------------------------------------------------------
 * Opening
 */

static void
test_open_modes (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = NULL;
  g_autofree char *dir = db_dir (fx);
  g_autofree char *wal = g_strconcat (fx->db_path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (fx->db_path, "-shm", NULL);
  mode_t old_umask;

  g_assert_false (g_file_test (dir, G_FILE_TEST_EXISTS));

  /* the modes must not depend on a careful umask */
  old_umask = umask (0);
  store = nrem_store_open (fx->db_path, &error);
  umask (old_umask);
  g_assert_no_error (error);
  g_assert_nonnull (store);

  g_assert_true (nrem_store_is_new (store));
  g_assert_false (nrem_store_is_read_only (store));
  g_assert_null (nrem_store_get_read_only_reason (store));
  g_assert_cmpstr (nrem_store_get_path (store), ==, fx->db_path);
  g_assert_true (nrem_uuid_is_valid (nrem_store_get_origin (store)));

  g_assert_true (g_file_test (dir, G_FILE_TEST_IS_DIR));
  g_assert_cmpuint (file_mode (dir), ==, 0700);
  g_assert_cmpuint (file_mode (fx->db_path), ==, 0600);
  /* SQLite's own files beside it are no more open than the database */
  if (g_file_test (wal, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (wal), ==, 0600);
  if (g_file_test (shm, G_FILE_TEST_EXISTS))
    g_assert_cmpuint (file_mode (shm), ==, 0600);
}

static void
test_open_tightens_mode (Fixture       *fx,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = NULL;
  g_autofree char *uuid = create_database (fx);

  /* someone loosened it */
  g_assert_cmpint (g_chmod (fx->db_path, 0644), ==, 0);
  store = nrem_store_open (fx->db_path, &error);
  g_assert_no_error (error);
  g_assert_false (nrem_store_is_new (store));
  g_assert_cmpuint (file_mode (fx->db_path), ==, 0600);
}

static void
test_open_pragmas (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autofree char *journal_mode = NULL;
  sqlite3 *db;

  g_assert_no_error (error);

  /* a second connection sees what the store made of the file while it is open */
  db = nrem_test_sqlite_open (fx->db_path);
  journal_mode = nrem_test_sqlite_text (db, "PRAGMA journal_mode");
  g_assert_cmpstr (journal_mode, ==, "wal");
  sqlite3_close (db);

  assert_has_schema (fx->db_path);
}

static void
test_open_foreign_keys (Fixture       *fx,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autoptr(NremRow) row = nrem_row_new (NREM_ENTITY_PARTICIPANT);
  g_autofree char *nowhere = nrem_uuid_new_v4 ();

  g_assert_no_error (error);

  /* a participant of a mechanism that does not exist: the commit must be refused */
  row->uuid = nrem_uuid_new_v4 ();
  row->origin = g_strdup (nrem_store_get_origin (store));
  row->updated_at = nrem_time_now_ms ();
  nrem_row_set (row, "name", "Nobody");
  nrem_row_set (row, "mechanism", nowhere);

  g_assert_true (nrem_store_begin (store, &error));
  g_assert_no_error (error);
  g_assert_true (nrem_store_put_row (store, row, &error));  /* deferred until the commit */
  g_assert_no_error (error);
  g_assert_false (nrem_store_commit (store, &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  g_assert_false (nrem_store_has_record (store, NREM_ENTITY_PARTICIPANT, row->uuid));
  /* and the store is usable afterwards: the failed commit rolled back */
  g_assert_true (nrem_store_begin (store, &error));
  g_assert_no_error (error);
  nrem_store_rollback (store);
}

static void
test_open_reopen (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_database (fx);
  g_autofree char *origin = NULL;
  g_autoptr(NremStore) again = NULL;

  {
    g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);

    g_assert_no_error (error);
    g_assert_false (nrem_store_is_new (store));
    origin = g_strdup (nrem_store_get_origin (store));
  }

  /* the database keeps its identity: every edit it makes carries the same origin */
  again = nrem_store_open (fx->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nrem_store_get_origin (again), ==, origin);
  g_assert_cmpint (nrem_store_get_file_version (again), ==, NREM_STORE_SCHEMA_VERSION);
  g_assert_true (nrem_store_has_record (again, NREM_ENTITY_MEETING, uuid));
  g_assert_cmpuint (nrem_store_count_rows (again, NREM_ENTITY_MEETING), ==, 1);
  /* no migration, so no backup */
  {
    g_autofree char *backups = backups_dir (fx);

    g_assert_cmpuint (nrem_test_count_dir (backups, NULL), ==, 0);
  }
}

/* ------------------------------------------------------------------------------------------
 * Migrations
 */

static void
test_migrate_from_v0 (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = NULL;
  g_autofree char *backups = backups_dir (fx);
  g_autofree char *probe = NULL;
  sqlite3 *db;

  create_from_fixture (fx, "v0.sql");
  db = nrem_test_sqlite_open (fx->db_path);
  g_assert_cmpint (nrem_test_sqlite_int (db, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (nrem_test_sqlite_int (db, "PRAGMA application_id"), ==, 0);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM sqlite_schema"), ==, 0);
  sqlite3_close (db);

  store = nrem_store_open (fx->db_path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_false (nrem_store_is_new (store));      /* the file was there */
  g_assert_false (nrem_store_is_read_only (store));
  g_assert_cmpuint (file_mode (fx->db_path), ==, 0600);

  assert_has_schema (fx->db_path);
  /* the file held nothing: nothing to back up */
  g_assert_cmpuint (nrem_test_count_dir (backups, NULL), ==, 0);

  /* and it works */
  g_assert_true (nrem_store_set_meta (store, "probe", "1", &error));
  g_assert_no_error (error);
  g_clear_object (&store);

  store = nrem_store_open (fx->db_path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (nrem_store_get_file_version (store), ==, NREM_STORE_SCHEMA_VERSION);
  probe = nrem_store_get_meta (store, "probe");
  g_assert_cmpstr (probe, ==, "1");
}

static void
test_migrate_backup_first (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = NULL;
  g_autofree char *backups = backups_dir (fx);
  g_autoptr(GDir) dir = NULL;
  g_autofree char *backup_path = NULL;
  const char *name;
  sqlite3 *db;

  create_from_fixture (fx, "v0-content.sql");

  store = nrem_store_open (fx->db_path, &error);
  g_assert_no_error (error);
  g_assert_false (nrem_store_is_read_only (store));
  assert_has_schema (fx->db_path);

  /* exactly one backup, named for what it is, private */
  g_assert_cmpuint (nrem_test_count_dir (backups, NULL), ==, 1);
  g_assert_cmpuint (file_mode (backups), ==, 0700);
  dir = g_dir_open (backups, 0, &error);
  g_assert_no_error (error);
  name = g_dir_read_name (dir);
  g_assert_true (g_str_has_prefix (name, "nrem-desk-"));
  g_assert_true (g_str_has_suffix (name, "-before-migration.db"));
  backup_path = g_build_filename (backups, name, NULL);
  g_assert_cmpuint (file_mode (backup_path), ==, 0600);

  /* the backup is the file as it was before the schema was touched */
  db = nrem_test_sqlite_open (backup_path);
  g_assert_cmpint (nrem_test_sqlite_int (db, "PRAGMA user_version"), ==, 0);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM draft_note"), ==, 2);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM sqlite_schema"
                                             " WHERE name = 'meeting'"), ==, 0);
  sqlite3_close (db);

  /* and the migration kept what the file held */
  db = nrem_test_sqlite_open (fx->db_path);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM draft_note"), ==, 2);
  sqlite3_close (db);
}

static void
assert_refused_untouched (Fixture    *fx,
                          NremError   code,
                          const char *message_part)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = nrem_test_read_bytes (fx->db_path);
  g_autofree char *backups = backups_dir (fx);
  guint mode = file_mode (fx->db_path);
  NremStore *store;

  store = nrem_store_open (fx->db_path, &error);
  g_assert_null (store);
  g_assert_error (error, NREM_ERROR, (int) code);
  g_assert_nonnull (strstr (error->message, fx->db_path));
  if (message_part != NULL && strstr (error->message, message_part) == NULL)
    g_error ("“%s” does not say “%s”", error->message, message_part);

  nrem_test_assert_file_equals (fx->db_path, before);
  g_assert_cmpuint (file_mode (fx->db_path), ==, mode);
  g_assert_cmpuint (nrem_test_count_dir (backups, NULL), ==, 0);
  assert_no_sidecar_files (fx);
}

static void
test_migrate_foreign_table (Fixture       *fx,
                            gconstpointer  data)
{
  create_from_fixture (fx, "v0-foreign.sql");
  g_assert_cmpint (g_chmod (fx->db_path, 0644), ==, 0);
  assert_refused_untouched (fx, NREM_ERROR_CORRUPT, "another program");
}

static void
test_migrate_other_application (Fixture       *fx,
                                gconstpointer  data)
{
  g_autofree char *dir = db_dir (fx);
  sqlite3 *db;

  /* an empty database, but stamped by another program */
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  db = nrem_test_sqlite_open (fx->db_path);
  nrem_test_sqlite_exec (db, "PRAGMA application_id = 1234; PRAGMA user_version = 0;");
  sqlite3_close (db);
  assert_refused_untouched (fx, NREM_ERROR_CORRUPT, "another program");
}

/* ------------------------------------------------------------------------------------------
 * Databases that must not be written
 */

static void
assert_store_read_only (NremStore  *store,
                        const char *meeting_uuid)
{
  static const char * const fields[] = { "title", NULL };
  static const char * const values[] = { "Renamed", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(NremRow) row = NULL;
  g_autofree char *created = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NremImportReport report;

  g_assert_true (nrem_store_is_read_only (store));
  g_assert_nonnull (nrem_store_get_read_only_reason (store));

  g_assert_false (nrem_store_check_writable (store, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (nrem_store_begin (store, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (nrem_store_update (store, NREM_ENTITY_MEETING, meeting_uuid, fields, values, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY);
  g_clear_error (&error);

  created = nrem_store_create (store, NREM_ENTITY_MEETING, NULL, fields, values, &error);
  g_assert_null (created);
  g_assert_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (nrem_store_delete (store, NREM_ENTITY_MEETING, meeting_uuid, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY);
  g_clear_error (&error);

  g_assert_false (nrem_store_set_meta (store, "probe", "1", &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY);
  g_clear_error (&error);

  /* reading works: the record is there, and the database exports */
  row = nrem_store_get_row (store, NREM_ENTITY_MEETING, meeting_uuid, &error);
  g_assert_no_error (error);
  g_assert_nonnull (row);
  g_assert_cmpstr (nrem_row_get (row, "title"), ==, "Third Consultative Meeting");
  json = nrem_test_export (store, NULL, TRUE);
  g_assert_nonnull (strstr (json, "Third Consultative Meeting"));

  /* importing its own export changes nothing: it is refused before anything is written */
  bytes = g_bytes_new (json, strlen (json));
  g_assert_false (nrem_exchange_import_bytes (store, bytes, "own.json", FALSE, TRUE, &report, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY);
}

static void
test_newer_version (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_database (fx);
  g_autoptr(GBytes) before = NULL;
  g_autofree char *backups = backups_dir (fx);
  const char *reason;
  sqlite3 *db;

  /* a later NREM Desk has been at it */
  db = nrem_test_sqlite_open (fx->db_path);
  nrem_test_sqlite_exec (db, "PRAGMA user_version = 99");
  g_assert_cmpint (sqlite3_close (db), ==, SQLITE_OK);
  before = nrem_test_read_bytes (fx->db_path);

  {
    g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (store);
    g_assert_cmpint (nrem_store_get_file_version (store), ==, 99);
    reason = nrem_store_get_read_only_reason (store);
    g_assert_nonnull (reason);
    if (strstr (reason, "newer version") == NULL || strstr (reason, "99") == NULL)
      g_error ("the reason “%s” does not explain the newer version", reason);
    assert_store_read_only (store, uuid);
  }

  /* the real first-start path does not try to seed it either */
  {
    g_autoptr(NremSession) session = nrem_session_new (fx->db_path, &error);

    g_assert_no_error (error);
    g_assert_true (nrem_store_is_read_only (nrem_session_get_store (session)));
    g_assert_cmpuint (nrem_store_count_rows (nrem_session_get_store (session),
                                             NREM_ENTITY_COUNTRY), ==, 0);
  }

  nrem_test_assert_file_equals (fx->db_path, before);
  g_assert_cmpuint (nrem_test_count_dir (backups, NULL), ==, 0);
  db = nrem_test_sqlite_open (fx->db_path);
  g_assert_cmpint (nrem_test_sqlite_int (db, "PRAGMA user_version"), ==, 99);
  sqlite3_close (db);
}

/* Root ignores file modes. Run as root, the test runs again in a subprocess that becomes an
 * ordinary user (nobody) first; when it cannot, it is skipped. */
static gboolean
become_ordinary_user (Fixture *fx)
{
  const uid_t uid = 65534;
  const gid_t gid = 65534;

  if (chown (fx->dir, uid, gid) != 0)
    return FALSE;
  if (setgroups (0, NULL) != 0 || setgid (gid) != 0 || setuid (uid) != 0)
    return FALSE;
  return geteuid () == uid;
}

static void
test_read_only_file (Fixture       *fx,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *dir = db_dir (fx);
  g_autoptr(GBytes) before = NULL;
  const char *reason;

  if (geteuid () == 0)
    {
      if (!g_test_subprocess ())
        {
          g_test_message ("running as root: the test runs again as an ordinary user");
          g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
          g_test_trap_assert_passed ();
          return;
        }
      if (!become_ordinary_user (fx))
        {
          g_test_skip ("running as root, which ignores file modes, and cannot drop privileges");
          return;
        }
    }

  uuid = create_database (fx);
  g_assert_cmpint (g_chmod (fx->db_path, 0400), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  before = nrem_test_read_bytes (fx->db_path);

  {
    g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);

    g_assert_no_error (error);
    g_assert_nonnull (store);
    reason = nrem_store_get_read_only_reason (store);
    g_assert_nonnull (reason);
    if (strstr (reason, "read-only") == NULL)
      g_error ("the reason “%s” does not say read-only", reason);
    assert_store_read_only (store, uuid);
  }

  nrem_test_assert_file_equals (fx->db_path, before);
  g_assert_cmpuint (file_mode (fx->db_path), ==, 0400);
  g_chmod (dir, 0700);
}

static void
test_read_only_needs_upgrade (Fixture       *fx,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) before = NULL;
  g_autofree char *dir = db_dir (fx);
  NremStore *store;

  if (geteuid () == 0)
    {
      if (!g_test_subprocess ())
        {
          g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_INHERIT_STDERR);
          g_test_trap_assert_passed ();
          return;
        }
      if (!become_ordinary_user (fx))
        {
          g_test_skip ("running as root, which ignores file modes, and cannot drop privileges");
          return;
        }
    }

  /* a v0 database it may not write: cannot be migrated, so it is not opened */
  create_from_fixture (fx, "v0-content.sql");
  g_assert_cmpint (g_chmod (fx->db_path, 0400), ==, 0);
  g_assert_cmpint (g_chmod (dir, 0500), ==, 0);
  before = nrem_test_read_bytes (fx->db_path);

  store = nrem_store_open (fx->db_path, &error);
  g_assert_null (store);
  g_assert_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY);
  g_assert_nonnull (strstr (error->message, fx->db_path));
  nrem_test_assert_file_equals (fx->db_path, before);
  g_chmod (dir, 0700);
}

static void
test_locked (Fixture       *fx,
             gconstpointer  data)
{
  static const char * const fields[] = { "title", NULL };
  static const char * const values[] = { "Renamed", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_database (fx);
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autoptr(NremRow) row = NULL;
  g_autofree char *created = NULL;
  sqlite3 *other;
  gint64 start, elapsed;

  g_assert_no_error (error);
  nrem_store_set_busy_timeout (store, 100);

  /* another program holds the write lock */
  other = nrem_test_sqlite_open (fx->db_path);
  nrem_test_sqlite_exec (other, "BEGIN IMMEDIATE");

  start = g_get_monotonic_time ();
  g_assert_false (nrem_store_begin (store, &error));
  elapsed = g_get_monotonic_time () - start;
  g_assert_error (error, NREM_ERROR, NREM_ERROR_LOCKED);
  g_assert_nonnull (strstr (error->message, fx->db_path));
  g_assert_nonnull (strstr (error->message, "in use"));
  g_clear_error (&error);
  /* it waited for the lock, and no longer than it was told to */
  g_assert_cmpint (elapsed, >=, 80 * 1000);
  g_assert_cmpint (elapsed, <, 2 * G_USEC_PER_SEC);

  g_assert_false (nrem_store_update (store, NREM_ENTITY_MEETING, uuid, fields, values, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_LOCKED);
  g_clear_error (&error);
  created = nrem_store_create (store, NREM_ENTITY_MEETING, NULL, fields, values, &error);
  g_assert_null (created);
  g_assert_error (error, NREM_ERROR, NREM_ERROR_LOCKED);
  g_clear_error (&error);

  /* reading is not blocked by a writer (WAL) */
  row = nrem_store_get_row (store, NREM_ENTITY_MEETING, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nrem_row_get (row, "title"), ==, "Third Consultative Meeting");
  g_clear_pointer (&row, nrem_row_free);

  /* once the other program lets go, writing works */
  nrem_test_sqlite_exec (other, "ROLLBACK");
  g_assert_true (nrem_store_update (store, NREM_ENTITY_MEETING, uuid, fields, values, &error));
  g_assert_no_error (error);
  row = nrem_store_get_row (store, NREM_ENTITY_MEETING, uuid, &error);
  g_assert_cmpstr (nrem_row_get (row, "title"), ==, "Renamed");
  g_assert_cmpint (row->rev, ==, 2);
  sqlite3_close (other);
}

static void
test_not_a_database (Fixture       *fx,
                     gconstpointer  data)
{
  g_autofree char *dir = db_dir (fx);
  static const char text[] = "Minutes of the Bangkok consultation\nNot a database at all.\n";

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  nrem_test_write_file (fx->db_path, text, -1);
  g_assert_cmpint (g_chmod (fx->db_path, 0644), ==, 0);
  assert_refused_untouched (fx, NREM_ERROR_CORRUPT, "not an NREM Desk database");
}

static void
test_not_a_database_binary (Fixture       *fx,
                            gconstpointer  data)
{
  g_autofree char *dir = db_dir (fx);
  g_autoptr(GRand) rand = g_rand_new_with_seed (2014);
  char junk[8192];

  for (guint i = 0; i < sizeof junk; i++)
    junk[i] = (char) g_rand_int_range (rand, 0, 256);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  nrem_test_write_file (fx->db_path, junk, sizeof junk);
  g_assert_cmpint (g_chmod (fx->db_path, 0600), ==, 0);
  assert_refused_untouched (fx, NREM_ERROR_CORRUPT, NULL);
}

/* ------------------------------------------------------------------------------------------
 * Edits
 */

typedef struct
{
  guint count[NREM_N_ENTITIES];
} ChangedCounts;

static void
on_changed_cb (NremStore     *store,
               guint          kind,
               ChangedCounts *counts)
{
  g_assert_cmpuint (kind, <, NREM_N_ENTITIES);
  counts->count[kind]++;
}

static NremRow *
get_row (NremStore      *store,
         NremEntityKind  kind,
         const char     *uuid)
{
  g_autoptr(GError) error = NULL;
  NremRow *row = nrem_store_get_row (store, kind, uuid, &error);

  g_assert_no_error (error);
  g_assert_nonnull (row);
  return row;
}

static void
test_edit_create (Fixture       *fx,
                  gconstpointer  data)
{
  static const char * const fields[] = { "title", "city", "start_date", "end_date", "time_zone", NULL };
  static const char * const values[] = { "Third Consultative Meeting", "Vienna", "2016-06-01",
                                         "2016-06-02", "Europe/Vienna", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autofree char *uuid = NULL;
  g_autofree char *chosen = nrem_uuid_new_v5 ("meeting:test-create");
  g_autofree char *created = NULL;
  g_autoptr(NremRow) row = NULL;
  ChangedCounts counts = { { 0 } };
  gint64 before = nrem_time_now_ms ();

  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &counts);

  uuid = nrem_store_create (store, NREM_ENTITY_MEETING, NULL, fields, values, &error);
  g_assert_no_error (error);
  g_assert_true (nrem_uuid_is_valid (uuid));
  g_assert_cmpint (uuid[14], ==, '4');  /* a new record gets a random (v4) identity */
  g_assert_cmpuint (counts.count[NREM_ENTITY_MEETING], ==, 1);

  row = get_row (store, NREM_ENTITY_MEETING, uuid);
  g_assert_cmpstr (row->uuid, ==, uuid);
  g_assert_cmpint (row->rev, ==, 1);
  g_assert_cmpstr (row->origin, ==, nrem_store_get_origin (store));
  g_assert_cmpint (row->deleted_at, ==, 0);
  g_assert_cmpint (row->updated_at, >=, before);
  g_assert_cmpint (row->updated_at, <=, nrem_time_now_ms ());
  g_assert_cmpstr (nrem_row_get (row, "title"), ==, "Third Consultative Meeting");
  g_assert_cmpstr (nrem_row_get (row, "city"), ==, "Vienna");
  g_assert_null (nrem_row_get (row, "venue"));
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MEETING), ==, 1);

  /* with an identity given */
  created = nrem_store_create (store, NREM_ENTITY_MEETING, chosen, fields, values, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (created, ==, chosen);
  g_assert_true (nrem_store_has_record (store, NREM_ENTITY_MEETING, chosen));

  /* a field the entity does not have: nothing is written */
  {
    static const char * const bad_fields[] = { "title", "colour", NULL };
    static const char * const bad_values[] = { "X", "blue", NULL };
    g_autofree char *none = nrem_store_create (store, NREM_ENTITY_MEETING, NULL, bad_fields,
                                               bad_values, &error);

    g_assert_null (none);
    g_assert_error (error, NREM_ERROR, NREM_ERROR_FAILED);
    g_clear_error (&error);
  }
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MEETING), ==, 2);
}

static void
test_edit_update (Fixture       *fx,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_database (fx);
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autoptr(NremRow) v1 = NULL;
  g_autoptr(NremRow) v2 = NULL;
  g_autoptr(NremRow) v3 = NULL;
  ChangedCounts counts = { { 0 } };

  g_assert_no_error (error);
  g_signal_connect (store, "changed", G_CALLBACK (on_changed_cb), &counts);
  v1 = get_row (store, NREM_ENTITY_MEETING, uuid);

  {
    static const char * const fields[] = { "city", "venue", NULL };
    static const char * const values[] = { "Vienna", "Vienna International Centre", NULL };

    g_usleep (2000);
    g_assert_true (nrem_store_update (store, NREM_ENTITY_MEETING, uuid, fields, values, &error));
    g_assert_no_error (error);
  }
  v2 = get_row (store, NREM_ENTITY_MEETING, uuid);
  g_assert_cmpstr (v2->uuid, ==, uuid);
  g_assert_cmpint (v2->rev, ==, v1->rev + 1);
  g_assert_cmpint (v2->updated_at, >, v1->updated_at);
  g_assert_cmpstr (v2->origin, ==, nrem_store_get_origin (store));
  g_assert_cmpstr (nrem_row_get (v2, "city"), ==, "Vienna");
  g_assert_cmpstr (nrem_row_get (v2, "venue"), ==, "Vienna International Centre");
  g_assert_cmpstr (nrem_row_get (v2, "title"), ==, "Third Consultative Meeting");  /* untouched */
  g_assert_cmpuint (counts.count[NREM_ENTITY_MEETING], ==, 1);

  /* the same content again is no edit: no new version, no signal */
  {
    static const char * const fields[] = { "city", "title", NULL };
    static const char * const values[] = { "Vienna", "Third Consultative Meeting", NULL };

    g_assert_true (nrem_store_update (store, NREM_ENTITY_MEETING, uuid, fields, values, &error));
    g_assert_no_error (error);
  }
  v3 = get_row (store, NREM_ENTITY_MEETING, uuid);
  g_assert_cmpint (v3->rev, ==, v2->rev);
  g_assert_cmpint (v3->updated_at, ==, v2->updated_at);
  g_assert_cmpuint (counts.count[NREM_ENTITY_MEETING], ==, 1);
  g_clear_pointer (&v3, nrem_row_free);

  /* an empty string clears a field */
  {
    static const char * const fields[] = { "venue", NULL };
    static const char * const values[] = { "", NULL };

    g_assert_true (nrem_store_update (store, NREM_ENTITY_MEETING, uuid, fields, values, &error));
    g_assert_no_error (error);
  }
  v3 = get_row (store, NREM_ENTITY_MEETING, uuid);
  g_assert_null (nrem_row_get (v3, "venue"));
  g_assert_cmpint (v3->rev, ==, v2->rev + 1);

  /* a record that is not there */
  {
    static const char * const fields[] = { "city", NULL };
    static const char * const values[] = { "Nowhere", NULL };
    g_autofree char *missing = nrem_uuid_new_v4 ();

    g_assert_false (nrem_store_update (store, NREM_ENTITY_MEETING, missing, fields, values, &error));
    g_assert_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND);
    g_clear_error (&error);
    g_assert_false (nrem_store_has_record (store, NREM_ENTITY_MEETING, missing));
  }
}

static void
test_edit_delete_undelete (Fixture       *fx,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_database (fx);
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autoptr(NremRow) v1 = NULL;
  g_autoptr(NremRow) v2 = NULL;
  g_autoptr(NremRow) v3 = NULL;
  g_autofree char *json = NULL;
  g_autofree char *latest = NULL;

  g_assert_no_error (error);
  v1 = get_row (store, NREM_ENTITY_MEETING, uuid);
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MEETING), ==, 1);

  g_assert_true (nrem_store_delete (store, NREM_ENTITY_MEETING, uuid, &error));
  g_assert_no_error (error);
  v2 = get_row (store, NREM_ENTITY_MEETING, uuid);
  g_assert_cmpstr (v2->uuid, ==, uuid);
  g_assert_cmpint (v2->rev, ==, v1->rev + 1);
  g_assert_cmpint (v2->deleted_at, !=, 0);
  g_assert_cmpint (v2->updated_at, >=, v1->updated_at);
  g_assert_cmpstr (v2->origin, ==, nrem_store_get_origin (store));
  /* a tombstone here keeps its content, so that Undo brings the record back as it was */
  g_assert_cmpstr (nrem_row_get (v2, "title"), ==, "Third Consultative Meeting");
  g_assert_cmpstr (nrem_row_get (v2, "time_zone"), ==, "Europe/Vienna");
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MEETING), ==, 0);
  latest = nrem_store_latest_meeting (store);
  g_assert_null (latest);

  /* exported as a tombstone, with no content */
  json = nrem_test_export (store, NULL, TRUE);
  g_assert_nonnull (strstr (json, "\"entity\": \"meetings\""));
  g_assert_null (strstr (json, "Third Consultative Meeting"));
  g_clear_pointer (&json, g_free);

  g_assert_true (nrem_store_undelete (store, NREM_ENTITY_MEETING, uuid, &error));
  g_assert_no_error (error);
  v3 = get_row (store, NREM_ENTITY_MEETING, uuid);
  g_assert_cmpint (v3->rev, ==, v2->rev + 1);
  g_assert_cmpint (v3->deleted_at, ==, 0);
  g_assert_true (nrem_row_content_equal (v3, v1));
  g_assert_cmpuint (nrem_store_count_rows (store, NREM_ENTITY_MEETING), ==, 1);
  latest = nrem_store_latest_meeting (store);
  g_assert_cmpstr (latest, ==, uuid);
}

static void
test_edit_origin_of_imported (Fixture       *fx,
                              gconstpointer  data)
{
  static const char * const fields[] = { "notes", NULL };
  static const char * const values[] = { "Edited on the second machine", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_database (fx);
  g_autofree char *other_path = nrem_test_dir_file (fx, "other.db");
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autoptr(NremStore) other = nrem_store_open (other_path, &error);
  g_autofree char *json = NULL;
  g_autofree char *participant = NULL;
  g_autoptr(NremRow) before = NULL;
  g_autoptr(NremRow) after = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (nrem_store_get_origin (store), !=, nrem_store_get_origin (other));

  {
    static const char * const pf[] = { "name", "role", NULL };
    static const char * const pv[] = { "A. Delegate", "delegate", NULL };

    participant = nrem_store_create (store, NREM_ENTITY_PARTICIPANT, NULL, pf, pv, &error);
    g_assert_no_error (error);
  }
  json = nrem_test_export (store, NULL, TRUE);
  nrem_test_import_string (other, json, NULL);

  before = get_row (other, NREM_ENTITY_PARTICIPANT, participant);
  g_assert_cmpstr (before->origin, ==, nrem_store_get_origin (store));
  g_assert_true (nrem_store_update (other, NREM_ENTITY_PARTICIPANT, participant, fields, values, &error));
  g_assert_no_error (error);
  after = get_row (other, NREM_ENTITY_PARTICIPANT, participant);
  /* the edit is the second machine's now */
  g_assert_cmpstr (after->origin, ==, nrem_store_get_origin (other));
  g_assert_cmpint (after->rev, ==, before->rev + 1);
  g_assert_cmpint (after->updated_at, >=, before->updated_at);
  g_assert_cmpstr (nrem_row_get (after, "name"), ==, "A. Delegate");
}

static void
test_edit_clock_never_goes_back (Fixture       *fx,
                                 gconstpointer  data)
{
  static const char * const fields[] = { "city", NULL };
  static const char * const values[] = { "Geneva", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autoptr(NremRow) future = nrem_row_new (NREM_ENTITY_MEETING);
  g_autoptr(NremRow) after = NULL;
  gint64 far = nrem_time_now_ms () + 365 * 24 * 3600 * G_GINT64_CONSTANT (1000);

  g_assert_no_error (error);

  /* a version from a machine whose clock runs a year ahead */
  future->uuid = nrem_uuid_new_v4 ();
  future->origin = nrem_uuid_new_v4 ();
  future->updated_at = far;
  future->rev = 7;
  nrem_row_set (future, "title", "From the future");
  nrem_row_set (future, "start_date", "2016-06-01");
  nrem_row_set (future, "end_date", "2016-06-01");
  nrem_row_set (future, "time_zone", "UTC");
  g_assert_true (nrem_store_begin (store, &error));
  g_assert_true (nrem_store_put_row (store, future, &error));
  g_assert_true (nrem_store_commit (store, &error));
  g_assert_no_error (error);

  /* an edit made here must still win over it everywhere */
  g_assert_true (nrem_store_update (store, NREM_ENTITY_MEETING, future->uuid, fields, values, &error));
  g_assert_no_error (error);
  after = get_row (store, NREM_ENTITY_MEETING, future->uuid);
  g_assert_cmpint (nrem_row_compare_clock (after, future), >, 0);
  g_assert_cmpint (after->updated_at, >=, far);
  g_assert_cmpint (after->rev, ==, 8);
}

/* ------------------------------------------------------------------------------------------
 * Backups
 */

static void
test_backup_prune (Fixture       *fx,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = create_database (fx);
  g_autoptr(NremStore) store = nrem_store_open (fx->db_path, &error);
  g_autofree char *backups = backups_dir (fx);
  g_autofree char *unrelated = g_build_filename (backups, "notes.txt", NULL);
  g_autoptr(GPtrArray) paths = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);

  for (guint i = 0; i < 12; i++)
    {
      char *path = NULL;

      g_assert_true (nrem_store_backup (store, "test", &path, &error));
      g_assert_no_error (error);
      g_assert_true (g_str_has_prefix (path, backups));
      g_ptr_array_add (paths, path);
      if (i == 0)
        nrem_test_write_file (unrelated, "keep me", -1);
    }

  /* the newest ten are kept, the two oldest are gone; other files are left alone */
  g_assert_cmpuint (nrem_test_count_dir (backups, ".db"), ==, 10);
  g_assert_false (g_file_test (g_ptr_array_index (paths, 0), G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (g_ptr_array_index (paths, 1), G_FILE_TEST_EXISTS));
  for (guint i = 2; i < paths->len; i++)
    g_assert_true (g_file_test (g_ptr_array_index (paths, i), G_FILE_TEST_EXISTS));
  g_assert_true (g_file_test (unrelated, G_FILE_TEST_EXISTS));

  /* a backup is a complete, private copy */
  {
    const char *last = g_ptr_array_index (paths, paths->len - 1);
    sqlite3 *db;

    g_assert_cmpuint (file_mode (last), ==, 0600);
    db = nrem_test_sqlite_open (last);
    g_assert_cmpstr (nrem_test_sqlite_text (db, "PRAGMA integrity_check"), ==, "ok");
    g_assert_cmpint (nrem_test_sqlite_int (db, "PRAGMA user_version"), ==, NREM_STORE_SCHEMA_VERSION);
    g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM meeting"), ==, 1);
    sqlite3_close (db);
  }
}

/* Two databases in one folder share the backups folder; pruning the backups of one must not
 * delete the other's. */
static void
test_backup_prune_own_only (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path_a = nrem_test_dir_file (fx, "meeting.db");
  g_autofree char *path_b = nrem_test_dir_file (fx, "meeting-2015.db");
  g_autofree char *backups = nrem_test_dir_file (fx, "backups");
  g_autoptr(NremStore) a = nrem_store_open (path_a, &error);
  g_autoptr(NremStore) b = nrem_store_open (path_b, &error);
  g_autoptr(GPtrArray) paths_b = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);

  for (guint i = 0; i < 3; i++)
    {
      char *path = NULL;

      g_assert_true (nrem_store_backup (b, "test", &path, &error));
      g_assert_no_error (error);
      g_ptr_array_add (paths_b, path);
    }
  for (guint i = 0; i < 12; i++)
    {
      g_assert_true (nrem_store_backup (a, "test", NULL, &error));
      g_assert_no_error (error);
    }

  for (guint i = 0; i < paths_b->len; i++)
    if (!g_file_test (g_ptr_array_index (paths_b, i), G_FILE_TEST_EXISTS))
      g_error ("the backups of meeting.db pruned %s, a backup of meeting-2015.db",
               (const char *) g_ptr_array_index (paths_b, i));
  g_assert_cmpuint (nrem_test_count_dir (backups, ".db"), ==, 10 + 3);
}

int
main (int   argc,
      char *argv[])
{
  nrem_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, nrem_test_dir_setup, func, nrem_test_dir_teardown)

  ADD ("/store/open/modes", test_open_modes);
  ADD ("/store/open/tightens-mode", test_open_tightens_mode);
  ADD ("/store/open/pragmas", test_open_pragmas);
  ADD ("/store/open/foreign-keys", test_open_foreign_keys);
  ADD ("/store/open/reopen", test_open_reopen);
  ADD ("/store/migrate/from-v0", test_migrate_from_v0);
  ADD ("/store/migrate/from-v0-backup-first", test_migrate_backup_first);
  ADD ("/store/migrate/foreign-table", test_migrate_foreign_table);
  ADD ("/store/migrate/other-application", test_migrate_other_application);
  ADD ("/store/newer-version", test_newer_version);
  ADD ("/store/read-only-file", test_read_only_file);
  ADD ("/store/read-only-needs-upgrade", test_read_only_needs_upgrade);
  ADD ("/store/locked", test_locked);
  ADD ("/store/not-a-database", test_not_a_database);
  ADD ("/store/not-a-database-binary", test_not_a_database_binary);
  ADD ("/store/edit/create", test_edit_create);
  ADD ("/store/edit/update", test_edit_update);
  ADD ("/store/edit/delete-undelete", test_edit_delete_undelete);
  ADD ("/store/edit/origin-of-imported", test_edit_origin_of_imported);
  ADD ("/store/edit/clock-never-goes-back", test_edit_clock_never_goes_back);
  ADD ("/store/backup/prune", test_backup_prune);
  ADD ("/store/backup/prune-own-only", test_backup_prune_own_only);

#undef ADD

  return g_test_run ();
}
