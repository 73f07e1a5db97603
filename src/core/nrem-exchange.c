/* nrem-exchange.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-exchange"

#include "config.h"

#include "nrem-exchange.h"
#include "nrem-error.h"
#include "nrem-json-scan.h"
#include "nrem-time.h"
#include "nrem-uuid.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

struct _NremImport
{
  char       *display_name;
  GPtrArray  *rows[NREM_N_ENTITIES];   /* NremRow, tombstones among them */
  GPtrArray  *problems;                /* char *, NULL-terminated when handed out */
  guint       n_problems;
};

/* ------------------------------------------------------------------------------------------
 * Export
 */

typedef struct
{
  GString   *out;
  gboolean   with_contacts;
  gboolean   first;
  GPtrArray *tombstones;
} ExportState;

static gboolean
export_row_cb (const NremRow *row,
               gpointer       user_data)
{
  ExportState *state = user_data;

  if (row->deleted_at != 0)
    {
      g_ptr_array_add (state->tombstones, nrem_row_copy (row));
      return TRUE;
    }
  g_string_append (state->out, state->first ? "\n    " : ",\n    ");
  state->first = FALSE;
  nrem_row_write_json (row, state->out, state->with_contacts, "      ");
  return TRUE;
}

static int
compare_row_uuid (gconstpointer a,
                  gconstpointer b)
{
  const NremRow *ra = *(const NremRow * const *) a;
  const NremRow *rb = *(const NremRow * const *) b;

  return strcmp (ra->uuid, rb->uuid);
}

static void
write_tombstone (GString       *out,
                 const NremRow *row)
{
  char ts[32];

  g_string_append (out, "{\n      \"uuid\": ");
  nrem_json_write_string (out, row->uuid);
  nrem_time_format_ms_buf (row->updated_at, ts);
  g_string_append_printf (out, ",\n      \"updated_at\": \"%s\"", ts);
  g_string_append_printf (out, ",\n      \"rev\": %" G_GINT64_FORMAT, row->rev);
  g_string_append (out, ",\n      \"origin\": ");
  nrem_json_write_string (out, row->origin);
  g_string_append_printf (out, ",\n      \"entity\": \"%s\"", nrem_entity_get (row->kind)->name);
  nrem_time_format_ms_buf (row->deleted_at, ts);
  g_string_append_printf (out, ",\n      \"deleted_at\": \"%s\"\n    }", ts);
}

/**
 * nrem_exchange_export:
 * @meeting_uuid: (nullable): one meeting and what it needs, or %NULL for everything
 * @with_contacts: whether e-mail addresses and phone numbers go into the file
 *
 * Writes the exchange file. The output depends only on the stored records, the time and the
 * database's origin: records sorted by uuid, keys in a fixed order, one number format.
 */
GBytes *
nrem_exchange_export (NremStore   *store,
                      const char  *meeting_uuid,
                      gboolean     with_contacts,
                      GError     **error)
{
  g_autoptr(GPtrArray) tombstones = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  GString *out = g_string_sized_new (1024 * 1024);
  ExportState state = { out, with_contacts, TRUE, tombstones };
  char ts[32];

  if (meeting_uuid != NULL)
    {
      g_autoptr(NremRow) meeting = nrem_store_get_row (store, NREM_ENTITY_MEETING, meeting_uuid, NULL);

      if (meeting == NULL || meeting->deleted_at != 0)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                       _("There is no meeting with the uuid %s."), meeting_uuid);
          g_string_free (out, TRUE);
          return NULL;
        }
    }

  nrem_time_format_ms_buf (nrem_time_now_ms (), ts);
  g_string_append_printf (out,
                          "{\n  \"format\": \"" NREM_EXCHANGE_FORMAT "\",\n"
                          "  \"version\": %d,\n"
                          "  \"exported_at\": \"%s\",\n"
                          "  \"origin\": \"%s\"",
                          NREM_EXCHANGE_VERSION, ts, nrem_store_get_origin (store));

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      g_string_append_printf (out, ",\n  \"%s\": [", nrem_entity_get (k)->name);
      state.first = TRUE;
      if (!nrem_store_foreach_row (store, k, meeting_uuid, export_row_cb, &state, error))
        {
          g_string_free (out, TRUE);
          return NULL;
        }
      g_string_append (out, state.first ? "]" : "\n  ]");
    }

  g_ptr_array_sort (tombstones, compare_row_uuid);
  g_string_append (out, ",\n  \"tombstones\": [");
  for (guint i = 0; i < tombstones->len; i++)
    {
      g_string_append (out, i == 0 ? "\n    " : ",\n    ");
      write_tombstone (out, g_ptr_array_index (tombstones, i));
    }
  g_string_append (out, tombstones->len > 0 ? "\n  ]\n}\n" : "]\n}\n");

  return g_string_free_to_bytes (out);
}

