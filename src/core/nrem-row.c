/* nrem-row.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-row.h"
#include "nrem-time.h"

#include <string.h>

NremRow *
nrem_row_new (NremEntityKind kind)
{
  NremRow *row = g_new0 (NremRow, 1);

  row->kind = kind;
  row->rev = 1;
  row->present = NREM_ROW_ALL_PRESENT (nrem_entity_get (kind)->n_fields);
  return row;
}

NremRow *
nrem_row_copy (const NremRow *row)
{
  NremRow *copy = g_new0 (NremRow, 1);

  *copy = *row;
  copy->uuid = g_strdup (row->uuid);
  copy->origin = g_strdup (row->origin);
  for (guint i = 0; i < NREM_MAX_FIELDS; i++)
    copy->values[i] = g_strdup (row->values[i]);
  return copy;
}

void
nrem_row_free (NremRow *row)
{
  if (row == NULL)
    return;
  g_free (row->uuid);
  g_free (row->origin);
  for (guint i = 0; i < NREM_MAX_FIELDS; i++)
    g_free (row->values[i]);
  g_free (row);
}

const char *
nrem_row_get (const NremRow *row,
              const char    *field)
{
  int i = nrem_entity_field_index (nrem_entity_get (row->kind), field);

  g_return_val_if_fail (i >= 0, NULL);
  return row->values[i];
}

void
nrem_row_take_value (NremRow *row,
                     guint    index,
                     char    *value)
{
  g_return_if_fail (index < NREM_MAX_FIELDS);

  g_free (row->values[index]);
  row->values[index] = value;
  row->present |= 1u << index;
}

void
nrem_row_set (NremRow    *row,
              const char *field,
              const char *value)
{
  int i = nrem_entity_field_index (nrem_entity_get (row->kind), field);

  g_return_if_fail (i >= 0);
  nrem_row_take_value (row, (guint) i, (value != NULL && *value != '\0') ? g_strdup (value) : NULL);
}

gboolean
nrem_row_content_equal (const NremRow *a,
                        const NremRow *b)
{
  const NremEntity *entity = nrem_entity_get (a->kind);

  if (a->kind != b->kind || (a->deleted_at != 0) != (b->deleted_at != 0))
    return FALSE;
  if (a->deleted_at != 0)
    return TRUE;
  for (guint i = 0; i < entity->n_fields; i++)
    if (g_strcmp0 (a->values[i], b->values[i]) != 0)
      return FALSE;
  return TRUE;
}

/* The merge order: (updated_at, rev, origin), then the canonical content so that two
 * different versions never compare equal. */
int
nrem_row_compare_clock (const NremRow *a,
                        const NremRow *b)
{
  int c;

  if (a->updated_at != b->updated_at)
    return a->updated_at < b->updated_at ? -1 : 1;
  if (a->rev != b->rev)
    return a->rev < b->rev ? -1 : 1;
  if ((c = g_strcmp0 (a->origin, b->origin)) != 0)
    return c < 0 ? -1 : 1;
  if ((a->deleted_at != 0) != (b->deleted_at != 0))
    return a->deleted_at != 0 ? 1 : -1;
  if (a->deleted_at == 0)
    {
      g_autofree char *ja = nrem_row_to_json (a, TRUE);
      g_autofree char *jb = nrem_row_to_json (b, TRUE);

      c = strcmp (ja, jb);
      return c < 0 ? -1 : c > 0 ? 1 : 0;
    }
  return 0;
}

void
nrem_json_write_string (GString    *out,
                        const char *str)
{
  const guchar *p = (const guchar *) str;
  const guchar *run = p;

  g_string_append_c (out, '"');
  for (; *p != '\0'; p++)
    {
      const char *esc = NULL;
      char buf[8];

      switch (*p)
        {
        case '"': esc = "\\\""; break;
        case '\\': esc = "\\\\"; break;
        case '\n': esc = "\\n"; break;
        case '\r': esc = "\\r"; break;
        case '\t': esc = "\\t"; break;
        case '\b': esc = "\\b"; break;
        case '\f': esc = "\\f"; break;
        default:
          if (*p < 0x20)
            {
              g_snprintf (buf, sizeof buf, "\\u%04x", *p);
              esc = buf;
            }
          break;
        }
      if (esc != NULL)
        {
          g_string_append_len (out, (const char *) run, p - run);
          g_string_append (out, esc);
          run = p + 1;
        }
    }
  g_string_append_len (out, (const char *) run, p - run);
  g_string_append_c (out, '"');
}

