/* nrem-numbering.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-numbering.h"

#include <string.h>

/**
 * nrem_numbering_assign:
 * @items: the paragraphs in document order
 * @with_alternatives: %TRUE for the negotiation text (alternatives keep their label after the
 *   number of their paragraph); %FALSE for the clean text (every paragraph in the document
 *   gets a number of its own)
 * @out: (out caller-allocates) (array length=n_items): the number of each paragraph
 *
 * Numbers the paragraphs that are in the document consecutively from 1. An alternative
 * (alternative > 0) takes the number of the paragraph it is an alternative to, the paragraph
 * before it with alternative 0, and its label (bis, ter …). When that paragraph is not in the
 * document, the first alternative that is takes its place: a number of its own, no label.
 */
void
nrem_numbering_assign (const NremNumberingItem *items,
                       guint                    n_items,
                       gboolean                 with_alternatives,
                       NremNumber              *out)
{
  guint count = 0;
  guint base = 0;  /* the number alternatives attach to, 0 when there is none */

  for (guint i = 0; i < n_items; i++)
    {
      out[i].number = 0;
      out[i].suffix = 0;

      if (!with_alternatives)
        {
          if (items[i].included)
            out[i].number = ++count;
          continue;
        }

      if (items[i].alternative <= 0)
        {
          base = items[i].included ? ++count : 0;
          out[i].number = base;
          continue;
        }

      if (!items[i].included)
        continue;
      if (base == 0)
        {
          base = ++count;
          out[i].number = base;
          continue;
        }
      out[i].number = base;
      out[i].suffix = items[i].alternative;
    }
}

static const char * const multipliers[] = {
  NULL, "bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies",
  "decies", "undecies", "duodecies",
};

/**
 * nrem_latin_multiplier:
 * @alternative: 1 for the first alternative …
 *
 * Returns: "bis", "ter" … "duodecies", or %NULL past the twelfth
 */
const char *
nrem_latin_multiplier (int alternative)
{
  if (alternative <= 0 || alternative >= (int) G_N_ELEMENTS (multipliers))
    return NULL;
  return multipliers[alternative];
}

/**
 * nrem_number_format:
 *
 * Returns: "12", "3 bis", or "" for a paragraph without a number
 */
char *
nrem_number_format (NremNumber number)
{
  const char *latin;

  if (number.number == 0)
    return g_strdup ("");
  if (number.suffix <= 0)
    return g_strdup_printf ("%u", number.number);
  latin = nrem_latin_multiplier (number.suffix);
  if (latin != NULL)
    return g_strdup_printf ("%u %s", number.number, latin);
  /* past duodecies, which no negotiation has reached */
  return g_strdup_printf ("%u (%d)", number.number, number.suffix + 1);
}

/**
 * nrem_roman_numeral:
 *
 * Returns: "IV" or "iv"; "" for 0
 */
char *
nrem_roman_numeral (guint    n,
                    gboolean upper)
{
  static const struct { guint value; const char *upper; const char *lower; } digits[] = {
    { 1000, "M", "m" }, { 900, "CM", "cm" }, { 500, "D", "d" }, { 400, "CD", "cd" },
    { 100, "C", "c" }, { 90, "XC", "xc" }, { 50, "L", "l" }, { 40, "XL", "xl" },
    { 10, "X", "x" }, { 9, "IX", "ix" }, { 5, "V", "v" }, { 4, "IV", "iv" }, { 1, "I", "i" },
  };
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (digits); i++)
    while (n >= digits[i].value)
      {
        g_string_append (out, upper ? digits[i].upper : digits[i].lower);
        n -= digits[i].value;
      }
  return g_string_free (out, FALSE);
}

/**
 * nrem_section_letter:
 * @index: 0 for the first section
 *
 * Returns: "A", "B" … "Z", then "AA", "BB" …
 */
char *
nrem_section_letter (guint index)
{
  guint repeat = index / 26 + 1;
  char letter = (char) ('A' + index % 26);
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < repeat; i++)
    g_string_append_c (out, letter);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------
 * Subparagraphs
 */