gboolean
nrem_exchange_export_to_file (NremStore   *store,
                              const char  *path,
                              const char  *meeting_uuid,
                              gboolean     with_contacts,
                              GError     **error)
{
  g_autoptr(GBytes) bytes = nrem_exchange_export (store, meeting_uuid, with_contacts, error);
  g_autoptr(GError) local_error = NULL;
  gsize len;
  const char *data;

  if (bytes == NULL)
    return FALSE;
  data = g_bytes_get_data (bytes, &len);
  /* Contact details stay private to the user who asked for them. */
  if (!g_file_set_contents_full (path, data, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT,
                                 with_contacts ? 0600 : 0644, &local_error))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("Cannot write “%s”: %s"),
                   path, local_error->message);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Validation
 */

void
nrem_import_free (NremImport *import)
{
  if (import == NULL)
    return;
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    g_clear_pointer (&import->rows[k], g_ptr_array_unref);
  g_clear_pointer (&import->problems, g_ptr_array_unref);
  g_free (import->display_name);
  g_free (import);
}

typedef struct
{
  NremImport *import;
  NremStore  *store;
  GString    *path;
  GHashTable *uuids;              /* uuid → kind + 1, every record of the file */
  GHashTable *country_codes;      /* code → TRUE */
  GHashTable *in_store;           /* uuids and country codes found in the database */
} Validator;

static void
problem (Validator  *v,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static void
problem (Validator  *v,
         const char *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  v->import->n_problems++;
  if (v->import->problems->len >= NREM_EXCHANGE_MAX_PROBLEMS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (v->import->problems,
                   g_strdup_printf ("%s: %s: %s", v->import->display_name,
                                    v->path->len > 0 ? v->path->str : _("(top level)"),
                                    message));
}

static const char *
node_type_name (JsonNode *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return _("null");
  if (JSON_NODE_HOLDS_OBJECT (node))
    return _("an object");
  if (JSON_NODE_HOLDS_ARRAY (node))
    return _("an array");
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN: return _("a boolean");
    case G_TYPE_INT64: return _("an integer");
    case G_TYPE_DOUBLE: return _("a number");
    case G_TYPE_STRING: return _("a string");
    default: return _("a value");
    }
}

static gboolean
node_is_string (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_int (JsonNode *node)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node) &&
         json_node_get_value_type (node) == G_TYPE_INT64;
}

static gsize
path_push_key (Validator  *v,
               const char *key)
{
  gsize len = v->path->len;

  if (len > 0)
    g_string_append_c (v->path, '.');
  g_string_append (v->path, key);
  return len;
}

static gsize
path_push_index (Validator *v,
                 guint      index)
{
  gsize len = v->path->len;

  g_string_append_printf (v->path, "[%u]", index);
  return len;
}

static void
path_pop (Validator *v,
          gsize      len)
{
  g_string_truncate (v->path, len);
}

