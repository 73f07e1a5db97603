/* nrem-store-participants.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-store"

#include "config.h"

#include "nrem-store-participants.h"
#include "nrem-store-private.h"
#include "nrem-error.h"
#include "nrem-uuid.h"

#include <glib/gi18n.h>
#include <string.h>

/* The participant's columns in the order of its entity's fields, then the joined ones. */
#define PARTICIPANT_FIELDS 11

static const char participants_sql[] =
  "SELECT p.uuid, p.updated_at, p.rev, p.origin,"
  " p.name, p.honorific, p.position, p.organisation, p.mechanism, p.country, p.role,"
  " p.email, p.phone, p.languages, p.notes,"
  " c.name, c.region, m.name, m.type, m.country"
  " FROM participant AS p"
  " LEFT JOIN country AS c ON c.code = p.country AND c.deleted_at IS NULL"
  " LEFT JOIN mechanism AS m ON m.uuid = p.mechanism AND m.deleted_at IS NULL"
  " WHERE p.deleted_at IS NULL"
  " ORDER BY p.name COLLATE NOCASE, p.uuid"
  " LIMIT ?1 OFFSET ?2";

static const char attendances_sql[] =
  "SELECT uuid, updated_at, rev, origin, participant, meeting, status, head_of_delegation"
  " FROM attendance WHERE deleted_at IS NULL ORDER BY participant, meeting";

/* the attendances of the people of one page of participants_sql */
static const char attendances_page_sql[] =
  "SELECT uuid, updated_at, rev, origin, participant, meeting, status, head_of_delegation"
  " FROM attendance WHERE deleted_at IS NULL AND participant IN"
  " (SELECT uuid FROM participant WHERE deleted_at IS NULL"
  "  ORDER BY name COLLATE NOCASE, uuid LIMIT ?1 OFFSET ?2)"
  " ORDER BY participant, meeting";

static const char countries_sql[] =
  "SELECT uuid, updated_at, rev, origin, code, name, region, subregion, m49"
  " FROM country WHERE deleted_at IS NULL ORDER BY name, code";

static const char mechanisms_sql[] =
  "SELECT uuid, updated_at, rev, origin, name, country, type, reference, legal_basis,"
  " established, host_body, website, notes"
  " FROM mechanism WHERE deleted_at IS NULL AND (?1 OR reference = 0)"
  " ORDER BY name COLLATE NOCASE, uuid";

static const char live_attendances_of_sql[] =
  "SELECT uuid FROM attendance WHERE participant = ?1 AND deleted_at IS NULL ORDER BY uuid";

void
nrem_participant_info_free (NremParticipantInfo *info)
{
  if (info == NULL)
    return;
  nrem_row_free (info->row);
  g_free (info->country_name);
  g_free (info->region);
  g_free (info->mechanism_name);
  g_free (info->mechanism_type);
  g_free (info->mechanism_country);
  g_free (info);
}

/* Same version of the record and same joined values: nothing the directory shows changed. */
gboolean
nrem_participant_info_equal (const NremParticipantInfo *a,
                             const NremParticipantInfo *b)
{
  return a->row->updated_at == b->row->updated_at &&
         a->row->rev == b->row->rev &&
         g_strcmp0 (a->row->origin, b->row->origin) == 0 &&
         nrem_row_content_equal (a->row, b->row) &&
         g_strcmp0 (a->country_name, b->country_name) == 0 &&
         g_strcmp0 (a->region, b->region) == 0 &&
         g_strcmp0 (a->mechanism_name, b->mechanism_name) == 0 &&
         g_strcmp0 (a->mechanism_type, b->mechanism_type) == 0 &&
         g_strcmp0 (a->mechanism_country, b->mechanism_country) == 0;
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           col)
{
  if (sqlite3_column_type (stmt, col) == SQLITE_NULL)
    return NULL;
  return g_strdup ((const char *) sqlite3_column_text (stmt, col));
}

