/* nrem-store.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-store"

#include "config.h"

#include "nrem-store.h"
#include "nrem-store-private.h"
#include "nrem-error.h"
#include "nrem-time.h"
#include "nrem-uuid.h"

#include "nrem-store-schema.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define NREM_APPLICATION_ID 0x4e52454d  /* "NREM" in PRAGMA application_id */
#define NREM_BACKUPS_KEPT 10

struct _NremStore
{
  GObject        parent_instance;

  sqlite3       *db;
  char          *path;
  char          *origin;
  char          *read_only_reason;
  int            file_version;
  guint          is_new : 1;
  guint          read_only : 1;
  guint          in_transaction : 1;
  guint32        changed_kinds;

  sqlite3_stmt  *get_stmt[NREM_N_ENTITIES];
  sqlite3_stmt  *put_stmt[NREM_N_ENTITIES];
  sqlite3_stmt  *insert_stmt[NREM_N_ENTITIES];
  sqlite3_stmt  *has_stmt[NREM_N_ENTITIES];
  sqlite3_stmt  *has_country_stmt;
};

G_DEFINE_FINAL_TYPE (NremStore, nrem_store, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
db_message (NremStore *self)
{
  return self->db != NULL ? sqlite3_errmsg (self->db) : "no database";
}

static gboolean
set_sqlite_error (NremStore  *self,
                  int         rc,
                  GError    **error)
{
  int primary = rc & 0xff;

  if (primary == SQLITE_BUSY || primary == SQLITE_LOCKED)
    g_set_error (error, NREM_ERROR, NREM_ERROR_LOCKED,
                 _("The database “%s” is in use by another program. Close it there and try again."),
                 self->path);
  else if (primary == SQLITE_READONLY)
    g_set_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY,
                 _("The database “%s” cannot be written to (read-only)."), self->path);
  else if (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB)
    g_set_error (error, NREM_ERROR, NREM_ERROR_CORRUPT,
                 _("“%s” is not a readable NREM Desk database: %s"), self->path,
                 sqlite3_errstr (rc));
  else if (primary == SQLITE_FULL)
    g_set_error (error, NREM_ERROR, NREM_ERROR_IO,
                 _("The disk holding “%s” is full."), self->path);
  else
    g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED,
                 _("Database error in “%s”: %s"), self->path, db_message (self));
  return FALSE;
}

static gboolean
exec_sql (NremStore   *self,
          const char  *sql,
          GError     **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

static sqlite3_stmt *
prepare (NremStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return stmt;
}

static int
query_int (NremStore  *self,
           const char *sql,
           int         fallback)
{
  sqlite3_stmt *stmt = NULL;
  int value = fallback;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return value;
}

static void
append_columns (GString          *sql,
                const NremEntity *entity,
                const char       *prefix)
{
  g_string_append_printf (sql, "%suuid, %supdated_at, %srev, %sorigin, %sdeleted_at",
                          prefix, prefix, prefix, prefix, prefix);
  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, ", %s\"%s\"", prefix, entity->fields[i].name);
}

static char *
build_select (const NremEntity *entity,
              const char       *where)
{
  GString *sql = g_string_new ("SELECT ");

  append_columns (sql, entity, "");
  g_string_append_printf (sql, " FROM \"%s\"", entity->table);
  if (where != NULL)
    g_string_append_printf (sql, " WHERE %s", where);
  g_string_append (sql, " ORDER BY uuid");
  return g_string_free (sql, FALSE);
}

static sqlite3_stmt *
get_statement (NremStore       *self,
               sqlite3_stmt   **cache,
               NremEntityKind   kind,
               char          *(*build) (const NremEntity *),
               GError         **error)
{
  if (cache[kind] == NULL)
    {
      g_autofree char *sql = build (nrem_entity_get (kind));

      cache[kind] = prepare (self, sql, error);
    }
  else
    {
      sqlite3_reset (cache[kind]);
      sqlite3_clear_bindings (cache[kind]);
    }
  return cache[kind];
}

static char *
build_get (const NremEntity *entity)
{
  return build_select (entity, "uuid = ?1");
}

static char *
build_has (const NremEntity *entity)
{
  return g_strdup_printf ("SELECT 1 FROM \"%s\" WHERE uuid = ?1", entity->table);
}

static GString *
build_insert_string (const NremEntity *entity)
{
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "INSERT INTO \"%s\" (", entity->table);
  append_columns (sql, entity, "");
  g_string_append (sql, ") VALUES (?1, ?2, ?3, ?4, ?5");
  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, ", ?%u", i + 6);
  g_string_append_c (sql, ')');
  return sql;
}

static char *
build_insert (const NremEntity *entity)
{
  return g_string_free (build_insert_string (entity), FALSE);
}

static char *
build_put (const NremEntity *entity)
{
  GString *sql = build_insert_string (entity);

  g_string_append (sql, " ON CONFLICT (uuid) DO UPDATE SET updated_at = excluded.updated_at,"
                        " rev = excluded.rev, origin = excluded.origin,"
                        " deleted_at = excluded.deleted_at");
  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, ", \"%s\" = excluded.\"%s\"",
                            entity->fields[i].name, entity->fields[i].name);
  return g_string_free (sql, FALSE);
}

static gboolean
field_is_integer (const NremField *field)
{
  return field->type == NREM_FIELD_INT || field->type == NREM_FIELD_BOOL ||
         field->type == NREM_FIELD_YEAR || field->type == NREM_FIELD_TIMESTAMP;
}

static NremRow *
row_from_statement (sqlite3_stmt   *stmt,
                    NremEntityKind  kind)
{
  const NremEntity *entity = nrem_entity_get (kind);
  NremRow *row = nrem_row_new (kind);

  row->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  row->updated_at = sqlite3_column_int64 (stmt, 1);
  row->rev = sqlite3_column_int64 (stmt, 2);
  row->origin = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  row->deleted_at = sqlite3_column_int64 (stmt, 4);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      int col = (int) i + 5;

      if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
        continue;
      if (entity->fields[i].type == NREM_FIELD_TIMESTAMP)
        row->values[i] = nrem_time_format_ms (sqlite3_column_int64 (stmt, col));
      else
        row->values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, col));
    }
  return row;
}