static void
write_value (GString         *out,
             const NremField *field,
             const char      *value)
{
  if (value == NULL)
    {
      if (field->type == NREM_FIELD_STRING_ARRAY || field->type == NREM_FIELD_ENUM_ARRAY ||
          field->type == NREM_FIELD_REF_ARRAY)
        g_string_append (out, "[]");
      else
        g_string_append (out, "null");
      return;
    }

  switch (field->type)
    {
    case NREM_FIELD_INT:
    case NREM_FIELD_YEAR:
      g_string_append (out, value);
      break;

    case NREM_FIELD_BOOL:
      g_string_append (out, strcmp (value, "0") == 0 ? "false" : "true");
      break;

    case NREM_FIELD_STRING_ARRAY:
    case NREM_FIELD_ENUM_ARRAY:
    case NREM_FIELD_REF_ARRAY:
      /* stored as canonical compact JSON */
      g_string_append (out, value);
      break;

    case NREM_FIELD_STRING:
    case NREM_FIELD_DATE:
    case NREM_FIELD_TIME:
    case NREM_FIELD_TIMESTAMP:
    case NREM_FIELD_ENUM:
    case NREM_FIELD_REF:
    case NREM_FIELD_COUNTRY:
    default:
      nrem_json_write_string (out, value);
      break;
    }
}

/* One record as a JSON object in the fixed key order. @indent is the indentation of the
 * object's keys, or NULL for compact output. */
void
nrem_row_write_json (const NremRow *row,
                     GString       *out,
                     gboolean       with_contacts,
                     const char    *indent)
{
  const NremEntity *entity = nrem_entity_get (row->kind);
  const char *sep = indent != NULL ? ",\n" : ",";
  const char *colon = indent != NULL ? ": " : ":";
  char ts[32];

#define KEY(k) G_STMT_START { \
    if (indent != NULL) g_string_append (out, indent); \
    g_string_append (out, "\"" k "\""); \
    g_string_append (out, colon); \
  } G_STMT_END

  g_string_append_c (out, '{');
  if (indent != NULL)
    g_string_append_c (out, '\n');

  KEY ("uuid");
  nrem_json_write_string (out, row->uuid);
  g_string_append (out, sep);
  KEY ("updated_at");
  nrem_time_format_ms_buf (row->updated_at, ts);
  nrem_json_write_string (out, ts);
  g_string_append (out, sep);
  KEY ("rev");
  g_string_append_printf (out, "%" G_GINT64_FORMAT, row->rev);
  g_string_append (out, sep);
  KEY ("origin");
  nrem_json_write_string (out, row->origin);
  /* Exports write deleted records as tombstones, never through here; a version kept in the
   * conflict table says that it is a deletion. */
  if (row->deleted_at != 0)
    {
      g_string_append (out, sep);
      KEY ("deleted_at");
      nrem_time_format_ms_buf (row->deleted_at, ts);
      nrem_json_write_string (out, ts);
    }

  for (guint i = 0; i < entity->n_fields; i++)
    {
      const NremField *field = &entity->fields[i];

      if ((field->flags & NREM_FIELD_FLAG_CONTACT) && !with_contacts)
        continue;
      g_string_append (out, sep);
      if (indent != NULL)
        g_string_append (out, indent);
      nrem_json_write_string (out, field->name);
      g_string_append (out, colon);
      write_value (out, field, row->values[i]);
    }

  if (indent != NULL)
    {
      g_string_append_c (out, '\n');
      /* the closing brace sits two spaces left of the keys */
      g_string_append_len (out, indent, MAX (0, (gssize) strlen (indent) - 2));
    }
  g_string_append_c (out, '}');

#undef KEY
}

char *
nrem_row_to_json (const NremRow *row,
                  gboolean       with_contacts)
{
  GString *out = g_string_new (NULL);

  nrem_row_write_json (row, out, with_contacts, NULL);
  return g_string_free (out, FALSE);
}