/* Columns 0–3 are the clock, then the entity's fields in order. */
static NremRow *
row_from_columns (sqlite3_stmt   *stmt,
                  NremEntityKind  kind,
                  guint           n_fields)
{
  NremRow *row = nrem_row_new (kind);

  row->uuid = column_dup (stmt, 0);
  row->updated_at = sqlite3_column_int64 (stmt, 1);
  row->rev = sqlite3_column_int64 (stmt, 2);
  row->origin = column_dup (stmt, 3);
  for (guint i = 0; i < n_fields; i++)
    row->values[i] = column_dup (stmt, 4 + (int) i);
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

/**
 * nrem_store_list_participants:
 *
 * Returns: (transfer full) (element-type NremParticipantInfo): every live participant, by
 * name
 */
GPtrArray *
nrem_store_list_participants (NremStore  *store,
                              GError    **error)
{
  return nrem_store_list_participants_page (store, 0, -1, error);
}

/**
 * nrem_store_list_participants_page:
 * @offset: how many to skip, in the order by name
 * @limit: how many at most, or -1 for all the others
 *
 * Returns: (transfer full) (element-type NremParticipantInfo): live participants, by name
 */
GPtrArray *
nrem_store_list_participants_page (NremStore  *store,
                                   gint64      offset,
                                   gint64      limit,
                                   GError    **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_participant_info_free);
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (nrem_entity_get (NREM_ENTITY_PARTICIPANT)->n_fields == PARTICIPANT_FIELDS, NULL);

  if ((stmt = prepare (store, participants_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, limit);
  sqlite3_bind_int64 (stmt, 2, offset);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      NremParticipantInfo *info = g_new0 (NremParticipantInfo, 1);
      int col = 4 + PARTICIPANT_FIELDS;

      info->row = row_from_columns (stmt, NREM_ENTITY_PARTICIPANT, PARTICIPANT_FIELDS);
      info->country_name = column_dup (stmt, col++);
      info->region = column_dup (stmt, col++);
      info->mechanism_name = column_dup (stmt, col++);
      info->mechanism_type = column_dup (stmt, col++);
      info->mechanism_country = column_dup (stmt, col++);
      g_ptr_array_add (list, info);
    }
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      nrem_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static GPtrArray *
list_rows (NremStore       *store,
           const char      *sql,
           NremEntityKind   kind,
           gint64           bind1,
           gint64           bind2,
           GError         **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  guint n_fields = nrem_entity_get (kind)->n_fields;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = prepare (store, sql, error)) == NULL)
    return NULL;
  if (bind1 != G_MININT64)
    sqlite3_bind_int64 (stmt, 1, bind1);
  if (bind2 != G_MININT64)
    sqlite3_bind_int64 (stmt, 2, bind2);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (list, row_from_columns (stmt, kind, n_fields));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      nrem_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

/**
 * nrem_store_list_attendances:
 *
 * Returns: (transfer full) (element-type NremRow): every live attendance, by participant
 */
GPtrArray *
nrem_store_list_attendances (NremStore  *store,
                             GError    **error)
{
  return list_rows (store, attendances_sql, NREM_ENTITY_ATTENDANCE, G_MININT64, G_MININT64, error);
}

/**
 * nrem_store_list_attendances_page:
 *
 * Returns: (transfer full) (element-type NremRow): the live attendances of the people
 * nrem_store_list_participants_page() lists for the same @offset and @limit
 */
GPtrArray *
nrem_store_list_attendances_page (NremStore  *store,
                                  gint64      offset,
                                  gint64      limit,
                                  GError    **error)
{
  return list_rows (store, attendances_page_sql, NREM_ENTITY_ATTENDANCE, limit, offset, error);
}

/**
 * nrem_store_list_countries:
 *
 * Returns: (transfer full) (element-type NremRow): every live country, by name
 */
GPtrArray *
nrem_store_list_countries (NremStore  *store,
                           GError    **error)
{
  return list_rows (store, countries_sql, NREM_ENTITY_COUNTRY, G_MININT64, G_MININT64, error);
}

/**
 * nrem_store_list_mechanisms:
 * @with_reference: whether the reference profiles (typologies, not institutions) are listed
 *
 * Returns: (transfer full) (element-type NremRow): the live mechanisms, by name
 */
GPtrArray *
nrem_store_list_mechanisms (NremStore  *store,
                            gboolean    with_reference,
                            GError    **error)
{
  return list_rows (store, mechanisms_sql, NREM_ENTITY_MECHANISM, with_reference ? 1 : 0, G_MININT64, error);
}

/* docs/exchange-format.md: one attendance per pair, the same on every machine */
char *
nrem_store_attendance_uuid (const char *participant_uuid,
                            const char *meeting_uuid)
{
  return nrem_uuid_new_v5_printf ("attendance:%s:%s", participant_uuid, meeting_uuid);
}

static gboolean
begin (NremStore  *store,
       gboolean   *own_tx,
       GError    **error)
{
  *own_tx = !nrem_store_in_transaction (store);
  return !*own_tx || nrem_store_begin (store, error);
}

static gboolean
finish (NremStore  *store,
        gboolean    own_tx,
        gboolean    ok,
        GError    **error)
{
  if (!own_tx)
    return ok;
  if (!ok)
    {
      nrem_store_rollback (store);
      return FALSE;
    }
  return nrem_store_commit (store, error);
}

static gboolean
set_attendance (NremStore   *store,
                const char  *participant_uuid,
                const char  *meeting_uuid,
                const char  *status,
                gboolean     head_of_delegation,
                GError     **error)
{
  g_autofree char *uuid = nrem_store_attendance_uuid (participant_uuid, meeting_uuid);
  g_autoptr(NremRow) previous = nrem_store_get_row (store, NREM_ENTITY_ATTENDANCE, uuid, NULL);
  gboolean live = previous != NULL && previous->deleted_at == 0;
  const char *fields[] = { "participant", "meeting", "status", "head_of_delegation", NULL };
  const char *values[] = { participant_uuid, meeting_uuid, status,
                           head_of_delegation ? "1" : "0", NULL };

  if (status == NULL)
    return !live || nrem_store_delete (store, NREM_ENTITY_ATTENDANCE, uuid, error);

  if (!nrem_enum_contains (nrem_attendance_statuses, status))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED, "unknown attendance status “%s”", status);
      return FALSE;
    }
  if (live)
    return nrem_store_update (store, NREM_ENTITY_ATTENDANCE, uuid, fields + 2, values + 2, error);

  {
    g_autofree char *created = nrem_store_create (store, NREM_ENTITY_ATTENDANCE, uuid,
                                                  fields, values, error);

    return created != NULL;
  }
}