static void
mark_changed (NremStore      *self,
              NremEntityKind  kind)
{
  self->changed_kinds |= 1u << kind;
}

static void
emit_changed (NremStore *self)
{
  guint32 kinds = self->changed_kinds;

  self->changed_kinds = 0;
  for (guint i = 0; i < NREM_N_ENTITIES; i++)
    if (kinds & (1u << i))
      g_signal_emit (self, signals[CHANGED], 0, i);
}

static void
nrem_store_finalize (GObject *object)
{
  NremStore *self = (NremStore *) object;

  for (guint i = 0; i < NREM_N_ENTITIES; i++)
    {
      g_clear_pointer (&self->get_stmt[i], sqlite3_finalize);
      g_clear_pointer (&self->put_stmt[i], sqlite3_finalize);
      g_clear_pointer (&self->insert_stmt[i], sqlite3_finalize);
      g_clear_pointer (&self->has_stmt[i], sqlite3_finalize);
    }
  g_clear_pointer (&self->has_country_stmt, sqlite3_finalize);
  if (self->db != NULL)
    {
      if (self->in_transaction)
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      if (!self->read_only)
        sqlite3_exec (self->db, "PRAGMA optimize", NULL, NULL, NULL);
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->origin, g_free);
  g_clear_pointer (&self->read_only_reason, g_free);

  G_OBJECT_CLASS (nrem_store_parent_class)->finalize (object);
}

static void
nrem_store_class_init (NremStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nrem_store_finalize;

  /**
   * NremStore::changed:
   * @kind: the #NremEntityKind whose records changed
   *
   * Emitted after a transaction that changed records of @kind is committed.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
nrem_store_init (NremStore *self)
{
}

char *
nrem_store_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), "nrem-desk", "nrem-desk.db", NULL);
}

static gboolean
ensure_file (const char  *path,
             gboolean    *created,
             GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  *created = FALSE;

  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          int saved = errno;

          g_set_error (error, NREM_ERROR, NREM_ERROR_IO,
                       _("Cannot create the folder “%s”: %s"), dir, g_strerror (saved));
          return FALSE;
        }
    }

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      if (saved == EEXIST)
        return TRUE;
      g_set_error (error, NREM_ERROR,
                   saved == EACCES || saved == EROFS ? NREM_ERROR_READ_ONLY : NREM_ERROR_IO,
                   _("Cannot create the database “%s”: %s"), path, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  *created = TRUE;
  return TRUE;
}

static gboolean
table_count (NremStore *self)
{
  return query_int (self, "SELECT count(*) FROM sqlite_schema", 0);
}

static gboolean
migrate (NremStore  *self,
         int         from,
         GError    **error)
{
  g_autofree char *backup = NULL;

  /* A file that already holds something is copied before its schema is touched. */
  if (from > 0 || table_count (self) > 0)
    {
      if (!nrem_store_backup (self, "before-migration", &backup, error))
        return FALSE;
      g_message ("Backed up %s to %s before upgrading its schema", self->path, backup);
    }

  if (!nrem_store_begin (self, error))
    return FALSE;

  for (int v = from; v < NREM_STORE_SCHEMA_VERSION; v++)
    {
      g_autofree char *pragma = NULL;

      if (!exec_sql (self, nrem_migrations[v], error))
        goto fail;
      pragma = g_strdup_printf ("PRAGMA user_version = %d", v + 1);
      if (!exec_sql (self, pragma, error))
        goto fail;
    }

  if (!exec_sql (self, "PRAGMA application_id = 1314014541", error))  /* NREM_APPLICATION_ID */
    goto fail;

  return nrem_store_commit (self, error);

fail:
  nrem_store_rollback (self);
  g_prefix_error (error, _("Upgrading the database failed, nothing was changed: "));
  return FALSE;
}

static gboolean
load_origin (NremStore  *self,
             GError    **error)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = 'origin'", -1,
                          &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    self->origin = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);

  if (self->origin != NULL && nrem_uuid_is_valid (self->origin))
    return TRUE;

  g_clear_pointer (&self->origin, g_free);
  self->origin = nrem_uuid_new_v4 ();
  if (self->read_only)
    return TRUE;

  if (sqlite3_prepare_v2 (self->db, "INSERT OR REPLACE INTO meta (key, value) VALUES ('origin', ?1)",
                          -1, &stmt, NULL) != SQLITE_OK)
    return set_sqlite_error (self, sqlite3_errcode (self->db), error);
  sqlite3_bind_text (stmt, 1, self->origin, -1, SQLITE_TRANSIENT);
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      sqlite3_finalize (stmt);
      return set_sqlite_error (self, sqlite3_errcode (self->db), error);
    }
  sqlite3_finalize (stmt);
  return TRUE;
}

static void
set_read_only (NremStore  *self,
               const char *reason)
{
  self->read_only = TRUE;
  g_free (self->read_only_reason);
  self->read_only_reason = g_strdup (reason);
}