static gboolean
check_uuid_node (Validator  *v,
                 JsonNode   *node,
                 char      **out)
{
  if (!node_is_string (node))
    {
      problem (v, _("expected a uuid string, found %s"), node_type_name (node));
      return FALSE;
    }
  if (!nrem_uuid_is_valid (json_node_get_string (node)))
    {
      problem (v, _("“%.60s” is not a uuid (lowercase 8-4-4-4-12 hexadecimal)"),
               json_node_get_string (node));
      return FALSE;
    }
  *out = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
check_time_node (Validator *v,
                 JsonNode  *node,
                 gint64    *out)
{
  if (!node_is_string (node))
    {
      problem (v, _("expected a time string, found %s"), node_type_name (node));
      return FALSE;
    }
  if (!nrem_time_parse_ms (json_node_get_string (node), out))
    {
      problem (v, _("“%.40s” is not a UTC time like 2014-05-21T09:00:00.000Z"),
               json_node_get_string (node));
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_country_code (const char *s)
{
  return s != NULL && strlen (s) == 2 && g_ascii_isupper (s[0]) && g_ascii_isupper (s[1]);
}

static char *
check_string_array (Validator       *v,
                    JsonNode        *node,
                    const NremField *field,
                    gboolean        *ok)
{
  g_autoptr(GString) out = g_string_new ("[");
  JsonArray *array;
  guint n;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      problem (v, _("expected an array, found %s"), node_type_name (node));
      *ok = FALSE;
      return NULL;
    }
  array = json_node_get_array (node);
  n = json_array_get_length (array);
  if (n == 0)
    return NULL;

  for (guint i = 0; i < n; i++)
    {
      JsonNode *item = json_array_get_element (array, i);
      gsize mark = path_push_index (v, i);
      const char *s;

      if (!node_is_string (item))
        {
          problem (v, _("expected a string, found %s"), node_type_name (item));
          *ok = FALSE;
          path_pop (v, mark);
          continue;
        }
      s = json_node_get_string (item);
      if (field->type == NREM_FIELD_REF_ARRAY && !nrem_uuid_is_valid (s))
        {
          problem (v, _("“%.60s” is not a uuid"), s);
          *ok = FALSE;
        }
      else if (field->type == NREM_FIELD_ENUM_ARRAY && !nrem_enum_contains (field->enum_values, s))
        {
          problem (v, _("“%.60s” is not one of the allowed values"), s);
          *ok = FALSE;
        }
      path_pop (v, mark);
      if (i > 0)
        g_string_append_c (out, ',');
      nrem_json_write_string (out, s);
    }
  g_string_append_c (out, ']');
  return g_string_free (g_steal_pointer (&out), FALSE);
}

/* Reads one field; returns FALSE after reporting a problem. */
static gboolean
read_field (Validator       *v,
            NremRow         *row,
            guint            index,
            const NremField *field,
            JsonNode        *node)
{
  gboolean ok = TRUE;
  char *value = NULL;

  if (field->type == NREM_FIELD_STRING_ARRAY || field->type == NREM_FIELD_ENUM_ARRAY ||
      field->type == NREM_FIELD_REF_ARRAY)
    {
      value = check_string_array (v, node, field, &ok);
      row->values[index] = value;
      return ok;
    }

  if (JSON_NODE_HOLDS_NULL (node))
    {
      if (field->flags & NREM_FIELD_FLAG_REQUIRED)
        {
          problem (v, _("a value is required, found null"));
          return FALSE;
        }
      return TRUE;
    }

  switch (field->type)
    {
    case NREM_FIELD_BOOL:
      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
        {
          problem (v, _("expected true or false, found %s"), node_type_name (node));
          return FALSE;
        }
      value = g_strdup (json_node_get_boolean (node) ? "1" : "0");
      break;

    case NREM_FIELD_INT:
    case NREM_FIELD_YEAR:
      if (!node_is_int (node))
        {
          problem (v, _("expected an integer, found %s"), node_type_name (node));
          return FALSE;
        }
      if (field->type == NREM_FIELD_YEAR &&
          (json_node_get_int (node) < 1800 || json_node_get_int (node) > 2100))
        {
          problem (v, _("%" G_GINT64_FORMAT " is not a year between 1800 and 2100"),
                   json_node_get_int (node));
          return FALSE;
        }
      if (field->type == NREM_FIELD_INT && json_node_get_int (node) < 0)
        {
          problem (v, _("expected an integer of 0 or more"));
          return FALSE;
        }
      value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      break;

    default:
      if (!node_is_string (node))
        {
          problem (v, _("expected a string, found %s"), node_type_name (node));
          return FALSE;
        }
      {
        const char *s = json_node_get_string (node);

        if (*s == '\0')
          {
            if (field->flags & NREM_FIELD_FLAG_REQUIRED)
              {
                problem (v, _("a value is required, found an empty string"));
                return FALSE;
              }
            return TRUE;
          }
        switch (field->type)
          {
          case NREM_FIELD_DATE:
            if (!nrem_date_is_valid (s))
              {
                problem (v, _("“%.40s” is not a date like 2014-05-21"), s);
                return FALSE;
              }
            break;
          case NREM_FIELD_TIME:
            if (!nrem_clock_time_is_valid (s))
              {
                problem (v, _("“%.40s” is not a time of day like 09:30"), s);
                return FALSE;
              }
            break;
          case NREM_FIELD_TIMESTAMP:
            {
              gint64 ms;

              if (!nrem_time_parse_ms (s, &ms))
                {
                  problem (v, _("“%.40s” is not a UTC time like 2014-05-21T09:00:00.000Z"), s);
                  return FALSE;
                }
            }
            break;
          case NREM_FIELD_ENUM:
            if (!nrem_enum_contains (field->enum_values, s))
              {
                g_autofree char *allowed = g_strjoinv (", ", (char **) field->enum_values);

                problem (v, _("“%.40s” is not one of: %s"), s, allowed);
                return FALSE;
              }
            break;
          case NREM_FIELD_REF:
            if (!nrem_uuid_is_valid (s))
              {
                problem (v, _("“%.60s” is not a uuid"), s);
                return FALSE;
              }
            break;
          case NREM_FIELD_COUNTRY:
            if (!is_country_code (s))
              {
                problem (v, _("“%.40s” is not an ISO 3166-1 alpha-2 code like TH"), s);
                return FALSE;
              }
            break;
          case NREM_FIELD_STRING:
            if (row->kind == NREM_ENTITY_COUNTRY && index == 0 && !is_country_code (s))
              {
                problem (v, _("“%.40s” is not an ISO 3166-1 alpha-2 code like TH"), s);
                return FALSE;
              }
            break;
          default:
            break;
          }
        value = g_strdup (s);
      }
      break;
    }

  row->values[index] = value;
  return TRUE;
}

static gboolean
read_clock (Validator  *v,
            JsonObject *object,
            NremRow    *row)
{
  static const char * const clock_keys[] = { "uuid", "updated_at", "rev", "origin" };
  gboolean ok = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (clock_keys); i++)
    {
      JsonNode *node = json_object_get_member (object, clock_keys[i]);
      gsize mark;

      if (node == NULL)
        {
          problem (v, _("the member “%s” is missing"), clock_keys[i]);
          ok = FALSE;
          continue;
        }
      mark = path_push_key (v, clock_keys[i]);
      switch (i)
        {
        case 0:
          ok &= check_uuid_node (v, node, &row->uuid);
          break;
        case 1:
          ok &= check_time_node (v, node, &row->updated_at);
          break;
        case 2:
          if (!node_is_int (node) || json_node_get_int (node) < 1)
            {
              problem (v, _("expected an integer of 1 or more, found %s"), node_type_name (node));
              ok = FALSE;
            }
          else
            row->rev = json_node_get_int (node);
          break;
        case 3:
          ok &= check_uuid_node (v, node, &row->origin);
          break;
        default:
          break;
        }
      path_pop (v, mark);
    }
  return ok;
}

static gboolean
register_uuid (Validator     *v,
               const NremRow *row)
{
  if (row->uuid == NULL)
    return FALSE;
  if (g_hash_table_contains (v->uuids, row->uuid))
    {
      problem (v, _("the uuid %s appears more than once in the file"), row->uuid);
      return FALSE;
    }
  g_hash_table_insert (v->uuids, row->uuid, GUINT_TO_POINTER (row->kind + 1));
  return TRUE;
}

static void
read_record (Validator        *v,
             const NremEntity *entity,
             JsonNode         *node)
{
  g_autoptr(NremRow) row = nrem_row_new (entity->kind);
  JsonObject *object;
  gboolean ok;
  GList *members;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (v, _("expected an object, found %s"), node_type_name (node));
      return;
    }
  object = json_node_get_object (node);
  ok = read_clock (v, object, row);
  row->present = 0;

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const NremField *field = &entity->fields[i];
      JsonNode *member = json_object_get_member (object, field->name);
      gsize mark;

      if (member == NULL)
        {
          /* Contact details may be left out: the receiver keeps its own. */
          if (!(field->flags & NREM_FIELD_FLAG_CONTACT))
            {
              problem (v, _("the member “%s” is missing"), field->name);
              ok = FALSE;
            }
          continue;
        }
      row->present |= 1u << i;
      mark = path_push_key (v, field->name);
      ok &= read_field (v, row, i, field, member);
      path_pop (v, mark);
    }

  /* only when the object has more members than it should is it worth finding which */
  if (json_object_get_size (object) > 4 + (guint) __builtin_popcount (row->present))
    {
      members = json_object_get_members (object);
      for (GList *l = members; l != NULL; l = l->next)
        {
          const char *key = l->data;
          gsize mark;

          if (strcmp (key, "uuid") == 0 || strcmp (key, "updated_at") == 0 ||
              strcmp (key, "rev") == 0 || strcmp (key, "origin") == 0 ||
              nrem_entity_field_index (entity, key) >= 0)
            continue;
          mark = path_push_key (v, key);
          problem (v, _("unknown member of %s"), entity->name);
          path_pop (v, mark);
          ok = FALSE;
        }
      g_list_free (members);
    }

  if (ok && register_uuid (v, row))
    g_ptr_array_add (v->import->rows[entity->kind], g_steal_pointer (&row));
}

