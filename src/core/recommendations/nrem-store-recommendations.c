/* nrem-store-recommendations.c
 *
 * SQL for recommendations and revisions. Statements are prepared with bound parameters; the
 * only text put into SQL is the column names of the entity descriptions (nrem-entity.c).
 * Edits go through nrem_store_create()/nrem_store_update() inside one transaction, so that
 * each carries the merge clock the exchange needs.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-store"

#include "config.h"

#include "nrem-store-recommendations.h"
#include "nrem-store-private.h"
#include "nrem-recommendation-rules.h"
#include "nrem-error.h"
#include "nrem-time.h"
#include "nrem-uuid.h"

#include <glib/gi18n.h>
#include <string.h>

void
nrem_recommendation_entry_free (NremRecommendationEntry *entry)
{
  if (entry == NULL)
    return;
  nrem_row_free (entry->row);
  g_free (entry->proposer_name);
  g_free (entry);
}

void
nrem_person_free (NremPerson *person)
{
  if (person == NULL)
    return;
  g_free (person->uuid);
  g_free (person->name);
  g_free (person->detail);
  g_free (person);
}

static sqlite3_stmt *
prepare (NremStore   *self,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (nrem_store_get_db (self), sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      nrem_store_set_sqlite_error (self, rc, error);
      sqlite3_finalize (stmt);
      return NULL;
    }
  return stmt;
}

/* "r.uuid, r.updated_at, …, r."text"": the columns of an entity in the order of its fields */
static char *
columns (NremEntityKind  kind,
         const char     *alias)
{
  const NremEntity *entity = nrem_entity_get (kind);
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql, "%s.uuid, %s.updated_at, %s.rev, %s.origin, %s.deleted_at",
                          alias, alias, alias, alias, alias);
  for (guint i = 0; i < entity->n_fields; i++)
    g_string_append_printf (sql, ", %s.\"%s\"", alias, entity->fields[i].name);
  return g_string_free (sql, FALSE);
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

static int
n_columns (NremEntityKind kind)
{
  return 5 + (int) nrem_entity_get (kind)->n_fields;
}

static gboolean
finish (NremStore     *self,
        sqlite3_stmt  *stmt,
        int            rc,
        GError       **error)
{
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    return nrem_store_set_sqlite_error (self, rc, error);
  return TRUE;
}

/* The recommendations whose history may fork: two revisions over the same parent, or two
 * first revisions. Read from the index on parents, so that a long list stays quick; the
 * revision graph says whether a fork is still open. */
static GHashTable *
forked_recommendations (NremStore  *self,
                        GError    **error)
{
  static const char * const queries[] = {
    "SELECT DISTINCT c.recommendation FROM revision c WHERE c.parent IN"
    " (SELECT parent FROM revision WHERE parent IS NOT NULL GROUP BY parent HAVING count(*) > 1)",
    "SELECT recommendation FROM revision WHERE parent IS NULL"
    " GROUP BY recommendation HAVING count(*) > 1",
  };
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint q = 0; q < G_N_ELEMENTS (queries); q++)
    {
      sqlite3_stmt *stmt = prepare (self, queries[q], error);
      int rc;

      if (stmt == NULL)
        return NULL;
      while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
        g_hash_table_add (set, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
      if (!finish (self, stmt, rc, error))
        return NULL;
    }
  return g_steal_pointer (&set);
}

/**
 * nrem_store_list_recommendations:
 *
 * Returns: (transfer full) (element-type NremRecommendationEntry): the live recommendations of
 *   the meeting by position, with their proposer's name and whether their history may fork
 */