/**
 * nrem_store_set_attendance:
 * @status: (nullable): one of nrem_attendance_statuses, or %NULL for "not invited"
 *
 * Records (or, with %NULL, removes) the attendance of a person at a meeting, under the
 * identity the exchange format gives the pair. One transaction.
 */
gboolean
nrem_store_set_attendance (NremStore   *store,
                           const char  *participant_uuid,
                           const char  *meeting_uuid,
                           const char  *status,
                           gboolean     head_of_delegation,
                           GError     **error)
{
  gboolean own_tx;
  gboolean ok;

  g_return_val_if_fail (participant_uuid != NULL && meeting_uuid != NULL, FALSE);

  if (!begin (store, &own_tx, error))
    return FALSE;
  ok = set_attendance (store, participant_uuid, meeting_uuid, status, head_of_delegation, error);
  return finish (store, own_tx, ok, error);
}

static GStrv
live_attendances_of (NremStore   *store,
                     const char  *participant_uuid,
                     GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = prepare (store, live_attendances_of_sql, error)) == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, participant_uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, (const char *) sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    {
      nrem_store_set_sqlite_error (store, rc, error);
      return NULL;
    }
  return g_strv_builder_end (builder);
}

/**
 * nrem_store_delete_participant:
 * @out_attendances: (out) (optional) (transfer full): the attendances deleted with the
 *   person, for nrem_store_undelete_participant()
 *
 * Deletes a person and their attendances, in one transaction. The records stay as
 * tombstones with their content, so that Undo brings them back as they were.
 */