static void
read_tombstone (Validator *v,
                JsonNode  *node)
{
  g_autoptr(NremRow) row = NULL;
  const NremEntity *entity = NULL;
  JsonObject *object;
  JsonNode *member;
  gboolean ok;
  GList *members;
  gsize mark;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      problem (v, _("expected an object, found %s"), node_type_name (node));
      return;
    }
  object = json_node_get_object (node);

  member = json_object_get_member (object, "entity");
  mark = path_push_key (v, "entity");
  if (!node_is_string (member) || (entity = nrem_entity_lookup (json_node_get_string (member))) == NULL)
    problem (v, _("expected the name of an array of records, like “participants”"));
  path_pop (v, mark);
  if (entity == NULL)
    return;

  row = nrem_row_new (entity->kind);
  row->present = 0;
  ok = read_clock (v, object, row);

  member = json_object_get_member (object, "deleted_at");
  mark = path_push_key (v, "deleted_at");
  if (member == NULL)
    {
      problem (v, _("the member “deleted_at” is missing"));
      ok = FALSE;
    }
  else
    ok &= check_time_node (v, member, &row->deleted_at);
  if (ok && row->deleted_at == 0)
    row->deleted_at = 1;  /* the epoch itself still means deleted */
  path_pop (v, mark);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;

      if (g_strv_contains ((const char * const []) { "uuid", "updated_at", "rev", "origin",
                                                     "entity", "deleted_at", NULL }, key))
        continue;
      mark = path_push_key (v, key);
      problem (v, _("unknown member of a tombstone"));
      path_pop (v, mark);
      ok = FALSE;
    }
  g_list_free (members);

  if (ok && register_uuid (v, row))
    g_ptr_array_add (v->import->rows[entity->kind], g_steal_pointer (&row));
}