static gboolean
open_connection (NremStore  *self,
                 gboolean    read_only,
                 GError    **error)
{
  int flags = SQLITE_OPEN_NOMUTEX | (read_only ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE);
  int rc;

  if (self->db != NULL)
    {
      sqlite3_close_v2 (self->db);
      self->db = NULL;
    }

  rc = sqlite3_open_v2 (self->path, &self->db, flags, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_busy_timeout (self->db, 5000);
  return TRUE;
}

/* A WAL database in a folder this user may not write: SQLite cannot create the -shm and
 * -wal files it reads through, and reads such a file only when told that it is immutable. */
static gboolean
open_connection_immutable (NremStore  *self,
                           GError    **error)
{
  g_autofree char *absolute = g_canonicalize_filename (self->path, NULL);
  g_autofree char *file_uri = g_filename_to_uri (absolute, NULL, NULL);
  g_autofree char *uri = NULL;
  int rc;

  if (file_uri == NULL)
    return set_sqlite_error (self, SQLITE_CANTOPEN, error);
  uri = g_strconcat (file_uri, "?immutable=1", NULL);

  g_clear_pointer (&self->db, sqlite3_close_v2);
  rc = sqlite3_open_v2 (uri, &self->db, SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_READONLY | SQLITE_OPEN_URI,
                        NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);

  sqlite3_extended_result_codes (self->db, 1);
  return TRUE;
}

/**
 * nrem_store_open:
 * @path: the database file; created with its folder when missing
 *
 * Opens the database, creating or upgrading its schema. A file written by a newer program,
 * or one that cannot be written, is opened read-only; nrem_store_get_read_only_reason() says
 * why. Returns %NULL with @error set when the file is not a database at all.
 */
NremStore *
nrem_store_open (const char  *path,
                 GError     **error)
{
  g_autoptr(NremStore) self = g_object_new (NREM_TYPE_STORE, NULL);
  gboolean created = FALSE;
  gboolean writable;
  int version;
  int app_id;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);

  self->path = g_strdup (path);

  if (!ensure_file (path, &created, error))
    return NULL;
  self->is_new = created;

  writable = access (path, W_OK) == 0;
  {
    g_autofree char *dir = g_path_get_dirname (path);

    /* SQLite needs the folder for its journal and WAL files. */
    if (writable && access (dir, W_OK) != 0)
      writable = FALSE;
  }

  if (!open_connection (self, !writable, error))
    return NULL;
  if (!writable)
    set_read_only (self, _("The database file or its folder is read-only: changes cannot be saved."));

  /* Reading the header is the first real access: it tells a database from another file. */
  rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
  if (rc != SQLITE_OK && !writable &&
      ((rc & 0xff) == SQLITE_READONLY || (rc & 0xff) == SQLITE_CANTOPEN))
    {
      if (!open_connection_immutable (self, error))
        return NULL;
      rc = sqlite3_exec (self->db, "SELECT count(*) FROM sqlite_schema", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    {
      int primary = rc & 0xff;

      if (primary == SQLITE_NOTADB || primary == SQLITE_CORRUPT)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_CORRUPT,
                       _("“%s” is not an NREM Desk database (the file is damaged or of another kind)."),
                       path);
          return NULL;
        }
      return (set_sqlite_error (self, rc, error), NULL);
    }

  version = query_int (self, "PRAGMA user_version", 0);
  app_id = query_int (self, "PRAGMA application_id", 0);
  self->file_version = version;

  if (app_id != 0 && app_id != NREM_APPLICATION_ID)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_CORRUPT,
                   _("“%s” is an SQLite database of another program, not of NREM Desk."), path);
      return NULL;
    }
  if (app_id == 0 && version == 0 && table_count (self) > 0)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_CORRUPT,
                   _("“%s” is an SQLite database of another program, not of NREM Desk."), path);
      return NULL;
    }

  if (version > NREM_STORE_SCHEMA_VERSION)
    {
      g_autofree char *reason =
        g_strdup_printf (_("This database was written by a newer version of NREM Desk (schema %d; "
                           "this version knows %d). It is open read-only so that nothing is lost; "
                           "update NREM Desk to edit it."),
                         version, NREM_STORE_SCHEMA_VERSION);

      if (writable && !open_connection (self, TRUE, error))
        return NULL;
      set_read_only (self, reason);
    }
  else if (version < NREM_STORE_SCHEMA_VERSION)
    {
      if (!writable)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_READ_ONLY,
                       _("“%s” needs an upgrade of its schema but cannot be written (read-only)."),
                       path);
          return NULL;
        }
      if (!exec_sql (self, "PRAGMA journal_mode = WAL", error))
        return NULL;
      if (!migrate (self, version, error))
        return NULL;
    }

  if (!self->read_only)
    {
      /* WAL may be refused on some file systems; the rollback journal still works. */
      sqlite3_exec (self->db, "PRAGMA journal_mode = WAL", NULL, NULL, NULL);
      if (!exec_sql (self, "PRAGMA synchronous = NORMAL", error))
        return NULL;
    }
  if (!exec_sql (self, "PRAGMA foreign_keys = ON", error))
    return NULL;

  if (!load_origin (self, error))
    return NULL;

  if (!self->read_only && g_str_has_suffix (path, ".db"))
    g_chmod (path, 0600);

  return g_steal_pointer (&self);
}

const char *
nrem_store_get_path (NremStore *self)
{
  g_return_val_if_fail (NREM_IS_STORE (self), NULL);
  return self->path;
}

const char *
nrem_store_get_origin (NremStore *self)
{
  g_return_val_if_fail (NREM_IS_STORE (self), NULL);
  return self->origin;
}

gboolean
nrem_store_is_new (NremStore *self)
{
  g_return_val_if_fail (NREM_IS_STORE (self), FALSE);
  return self->is_new;
}

gboolean
nrem_store_is_read_only (NremStore *self)
{
  g_return_val_if_fail (NREM_IS_STORE (self), TRUE);
  return self->read_only;
}

const char *
nrem_store_get_read_only_reason (NremStore *self)
{
  g_return_val_if_fail (NREM_IS_STORE (self), NULL);
  return self->read_only_reason;
}

int
nrem_store_get_file_version (NremStore *self)
{
  g_return_val_if_fail (NREM_IS_STORE (self), 0);
  return self->file_version;
}

/**
 * nrem_store_set_busy_timeout:
 * @ms: how long a write waits for another program's lock before it fails
 *
 * The store waits 5 seconds by default; tests of a locked database wait less.
 */
void
nrem_store_set_busy_timeout (NremStore *self,
                             int        ms)
{
  g_return_if_fail (NREM_IS_STORE (self));
  g_return_if_fail (ms >= 0);

  sqlite3_busy_timeout (self->db, ms);
}

gboolean
nrem_store_check_writable (NremStore  *self,
                           GError    **error)
{
  if (!self->read_only)
    return TRUE;
  g_set_error_literal (error, NREM_ERROR, NREM_ERROR_READ_ONLY, self->read_only_reason);
  return FALSE;
}