GPtrArray *
nrem_store_list_recommendations (NremStore   *self,
                                 const char  *meeting_uuid,
                                 GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_recommendation_entry_free);
  g_autoptr(GHashTable) forked = NULL;
  g_autofree char *cols = columns (NREM_ENTITY_RECOMMENDATION, "r");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int base = n_columns (NREM_ENTITY_RECOMMENDATION);
  int rc;

  if (!(forked = forked_recommendations (self, error)))
    return NULL;
  sql = g_strconcat ("SELECT ", cols, ", p.name"
                     " FROM recommendation r LEFT JOIN participant p ON p.uuid = r.proposer"
                     " WHERE r.meeting = ?1 AND r.deleted_at IS NULL"
                     " ORDER BY r.position, r.uuid", NULL);
  if (!(stmt = prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NremRecommendationEntry *entry = g_new0 (NremRecommendationEntry, 1);

      entry->row = row_from_statement (stmt, NREM_ENTITY_RECOMMENDATION);
      entry->proposer_name = g_strdup ((const char *) sqlite3_column_text (stmt, base));
      entry->n_heads = g_hash_table_contains (forked, entry->row->uuid) ? 2 : 1;
      g_ptr_array_add (list, entry);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * nrem_store_count_revisions:
 *
 * Returns: how many revisions a recommendation's history holds
 */
guint
nrem_store_count_revisions (NremStore  *self,
                            const char *recommendation_uuid)
{
  sqlite3_stmt *stmt = prepare (self, "SELECT count(*) FROM revision WHERE recommendation = ?1"
                                      " AND deleted_at IS NULL", NULL);
  guint n = 0;

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, recommendation_uuid, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    n = (guint) sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

/**
 * nrem_store_list_revisions:
 *
 * Returns: (transfer full) (element-type NremRow): the live revisions of a recommendation,
 *   oldest first
 */
GPtrArray *
nrem_store_list_revisions (NremStore   *self,
                           const char  *recommendation_uuid,
                           GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  g_autofree char *cols = columns (NREM_ENTITY_REVISION, "v");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strconcat ("SELECT ", cols, " FROM revision v"
                     " WHERE v.recommendation = ?1 AND v.deleted_at IS NULL"
                     " ORDER BY v.created_at, v.uuid", NULL);
  if (!(stmt = prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, recommendation_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, row_from_statement (stmt, NREM_ENTITY_REVISION));
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * nrem_store_load_revision_graph:
 *
 * Returns: (transfer full): the history of a recommendation, its heads and conflicts
 */
NremRevisionGraph *
nrem_store_load_revision_graph (NremStore   *self,
                                const char  *recommendation_uuid,
                                GError     **error)
{
  g_autoptr(NremRow) rec = nrem_store_get_row (self, NREM_ENTITY_RECOMMENDATION,
                                               recommendation_uuid, error);
  GPtrArray *revisions;

  if (rec == NULL)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                     _("The recommendation no longer exists."));
      return NULL;
    }
  revisions = nrem_store_list_revisions (self, recommendation_uuid, error);
  if (revisions == NULL)
    return NULL;
  return nrem_revision_graph_new (revisions, nrem_row_get (rec, "text"),
                                  nrem_row_get (rec, "status"));
}

/**
 * nrem_store_list_people:
 * @meeting_uuid: (nullable): the people who attend it come first
 *
 * Returns: (transfer full) (element-type NremPerson): the directory, by name
 */
GPtrArray *
nrem_store_list_people (NremStore   *self,
                        const char  *meeting_uuid,
                        GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_person_free);
  sqlite3_stmt *stmt;
  int rc;

  stmt = prepare (self,
                  "SELECT p.uuid, p.name, p.organisation, c.name,"
                  " EXISTS (SELECT 1 FROM attendance a WHERE a.participant = p.uuid"
                  "   AND a.meeting = ?1 AND a.deleted_at IS NULL) AS attending"
                  " FROM participant p LEFT JOIN country c ON c.code = p.country"
                  " WHERE p.deleted_at IS NULL"
                  " ORDER BY attending DESC, p.name COLLATE NOCASE, p.uuid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NremPerson *person = g_new0 (NremPerson, 1);
      const char *org = (const char *) sqlite3_column_text (stmt, 2);
      const char *country = (const char *) sqlite3_column_text (stmt, 3);

      person->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      person->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
      if (org != NULL && country != NULL)
        person->detail = g_strdup_printf ("%s, %s", org, country);
      else
        person->detail = g_strdup (org != NULL ? org : country);
      person->attending = sqlite3_column_int (stmt, 4) != 0;
      g_ptr_array_add (list, person);
    }
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

/**
 * nrem_store_list_meeting_sessions:
 *
 * Returns: (transfer full) (element-type NremRow): the live sessions of the meeting in the
 *   order of the agenda
 */
GPtrArray *
nrem_store_list_meeting_sessions (NremStore   *self,
                                  const char  *meeting_uuid,
                                  GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  g_autofree char *cols = columns (NREM_ENTITY_SESSION, "s");
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  sql = g_strconcat ("SELECT ", cols, " FROM session s"
                     " WHERE s.meeting = ?1 AND s.deleted_at IS NULL"
                     " ORDER BY s.day, s.start_time, s.title, s.uuid", NULL);
  if (!(stmt = prepare (self, sql, error)))
    return NULL;
  sqlite3_bind_text (stmt, 1, meeting_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, row_from_statement (stmt, NREM_ENTITY_SESSION));
  if (!finish (self, stmt, rc, error))
    return NULL;
  return g_steal_pointer (&list);
}

static char *
query_text (NremStore  *self,
            const char *sql,
            const char *param)
{
  sqlite3_stmt *stmt = prepare (self, sql, NULL);
  char *value = NULL;

  if (stmt == NULL || param == NULL)
    {
      sqlite3_finalize (stmt);
      return NULL;
    }
  sqlite3_bind_text (stmt, 1, param, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_ROW)
    value = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  return value;
}

char *
nrem_store_dup_participant_name (NremStore  *self,
                                 const char *uuid)
{
  return query_text (self, "SELECT name FROM participant WHERE uuid = ?1", uuid);
}

char *
nrem_store_dup_country_name (NremStore  *self,
                             const char *code)
{
  return query_text (self, "SELECT name FROM country WHERE code = ?1 AND deleted_at IS NULL", code);
}

/* ------------------------------------------------------------------------------------------
 * Edits
 */

/* Positions 1 … n in the order given; only those that change are written. Inside a
 * transaction. */
static gboolean
rewrite_positions (NremStore           *self,
                   const char * const  *order,
                   GError             **error)
{
  for (guint i = 0; order[i] != NULL; i++)
    {
      g_autofree char *position = g_strdup_printf ("%u", i + 1);
      const char *fields[] = { "position", NULL };
      const char *values[] = { position, NULL };

      if (!nrem_store_update (self, NREM_ENTITY_RECOMMENDATION, order[i], fields, values, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * nrem_store_create_recommendation:
 * @order: the meeting's recommendations in document order
 * @index: where the new one goes in @order (0 first; the length of @order last)
 * @fields: (nullable): fields to set besides meeting, position and status ("draft")
 *
 * Creates a recommendation and renumbers the document around it, in one transaction.
 *
 * Returns: (transfer full): the new recommendation's uuid
 */
char *
nrem_store_create_recommendation (NremStore           *self,
                                  const char          *meeting_uuid,
                                  const char * const  *order,
                                  guint                index,
                                  const char * const  *fields,
                                  const char * const  *values,
                                  GError             **error)
{
  g_autoptr(GPtrArray) all_fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_values = g_ptr_array_new ();
  g_autoptr(GPtrArray) new_order = g_ptr_array_new ();
  g_autofree char *uuid = nrem_uuid_new_v4 ();
  g_autofree char *position = NULL;
  guint n = order != NULL ? g_strv_length ((char **) order) : 0;
  gboolean has_status = FALSE;

  index = MIN (index, n);
  position = g_strdup_printf ("%u", index + 1);
  g_ptr_array_add (all_fields, (gpointer) "meeting");
  g_ptr_array_add (all_values, (gpointer) meeting_uuid);
  g_ptr_array_add (all_fields, (gpointer) "position");
  g_ptr_array_add (all_values, position);
  g_ptr_array_add (all_fields, (gpointer) "bracketed");
  g_ptr_array_add (all_values, (gpointer) "0");
  g_ptr_array_add (all_fields, (gpointer) "alternative");
  g_ptr_array_add (all_values, (gpointer) "0");
  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_ptr_array_add (all_fields, (gpointer) fields[i]);
      g_ptr_array_add (all_values, (gpointer) values[i]);
      has_status |= strcmp (fields[i], "status") == 0;
    }
  if (!has_status)
    {
      g_ptr_array_add (all_fields, (gpointer) "status");
      g_ptr_array_add (all_values, (gpointer) "draft");
    }
  g_ptr_array_add (all_fields, NULL);
  g_ptr_array_add (all_values, NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i == index)
        g_ptr_array_add (new_order, uuid);
      g_ptr_array_add (new_order, (gpointer) order[i]);
    }
  if (index == n)
    g_ptr_array_add (new_order, uuid);
  g_ptr_array_add (new_order, NULL);

  if (!nrem_store_begin (self, error))
    return NULL;
  {
    g_autofree char *created = nrem_store_create (self, NREM_ENTITY_RECOMMENDATION, uuid,
                                                  (const char * const *) all_fields->pdata,
                                                  (const char * const *) all_values->pdata,
                                                  error);

    if (created == NULL ||
        !rewrite_positions (self, (const char * const *) new_order->pdata, error))
      {
        nrem_store_rollback (self);
        return NULL;
      }
  }
  if (!nrem_store_commit (self, error))
    return NULL;
  return g_steal_pointer (&uuid);
}

static gboolean
add_revision (NremStore   *self,
              const char  *recommendation,
              const char  *parent,
              const char  *author,
              const char  *author_name,
              const char  *status,
              const char  *text,
              GError     **error)
{
  g_autofree char *created_at = nrem_time_format_ms (nrem_time_now_ms ());
  const char *fields[] = { "recommendation", "parent", "author", "author_name", "created_at",
                           "status", "text", NULL };
  const char *values[] = { recommendation, parent, author, author_name, created_at,
                           status, text, NULL };
  g_autofree char *uuid = NULL;

  /* an author who is not in the directory (any more) is kept by name */
  if (author != NULL && !nrem_store_has_record (self, NREM_ENTITY_PARTICIPANT, author))
    values[2] = NULL;
  uuid = nrem_store_create (self, NREM_ENTITY_REVISION, NULL, fields, values, error);
  return uuid != NULL;
}

static char *
normalised (const char *value)
{
  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

/**
 * nrem_store_save_recommendation:
 * @fields: fields of the recommendation to set, NULL-terminated
 * @author: (nullable): the participant who writes, for the revision
 * @author_name: (nullable): their name as shown in the history
 * @out_revision: (out) (optional): whether a revision was written
 *
 * Saves an edit of a recommendation in one transaction. When its text or status changes, a
 * revision records the new version as a child of the current head. Leaving "merged" forgets
 * the recommendation it went into.
 */
gboolean
nrem_store_save_recommendation (NremStore           *self,
                                const char          *uuid,
                                const char * const  *fields,
                                const char * const  *values,
                                const char          *author,
                                const char          *author_name,
                                gboolean            *out_revision,
                                GError             **error)
{
  g_autoptr(NremRow) previous = NULL;
  g_autoptr(NremRow) next = NULL;
  g_autoptr(GPtrArray) all_fields = g_ptr_array_new ();
  g_autoptr(GPtrArray) all_values = g_ptr_array_new ();
  gboolean text_or_status;

  if (out_revision != NULL)
    *out_revision = FALSE;
  if (!nrem_store_begin (self, error))
    return FALSE;

  previous = nrem_store_get_row (self, NREM_ENTITY_RECOMMENDATION, uuid, error);
  if (previous == NULL || previous->deleted_at != 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error_literal (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                             _("The recommendation was deleted meanwhile; the edit was not saved."));
      goto fail;
    }

  next = nrem_row_copy (previous);
  for (guint i = 0; fields[i] != NULL; i++)
    {
      g_autofree char *value = normalised (values[i]);

      if (nrem_entity_field_index (nrem_entity_get (NREM_ENTITY_RECOMMENDATION), fields[i]) < 0)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED, "recommendations have no field “%s”",
                       fields[i]);
          goto fail;
        }
      nrem_row_set (next, fields[i], value);
      g_ptr_array_add (all_fields, (gpointer) fields[i]);
      g_ptr_array_add (all_values, (gpointer) values[i]);
    }
  if (g_strcmp0 (nrem_row_get (next, "status"), "merged") != 0 &&
      nrem_row_get (next, "merged_into") != NULL)
    {
      nrem_row_set (next, "merged_into", NULL);
      g_ptr_array_add (all_fields, (gpointer) "merged_into");
      g_ptr_array_add (all_values, NULL);
    }
  if (!nrem_recommendation_check_status (uuid, nrem_row_get (next, "status"),
                                         nrem_row_get (next, "merged_into"),
                                         nrem_row_get (next, "text"), error))
    goto fail;
  if (nrem_row_get (next, "merged_into") != NULL &&
      !nrem_store_has_record (self, NREM_ENTITY_RECOMMENDATION, nrem_row_get (next, "merged_into")))
    {
      g_set_error_literal (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                           _("The recommendation it was merged into no longer exists."));
      goto fail;
    }

  if (nrem_row_content_equal (next, previous))
    {
      nrem_store_rollback (self);
      return TRUE;
    }

  g_ptr_array_add (all_fields, NULL);
  g_ptr_array_add (all_values, NULL);
  if (!nrem_store_update (self, NREM_ENTITY_RECOMMENDATION, uuid,
                          (const char * const *) all_fields->pdata,
                          (const char * const *) all_values->pdata, error))
    goto fail;

  text_or_status = g_strcmp0 (nrem_row_get (next, "text"), nrem_row_get (previous, "text")) != 0 ||
                   g_strcmp0 (nrem_row_get (next, "status"), nrem_row_get (previous, "status")) != 0;
  if (text_or_status)
    {
      g_autoptr(NremRevisionGraph) graph = nrem_store_load_revision_graph (self, uuid, error);
      const char *parent;

      if (graph == NULL)
        goto fail;
      /* the head the recommendation showed before this edit */
      parent = NULL;
      for (guint i = 0; i < graph->heads->len && parent == NULL; i++)
        {
          NremRow *head = g_ptr_array_index (graph->heads, i);

          if (g_strcmp0 (nrem_row_get (head, "text"), nrem_row_get (previous, "text")) == 0 &&
              g_strcmp0 (nrem_row_get (head, "status"), nrem_row_get (previous, "status")) == 0)
            parent = head->uuid;
        }
      /* a version written over another that arrived meanwhile, unseen, forks from what was
       * shown: the other stays a head, to be merged, rather than silently taken as read */
      for (guint i = graph->revisions->len; i > 0 && parent == NULL; i--)
        {
          NremRow *rev = g_ptr_array_index (graph->revisions, i - 1);

          if (g_strcmp0 (nrem_row_get (rev, "text"), nrem_row_get (previous, "text")) == 0 &&
              g_strcmp0 (nrem_row_get (rev, "status"), nrem_row_get (previous, "status")) == 0)
            parent = rev->uuid;
        }
      if (parent == NULL && graph->heads->len > 0)
        parent = ((NremRow *) g_ptr_array_index (graph->heads, 0))->uuid;
      if (!add_revision (self, uuid, parent, author, author_name, nrem_row_get (next, "status"),
                         nrem_row_get (next, "text"), error))
        goto fail;
      if (out_revision != NULL)
        *out_revision = TRUE;
    }

  return nrem_store_commit (self, error);

fail:
  nrem_store_rollback (self);
  return FALSE;
}

/**
 * nrem_store_reorder_recommendations:
 * @order: uuids in their new document order
 * @moved: (nullable): the recommendation that moved, when it changes section
 * @fields: (nullable): what changes of it (its theme, its addressees)
 *
 * Renumbers: positions 1 … n, and the fields of the one that moved, in one transaction.
 */
gboolean
nrem_store_reorder_recommendations (NremStore           *self,
                                    const char * const  *order,
                                    const char          *moved,
                                    const char * const  *fields,
                                    const char * const  *values,
                                    GError             **error)
{
  if (!nrem_store_begin (self, error))
    return FALSE;
  if ((moved != NULL && fields != NULL &&
       !nrem_store_update (self, NREM_ENTITY_RECOMMENDATION, moved, fields, values, error)) ||
      !rewrite_positions (self, order, error))
    {
      nrem_store_rollback (self);
      return FALSE;
    }
  return nrem_store_commit (self, error);
}

/**
 * nrem_store_merge_recommendation:
 * @text: the merged text
 * @status: the merged status
 *
 * Closes a fork of the history: the merged text becomes a revision over the current head
 * (the newest), and over each open head as well, so that every line of the history ends in
 * it and no machine shows the fork again. The versions merged stay in the history.
 */
gboolean
nrem_store_merge_recommendation (NremStore   *self,
                                 const char  *uuid,
                                 const char  *text,
                                 const char  *status,
                                 const char  *author,
                                 const char  *author_name,
                                 GError     **error)
{
  g_autoptr(NremRevisionGraph) graph = NULL;
  g_autoptr(NremRow) rec = NULL;
  const char *fields[] = { "text", "status", NULL };
  const char *values[] = { text, status, NULL };

  if (!nrem_store_begin (self, error))
    return FALSE;

  rec = nrem_store_get_row (self, NREM_ENTITY_RECOMMENDATION, uuid, error);
  graph = rec != NULL ? nrem_store_load_revision_graph (self, uuid, error) : NULL;
  if (graph == NULL)
    goto fail;
  if (!nrem_recommendation_check_status (uuid, status, nrem_row_get (rec, "merged_into"), text, error))
    goto fail;

  if (graph->current != NULL &&
      !add_revision (self, uuid, graph->current->uuid, author, author_name, status, text, error))
    goto fail;
  for (guint i = 0; i < graph->open_heads->len; i++)
    {
      NremRow *head = g_ptr_array_index (graph->open_heads, i);

      if (!add_revision (self, uuid, head->uuid, author, author_name, status, text, error))
        goto fail;
    }
  if (!nrem_store_update (self, NREM_ENTITY_RECOMMENDATION, uuid, fields, values, error))
    goto fail;
  return nrem_store_commit (self, error);

fail:
  nrem_store_rollback (self);
  return FALSE;
}
