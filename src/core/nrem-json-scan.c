/* nrem-json-scan.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-json-scan.h"

#include <glib/gi18n.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct
{
  gboolean    is_array;
  guint       index;
  const char *key;       /* raw key bytes, not terminated */
  gsize       key_len;
} Frame;

typedef struct
{
  const char *p;
  const char *end;
  Frame       stack[NREM_JSON_MAX_DEPTH + 1];
  guint       depth;
  char       *message;
} Scanner;

static gboolean
fail (Scanner    *s,
      const char *format,
      ...) G_GNUC_PRINTF (2, 3);

static gboolean
fail (Scanner    *s,
      const char *format,
      ...)
{
  va_list args;

  if (s->message == NULL)
    {
      va_start (args, format);
      s->message = g_strdup_vprintf (format, args);
      va_end (args);
    }
  return FALSE;
}

static char *
scanner_path (Scanner *s)
{
  GString *path = g_string_new (NULL);

  for (guint i = 1; i <= s->depth; i++)
    {
      Frame *f = &s->stack[i];

      if (f->is_array)
        g_string_append_printf (path, "[%u]", f->index);
      else if (f->key != NULL)
        {
          if (path->len > 0)
            g_string_append_c (path, '.');
          g_string_append_len (path, f->key, (gssize) MIN (f->key_len, 64));
        }
    }
  if (path->len == 0)
    g_string_append (path, "(top level)");
  return g_string_free (path, FALSE);
}

static void
skip_ws (Scanner *s)
{
  while (s->p < s->end && (*s->p == ' ' || *s->p == '\t' || *s->p == '\n' || *s->p == '\r'))
    s->p++;
}

static gboolean scan_value (Scanner *s);

static gboolean
hex4 (const char *p,
      guint      *out)
{
  guint cp = 0;

  for (int i = 0; i < 4; i++)
    {
      int v = g_ascii_xdigit_value (p[i]);

      if (v < 0)
        return FALSE;
      cp = cp << 4 | (guint) v;
    }
  *out = cp;
  return TRUE;
}

static gboolean
scan_string (Scanner     *s,
             const char **out_start,
             gsize       *out_len)
{
  const char *start;

  s->p++;  /* opening quote */
  start = s->p;

  while (s->p < s->end)
    {
      guchar c = (guchar) *s->p;

      if (c == '"')
        {
          if (out_start != NULL)
            *out_start = start;
          if (out_len != NULL)
            *out_len = (gsize) (s->p - start);
          s->p++;
          return TRUE;
        }
      if (c == '\\')
        {
          if (s->p + 1 >= s->end)
            break;
          switch (s->p[1])
            {
            case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
              s->p += 2;
              break;
            case 'u':
              {
                guint cp = 0;
                guint low = 0;

                if (s->end - s->p < 6)
                  return fail (s, _("unfinished \\u escape"));
                if (!hex4 (s->p + 2, &cp))
                  return fail (s, _("invalid \\u escape"));
                if (cp == 0)
                  return fail (s, _("the text contains a NUL character (\\u0000)"));
                /* UTF-16 surrogates only in pairs: json-glib turns a lone one into invalid
                 * UTF-8, and a broken pair into an error without a JSON path */
                if (cp >= 0xdc00 && cp <= 0xdfff)
                  return fail (s, _("an unpaired UTF-16 surrogate (\\u%04x) in a string"), cp);
                if (cp >= 0xd800 && cp <= 0xdbff)
                  {
                    if (s->end - s->p < 12 || s->p[6] != '\\' || s->p[7] != 'u' ||
                        !hex4 (s->p + 8, &low) || low < 0xdc00 || low > 0xdfff)
                      return fail (s, _("an unpaired UTF-16 surrogate (\\u%04x) in a string"), cp);
                    s->p += 6;
                  }
                s->p += 6;
              }
              break;
            default:
              return fail (s, _("invalid escape “\\%c” in a string"), g_ascii_isprint (s->p[1]) ? s->p[1] : '?');
            }
          continue;
        }
      if (c == 0)
        return fail (s, _("the file contains a NUL byte"));
      if (c < 0x20)
        return fail (s, _("a control character (0x%02x) inside a string"), c);
      if (c < 0x80)
        {
          s->p++;
          continue;
        }
      {
        const char *next = s->p;
        gsize avail = (gsize) (s->end - s->p);
        gunichar u = g_utf8_get_char_validated (s->p, (gssize) MIN (avail, 4));

        if (u == (gunichar) -1 || u == (gunichar) -2)
          return fail (s, _("the text is not valid UTF-8"));
        next = g_utf8_next_char (next);
        s->p = next;
      }
    }
  return fail (s, _("a string is not closed"));
}