static gboolean
ref_resolves (Validator      *v,
              NremEntityKind  kind,
              const char     *uuid)
{
  gpointer found = g_hash_table_lookup (v->uuids, uuid);

  if (found != NULL)
    return GPOINTER_TO_UINT (found) - 1 == kind;
  if (g_hash_table_contains (v->in_store, uuid))
    return TRUE;
  if (v->store != NULL && nrem_store_has_record (v->store, kind, uuid))
    {
      g_hash_table_add (v->in_store, g_strdup (uuid));
      return TRUE;
    }
  return FALSE;
}

static const char *
path_of_record (Validator      *v,
                NremEntityKind  kind,
                guint           index,
                const char     *field)
{
  g_string_truncate (v->path, 0);
  g_string_append_printf (v->path, "%s[%u]", nrem_entity_get (kind)->name, index);
  if (field != NULL)
    g_string_append_printf (v->path, ".%s", field);
  return v->path->str;
}

/* References, identities derived from others, and unique country codes: what can be checked
 * only once every record has been read. */
static void
check_references (Validator *v)
{
  GPtrArray *countries = v->import->rows[NREM_ENTITY_COUNTRY];

  for (guint i = 0; i < countries->len; i++)
    {
      NremRow *row = g_ptr_array_index (countries, i);

      if (row->deleted_at != 0 || row->values[0] == NULL)
        continue;
      if (g_hash_table_contains (v->country_codes, row->values[0]))
        {
          path_of_record (v, NREM_ENTITY_COUNTRY, i, "code");
          problem (v, _("the country code %s appears more than once"), row->values[0]);
        }
      g_hash_table_add (v->country_codes, row->values[0]);
    }

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      const NremEntity *entity = nrem_entity_get (k);
      GPtrArray *rows = v->import->rows[k];
      guint index = 0;

      for (guint r = 0; r < rows->len; r++)
        {
          NremRow *row = g_ptr_array_index (rows, r);

          if (row->deleted_at != 0)
            continue;

          for (guint i = 0; i < entity->n_fields; i++)
            {
              const NremField *field = &entity->fields[i];
              const char *value = row->values[i];

              if (value == NULL)
                continue;
              if (field->type == NREM_FIELD_REF && !ref_resolves (v, field->ref, value))
                {
                  path_of_record (v, k, index, field->name);
                  problem (v, _("refers to %s, which is neither in the file nor in the database"),
                           value);
                }
              else if (field->type == NREM_FIELD_COUNTRY &&
                       !g_hash_table_contains (v->country_codes, value) &&
                       !g_hash_table_contains (v->in_store, value))
                {
                  if (v->store != NULL && nrem_store_has_country (v->store, value))
                    g_hash_table_add (v->in_store, g_strdup (value));
                  else
                    {
                      path_of_record (v, k, index, field->name);
                      problem (v, _("the country code %s is unknown"), value);
                    }
                }
              else if (field->type == NREM_FIELD_REF_ARRAY)
                {
                  g_autoptr(JsonNode) array_node = json_from_string (value, NULL);
                  JsonArray *array = array_node ? json_node_get_array (array_node) : NULL;

                  for (guint j = 0; array != NULL && j < json_array_get_length (array); j++)
                    {
                      const char *item = json_array_get_string_element (array, j);

                      if (!ref_resolves (v, field->ref, item))
                        {
                          path_of_record (v, k, index, field->name);
                          g_string_append_printf (v->path, "[%u]", j);
                          problem (v, _("refers to %s, which is neither in the file nor in the database"),
                                   item);
                        }
                    }
                }
            }

          /* one attendance per person and meeting, one assessment per cell, on every machine */
          if (k == NREM_ENTITY_ATTENDANCE || k == NREM_ENTITY_ASSESSMENT)
            {
              g_autofree char *expected =
                nrem_uuid_new_v5_printf ("%s:%s:%s",
                                         k == NREM_ENTITY_ATTENDANCE ? "attendance" : "assessment",
                                         row->values[0], row->values[1]);

              if (strcmp (expected, row->uuid) != 0)
                {
                  path_of_record (v, k, index, "uuid");
                  problem (v, _("must be %s, the identity derived from its %s and %s"),
                           expected, entity->fields[0].name, entity->fields[1].name);
                }
            }
          index++;
        }
    }
}

static const char * const top_level_keys[] = {
  "format", "version", "exported_at", "origin",
  "countries", "meetings", "mechanisms", "participants", "attendances", "sessions",
  "dimensions", "assessments", "recommendations", "revisions", "tombstones", NULL
};