char *
nrem_store_get_meta (NremStore  *self,
                     const char *key)
{
  sqlite3_stmt *stmt = NULL;
  char *value = NULL;

  if (sqlite3_prepare_v2 (self->db, "SELECT value FROM meta WHERE key = ?1", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
    }
  sqlite3_finalize (stmt);
  return value;
}

gboolean
nrem_store_set_meta (NremStore   *self,
                     const char  *key,
                     const char  *value,
                     GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  if (!nrem_store_check_writable (self, error))
    return FALSE;
  rc = sqlite3_prepare_v2 (self->db, "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

gboolean
nrem_store_begin (NremStore  *self,
                  GError    **error)
{
  g_return_val_if_fail (NREM_IS_STORE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!nrem_store_check_writable (self, error))
    return FALSE;
  if (!exec_sql (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  self->changed_kinds = 0;
  return TRUE;
}

gboolean
nrem_store_commit (NremStore  *self,
                   GError    **error)
{
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!exec_sql (self, "COMMIT", error))
    {
      nrem_store_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  emit_changed (self);
  return TRUE;
}

void
nrem_store_rollback (NremStore *self)
{
  if (!self->in_transaction)
    return;
  sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
  self->changed_kinds = 0;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* A backup of this database is named <prefix>YYYYMMDD-HHMMSS-uuuuuu-<reason>.db. The prefix
 * alone does not tell: another database in the same folder may have a name that begins with
 * it ("meeting-2015.db" beside "meeting.db"), and its backups are not this one's to prune. */
static gboolean
is_own_backup (const char *name,
               const char *prefix)
{
  const char *stamp;

  if (!g_str_has_prefix (name, prefix) || !g_str_has_suffix (name, ".db"))
    return FALSE;
  stamp = name + strlen (prefix);
  for (guint i = 0; i < 23; i++)
    {
      if (i == 8 || i == 15 || i == 22)
        {
          if (stamp[i] != '-')
            return FALSE;
        }
      else if (!g_ascii_isdigit (stamp[i]))
        return FALSE;
    }
  return TRUE;
}

static void
prune_backups (const char *dir,
               const char *prefix)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (d == NULL)
    return;
  while ((name = g_dir_read_name (d)) != NULL)
    if (is_own_backup (name, prefix))
      g_ptr_array_add (names, g_strdup (name));

  /* names carry a sortable timestamp: the oldest sort first */
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i + NREM_BACKUPS_KEPT < names->len; i++)
    {
      g_autofree char *path = g_build_filename (dir, g_ptr_array_index (names, i), NULL);

      g_unlink (path);
    }
}

/**
 * nrem_store_backup:
 * @reason: a word that goes into the file name ("before-import")
 *
 * Copies the database, consistently, into the folder "backups" beside it; keeps the newest
 * ten copies.
 */
gboolean
nrem_store_backup (NremStore   *self,
                   const char  *reason,
                   char       **out_path,
                   GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *prefix = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  sqlite3 *dest = NULL;
  sqlite3_backup *backup;
  int fd;
  int rc;

  g_return_val_if_fail (NREM_IS_STORE (self), FALSE);

  {
    g_autofree char *parent = g_path_get_dirname (self->path);

    dir = g_build_filename (parent, "backups", NULL);
  }
  base = g_path_get_basename (self->path);
  if (g_str_has_suffix (base, ".db"))
    base[strlen (base) - 3] = '\0';
  prefix = g_strdup_printf ("%s-", base);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, NREM_ERROR, NREM_ERROR_IO,
                   _("Cannot create the backup folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  for (guint n = 0; ; n++)
    {
      g_free (name);
      g_free (path);
      name = n == 0 ? g_strdup_printf ("%s%s-%06d-%s.db", prefix, stamp,
                                       g_date_time_get_microsecond (now), reason)
                    : g_strdup_printf ("%s%s-%06d-%s-%u.db", prefix, stamp,
                                       g_date_time_get_microsecond (now), reason, n);
      path = g_build_filename (dir, name, NULL);
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
      if (fd >= 0)
        break;
      if (errno != EEXIST)
        {
          int saved = errno;

          g_set_error (error, NREM_ERROR, NREM_ERROR_IO,
                       _("Cannot write the backup “%s”: %s"), path, g_strerror (saved));
          return FALSE;
        }
    }
  close (fd);

  rc = sqlite3_open_v2 (path, &dest, SQLITE_OPEN_READWRITE, NULL);
  if (rc == SQLITE_OK)
    {
      backup = sqlite3_backup_init (dest, "main", self->db, "main");
      if (backup != NULL)
        {
          sqlite3_backup_step (backup, -1);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (dest);
    }
  if (rc != SQLITE_OK)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO,
                   _("Cannot write the backup “%s”: %s"), path,
                   dest != NULL ? sqlite3_errmsg (dest) : sqlite3_errstr (rc));
      sqlite3_close_v2 (dest);
      g_unlink (path);
      return FALSE;
    }
  sqlite3_close_v2 (dest);

  prune_backups (dir, prefix);

  if (out_path != NULL)
    *out_path = g_steal_pointer (&path);
  return TRUE;
}

NremRow *
nrem_store_get_row (NremStore       *self,
                    NremEntityKind   kind,
                    const char      *uuid,
                    GError         **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NREM_IS_STORE (self), NULL);

  stmt = get_statement (self, self->get_stmt, kind, build_get, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      NremRow *row = row_from_statement (stmt, kind);

      sqlite3_reset (stmt);
      return row;
    }
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    set_sqlite_error (self, rc, error);
  return NULL;
}

gboolean
nrem_store_has_record (NremStore      *self,
                       NremEntityKind  kind,
                       const char     *uuid)
{
  sqlite3_stmt *stmt = get_statement (self, self->has_stmt, kind, build_has, NULL);
  gboolean found;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  found = sqlite3_step (stmt) == SQLITE_ROW;
  sqlite3_reset (stmt);
  return found;
}

gboolean
nrem_store_has_country (NremStore  *self,
                        const char *code)
{
  gboolean found;

  if (self->has_country_stmt == NULL)
    self->has_country_stmt = prepare (self, "SELECT 1 FROM country WHERE code = ?1", NULL);
  if (self->has_country_stmt == NULL)
    return FALSE;
  sqlite3_reset (self->has_country_stmt);
  sqlite3_bind_text (self->has_country_stmt, 1, code, -1, SQLITE_STATIC);
  found = sqlite3_step (self->has_country_stmt) == SQLITE_ROW;
  sqlite3_reset (self->has_country_stmt);
  return found;
}

static void
bind_row (sqlite3_stmt  *stmt,
          const NremRow *row)
{
  const NremEntity *entity = nrem_entity_get (row->kind);

  sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, row->updated_at);
  sqlite3_bind_int64 (stmt, 3, row->rev);
  sqlite3_bind_text (stmt, 4, row->origin, -1, SQLITE_STATIC);
  if (row->deleted_at != 0)
    sqlite3_bind_int64 (stmt, 5, row->deleted_at);
  else
    sqlite3_bind_null (stmt, 5);

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const NremField *field = &entity->fields[i];
      const char *value = row->values[i];
      int idx = (int) i + 6;

      if (value == NULL)
        sqlite3_bind_null (stmt, idx);
      else if (field->type == NREM_FIELD_TIMESTAMP)
        {
          gint64 ms = 0;

          if (nrem_time_parse_ms (value, &ms))
            sqlite3_bind_int64 (stmt, idx, ms);
          else
            sqlite3_bind_null (stmt, idx);
        }
      else if (field_is_integer (field))
        sqlite3_bind_int64 (stmt, idx, g_ascii_strtoll (value, NULL, 10));
      else
        sqlite3_bind_text (stmt, idx, value, -1, SQLITE_STATIC);
    }
}

/**
 * nrem_store_put_row:
 *
 * Writes @row as the version of its record, replacing whatever version was stored. The
 * caller has chosen the version (merge or edit) and holds a transaction.
 */
static gboolean
write_row (NremStore      *self,
           sqlite3_stmt  **cache,
           char         *(*build) (const NremEntity *),
           const NremRow  *row,
           GError        **error)
{
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (NREM_IS_STORE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  stmt = get_statement (self, cache, row->kind, build, error);
  if (stmt == NULL)
    return FALSE;
  bind_row (stmt, row);
  rc = sqlite3_step (stmt);
  sqlite3_reset (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  mark_changed (self, row->kind);
  return TRUE;
}

gboolean
nrem_store_put_row (NremStore      *self,
                    const NremRow  *row,
                    GError        **error)
{
  return write_row (self, self->put_stmt, build_put, row, error);
}

/**
 * nrem_store_insert_row:
 *
 * Writes the first version of a record the caller knows is not stored.
 */
gboolean
nrem_store_insert_row (NremStore      *self,
                       const NremRow  *row,
                       GError        **error)
{
  return write_row (self, self->insert_stmt, build_insert, row, error);
}

/**
 * nrem_store_replace_row:
 * @previous: (nullable): the version @row replaces
 *
 * Like nrem_store_put_row(), and remembers @previous as an ancestor: when that version comes
 * back in a file later, it is known to be old news rather than a concurrent edit.
 */
gboolean
nrem_store_replace_row (NremStore      *self,
                        const NremRow  *previous,
                        const NremRow  *row,
                        GError        **error)
{
  if (previous != NULL)
    {
      sqlite3_stmt *stmt = NULL;
      int rc;

      rc = sqlite3_prepare_v2 (self->db,
                               "INSERT OR IGNORE INTO superseded (uuid, updated_at, rev, origin)"
                               " VALUES (?1, ?2, ?3, ?4)", -1, &stmt, NULL);
      if (rc != SQLITE_OK)
        return set_sqlite_error (self, rc, error);
      sqlite3_bind_text (stmt, 1, previous->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, previous->updated_at);
      sqlite3_bind_int64 (stmt, 3, previous->rev);
      sqlite3_bind_text (stmt, 4, previous->origin, -1, SQLITE_STATIC);
      rc = sqlite3_step (stmt);
      sqlite3_finalize (stmt);
      if (rc != SQLITE_DONE)
        return set_sqlite_error (self, rc, error);
    }
  return nrem_store_put_row (self, row, error);
}

gboolean
nrem_store_is_superseded (NremStore     *self,
                          const NremRow *row)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT 1 FROM superseded WHERE uuid = ?1 AND updated_at = ?2"
                          " AND rev = ?3 AND origin = ?4", -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, row->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 2, row->updated_at);
      sqlite3_bind_int64 (stmt, 3, row->rev);
      sqlite3_bind_text (stmt, 4, row->origin, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

/* The records one meeting's file carries: the meeting and what belongs to it, the people and
 * mechanisms it names, and the shared reference data. ?1 is the meeting. */
#define SCOPE_PEOPLE \
  "SELECT participant FROM attendance WHERE meeting = ?1" \
  " UNION SELECT chair FROM session WHERE meeting = ?1" \
  " UNION SELECT rapporteur FROM session WHERE meeting = ?1" \
  " UNION SELECT j.value FROM session, json_each (session.speakers) AS j WHERE session.meeting = ?1" \
  " UNION SELECT proposer FROM recommendation WHERE meeting = ?1" \
  " UNION SELECT j.value FROM recommendation, json_each (recommendation.supporters) AS j" \
  "   WHERE recommendation.meeting = ?1" \
  " UNION SELECT author FROM revision WHERE recommendation IN" \
  "   (SELECT uuid FROM recommendation WHERE meeting = ?1)"
#define SCOPE_MECHANISMS \
  "SELECT uuid FROM mechanism WHERE reference = 1" \
  " UNION SELECT mechanism FROM participant WHERE uuid IN (" SCOPE_PEOPLE ")"

static const char * const scope_where[NREM_N_ENTITIES] = {
  [NREM_ENTITY_COUNTRY] = NULL,
  [NREM_ENTITY_MEETING] = "uuid = ?1",
  [NREM_ENTITY_MECHANISM] = "uuid IN (" SCOPE_MECHANISMS ")",
  [NREM_ENTITY_PARTICIPANT] = "uuid IN (" SCOPE_PEOPLE ")",
  [NREM_ENTITY_ATTENDANCE] = "meeting = ?1",
  [NREM_ENTITY_SESSION] = "meeting = ?1",
  [NREM_ENTITY_DIMENSION] = NULL,
  [NREM_ENTITY_ASSESSMENT] = "mechanism IN (" SCOPE_MECHANISMS ")",
  [NREM_ENTITY_RECOMMENDATION] = "meeting = ?1",
  [NREM_ENTITY_REVISION] = "recommendation IN (SELECT uuid FROM recommendation WHERE meeting = ?1)",
};

/**
 * nrem_store_foreach_row:
 * @meeting_uuid: (nullable): only the records one meeting's file carries, or %NULL for all
 *
 * Calls @func for every stored version of @kind, deleted ones included, in uuid order.
 * @func returns %FALSE to stop.
 */
gboolean
nrem_store_foreach_row (NremStore       *self,
                        NremEntityKind   kind,
                        const char      *meeting_uuid,
                        NremRowFunc      func,
                        gpointer         user_data,
                        GError         **error)
{
  const NremEntity *entity = nrem_entity_get (kind);
  g_autofree char *sql = build_select (entity, meeting_uuid ? scope_where[kind] : NULL);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  if (meeting_uuid != NULL && scope_where[kind] != NULL)
    sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(NremRow) row = row_from_statement (stmt, kind);

      if (!func (row, user_data))
        {
          rc = SQLITE_DONE;
          break;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * nrem_store_list_uuids:
 *
 * Returns: (transfer full): the set of uuids of every stored version of @kind, deleted ones
 * included
 */
GHashTable *
nrem_store_list_uuids (NremStore      *self,
                       NremEntityKind  kind)
{
  GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM \"%s\"", nrem_entity_get (kind)->table);
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL) == SQLITE_OK)
    while (sqlite3_step (stmt) == SQLITE_ROW)
      g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  sqlite3_finalize (stmt);
  return set;
}

guint
nrem_store_count_rows (NremStore      *self,
                       NremEntityKind  kind)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM \"%s\" WHERE deleted_at IS NULL",
                                          nrem_entity_get (kind)->table);

  return (guint) query_int (self, sql, 0);
}