static gboolean
scan_number (Scanner *s)
{
  const char *start = s->p;
  gboolean is_integer = TRUE;
  char buf[64];
  gsize len;

  if (*s->p == '-')
    s->p++;
  if (s->p >= s->end || !g_ascii_isdigit (*s->p))
    return fail (s, _("a malformed number"));
  if (*s->p == '0')
    s->p++;
  else
    while (s->p < s->end && g_ascii_isdigit (*s->p))
      s->p++;
  if (s->p < s->end && *s->p == '.')
    {
      is_integer = FALSE;
      s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return fail (s, _("a malformed number"));
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }
  if (s->p < s->end && (*s->p == 'e' || *s->p == 'E'))
    {
      is_integer = FALSE;
      s->p++;
      if (s->p < s->end && (*s->p == '+' || *s->p == '-'))
        s->p++;
      if (s->p >= s->end || !g_ascii_isdigit (*s->p))
        return fail (s, _("a malformed number"));
      while (s->p < s->end && g_ascii_isdigit (*s->p))
        s->p++;
    }

  len = (gsize) (s->p - start);
  if (is_integer)
    {
      /* more than 16 digits cannot be within ±2^53 */
      gsize digits = len - (start[0] == '-');
      gint64 v;

      if (digits > 16)
        return fail (s, _("the integer %.*s is beyond ±2^53 and cannot be kept exactly"),
                     (int) MIN (len, 40), start);
      memcpy (buf, start, len);
      buf[len] = '\0';
      v = g_ascii_strtoll (buf, NULL, 10);
      if (v > NREM_JSON_MAX_SAFE_INTEGER || v < -NREM_JSON_MAX_SAFE_INTEGER)
        return fail (s, _("the integer %s is beyond ±2^53 and cannot be kept exactly"), buf);
    }
  else
    {
      g_autofree char *copy = g_strndup (start, len);
      double d = g_ascii_strtod (copy, NULL);

      if (!isfinite (d))
        return fail (s, _("the number %.*s is not finite"), (int) MIN (len, 40), start);
    }
  return TRUE;
}

static gboolean
scan_literal (Scanner    *s,
              const char *word)
{
  gsize n = strlen (word);

  if ((gsize) (s->end - s->p) < n || memcmp (s->p, word, n) != 0)
    return fail (s, _("unexpected text (not JSON)"));
  s->p += n;
  return TRUE;
}

static gboolean
push (Scanner  *s,
      gboolean  is_array)
{
  if (s->depth >= NREM_JSON_MAX_DEPTH)
    return fail (s, _("nested deeper than %d levels"), NREM_JSON_MAX_DEPTH);
  s->depth++;
  s->stack[s->depth].is_array = is_array;
  s->stack[s->depth].index = 0;
  s->stack[s->depth].key = NULL;
  s->stack[s->depth].key_len = 0;
  return TRUE;
}

