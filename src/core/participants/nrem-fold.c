/* nrem-fold.c
 *
 * The folded form: each character is decomposed with compatibility (NFKD), its combining
 * marks are dropped and the rest lowercased; letters that do not decompose but are read as
 * Latin letters by everyone who types without them (ł, ø, đ, ß, æ …) are spelled out.
 * Apostrophes, hyphens and dots join what they separate ("O'Connor", "Al-Masri",
 * "rania.masri"); any other run of spaces or punctuation becomes one space.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-fold.h"

#include <string.h>

/* characters that join the parts of a name rather than separate words */
static gboolean
is_joiner (gunichar c)
{
  switch (c)
    {
    case '\'':
    case '-':
    case '.':
    case '`':
    case 0x00AD:  /* soft hyphen */
    case 0x00B4:  /* acute accent used as an apostrophe */
    case 0x02BB:  /* okina */
    case 0x02BC:  /* modifier apostrophe */
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2018: case 0x2019: case 0x201B: case 0x2032:
    case 0x2212:  /* minus */
      return TRUE;
    default:
      return FALSE;
    }
}

/* letters without a decomposition, spelled as people type them on a plain keyboard */
static const char *
spell_out (gunichar c)
{
  switch (c)
    {
    case 0x0141: case 0x0142: return "l";   /* Ł ł */
    case 0x00D8: case 0x00F8: return "o";   /* Ø ø */
    case 0x0110: case 0x0111: return "d";   /* Đ đ */
    case 0x00D0: case 0x00F0: return "d";   /* Ð ð */
    case 0x00DE: case 0x00FE: return "th";  /* Þ þ */
    case 0x00C6: case 0x00E6: return "ae";  /* Æ æ */
    case 0x0152: case 0x0153: return "oe";  /* Œ œ */
    case 0x00DF: case 0x1E9E: return "ss";  /* ß ẞ */
    case 0x0131: return "i";                /* dotless ı */
    case 0x0126: case 0x0127: return "h";   /* Ħ ħ */
    default: return NULL;
    }
}

typedef struct
{
  GString  *out;
  gboolean  pending_space;
} Folder;

static inline void
emit_ascii (Folder *f,
            char    c)
{
  if (f->pending_space)
    {
      if (f->out->len > 0 && f->out->str[f->out->len - 1] != ' ')
        g_string_append_c (f->out, ' ');
      f->pending_space = FALSE;
    }
  g_string_append_c (f->out, c);
}

static inline void
fold_ascii (Folder *f,
            char    c)
{
  if (c >= 'a' && c <= 'z')
    emit_ascii (f, c);
  else if (c >= 'A' && c <= 'Z')
    emit_ascii (f, (char) (c - 'A' + 'a'));
  else if (c >= '0' && c <= '9')
    emit_ascii (f, c);
  else if (is_joiner ((gunichar) c))
    ;
  else
    f->pending_space = TRUE;
}

static void
fold_unichar (Folder   *f,
              gunichar  c)
{
  gunichar decomposed[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];
  const char *spelled;
  gsize n;

  if (is_joiner (c))
    return;
  if ((spelled = spell_out (c)) != NULL)
    {
      for (const char *p = spelled; *p != '\0'; p++)
        emit_ascii (f, *p);
      return;
    }

  n = g_unichar_fully_decompose (c, TRUE, decomposed, G_N_ELEMENTS (decomposed));
  for (gsize i = 0; i < n; i++)
    {
      gunichar d = decomposed[i];

      if (d < 0x80)
        {
          fold_ascii (f, (char) d);
          continue;
        }
      if (g_unichar_ismark (d))
        continue;
      if (is_joiner (d))
        continue;
      if ((spelled = spell_out (d)) != NULL)
        {
          for (const char *p = spelled; *p != '\0'; p++)
            emit_ascii (f, *p);
          continue;
        }
      d = g_unichar_tolower (d);
      if (g_unichar_isalnum (d))
        {
          char buf[6];
          int len = g_unichar_to_utf8 (d, buf);

          emit_ascii (f, buf[0]);
          g_string_append_len (f->out, buf + 1, len - 1);
        }
      else
        f->pending_space = TRUE;
    }
}

/**
 * nrem_fold_append:
 * @out: where the folded text goes; a space separates it from what @out already holds
 * @text: (nullable): UTF-8 text
 *
 * Appends the folded form of @text. Invalid UTF-8 is skipped byte by byte.
 */
void
nrem_fold_append (GString    *out,
                  const char *text)
{
  Folder f = { out, out->len > 0 };
  const char *p = text;

  if (text == NULL)
    return;

  while (*p != '\0')
    {
      guchar c = (guchar) *p;

      if (c < 0x80)
        {
          fold_ascii (&f, (char) c);
          p++;
        }
      else
        {
          gunichar u = g_utf8_get_char_validated (p, -1);

          if (u == (gunichar) -1 || u == (gunichar) -2)
            {
              p++;
              continue;
            }
          fold_unichar (&f, u);
          p = g_utf8_next_char (p);
        }
    }
  /* a separator asked for by the last characters is left out: nothing follows it */
}

/**
 * nrem_fold:
 * @text: (nullable): UTF-8 text
 *
 * Returns: (transfer full): the folded form: lowercase words of letters and digits without
 * marks, separated by single spaces ("" for %NULL)
 */
char *
nrem_fold (const char *text)
{
  GString *out = g_string_sized_new (text != NULL ? strlen (text) : 0);

  nrem_fold_append (out, text);
  return g_string_free (out, FALSE);
}

/**
 * nrem_fold_words:
 * @query: (nullable): what was typed in a search field
 *
 * Returns: (transfer full) (nullable): the folded words of @query, or %NULL when it holds no
 * letter or digit
 */
char **
nrem_fold_words (const char *query)
{
  g_autofree char *folded = nrem_fold (query);
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  char **split;

  if (folded[0] == '\0')
    return NULL;
  split = g_strsplit (folded, " ", -1);
  for (guint i = 0; split[i] != NULL; i++)
    {
      if (split[i][0] != '\0')
        g_ptr_array_add (words, split[i]);
      else
        g_free (split[i]);
    }
  g_free (split);
  g_ptr_array_add (words, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&words), FALSE);
}

/**
 * nrem_fold_match_words:
 * @key: a folded text
 * @words: (nullable): folded words
 *
 * Returns: whether every word appears in @key, in any order
 */
gboolean
nrem_fold_match_words (const char         *key,
                       const char * const *words)
{
  if (words == NULL)
    return TRUE;
  for (guint i = 0; words[i] != NULL; i++)
    if (strstr (key, words[i]) == NULL)
      return FALSE;
  return TRUE;
}