void
nrem_conflict_free (NremConflict *conflict)
{
  if (conflict == NULL)
    return;
  g_free (conflict->uuid);
  g_free (conflict->local_json);
  g_free (conflict->incoming_json);
  g_free (conflict->label);
  g_free (conflict);
}

gboolean
nrem_store_add_conflict (NremStore      *self,
                         const NremRow  *local,
                         const NremRow  *incoming,
                         gboolean        kept_incoming,
                         GError        **error)
{
  g_autofree char *local_json = nrem_row_to_json (local, TRUE);
  g_autofree char *incoming_json = nrem_row_to_json (incoming, TRUE);
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (self->in_transaction, FALSE);

  rc = sqlite3_prepare_v2 (self->db,
                           "INSERT INTO conflict (entity, uuid, detected_at, local_json,"
                           " incoming_json, kept_incoming) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  sqlite3_bind_text (stmt, 1, nrem_entity_get (local->kind)->name, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, local->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, nrem_time_now_ms ());
  sqlite3_bind_text (stmt, 4, local_json, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, incoming_json, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 6, kept_incoming ? 1 : 0);
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/**
 * nrem_store_has_conflict:
 * @loser: a version that loses the merge against the stored one
 *
 * Whether @loser has already been kept in the conflict table (open or resolved) as the losing
 * version of its record, so that importing the same file again reports no new conflict. A
 * version is known by its clock: one database never makes two versions with the same one.
 */
gboolean
nrem_store_has_conflict (NremStore     *self,
                         const NremRow *loser)
{
  sqlite3_stmt *stmt = NULL;
  gboolean found = FALSE;
  char updated_at[32];

  nrem_time_format_ms_buf (loser->updated_at, updated_at);
  if (sqlite3_prepare_v2 (self->db,
                          "SELECT 1 FROM (SELECT CASE kept_incoming WHEN 0 THEN incoming_json"
                          "                 ELSE local_json END AS loser"
                          "               FROM conflict WHERE entity = ?1 AND uuid = ?2)"
                          " WHERE json_extract (loser, '$.updated_at') = ?3"
                          " AND json_extract (loser, '$.rev') = ?4"
                          " AND json_extract (loser, '$.origin') = ?5",
                          -1, &stmt, NULL) == SQLITE_OK)
    {
      sqlite3_bind_text (stmt, 1, nrem_entity_get (loser->kind)->name, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 2, loser->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (stmt, 3, updated_at, -1, SQLITE_STATIC);
      sqlite3_bind_int64 (stmt, 4, loser->rev);
      sqlite3_bind_text (stmt, 5, loser->origin, -1, SQLITE_STATIC);
      found = sqlite3_step (stmt) == SQLITE_ROW;
    }
  sqlite3_finalize (stmt);
  return found;
}

static char *
conflict_label (const char *json)
{
  static const char * const keys[] = { "name", "title", "label", "text", "code", "value", "status" };
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *object;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      JsonNode *node = json_object_get_member (object, keys[i]);

      if (node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
          json_node_get_value_type (node) == G_TYPE_STRING)
        {
          const char *s = json_node_get_string (node);

          if (g_utf8_strlen (s, -1) > 80)
            {
              g_autofree char *cut = g_utf8_substring (s, 0, 79);

              return g_strconcat (cut, "…", NULL);
            }
          return g_strdup (s);
        }
    }
  return NULL;
}

/**
 * nrem_store_count_conflicts:
 *
 * Returns: how many conflicts wait for review, without reading them
 */
guint
nrem_store_count_conflicts (NremStore *self)
{
  return (guint) query_int (self, "SELECT count(*) FROM conflict WHERE resolved_at IS NULL", 0);
}

GPtrArray *
nrem_store_list_conflicts (NremStore  *self,
                           GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_conflict_free);
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT id, entity, uuid, detected_at, local_json, incoming_json,"
                           " kept_incoming FROM conflict WHERE resolved_at IS NULL ORDER BY id",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NremConflict *c = g_new0 (NremConflict, 1);
      const NremEntity *entity = nrem_entity_lookup ((const char *) sqlite3_column_text (stmt, 1));

      c->id = sqlite3_column_int64 (stmt, 0);
      c->kind = entity != NULL ? entity->kind : NREM_ENTITY_COUNTRY;
      c->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
      c->detected_at = sqlite3_column_int64 (stmt, 3);
      c->local_json = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
      c->incoming_json = g_strdup ((const char *) sqlite3_column_text (stmt, 5));
      c->kept_incoming = sqlite3_column_int (stmt, 6) != 0;
      c->label = conflict_label (c->kept_incoming ? c->incoming_json : c->local_json);
      if (c->label == NULL)
        c->label = conflict_label (c->kept_incoming ? c->local_json : c->incoming_json);
      g_ptr_array_add (list, c);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      set_sqlite_error (self, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
mark_conflict_resolved (NremStore  *self,
                        gint64      id,
                        GError    **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, "UPDATE conflict SET resolved_at = ?2 WHERE id = ?1",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int64 (stmt, 2, nrem_time_now_ms ());
  rc = sqlite3_step (stmt);
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The content of a version kept as JSON by the conflict table, as a row. Only what this
 * store wrote is read here, so unknown shapes are simply skipped. */
static NremRow *
row_from_conflict_json (NremEntityKind  kind,
                        const char     *json)
{
  const NremEntity *entity = nrem_entity_get (kind);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(NremRow) row = nrem_row_new (kind);
  JsonObject *object;

  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return NULL;
  object = json_node_get_object (json_parser_get_root (parser));
  row->uuid = g_strdup (json_object_get_string_member_with_default (object, "uuid", ""));
  /* a deletion stays a deletion when it is the version kept */
  if (!nrem_time_parse_ms (json_object_get_string_member_with_default (object, "deleted_at", ""),
                           &row->deleted_at))
    row->deleted_at = 0;
  else if (row->deleted_at == 0)
    row->deleted_at = 1;
  for (guint i = 0; i < entity->n_fields; i++)
    {
      JsonNode *node = json_object_get_member (object, entity->fields[i].name);

      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        continue;
      if (JSON_NODE_HOLDS_ARRAY (node))
        {
          g_autoptr(JsonGenerator) gen = json_generator_new ();

          if (json_array_get_length (json_node_get_array (node)) == 0)
            continue;
          json_generator_set_root (gen, node);
          row->values[i] = json_generator_to_data (gen, NULL);
        }
      else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
        row->values[i] = g_strdup (json_node_get_boolean (node) ? "1" : "0");
      else if (json_node_get_value_type (node) == G_TYPE_INT64)
        row->values[i] = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        row->values[i] = g_strdup (json_node_get_string (node));
    }
  return g_steal_pointer (&row);
}

/**
 * nrem_store_resolve_conflict:
 * @keep_incoming: %TRUE to keep the file's version, %FALSE to keep this database's
 *
 * Closes a conflict. When the version to keep is not the one the merge kept, it is written
 * again as a new edit of this database, so that it wins everywhere the edit travels.
 */
gboolean
nrem_store_resolve_conflict (NremStore  *self,
                             gint64      conflict_id,
                             gboolean    keep_incoming,
                             GError    **error)
{
  g_autoptr(GPtrArray) conflicts = NULL;
  NremConflict *conflict = NULL;

  if (!nrem_store_begin (self, error))
    return FALSE;

  conflicts = nrem_store_list_conflicts (self, error);
  if (conflicts == NULL)
    goto fail;
  for (guint i = 0; i < conflicts->len; i++)
    if (((NremConflict *) g_ptr_array_index (conflicts, i))->id == conflict_id)
      conflict = g_ptr_array_index (conflicts, i);
  if (conflict == NULL)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                   _("This conflict was already resolved."));
      goto fail;
    }

  if (conflict->kept_incoming != keep_incoming)
    {
      g_autoptr(NremRow) current = nrem_store_get_row (self, conflict->kind, conflict->uuid, error);
      g_autoptr(NremRow) chosen =
        row_from_conflict_json (conflict->kind,
                                keep_incoming ? conflict->incoming_json : conflict->local_json);

      if (current == NULL || chosen == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                         _("The record of this conflict no longer exists."));
          goto fail;
        }
      nrem_store_stamp (self, chosen, current);
      if (!nrem_store_replace_row (self, current, chosen, error))
        goto fail;
    }

  if (!mark_conflict_resolved (self, conflict_id, error))
    goto fail;

  mark_changed (self, conflict->kind);
  return nrem_store_commit (self, error);

fail:
  nrem_store_rollback (self);
  return FALSE;
}

/**
 * nrem_store_stamp:
 * @previous: (nullable): the version @row replaces
 *
 * Gives @row the clock of a new edit made by this database: it wins over @previous on every
 * machine, whatever the clocks of the machines say.
 */
void
nrem_store_stamp (NremStore     *self,
                  NremRow       *row,
                  const NremRow *previous)
{
  gint64 now = nrem_time_now_ms ();

  row->updated_at = previous != NULL ? MAX (now, previous->updated_at) : now;
  row->rev = previous != NULL ? previous->rev + 1 : 1;
  g_free (row->origin);
  row->origin = g_strdup (self->origin);
  if (previous != NULL && row->uuid == NULL)
    row->uuid = g_strdup (previous->uuid);
}

static gboolean
set_fields (NremRow             *row,
            const char * const  *fields,
            const char * const  *values,
            GError             **error)
{
  const NremEntity *entity = nrem_entity_get (row->kind);

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      int idx = nrem_entity_field_index (entity, fields[i]);

      if (idx < 0)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED,
                       "%s has no field “%s”", entity->name, fields[i]);
          return FALSE;
        }
      nrem_row_take_value (row, (guint) idx,
                           values[i] != NULL && values[i][0] != '\0' ? g_strdup (values[i]) : NULL);
    }
  return TRUE;
}

