/* nrem-store-mandates.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-store-mandates"

#include "config.h"

#include "nrem-store-mandates.h"
#include "nrem-error.h"
#include "nrem-store-private.h"

#include <glib/gi18n.h>

static const char *
column_text (sqlite3_stmt *stmt,
             int           col)
{
  return (const char *) sqlite3_column_text (stmt, col);
}

static gboolean
finish_statement (NremStore     *store,
                  sqlite3_stmt  *stmt,
                  int            rc,
                  GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return nrem_store_set_sqlite_error (store, rc, error);
  return TRUE;
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
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/**
 * nrem_store_mandates_load:
 *
 * Fills an empty @matrix with the live dimensions, mechanisms (with their country's name and
 * region) and assessments of @store.
 */
gboolean
nrem_store_mandates_load (NremStore   *store,
                          NremMatrix  *matrix,
                          GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store,
                  "SELECT uuid, key, \"group\", position, label, definition, value_type, options,"
                  " source FROM dimension WHERE deleted_at IS NULL ORDER BY position, key",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    nrem_matrix_add_dimension (matrix, column_text (stmt, 0), column_text (stmt, 1),
                               column_text (stmt, 2), sqlite3_column_int (stmt, 3),
                               column_text (stmt, 4), column_text (stmt, 5),
                               column_text (stmt, 6), column_text (stmt, 7),
                               column_text (stmt, 8));
  if (!finish_statement (store, stmt, rc, error))
    return FALSE;

  stmt = prepare (store,
                  "SELECT m.uuid, m.name, m.country, m.type, m.reference, m.host_body,"
                  " c.name, c.region FROM mechanism m"
                  " LEFT JOIN country c ON c.code = m.country AND c.deleted_at IS NULL"
                  " WHERE m.deleted_at IS NULL",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    nrem_matrix_add_mechanism (matrix, column_text (stmt, 0), column_text (stmt, 1),
                               column_text (stmt, 2), column_text (stmt, 3),
                               sqlite3_column_int (stmt, 4) != 0, column_text (stmt, 5),
                               column_text (stmt, 6), column_text (stmt, 7));
  if (!finish_statement (store, stmt, rc, error))
    return FALSE;

  nrem_matrix_finish (matrix);

  stmt = prepare (store,
                  "SELECT mechanism, dimension, value, note, source, as_of FROM assessment"
                  " WHERE deleted_at IS NULL",
                  error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    nrem_matrix_set_cell (matrix, column_text (stmt, 0), column_text (stmt, 1),
                          column_text (stmt, 2), column_text (stmt, 3), column_text (stmt, 4),
                          column_text (stmt, 5), TRUE);
  return finish_statement (store, stmt, rc, error);
}

static gboolean
is_empty (const char *s)
{
  return s == NULL || s[0] == '\0';
}

/**
 * nrem_store_mandates_save_cell:
 *
 * Writes one cell of the matrix as the assessment of identity
 * v5 "assessment:<mechanism>:<dimension>": created when the cell had none (or had a deleted
 * one), updated otherwise, deleted when every field is empty (the cell is then "not
 * assessed"). One transaction, through the store's edits, so that the merge clock moves.
 */
gboolean
nrem_store_mandates_save_cell (NremStore   *store,
                               const char  *mechanism_uuid,
                               const char  *dimension_uuid,
                               const char  *value,
                               const char  *note,
                               const char  *source,
                               const char  *as_of,
                               GError     **error)
{
  static const char * const fields[] = { "mechanism", "dimension", "value", "note", "source",
                                         "as_of", NULL };
  const char *values[] = { mechanism_uuid, dimension_uuid, value, note, source, as_of, NULL };
  g_autofree char *uuid = nrem_matrix_assessment_uuid (mechanism_uuid, dimension_uuid);
  g_autoptr(NremRow) previous = NULL;
  gboolean empty = is_empty (value) && is_empty (note) && is_empty (source) && is_empty (as_of);
  g_autofree char *created = NULL;

  if (!nrem_store_check_writable (store, error))
    return FALSE;

  previous = nrem_store_get_row (store, NREM_ENTITY_ASSESSMENT, uuid, NULL);
  if (previous != NULL && previous->deleted_at == 0)
    {
      if (empty)
        return nrem_store_delete (store, NREM_ENTITY_ASSESSMENT, uuid, error);
      return nrem_store_update (store, NREM_ENTITY_ASSESSMENT, uuid, fields + 2, values + 2,
                                error);
    }
  if (empty)
    return TRUE;
  created = nrem_store_create (store, NREM_ENTITY_ASSESSMENT, uuid, fields, values, error);
  return created != NULL;
}

static gboolean
list_live_assessments (NremStore   *store,
                       const char  *mechanism_uuid,
                       GPtrArray   *out,
                       GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store,
                  "SELECT uuid FROM assessment WHERE mechanism = ?1 AND deleted_at IS NULL"
                  " ORDER BY uuid",
                  error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, mechanism_uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (out, g_strdup (column_text (stmt, 0)));
  return finish_statement (store, stmt, rc, error);
}

/**
 * nrem_store_mandates_delete_mechanism:
 * @out_assessments: (out) (optional): the uuids of the assessments deleted with it, for Undo
 *
 * Deletes a mechanism and its row of the matrix in one transaction (tombstones, which carry
 * the delete to other machines; the content stays for Undo).
 */
gboolean
nrem_store_mandates_delete_mechanism (NremStore   *store,
                                      const char  *mechanism_uuid,
                                      GPtrArray  **out_assessments,
                                      GError     **error)
{
  g_autoptr(GPtrArray) assessments = g_ptr_array_new_with_free_func (g_free);

  if (!nrem_store_begin (store, error))
    return FALSE;
  if (!list_live_assessments (store, mechanism_uuid, assessments, error))
    goto fail;
  for (guint i = 0; i < assessments->len; i++)
    if (!nrem_store_delete (store, NREM_ENTITY_ASSESSMENT, g_ptr_array_index (assessments, i),
                            error))
      goto fail;
  if (!nrem_store_delete (store, NREM_ENTITY_MECHANISM, mechanism_uuid, error))
    goto fail;
  if (!nrem_store_commit (store, error))
    return FALSE;
  if (out_assessments != NULL)
    *out_assessments = g_steal_pointer (&assessments);
  return TRUE;

fail:
  nrem_store_rollback (store);
  return FALSE;
}

/**
 * nrem_store_mandates_undelete_mechanism:
 * @assessments: (nullable): the uuids nrem_store_mandates_delete_mechanism() returned
 *
 * Brings a deleted mechanism back with the row of the matrix it had, in one transaction.
 */
gboolean
nrem_store_mandates_undelete_mechanism (NremStore   *store,
                                        const char  *mechanism_uuid,
                                        GPtrArray   *assessments,
                                        GError     **error)
{
  if (!nrem_store_begin (store, error))
    return FALSE;
  if (!nrem_store_undelete (store, NREM_ENTITY_MECHANISM, mechanism_uuid, error))
    goto fail;
  for (guint i = 0; assessments != NULL && i < assessments->len; i++)
    if (!nrem_store_undelete (store, NREM_ENTITY_ASSESSMENT, g_ptr_array_index (assessments, i),
                              error))
      goto fail;
  return nrem_store_commit (store, error);

fail:
  nrem_store_rollback (store);
  return FALSE;
}

/**
 * nrem_store_mandates_list_countries:
 *
 * Returns: (transfer full): the live countries, sorted by name, each a #GStrv { code, name,
 * region }
 */
GPtrArray *
nrem_store_mandates_list_countries (NremStore  *store,
                                    GError    **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (store,
                  "SELECT code, name, region FROM country WHERE deleted_at IS NULL"
                  " AND code IS NOT NULL ORDER BY name, code",
                  error);
  if (stmt == NULL)
    return NULL;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      char **item = g_new0 (char *, 4);

      item[0] = g_strdup (column_text (stmt, 0));
      item[1] = g_strdup (column_text (stmt, 1) ? column_text (stmt, 1) : column_text (stmt, 0));
      item[2] = g_strdup (column_text (stmt, 2) ? column_text (stmt, 2) : "");
      g_ptr_array_add (out, item);
    }
  if (!finish_statement (store, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&out);
}