static guint
roman_value (const char *tok,
             gsize       len)
{
  guint value = 0;
  g_autofree char *again = NULL;
  g_autofree char *lower = g_strndup (tok, len);

  for (gsize i = 0; i < len; i++)
    {
      guint v;

      switch (tok[i])
        {
        case 'i': v = 1; break;
        case 'v': v = 5; break;
        case 'x': v = 10; break;
        case 'l': v = 50; break;
        case 'c': v = 100; break;
        default: return 0;
        }
      if (i + 1 < len)
        {
          guint next = tok[i + 1] == 'i' ? 1 : tok[i + 1] == 'v' ? 5 : tok[i + 1] == 'x' ? 10
                     : tok[i + 1] == 'l' ? 50 : tok[i + 1] == 'c' ? 100 : 0;

          if (next > v)
            {
              value -= v;
              continue;
            }
        }
      value += v;
    }
  /* only the canonical spelling counts: "iiii" or "ic" are not numerals */
  again = nrem_roman_numeral (value, FALSE);
  return g_strcmp0 (again, lower) == 0 ? value : 0;
}

/* (a) = 1 … (z) = 26, (aa) = 27 … (zz) = 52 …; 0 when not letters of that form */
static guint
letter_value (const char *tok,
              gsize       len)
{
  for (gsize i = 1; i < len; i++)
    if (tok[i] != tok[0])
      return 0;
  if (tok[0] < 'a' || tok[0] > 'z')
    return 0;
  return (guint) (len - 1) * 26 + (guint) (tok[0] - 'a') + 1;
}

static char *
letter_label (guint value)
{
  guint repeat = (value - 1) / 26 + 1;
  char letter = (char) ('a' + (value - 1) % 26);
  GString *out = g_string_new ("(");

  for (guint i = 0; i < repeat; i++)
    g_string_append_c (out, letter);
  g_string_append_c (out, ')');
  return g_string_free (out, FALSE);
}

typedef struct
{
  guint last_letter;   /* value of the last (a)-level label, 0 before any */
  guint last_roman;    /* value of the last (i)-level label since it, 0 before any */
} LabelState;

/* Reads the label at the start of @line. Returns its level (1 or 2), or 0 when the line has
 * none; *body points after the label and the space that follows. */
static guint
read_label (const char  *line,
            LabelState  *state,
            const char **body,
            char       **label)
{
  const char *p = line;
  const char *tok;
  gsize len;
  guint roman, letter;
  guint level;

  while (*p == ' ' || *p == '\t')
    p++;
  if (*p != '(')
    return 0;
  tok = ++p;
  while (*p >= 'a' && *p <= 'z')
    p++;
  len = (gsize) (p - tok);
  if (len == 0 || len > 6 || *p != ')')
    return 0;
  p++;
  if (*p != '\0' && *p != ' ' && *p != '\t')
    return 0;

  roman = roman_value (tok, len);
  letter = letter_value (tok, len);

  if (roman != 0 && letter != 0)
    {
      /* (i), (v), (x), (l), (c) are numerals or letters: a numeral when it continues a list
       * of numerals, a letter when it continues a list of letters ((h) then (i)), a numeral
       * when it opens a list ((i)), a letter otherwise */
      if (state->last_roman > 0 && roman == state->last_roman + 1)
        level = 2;
      else if (state->last_letter > 0 && letter == state->last_letter + 1)
        level = 1;
      else if (roman == 1 || len > 1)
        level = 2;
      else
        level = 1;
    }
  else if (roman != 0)
    level = 2;
  else if (letter != 0)
    level = 1;
  else
    return 0;

  if (level == 1)
    {
      state->last_letter = letter;
      state->last_roman = 0;
    }
  else
    state->last_roman = roman;

  while (*p == ' ' || *p == '\t')
    p++;
  *body = p;
  if (label != NULL)
    *label = g_strdup_printf ("(%.*s)", (int) len, tok);
  return level;
}

static void
subparagraph_free (NremSubparagraph *sub)
{
  g_free (sub->label);
  g_free (sub->text);
  g_free (sub);
}

/**
 * nrem_subparagraphs_parse:
 * @text: a recommendation's text: lines, of which those starting "(a) " or "(i) " are
 *   subparagraphs
 *
 * Returns: (transfer full) (element-type NremSubparagraph): the non-empty lines with their
 *   level and label; a line without a label continues at the level of the line before it
 */