/**
 * nrem_store_create:
 * @uuid: (nullable): the identity of the record, or %NULL for a new random one
 *
 * Returns: (transfer full): the uuid of the new record
 */
char *
nrem_store_create (NremStore           *self,
                   NremEntityKind       kind,
                   const char          *uuid,
                   const char * const  *fields,
                   const char * const  *values,
                   GError             **error)
{
  g_autoptr(NremRow) row = nrem_row_new (kind);
  g_autoptr(NremRow) previous = NULL;
  gboolean own_tx = !self->in_transaction;

  row->uuid = uuid != NULL ? g_strdup (uuid) : nrem_uuid_new_v4 ();
  if (!set_fields (row, fields, values, error))
    return NULL;
  if (own_tx && !nrem_store_begin (self, error))
    return NULL;

  /* Re-creating a record of a known identity (a re-import, an undo) is an edit of it. */
  previous = nrem_store_get_row (self, kind, row->uuid, NULL);
  nrem_store_stamp (self, row, previous);
  if (!nrem_store_replace_row (self, previous, row, error))
    goto fail;
  if (own_tx && !nrem_store_commit (self, error))
    return NULL;
  return g_strdup (row->uuid);

fail:
  if (own_tx)
    nrem_store_rollback (self);
  return NULL;
}

