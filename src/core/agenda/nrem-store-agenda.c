/* nrem-store-agenda.c
 *
 * Prepared statements with bound parameters only; the column lists come from the entity
 * descriptions, never from data.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-store-agenda"

#include "config.h"

#include "nrem-store-agenda.h"
#include "nrem-store-private.h"

#include <string.h>

static char *
column_list (NremEntityKind kind)
{
  const NremEntity *entity = nrem_entity_get (kind);
  GString *sql = g_string_new ("uuid, updated_at, rev, origin, deleted_at");

  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, ", \"%s\"", entity->fields[i].name);
  return g_string_free (sql, FALSE);
}

/* Sessions and participants have no timestamp fields: every value reads as text. */
static NremRow *
read_row (sqlite3_stmt   *stmt,
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
    if (sqlite3_column_type (stmt, (int) i + 5) != SQLITE_NULL)
      row->values[i] = g_strdup ((const char *) sqlite3_column_text (stmt, (int) i + 5));
  return row;
}

static sqlite3_stmt *
prepare (NremStore   *store,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (nrem_store_get_db (store), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      nrem_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return stmt;
}

static GPtrArray *
collect_rows (NremStore       *store,
              sqlite3_stmt    *stmt,
              NremEntityKind   kind,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (rows, read_row (stmt, kind));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      nrem_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&rows);
}

/**
 * nrem_store_agenda_list_sessions:
 *
 * Returns: (transfer full) (element-type NremRow): the live sessions of the meeting in the
 *   order of the programme: by day, start, end, title
 */
GPtrArray *
nrem_store_agenda_list_sessions (NremStore   *store,
                                 const char  *meeting_uuid,
                                 GError     **error)
{
  g_autofree char *columns = column_list (NREM_ENTITY_SESSION);
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("SELECT %s FROM session WHERE meeting = ?1 AND deleted_at IS NULL"
                         " ORDER BY day, coalesce (start_time, ''), coalesce (end_time, ''),"
                         " title COLLATE NOCASE, uuid", columns);
  stmt = prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_TRANSIENT);
  return collect_rows (store, stmt, NREM_ENTITY_SESSION, error);
}

/**
 * nrem_store_agenda_people_names:
 *
 * Returns: (transfer full): uuid → name of every participant the meeting's sessions name as
 *   chair, rapporteur or speaker (deleted participants keep their names: a programme that
 *   names them still reads)
 */
GHashTable *
nrem_store_agenda_people_names (NremStore   *store,
                                const char  *meeting_uuid,
                                GError     **error)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store,
                  "SELECT uuid, name FROM participant WHERE uuid IN ("
                  " SELECT chair FROM session WHERE meeting = ?1 AND deleted_at IS NULL"
                  " UNION SELECT rapporteur FROM session WHERE meeting = ?1 AND deleted_at IS NULL"
                  " UNION SELECT j.value FROM session, json_each (session.speakers) AS j"
                  "   WHERE session.meeting = ?1 AND session.deleted_at IS NULL"
                  "   AND json_valid (session.speakers))", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_hash_table_insert (names, g_strdup ((const char *) sqlite3_column_text (stmt, 0)),
                         g_strdup ((const char *) sqlite3_column_text (stmt, 1)));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      nrem_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&names);
}

static char *
like_pattern (const char *text,
              gboolean    prefix_only)
{
  GString *out = g_string_new (prefix_only ? "" : "%");

  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '%' || *p == '_' || *p == '\\')
        g_string_append_c (out, '\\');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '%');
  return g_string_free (out, FALSE);
}

/**
 * nrem_store_agenda_search_people:
 * @query: what was typed: part of a name or an organisation; "" lists everyone
 *
 * Returns: (transfer full) (element-type NremRow): live participants, names that start with
 *   @query first, then by name; at most @limit
 */
GPtrArray *
nrem_store_agenda_search_people (NremStore   *store,
                                 const char  *query,
                                 guint        limit,
                                 GError     **error)
{
  g_autofree char *columns = column_list (NREM_ENTITY_PARTICIPANT);
  g_autofree char *sql = NULL;
  g_autofree char *stripped = g_strstrip (g_strdup (query ? query : ""));
  g_autofree char *anywhere = like_pattern (stripped, FALSE);
  g_autofree char *prefix = like_pattern (stripped, TRUE);
  sqlite3_stmt *stmt;

  sql = g_strdup_printf ("SELECT %s FROM participant WHERE deleted_at IS NULL"
                         " AND (?1 = '' OR name LIKE ?2 ESCAPE '\\'"
                         "      OR organisation LIKE ?2 ESCAPE '\\')"
                         " ORDER BY (name LIKE ?3 ESCAPE '\\') DESC, name COLLATE NOCASE, uuid"
                         " LIMIT ?4", columns);
  stmt = prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, stripped, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 2, anywhere, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, prefix, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 4, limit);
  return collect_rows (store, stmt, NREM_ENTITY_PARTICIPANT, error);
}

/**
 * nrem_agenda_name_key:
 *
 * What two spellings of one name have in common: case, spacing and composition folded
 * ("Brian  Robinson" and "brian robinson").
 */
char *
nrem_agenda_name_key (const char *name)
{
  g_autofree char *normal = NULL;
  g_autofree char *folded = NULL;
  GString *out;
  gboolean space = FALSE;

  if (name == NULL)
    return g_strdup ("");
  normal = g_utf8_normalize (name, -1, G_NORMALIZE_ALL_COMPOSE);
  if (normal == NULL)
    return g_strdup ("");
  folded = g_utf8_casefold (normal, -1);
  out = g_string_new (NULL);
  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isspace (c))
        {
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/**
 * nrem_store_agenda_people_by_name:
 *
 * Returns: (transfer full): name key (nrem_agenda_name_key()) → uuid of every live
 *   participant; of two people of one name, the first by uuid
 */
GHashTable *
nrem_store_agenda_people_by_name (NremStore  *store,
                                  GError    **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store, "SELECT uuid, name FROM participant WHERE deleted_at IS NULL"
                         " AND name IS NOT NULL ORDER BY uuid", error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char *key = nrem_agenda_name_key ((const char *) sqlite3_column_text (stmt, 1));

      if (key[0] == '\0' || g_hash_table_contains (map, key))
        g_free (key);
      else
        g_hash_table_insert (map, key, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      nrem_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&map);
}

char *
nrem_store_agenda_person_name (NremStore  *store,
                               const char *participant_uuid)
{
  g_autoptr(NremRow) row = NULL;

  if (participant_uuid == NULL)
    return NULL;
  row = nrem_store_get_row (store, NREM_ENTITY_PARTICIPANT, participant_uuid, NULL);
  if (row == NULL)
    return NULL;
  return g_strdup (nrem_row_get (row, "name"));
}