static gboolean
scan_object (Scanner *s)
{
  const char *keys[NREM_JSON_MAX_MEMBERS];
  gsize key_lens[NREM_JSON_MAX_MEMBERS];
  guint n_keys = 0;

  s->p++;
  if (!push (s, FALSE))
    return FALSE;

  skip_ws (s);
  if (s->p < s->end && *s->p == '}')
    {
      s->p++;
      s->depth--;
      return TRUE;
    }

  for (;;)
    {
      const char *key;
      gsize key_len;

      skip_ws (s);
      if (s->p >= s->end || *s->p != '"')
        return fail (s, _("expected a quoted member name"));
      if (!scan_string (s, &key, &key_len))
        return FALSE;
      if (n_keys >= NREM_JSON_MAX_MEMBERS)
        return fail (s, _("an object with more than %d members"), NREM_JSON_MAX_MEMBERS);
      for (guint i = 0; i < n_keys; i++)
        if (key_lens[i] == key_len && memcmp (keys[i], key, key_len) == 0)
          {
            s->stack[s->depth].key = key;
            s->stack[s->depth].key_len = key_len;
            return fail (s, _("the member “%.*s” appears twice"), (int) MIN (key_len, 64), key);
          }
      keys[n_keys] = key;
      key_lens[n_keys++] = key_len;
      s->stack[s->depth].key = key;
      s->stack[s->depth].key_len = key_len;

      skip_ws (s);
      if (s->p >= s->end || *s->p != ':')
        return fail (s, _("expected “:” after a member name"));
      s->p++;
      if (!scan_value (s))
        return FALSE;
      skip_ws (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          continue;
        }
      if (s->p < s->end && *s->p == '}')
        {
          s->p++;
          s->depth--;
          return TRUE;
        }
      return fail (s, _("expected “,” or “}”"));
    }
}

static gboolean
scan_array (Scanner *s)
{
  s->p++;
  if (!push (s, TRUE))
    return FALSE;

  skip_ws (s);
  if (s->p < s->end && *s->p == ']')
    {
      s->p++;
      s->depth--;
      return TRUE;
    }
  for (;;)
    {
      if (!scan_value (s))
        return FALSE;
      skip_ws (s);
      if (s->p < s->end && *s->p == ',')
        {
          s->p++;
          s->stack[s->depth].index++;
          continue;
        }
      if (s->p < s->end && *s->p == ']')
        {
          s->p++;
          s->depth--;
          return TRUE;
        }
      return fail (s, _("expected “,” or “]”"));
    }
}

static gboolean
scan_value (Scanner *s)
{
  skip_ws (s);
  if (s->p >= s->end)
    return fail (s, _("the file ends too early"));

  switch (*s->p)
    {
    case '{': return scan_object (s);
    case '[': return scan_array (s);
    case '"': return scan_string (s, NULL, NULL);
    case 't': return scan_literal (s, "true");
    case 'f': return scan_literal (s, "false");
    case 'n': return scan_literal (s, "null");
    case 'N':
    case 'I':
      return fail (s, _("NaN and Infinity are not numbers JSON allows"));
    case '\0':
      return fail (s, _("the file contains a NUL byte"));
    default:
      if (*s->p == '-' || g_ascii_isdigit (*s->p))
        return scan_number (s);
      return fail (s, _("unexpected text (not JSON)"));
    }
}

/**
 * nrem_json_scan:
 * @out_path: (out): the JSON path where the first problem is
 * @out_message: (out): what the problem is
 *
 * Returns: %TRUE when @data is one well-formed JSON value that is safe to hand to json-glib.
 */
gboolean
nrem_json_scan (const char  *data,
                gsize        length,
                char       **out_path,
                char       **out_message)
{
  Scanner s = { 0 };
  gboolean ok;

  s.p = data;
  s.end = data + length;

  /* a UTF-8 byte order mark is tolerated */
  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    s.p += 3;

  ok = scan_value (&s);
  if (ok)
    {
      skip_ws (&s);
      if (s.p < s.end)
        ok = fail (&s, *s.p == '\0' ? _("the file contains a NUL byte")
                                    : _("text after the end of the JSON value"));
    }

  if (!ok)
    {
      if (out_path != NULL)
        *out_path = scanner_path (&s);
      if (out_message != NULL)
        *out_message = g_steal_pointer (&s.message);
    }
  g_free (s.message);
  return ok;
}