gboolean
nrem_store_update (NremStore           *self,
                   NremEntityKind       kind,
                   const char          *uuid,
                   const char * const  *fields,
                   const char * const  *values,
                   GError             **error)
{
  g_autoptr(NremRow) previous = NULL;
  g_autoptr(NremRow) row = NULL;
  gboolean own_tx = !self->in_transaction;

  if (own_tx && !nrem_store_begin (self, error))
    return FALSE;
  previous = nrem_store_get_row (self, kind, uuid, error);
  if (previous == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                     _("The record was deleted meanwhile."));
      goto fail;
    }
  row = nrem_row_copy (previous);
  if (!set_fields (row, fields, values, error))
    goto fail;
  if (nrem_row_content_equal (row, previous))
    {
      if (own_tx)
        nrem_store_rollback (self);
      return TRUE;
    }
  nrem_store_stamp (self, row, previous);
  if (!nrem_store_replace_row (self, previous, row, error))
    goto fail;
  if (own_tx)
    return nrem_store_commit (self, error);
  return TRUE;

fail:
  if (own_tx)
    nrem_store_rollback (self);
  return FALSE;
}

static gboolean
set_deleted (NremStore       *self,
             NremEntityKind   kind,
             const char      *uuid,
             gboolean         deleted,
             GError         **error)
{
  g_autoptr(NremRow) previous = NULL;
  g_autoptr(NremRow) row = NULL;
  gboolean own_tx = !self->in_transaction;

  if (own_tx && !nrem_store_begin (self, error))
    return FALSE;
  previous = nrem_store_get_row (self, kind, uuid, error);
  if (previous == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND, _("The record no longer exists."));
      goto fail;
    }
  /* A record this database only knows as a tombstone has no content to bring back: made
   * live, it would be a record without its required fields, and every file this database
   * writes would be refused everywhere. */
  if (!deleted && previous->deleted_at != 0)
    {
      const NremEntity *entity = nrem_entity_get (kind);

      for (guint i = 0; i < entity->n_fields; i++)
        if ((entity->fields[i].flags & NREM_FIELD_FLAG_REQUIRED) && previous->values[i] == NULL)
          {
            g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                         _("The record was deleted elsewhere before this computer saw it; "
                           "it cannot be brought back here."));
            goto fail;
          }
    }
  row = nrem_row_copy (previous);
  nrem_store_stamp (self, row, previous);
  /* The content stays, so that Undo can bring the record back as it was. */
  row->deleted_at = deleted ? row->updated_at : 0;
  if (!nrem_store_replace_row (self, previous, row, error))
    goto fail;
  if (own_tx)
    return nrem_store_commit (self, error);
  return TRUE;

