/* nrem-test-util.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-test-util.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>
#include <sys/stat.h>

void
nrem_test_init (int    *argc,
                char ***argv)
{
  setlocale (LC_ALL, "");
  g_test_init (argc, argv, NULL);
}

/* Each test gets a folder of its own; XDG_* point into it before anything reads them, so that
 * nothing a test does can reach the real home. */
void
nrem_test_dir_setup (NremTestDir   *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *data_home = NULL;
  g_autofree char *config_home = NULL;
  g_autofree char *cache_home = NULL;

  fixture->dir = g_dir_make_tmp ("nrem-core-test-XXXXXX", &error);
  g_assert_no_error (error);

  data_home = g_build_filename (fixture->dir, "data", NULL);
  config_home = g_build_filename (fixture->dir, "config", NULL);
  cache_home = g_build_filename (fixture->dir, "cache", NULL);
  g_setenv ("XDG_DATA_HOME", data_home, TRUE);
  g_setenv ("XDG_CONFIG_HOME", config_home, TRUE);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  fixture->db_path = g_build_filename (data_home, "nrem-desk", "nrem-desk.db", NULL);
}

void
nrem_test_dir_teardown (NremTestDir   *fixture,
                        gconstpointer  data)
{
  if (fixture->dir != NULL)
    nrem_test_rm_rf (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
  g_clear_pointer (&fixture->db_path, g_free);
}

char *
nrem_test_dir_file (NremTestDir *fixture,
                    const char  *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* A file of the source tree; meson passes its root as NREM_SOURCE_DIR. */
char *
nrem_test_source_file (const char *first,
                       ...)
{
  const char *root = g_getenv ("NREM_SOURCE_DIR");
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  const char *part;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  g_ptr_array_add (parts, (gpointer) first);
  va_start (args, first);
  while ((part = va_arg (args, const char *)) != NULL)
    g_ptr_array_add (parts, (gpointer) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

void
nrem_test_rm_rf (const char *path)
{
  GStatBuf st;

  if (g_lstat (path, &st) != 0)
    return;
  if (S_ISDIR (st.st_mode))
    {
      g_autoptr(GDir) dir = NULL;
      const char *name;

      /* a test may have left a folder read-only on purpose */
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);

          nrem_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

GBytes *
nrem_test_read_bytes (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *data = NULL;
  gsize len = 0;

  g_file_get_contents (path, &data, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (data, len);
}

void
nrem_test_write_file (const char *path,
                      const char *data,
                      gssize      len)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, data, len, &error);
  g_assert_no_error (error);
}

void
nrem_test_assert_file_equals (const char *path,
                              GBytes     *expected)
{
  g_autoptr(GBytes) actual = nrem_test_read_bytes (path);

  g_assert_cmpuint (g_bytes_get_size (actual), ==, g_bytes_get_size (expected));
  g_assert_true (g_bytes_equal (actual, expected));
}

/* Files in @dir whose names end with @suffix; 0 when the folder does not exist. */
guint
nrem_test_count_dir (const char *dir,
                     const char *suffix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  if (d == NULL)
    return 0;
  while ((name = g_dir_read_name (d)) != NULL)
    if (suffix == NULL || g_str_has_suffix (name, suffix))
      n++;
  return n;
}

sqlite3 *
nrem_test_sqlite_open (const char *path)
{
  sqlite3 *db = NULL;
  int rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);

  g_assert_cmpint (rc, ==, SQLITE_OK);
  return db;
}

void
nrem_test_sqlite_exec (sqlite3    *db,
                       const char *sql)
{
  char *message = NULL;
  int rc = sqlite3_exec (db, sql, NULL, NULL, &message);

  if (rc != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

gint64
nrem_test_sqlite_int (sqlite3    *db,
                      const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  gint64 value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

char *
nrem_test_sqlite_text (sqlite3    *db,
                       const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

char *
nrem_test_export (NremStore  *store,
                  const char *meeting_uuid,
                  gboolean    with_contacts)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = nrem_exchange_export (store, meeting_uuid, with_contacts, &error);
  gsize len;
  const char *data;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  data = g_bytes_get_data (bytes, &len);
  g_assert_cmpuint (strlen (data), ==, len);  /* no NUL inside, terminated by GString */
  return g_strndup (data, len);
}

/* The export without its "exported_at" and "origin" header lines: the only lines allowed to
 * differ between two exports of the same records. Both must be present, once, before the
 * first array. */
char *
nrem_test_normalise_export (const char *json)
{
  g_auto(GStrv) lines = g_strsplit (json, "\n", -1);
  GString *out = g_string_new (NULL);
  gboolean in_header = TRUE;
  guint n_exported_at = 0;
  guint n_origin = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];

      if (in_header && g_str_has_prefix (line, "  \"countries\": "))
        in_header = FALSE;
      if (in_header && g_str_has_prefix (line, "  \"exported_at\": \""))
        {
          n_exported_at++;
          continue;
        }
      if (in_header && g_str_has_prefix (line, "  \"origin\": \""))
        {
          n_origin++;
          continue;
        }
      g_string_append (out, line);
      if (lines[i + 1] != NULL)
        g_string_append_c (out, '\n');
    }
  g_assert_cmpuint (n_exported_at, ==, 1);
  g_assert_cmpuint (n_origin, ==, 1);
  return g_string_free (out, FALSE);
}

/* Compares two normalised exports and, when they differ, shows the first line that does
 * rather than two megabytes of JSON. */
void
nrem_test_assert_same_export (const char *a,
                              const char *b)
{
  g_auto(GStrv) la = NULL;
  g_auto(GStrv) lb = NULL;

  if (strcmp (a, b) == 0)
    return;

  la = g_strsplit (a, "\n", -1);
  lb = g_strsplit (b, "\n", -1);
  for (guint i = 0; ; i++)
    {
      if (la[i] == NULL || lb[i] == NULL || strcmp (la[i], lb[i]) != 0)
        {
          g_test_message ("exports differ at line %u", i + 1);
          for (guint j = i >= 6 ? i - 6 : 0; j < i; j++)
            g_test_message ("  %s", la[j]);
          g_assert_cmpstr (la[i], ==, lb[i]);
          break;
        }
    }
  g_assert_not_reached ();
}

char *
nrem_test_export_normalised (NremStore *store,
                             gboolean   with_contacts)
{
  g_autofree char *json = nrem_test_export (store, NULL, with_contacts);

  return nrem_test_normalise_export (json);
}

guint
nrem_test_count_all_rows (NremStore *store)
{
  guint n = 0;

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    n += nrem_store_count_rows (store, k);
  return n;
}

void
nrem_test_import_bytes (NremStore        *store,
                        GBytes           *bytes,
                        NremImportReport *report)
{
  g_autoptr(GError) error = NULL;
  NremImportReport local;
  gboolean ok;

  ok = nrem_exchange_import_bytes (store, bytes, "test.json", FALSE, FALSE,
                                   report != NULL ? report : &local, &error);
  g_assert_no_error (error);
  g_assert_true (ok);
  if (report == NULL)
    nrem_import_report_clear (&local);
}

void
nrem_test_import_string (NremStore        *store,
                         const char       *json,
                         NremImportReport *report)
{
  g_autoptr(GBytes) bytes = g_bytes_new (json, strlen (json));

  nrem_test_import_bytes (store, bytes, report);
}