gboolean
nrem_store_delete_participant (NremStore   *store,
                               const char  *uuid,
                               GStrv       *out_attendances,
                               GError     **error)
{
  g_auto(GStrv) attendances = NULL;
  gboolean own_tx;
  gboolean ok;

  if (!begin (store, &own_tx, error))
    return FALSE;
  ok = nrem_store_delete (store, NREM_ENTITY_PARTICIPANT, uuid, error) &&
       (attendances = live_attendances_of (store, uuid, error)) != NULL;
  for (guint i = 0; ok && attendances[i] != NULL; i++)
    ok = nrem_store_delete (store, NREM_ENTITY_ATTENDANCE, attendances[i], error);
  if (!finish (store, own_tx, ok, error))
    return FALSE;
  if (out_attendances != NULL)
    *out_attendances = g_steal_pointer (&attendances);
  return TRUE;
}

/**
 * nrem_store_undelete_participant:
 * @attendances: (nullable): the attendances deleted with the person
 *
 * Brings back a deleted person and their attendances, in one transaction.
 */
gboolean
nrem_store_undelete_participant (NremStore           *store,
                                 const char          *uuid,
                                 const char * const  *attendances,
                                 GError             **error)
{
  gboolean own_tx;
  gboolean ok;

  if (!begin (store, &own_tx, error))
    return FALSE;
  ok = nrem_store_undelete (store, NREM_ENTITY_PARTICIPANT, uuid, error);
  for (guint i = 0; ok && attendances != NULL && attendances[i] != NULL; i++)
    ok = nrem_store_undelete (store, NREM_ENTITY_ATTENDANCE, attendances[i], error);
  return finish (store, own_tx, ok, error);
}

/**
 * nrem_store_create_mechanism_for:
 * @participant_uuid: (nullable): the person whose mechanism it becomes
 * @country: (nullable): ISO code
 * @type: one of nrem_mechanism_types
 *
 * Creates a mechanism and makes it the person's, in one transaction.
 *
 * Returns: (transfer full): the uuid of the new mechanism
 */
char *
nrem_store_create_mechanism_for (NremStore   *store,
                                 const char  *participant_uuid,
                                 const char  *name,
                                 const char  *country,
                                 const char  *type,
                                 GError     **error)
{
  const char *fields[] = { "name", "country", "type", "reference", NULL };
  const char *values[] = { name, country, type, "0", NULL };
  g_autofree char *uuid = NULL;
  g_autofree char *trimmed = g_strstrip (g_strdup (name != NULL ? name : ""));
  gboolean own_tx;
  gboolean ok;

  if (trimmed[0] == '\0')
    {
      g_set_error_literal (error, NREM_ERROR, NREM_ERROR_FAILED, _("A mechanism needs a name."));
      return NULL;
    }
  if (!nrem_enum_contains (nrem_mechanism_types, type))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED, _("Unknown type of mechanism “%s”."),
                   type != NULL ? type : "");
      return NULL;
    }
  if (country != NULL && country[0] != '\0' && !nrem_store_has_country (store, country))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED, _("Unknown country code “%s”."), country);
      return NULL;
    }
  values[0] = trimmed;

  if (!begin (store, &own_tx, error))
    return NULL;
  uuid = nrem_store_create (store, NREM_ENTITY_MECHANISM, NULL, fields, values, error);
  ok = uuid != NULL;
  if (ok && participant_uuid != NULL)
    {
      const char *pf[] = { "mechanism", NULL };
      const char *pv[] = { uuid, NULL };

      ok = nrem_store_update (store, NREM_ENTITY_PARTICIPANT, participant_uuid, pf, pv, error);
    }
  if (!finish (store, own_tx, ok, error))
    return NULL;
  return g_steal_pointer (&uuid);
}