fail:
  if (own_tx)
    nrem_store_rollback (self);
  return FALSE;
}

gboolean
nrem_store_delete (NremStore       *self,
                   NremEntityKind   kind,
                   const char      *uuid,
                   GError         **error)
{
  return set_deleted (self, kind, uuid, TRUE, error);
}

gboolean
nrem_store_undelete (NremStore       *self,
                     NremEntityKind   kind,
                     const char      *uuid,
                     GError         **error)
{
  return set_deleted (self, kind, uuid, FALSE, error);
}

gboolean
nrem_store_meeting_counts (NremStore          *self,
                           const char         *meeting_uuid,
                           NremMeetingCounts  *counts,
                           GError            **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  memset (counts, 0, sizeof *counts);

  rc = sqlite3_prepare_v2 (self->db,
                           "SELECT 'a', status, count(*), sum(head_of_delegation) FROM attendance"
                           " WHERE meeting = ?1 AND deleted_at IS NULL GROUP BY status"
                           " UNION ALL SELECT 's', NULL, count(*), 0 FROM session"
                           " WHERE meeting = ?1 AND deleted_at IS NULL"
                           " UNION ALL SELECT 'r', status, count(*), 0 FROM recommendation"
                           " WHERE meeting = ?1 AND deleted_at IS NULL GROUP BY status",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    return set_sqlite_error (self, rc, error);
  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *what = (const char *) sqlite3_column_text (stmt, 0);
      const char *status = (const char *) sqlite3_column_text (stmt, 1);
      guint n = (guint) sqlite3_column_int (stmt, 2);

      if (what[0] == 's')
        counts->sessions = n;
      else if (what[0] == 'a')
        {
          for (guint i = 0; nrem_attendance_statuses[i] != NULL; i++)
            if (g_strcmp0 (status, nrem_attendance_statuses[i]) == 0)
              counts->attendance[i] = n;
          counts->head_of_delegation += (guint) sqlite3_column_int (stmt, 3);
        }
      else
        {
          for (guint i = 0; nrem_recommendation_statuses[i] != NULL; i++)
            if (g_strcmp0 (status, nrem_recommendation_statuses[i]) == 0)
              counts->recommendations[i] = n;
        }
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return set_sqlite_error (self, rc, error);
  return TRUE;
}

char *
nrem_store_latest_meeting (NremStore *self)
{
  sqlite3_stmt *stmt = NULL;
  char *uuid = NULL;

  if (sqlite3_prepare_v2 (self->db,
                          "SELECT uuid FROM meeting WHERE deleted_at IS NULL"
                          " ORDER BY start_date DESC, uuid LIMIT 1", -1, &stmt, NULL) == SQLITE_OK &&
      sqlite3_step (stmt) == SQLITE_ROW)
    uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return uuid;
}

sqlite3 *
nrem_store_get_db (NremStore *self)
{
  return self->db;
}

gboolean
nrem_store_set_sqlite_error (NremStore  *self,
                             int         rc,
                             GError    **error)
{
  return set_sqlite_error (self, rc, error);
}

gboolean
nrem_store_in_transaction (NremStore *self)
{
  return self->in_transaction;
}

void
nrem_store_mark_changed (NremStore      *self,
                         NremEntityKind  kind)
{
  mark_changed (self, kind);
}