static void
read_document (Validator *v,
               JsonNode  *root)
{
  JsonObject *object;
  JsonNode *node;
  GList *members;
  gint64 ms;

  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      problem (v, _("expected an object with \"format\": \"nrem-desk\", found %s"),
               node_type_name (root));
      return;
    }
  object = json_node_get_object (root);

  node = json_object_get_member (object, "format");
  if (!node_is_string (node) || strcmp (json_node_get_string (node), NREM_EXCHANGE_FORMAT) != 0)
    {
      g_string_assign (v->path, "format");
      if (node_is_string (node))
        problem (v, _("the format “%.40s” is not an NREM Desk exchange file"),
                 json_node_get_string (node));
      else
        problem (v, _("this is not an NREM Desk exchange file (no \"format\": \"nrem-desk\")"));
      return;
    }

  node = json_object_get_member (object, "version");
  g_string_assign (v->path, "version");
  if (!node_is_int (node))
    {
      problem (v, _("expected an integer version, found %s"), node_type_name (node));
      return;
    }
  if (json_node_get_int (node) > NREM_EXCHANGE_VERSION)
    {
      problem (v, _("the file is of version %" G_GINT64_FORMAT
                    ", written by a newer NREM Desk; this one reads version %d. Update NREM Desk to import it."),
               json_node_get_int (node), NREM_EXCHANGE_VERSION);
      return;
    }
  if (json_node_get_int (node) < 1)
    {
      problem (v, _("%" G_GINT64_FORMAT " is not a version of the format"), json_node_get_int (node));
      return;
    }

  g_string_assign (v->path, "exported_at");
  node = json_object_get_member (object, "exported_at");
  if (node == NULL)
    problem (v, _("the member “exported_at” is missing"));
  else
    check_time_node (v, node, &ms);

  g_string_assign (v->path, "origin");
  node = json_object_get_member (object, "origin");
  if (node == NULL)
    problem (v, _("the member “origin” is missing"));
  else
    {
      g_autofree char *origin = NULL;

      check_uuid_node (v, node, &origin);
    }
  g_string_truncate (v->path, 0);

  members = json_object_get_members (object);
  for (GList *l = members; l != NULL; l = l->next)
    if (!g_strv_contains (top_level_keys, l->data))
      {
        g_string_assign (v->path, l->data);
        problem (v, _("unknown member of an NREM Desk exchange file"));
      }
  g_list_free (members);

  for (guint k = 0; k <= NREM_N_ENTITIES; k++)
    {
      const char *name = k < NREM_N_ENTITIES ? nrem_entity_get (k)->name : "tombstones";
      JsonArray *array;

      node = json_object_get_member (object, name);
      if (node == NULL)
        continue;
      g_string_assign (v->path, name);
      if (!JSON_NODE_HOLDS_ARRAY (node))
        {
          problem (v, _("expected an array, found %s"), node_type_name (node));
          continue;
        }
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_string_truncate (v->path, 0);
          g_string_append_printf (v->path, "%s[%u]", name, i);
          if (k < NREM_N_ENTITIES)
            read_record (v, nrem_entity_get (k), json_array_get_element (array, i));
          else
            read_tombstone (v, json_array_get_element (array, i));
          if (v->import->n_problems > NREM_EXCHANGE_MAX_PROBLEMS * 4)
            return;
        }
    }
  g_string_truncate (v->path, 0);

  if (v->import->n_problems == 0)
    check_references (v);
}

static NremImport *
import_new (const char *display_name)
{
  NremImport *import = g_new0 (NremImport, 1);

  import->display_name = g_strdup (display_name);
  import->problems = g_ptr_array_new_with_free_func (g_free);
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    import->rows[k] = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  return import;
}

static void
set_problems_error (NremImport  *import,
                    GError     **error)
{
  g_autoptr(GString) message = g_string_new (NULL);

  for (guint i = 0; i < import->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (message, '\n');
      g_string_append (message, g_ptr_array_index (import->problems, i));
    }
  if (import->n_problems > import->problems->len)
    g_string_append_printf (message,
                            g_dngettext (GETTEXT_PACKAGE, "\n… and %u more problem",
                                         "\n… and %u more problems",
                                         import->n_problems - import->problems->len),
                            import->n_problems - import->problems->len);
  g_set_error_literal (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, message->str);
}

/**
 * nrem_import_new_from_bytes:
 * @store: (nullable): the database references may point into
 * @display_name: how the file is named in messages
 *
 * Reads and checks a whole exchange file. Nothing is written. On any problem, returns %NULL
 * with an error whose message lists the problems, one per line, each with the file name and
 * the JSON path.
 */
