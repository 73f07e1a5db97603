/* nrem-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-csv.h"
#include "nrem-error.h"

#include <glib/gi18n.h>
#include <string.h>

/**
 * nrem_csv_append_field:
 * @delimiter: the separator of the file, so that a cell containing it gets quoted
 *
 * Appends one cell. A cell that a spreadsheet would evaluate (one starting with = + - @, a tab
 * or a carriage return) is prefixed with an apostrophe, which spreadsheets show as text.
 */
void
nrem_csv_append_field (GString    *out,
                       const char *value,
                       char        delimiter)
{
  gboolean quote;

  if (value == NULL || *value == '\0')
    return;

  quote = strchr (value, delimiter) != NULL || strchr (value, '"') != NULL ||
          strchr (value, '\n') != NULL || strchr (value, '\r') != NULL;

  if (quote)
    g_string_append_c (out, '"');
  if (strchr ("=+-@\t\r", value[0]) != NULL)
    g_string_append_c (out, '\'');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  if (quote)
    g_string_append_c (out, '"');
}

/* Rows end with CRLF, as RFC 4180 says. */
void
nrem_csv_append_row (GString            *out,
                     const char * const *fields,
                     guint               n_fields,
                     char                delimiter)
{
  for (guint i = 0; i < n_fields; i++)
    {
      if (i > 0)
        g_string_append_c (out, delimiter);
      nrem_csv_append_field (out, fields[i], delimiter);
    }
  g_string_append (out, "\r\n");
}

/* The separator of the first line, outside quotes: a semicolon when there are more
 * semicolons than commas (spreadsheets in many locales write those). */
char
nrem_csv_detect_delimiter (const char *data,
                           gsize       length)
{
  guint commas = 0, semicolons = 0;
  gboolean in_quotes = FALSE;

  for (gsize i = 0; i < length; i++)
    {
      char c = data[i];

      if (c == '"')
        in_quotes = !in_quotes;
      else if (!in_quotes && (c == '\n' || c == '\r'))
        break;
      else if (!in_quotes && c == ',')
        commas++;
      else if (!in_quotes && c == ';')
        semicolons++;
    }
  return semicolons > commas ? ';' : ',';
}

static void
free_row (gpointer row)
{
  g_ptr_array_unref (row);
}

/**
 * nrem_csv_parse:
 * @delimiter: ',' or ';', or 0 to detect it from the first line
 *
 * Returns: (transfer full): the rows, each a #GPtrArray of strings; %NULL with @error naming
 * the line of the first problem (invalid UTF-8, NUL, an unclosed quote, a cell over
 * %NREM_CSV_MAX_FIELD_BYTES). Blank lines are skipped.
 */
GPtrArray *
nrem_csv_parse (const char  *data,
                gsize        length,
                char         delimiter,
                GError     **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_row);
  g_autoptr(GPtrArray) row = NULL;
  g_autoptr(GString) field = g_string_new (NULL);
  const char *end;
  const char *bad;
  const char *p;
  guint line = 1;
  guint field_line = 1;
  gboolean in_quotes = FALSE;
  gboolean was_quoted = FALSE;
  gboolean row_has_content = FALSE;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  end = data + length;

  if (memchr (data, '\0', length) != NULL)
    {
      const char *nul = memchr (data, '\0', length);
      guint nul_line = 1;

      for (const char *q = data; q < nul; q++)
        nul_line += *q == '\n';
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("line %u: the file contains a NUL byte (is it a spreadsheet file rather than CSV?)"),
                   nul_line);
      return NULL;
    }
  if (!g_utf8_validate_len (data, length, &bad))
    {
      guint bad_line = 1;

      for (const char *q = data; q < bad; q++)
        bad_line += *q == '\n';
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("line %u: the text is not UTF-8; save the file as “CSV UTF-8” and try again"),
                   bad_line);
      return NULL;
    }

  if (delimiter == 0)
    delimiter = nrem_csv_detect_delimiter (data, length);

  row = g_ptr_array_new_with_free_func (g_free);
  for (p = data; p <= end; p++)
    {
      char c = p < end ? *p : '\n';

      if (in_quotes)
        {
          if (p == end)
            {
              g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                           _("line %u: a quoted cell is not closed"), field_line);
              return NULL;
            }
          if (c == '"')
            {
              if (p + 1 < end && p[1] == '"')
                {
                  g_string_append_c (field, '"');
                  p++;
                }
              else
                in_quotes = FALSE;
            }
          else
            {
              if (c == '\n')
                line++;
              g_string_append_c (field, c);
            }
        }
      else if (c == '"' && field->len == 0 && !was_quoted)
        {
          in_quotes = TRUE;
          was_quoted = TRUE;
          field_line = line;
          row_has_content = TRUE;
        }
      else if (c == delimiter)
        {
          g_ptr_array_add (row, g_strdup (field->str));
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          row_has_content = TRUE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && p + 1 < end && p[1] == '\n')
            p++;
          if (row_has_content || field->len > 0)
            {
              g_ptr_array_add (row, g_strdup (field->str));
              g_ptr_array_add (rows, g_steal_pointer (&row));
              row = g_ptr_array_new_with_free_func (g_free);
            }
          g_string_truncate (field, 0);
          was_quoted = FALSE;
          row_has_content = FALSE;
          line++;
        }
      else
        {
          g_string_append_c (field, c);
          row_has_content = TRUE;
        }

      if (field->len > NREM_CSV_MAX_FIELD_BYTES)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                       _("line %u: a cell is longer than %u KB"), field_line,
                       NREM_CSV_MAX_FIELD_BYTES / 1024);
          return NULL;
        }
      if (!in_quotes && field->len == 0)
        field_line = line;
    }

  return g_steal_pointer (&rows);
}