GPtrArray *
nrem_subparagraphs_parse (const char *text)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) subparagraph_free);
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  LabelState state = { 0, 0 };
  guint level = 0;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      NremSubparagraph *sub;
      const char *body = NULL;
      char *label = NULL;
      guint found;

      g_strstrip (lines[i]);
      if (lines[i][0] == '\0')
        continue;
      found = read_label (lines[i], &state, &body, &label);
      sub = g_new0 (NremSubparagraph, 1);
      if (found != 0)
        {
          level = found;
          sub->label = label;
          sub->text = g_strdup (body);
        }
      else
        sub->text = g_strdup (lines[i]);
      sub->level = level;
      g_ptr_array_add (out, sub);
    }
  return out;
}

/**
 * nrem_subparagraph_line_levels:
 * @n_lines: (out): the number of lines of @text
 *
 * Returns: (transfer full) (array length=n_lines): for each line of @text, the level of the
 *   subparagraph it belongs to (0 the paragraph's own text, 1 (a), 2 (i)); for editors that
 *   indent subparagraphs as the document will
 */
guint *
nrem_subparagraph_line_levels (const char *text,
                               guint      *n_lines)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  guint n = g_strv_length (lines);
  guint *levels = g_new0 (guint, n + 1);
  LabelState state = { 0, 0 };
  guint level = 0;

  for (guint i = 0; i < n; i++)
    {
      const char *body;
      guint found = read_label (lines[i], &state, &body, NULL);

      if (found != 0)
        level = found;
      levels[i] = level;
    }
  *n_lines = n;
  return levels;
}

/**
 * nrem_subparagraph_next_label:
 * @line: the line (from 0) after which the new subparagraph goes
 * @level: 1 for (a), (b) …; 2 for (i), (ii) …
 *
 * Returns: the label that follows the last one of @level at or before @line: "(c)" after
 *   "(b)", "(iii)" after "(ii)"; "(a)" or "(i)" when there is none (for level 2: none since the
 *   last level-1 label)
 */
char *
nrem_subparagraph_next_label (const char *text,
                              int         line,
                              guint       level)
{
  g_auto(GStrv) lines = g_strsplit (text != NULL ? text : "", "\n", -1);
  LabelState state = { 0, 0 };

  for (int i = 0; lines[i] != NULL && i <= line; i++)
    {
      const char *body;

      read_label (lines[i], &state, &body, NULL);
    }

  if (level <= 1)
    return letter_label (state.last_letter + 1);
  {
    g_autofree char *numeral = nrem_roman_numeral (state.last_roman + 1, FALSE);

    return g_strdup_printf ("(%s)", numeral);
  }
}

/* ------------------------------------------------------------------------------------------
 * Brackets
 */

gboolean
nrem_text_has_brackets (const char *text)
{
  return text != NULL && (strchr (text, '[') != NULL || strchr (text, ']') != NULL);
}

/**
 * nrem_text_brackets_balanced:
 *
 * Returns: %TRUE when every "[" is closed by a "]" and none is nested or stray
 */
gboolean
nrem_text_brackets_balanced (const char *text)
{
  int depth = 0;

  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      if (*p == '[')
        {
          if (++depth > 1)
            return FALSE;
        }
      else if (*p == ']')
        {
          if (--depth < 0)
            return FALSE;
        }
    }
  return depth == 0;
}

/**
 * nrem_text_strip_brackets:
 *
 * Returns: @text without its square brackets, and without the double spaces that leaves
 */
char *
nrem_text_strip_brackets (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '[' || *p == ']')
        continue;
      if (*p == ' ' && out->len > 0 && out->str[out->len - 1] == ' ')
        continue;
      g_string_append_c (out, *p);
    }
  /* lines keep their shape; spaces left at their ends go */
  {
    g_auto(GStrv) lines = g_strsplit (out->str, "\n", -1);

    for (guint i = 0; lines[i] != NULL; i++)
      g_strstrip (lines[i]);
    g_string_free (out, TRUE);
    return g_strjoinv ("\n", lines);
  }
}