NremImport *
nrem_import_new_from_bytes (NremStore   *store,
                            GBytes      *bytes,
                            const char  *display_name,
                            GError     **error)
{
  g_autoptr(NremImport) import = import_new (display_name);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) parse_error = NULL;
  g_autofree char *scan_path = NULL;
  g_autofree char *scan_message = NULL;
  Validator v = { 0 };
  gsize len;
  const char *data = g_bytes_get_data (bytes, &len);

  if (len > NREM_EXCHANGE_MAX_BYTES)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: the file is %s, larger than the %s an exchange file may be"),
                   display_name, g_format_size (len), g_format_size (NREM_EXCHANGE_MAX_BYTES));
      return NULL;
    }
  if (len == 0)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, _("%s: the file is empty"),
                   display_name);
      return NULL;
    }

  /* json-glib must never see what could crash it or lose precision */
  if (!nrem_json_scan (data, len, &scan_path, &scan_message))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, "%s: %s: %s",
                   display_name, scan_path, scan_message);
      return NULL;
    }

  parser = json_parser_new_immutable ();
  if (len >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      len -= 3;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) len, &parse_error))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, "%s: %s",
                   display_name, parse_error->message);
      return NULL;
    }

  v.import = import;
  v.store = store;
  v.path = g_string_new (NULL);
  v.uuids = g_hash_table_new (g_str_hash, g_str_equal);
  v.country_codes = g_hash_table_new (g_str_hash, g_str_equal);
  v.in_store = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  read_document (&v, json_parser_get_root (parser));

  g_string_free (v.path, TRUE);
  g_hash_table_unref (v.uuids);
  g_hash_table_unref (v.country_codes);
  g_hash_table_unref (v.in_store);

  if (import->n_problems > 0)
    {
      set_problems_error (import, error);
      return NULL;
    }
  return g_steal_pointer (&import);
}

NremImport *
nrem_import_new_from_file (NremStore   *store,
                           const char  *path,
                           GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_commandline_arg (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = g_file_get_basename (file);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                            G_FILE_QUERY_INFO_NONE, NULL, &local_error);
  if (info == NULL)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("Cannot read “%s”: %s"), path,
                   local_error->message);
      return NULL;
    }
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_REGULAR)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("“%s” is not a regular file"), path);
      return NULL;
    }
  if (g_file_info_get_size (info) > NREM_EXCHANGE_MAX_BYTES)
    {
      g_autofree char *size = g_format_size ((guint64) g_file_info_get_size (info));
      g_autofree char *max = g_format_size (NREM_EXCHANGE_MAX_BYTES);

      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: the file is %s, larger than the %s an exchange file may be"),
                   path, size, max);
      return NULL;
    }

  bytes = g_file_load_bytes (file, NULL, NULL, &local_error);
  if (bytes == NULL)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("Cannot read “%s”: %s"), path,
                   local_error->message);
      return NULL;
    }
  return nrem_import_new_from_bytes (store, bytes, name, error);
}

const char * const *
nrem_import_get_problems (NremImport *import)
{
  return (const char * const *) import->problems->pdata;
}

guint
nrem_import_get_n_records (NremImport *import)
{
  guint n = 0;

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    n += import->rows[k]->len;
  return n;
}

/* ------------------------------------------------------------------------------------------
 * Merge
 */

/* Whether @loser is known to be an ancestor of @winner, so that replacing it is no conflict:
 * an earlier edit from the same database, a version this database stored and moved on from,
 * or (for a version that came from elsewhere) one the incoming version has been edited past. */
static gboolean
is_ancestor (NremStore     *store,
             const NremRow *loser,
             const NremRow *winner,
             gboolean       loser_is_local)
{
  if (g_strcmp0 (loser->origin, winner->origin) == 0 && loser->rev < winner->rev)
    return TRUE;
  if (!loser_is_local && nrem_store_is_superseded (store, loser))
    return TRUE;
  if (loser_is_local && winner->rev > loser->rev &&
      g_strcmp0 (loser->origin, nrem_store_get_origin (store)) != 0)
    return TRUE;
  return FALSE;
}

/**
 * nrem_import_merge:
 * @dry_run: count what would change, and change nothing
 * @backup: copy the database before writing
 *
 * Merges the file into @store in one transaction: for each record the version with the greater
 * (updated_at, rev, origin) wins; a losing version that differs is kept as a conflict.
 */
gboolean
nrem_import_merge (NremImport        *import,
                   NremStore         *store,
                   gboolean           dry_run,
                   gboolean           backup,
                   NremProgressFunc   progress,
                   gpointer           progress_data,
                   NremImportReport  *report,
                   GError           **error)
{
  guint total = nrem_import_get_n_records (import);
  guint done = 0;

  memset (report, 0, sizeof *report);

  if (!nrem_store_check_writable (store, error))
    return FALSE;

  if (backup && !dry_run && !nrem_store_backup (store, "before-import", &report->backup_path, error))
    {
      g_prefix_error (error, _("Nothing was imported: "));
      return FALSE;
    }

  if (!nrem_store_begin (store, error))
    return FALSE;

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      GPtrArray *rows = import->rows[k];
      const NremEntity *entity = nrem_entity_get (k);
      NremMergeCounts *counts = &report->by_entity[k];

      g_autoptr(GHashTable) stored = nrem_store_list_uuids (store, k);

      for (guint r = 0; r < rows->len; r++)
        {
          NremRow *incoming = g_ptr_array_index (rows, r);
          g_autoptr(NremRow) local = NULL;
          g_autoptr(GError) local_error = NULL;
          int cmp;

          if (g_hash_table_contains (stored, incoming->uuid))
            local = nrem_store_get_row (store, k, incoming->uuid, &local_error);
          if (local_error != NULL)
            {
              g_propagate_error (error, g_steal_pointer (&local_error));
              goto fail;
            }

          if (local == NULL)
            {
              if (!nrem_store_insert_row (store, incoming, error))
                goto fail;
              counts->added++;
            }
          else
            {
              /* what the file does not carry (contact details), the receiver keeps; a
               * tombstone carries no content at all, and the record keeps its own, so that
               * an undelete here brings it back as it was */
              for (guint i = 0; i < entity->n_fields; i++)
                if (!(incoming->present & (1u << i)))
                  {
                    g_free (incoming->values[i]);
                    incoming->values[i] = g_strdup (local->values[i]);
                  }

              cmp = nrem_row_compare_clock (incoming, local);
              if (cmp == 0)
                counts->unchanged++;
              else if (cmp > 0)
                {
                  if (!nrem_store_replace_row (store, local, incoming, error))
                    goto fail;
                  if (!nrem_row_content_equal (local, incoming) &&
                      !is_ancestor (store, local, incoming, TRUE))
                    {
                      if (!nrem_store_add_conflict (store, local, incoming, TRUE, error))
                        goto fail;
                      counts->conflicts++;
                    }
                  counts->updated++;
                }
              else
                {
                  /* a losing version kept for review once (the same file imported again)
                   * is no new conflict */
                  if (!nrem_row_content_equal (local, incoming) &&
                      !is_ancestor (store, incoming, local, FALSE) &&
                      !nrem_store_has_conflict (store, incoming))
                    {
                      if (!nrem_store_add_conflict (store, local, incoming, FALSE, error))
                        goto fail;
                      counts->conflicts++;
                    }
                  else
                    counts->unchanged++;
                }
            }

          done++;
          if (progress != NULL && (done & 1023) == 0)
            progress ((double) done / MAX (total, 1), progress_data);
        }

      report->total.added += counts->added;
      report->total.updated += counts->updated;
      report->total.unchanged += counts->unchanged;
      report->total.conflicts += counts->conflicts;
    }
  report->records = total;

  if (dry_run)
    {
      nrem_store_rollback (store);
      return TRUE;
    }
  if (!nrem_store_commit (store, error))
    goto fail_committed;
  if (progress != NULL)
    progress (1.0, progress_data);
  return TRUE;

fail:
  nrem_store_rollback (store);
fail_committed:
  g_prefix_error (error, _("Nothing was imported: "));
  return FALSE;
}

void
nrem_import_report_clear (NremImportReport *report)
{
  g_clear_pointer (&report->backup_path, g_free);
}

char *
nrem_import_report_format (const NremImportReport *report,
                           gboolean                dry_run)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          dry_run ? _("Would add %u, update %u, leave %u unchanged; %u conflicts")
                                  : _("Added %u, updated %u, left %u unchanged; %u conflicts"),
                          report->total.added, report->total.updated,
                          report->total.unchanged, report->total.conflicts);
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      const NremMergeCounts *c = &report->by_entity[k];

      if (c->added + c->updated + c->unchanged + c->conflicts == 0)
        continue;
      g_string_append_printf (out, "\n  %-16s added %u, updated %u, unchanged %u, conflicts %u",
                              nrem_entity_get (k)->name, c->added, c->updated, c->unchanged,
                              c->conflicts);
    }
  return g_string_free (out, FALSE);
}

gboolean
nrem_exchange_import_bytes (NremStore         *store,
                            GBytes            *bytes,
                            const char        *display_name,
                            gboolean           dry_run,
                            gboolean           backup,
                            NremImportReport  *report,
                            GError           **error)
{
  g_autoptr(NremImport) import = nrem_import_new_from_bytes (store, bytes, display_name, error);

  if (import == NULL)
    return FALSE;
  return nrem_import_merge (import, store, dry_run, backup, NULL, NULL, report, error);
}

gboolean
nrem_exchange_import_file (NremStore         *store,
                           const char        *path,
                           gboolean           dry_run,
                           NremImportReport  *report,
                           GError           **error)
{
  g_autoptr(NremImport) import = nrem_import_new_from_file (store, path, error);

  if (import == NULL)
    return FALSE;
  return nrem_import_merge (import, store, dry_run, TRUE, NULL, NULL, report, error);
}
