/* nrem-word-diff.c
 *
 * Eugene W. Myers, "An O(ND) Difference Algorithm and Its Variations", Algorithmica 1 (1986):
 * the shortest edit script found by following the furthest-reaching path on each diagonal,
 * with the state of each round kept for walking back. Texts are first cut into tokens — a run
 * of letters and digits, one punctuation mark, or a run of white space — so that a change
 * reads as words struck out and words added.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-word-diff.h"

#include <string.h>

/* Past this many edits the texts have little in common: say "all of it changed". */
#define MAX_EDITS 2000

typedef enum
{
  TOKEN_WORD,
  TOKEN_SPACE,
  TOKEN_MARK,
} TokenKind;

static TokenKind
token_kind (gunichar c)
{
  if (g_unichar_isalnum (c) || g_unichar_ismark (c))
    return TOKEN_WORD;
  if (g_unichar_isspace (c))
    return TOKEN_SPACE;
  return TOKEN_MARK;
}

/**
 * nrem_text_tokenize:
 *
 * Returns: (transfer full) (element-type utf8): the tokens of @text, which join back into it
 */
GPtrArray *
nrem_text_tokenize (const char *text)
{
  GPtrArray *tokens = g_ptr_array_new_with_free_func (g_free);
  const char *p = text != NULL ? text : "";

  while (*p != '\0')
    {
      const char *start = p;
      TokenKind kind = token_kind (g_utf8_get_char (p));

      p = g_utf8_next_char (p);
      if (kind != TOKEN_MARK)
        while (*p != '\0' && token_kind (g_utf8_get_char (p)) == kind)
          p = g_utf8_next_char (p);
      g_ptr_array_add (tokens, g_strndup (start, (gsize) (p - start)));
    }
  return tokens;
}

static void
chunk_free (NremDiffChunk *chunk)
{
  g_free (chunk->text);
  g_free (chunk);
}

static void
append (GPtrArray  *chunks,
        NremDiffOp  op,
        const char *text)
{
  NremDiffChunk *last = chunks->len > 0 ? g_ptr_array_index (chunks, chunks->len - 1) : NULL;

  if (last != NULL && last->op == op)
    {
      char *joined = g_strconcat (last->text, text, NULL);

      g_free (last->text);
      last->text = joined;
      return;
    }
  last = g_new0 (NremDiffChunk, 1);
  last->op = op;
  last->text = g_strdup (text);
  g_ptr_array_add (chunks, last);
}

typedef struct
{
  NremDiffOp op;
  guint      index;  /* into a (EQUAL, DELETE) or b (INSERT) */
} Edit;

/* Myers' forward search over the token ids a[0..n) and b[0..m); the edits come out in order.
 * Returns FALSE when the texts need more than MAX_EDITS edits. */
static gboolean
myers (const guint *a,
       guint        n,
       const guint *b,
       guint        m,
       GArray      *edits)
{
  int max = (int) MIN ((guint) MAX_EDITS, n + m);
  int offset = max + 1;
  g_autofree int *v = g_new0 (int, 2 * (gsize) max + 3);
  g_autoptr(GPtrArray) trace = g_ptr_array_new_with_free_func (g_free);
  int x, y, d_end = -1;

  v[offset + 1] = 0;
  for (int d = 0; d <= max && d_end < 0; d++)
    {
      /* the state before round d: diagonals -(d+1) .. d+1 */
      g_ptr_array_add (trace, g_memdup2 (v + offset - (d + 1), sizeof (int) * (gsize) (2 * d + 3)));

      for (int k = -d; k <= d; k += 2)
        {
          if (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
            x = v[offset + k + 1];
          else
            x = v[offset + k - 1] + 1;
          y = x - k;
          while ((guint) x < n && (guint) y < m && a[x] == b[y])
            x++, y++;
          v[offset + k] = x;
          if ((guint) x >= n && (guint) y >= m)
            {
              d_end = d;
              break;
            }
        }
    }
  if (d_end < 0)
    return FALSE;

  /* walk back from (n, m) through the saved rounds */
  {
    g_autoptr(GArray) reversed = g_array_new (FALSE, FALSE, sizeof (Edit));

    x = (int) n;
    y = (int) m;
    for (int d = d_end; d > 0; d--)
      {
        const int *prev = g_ptr_array_index (trace, d);  /* index i is diagonal i - (d + 1) */
        int k = x - y;
        int prev_k, prev_x, prev_y;

#define PREV(kk) prev[(kk) + d + 1]
        if (k == -d || (k != d && PREV (k - 1) < PREV (k + 1)))
          prev_k = k + 1;
        else
          prev_k = k - 1;
        prev_x = PREV (prev_k);
#undef PREV
        prev_y = prev_x - prev_k;

        while (x > prev_x && y > prev_y)
          {
            Edit e = { NREM_DIFF_EQUAL, (guint) x - 1 };

            g_array_append_val (reversed, e);
            x--, y--;
          }
        if (x == prev_x)
          {
            Edit e = { NREM_DIFF_INSERT, (guint) prev_y };

            g_array_append_val (reversed, e);
          }
        else
          {
            Edit e = { NREM_DIFF_DELETE, (guint) prev_x };

            g_array_append_val (reversed, e);
          }
        x = prev_x;
        y = prev_y;
      }
    while (x > 0 && y > 0)
      {
        Edit e = { NREM_DIFF_EQUAL, (guint) x - 1 };

        g_array_append_val (reversed, e);
        x--, y--;
      }
    for (guint i = reversed->len; i > 0; i--)
      g_array_append_val (edits, g_array_index (reversed, Edit, i - 1));
  }
  return TRUE;
}

static gboolean
is_blank (const char *s)
{
  for (; *s != '\0'; s++)
    if (!g_ascii_isspace (*s))
      return FALSE;
  return TRUE;
}

/* Spaces kept between two changes read badly ("-a +x -b +y"): they join the change, so that
 * the deleted words and the inserted words each read as one phrase. */
static GPtrArray *
cleanup (GPtrArray *raw)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
  guint i = 0;

  while (i < raw->len)
    {
      NremDiffChunk *c = g_ptr_array_index (raw, i);
      g_autoptr(GString) del = NULL;
      g_autoptr(GString) ins = NULL;

      if (c->op == NREM_DIFF_EQUAL)
        {
          append (out, NREM_DIFF_EQUAL, c->text);
          i++;
          continue;
        }

      /* a run of changes, with the blank equal chunks inside it */
      del = g_string_new (NULL);
      ins = g_string_new (NULL);
      while (i < raw->len)
        {
          c = g_ptr_array_index (raw, i);
          if (c->op == NREM_DIFF_DELETE)
            g_string_append (del, c->text);
          else if (c->op == NREM_DIFF_INSERT)
            g_string_append (ins, c->text);
          else if (is_blank (c->text) && i + 1 < raw->len)
            {
              g_string_append (del, c->text);
              g_string_append (ins, c->text);
            }
          else
            break;
          i++;
        }
      /* what both sides gained at their ends from the blanks stays common */
      {
        gsize tail = 0;

        while (tail < del->len && tail < ins->len &&
               g_ascii_isspace (del->str[del->len - 1 - tail]) &&
               del->str[del->len - 1 - tail] == ins->str[ins->len - 1 - tail])
          tail++;
        {
          g_autofree char *common = g_strndup (del->str + del->len - tail, tail);

          g_string_truncate (del, del->len - tail);
          g_string_truncate (ins, ins->len - tail);
          if (del->len > 0)
            append (out, NREM_DIFF_DELETE, del->str);
          if (ins->len > 0)
            append (out, NREM_DIFF_INSERT, ins->str);
          if (tail > 0)
            append (out, NREM_DIFF_EQUAL, common);
        }
      }
    }
  return out;
}

/**
 * nrem_word_diff:
 *
 * Returns: (transfer full) (element-type NremDiffChunk): the chunks that turn @old_text into
 *   @new_text: the equal ones joined give both texts' common part, the equal and deleted ones
 *   give @old_text, the equal and inserted ones give @new_text
 */
GPtrArray *
nrem_word_diff (const char *old_text,
                const char *new_text)
{
  g_autoptr(GPtrArray) a = nrem_text_tokenize (old_text);
  g_autoptr(GPtrArray) b = nrem_text_tokenize (new_text);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree guint *ia = g_new (guint, a->len + 1);
  g_autofree guint *ib = g_new (guint, b->len + 1);
  g_autoptr(GPtrArray) raw = g_ptr_array_new_with_free_func ((GDestroyNotify) chunk_free);
  g_autoptr(GArray) edits = g_array_new (FALSE, FALSE, sizeof (Edit));
  guint prefix = 0, suffix = 0;

  for (guint pass = 0; pass < 2; pass++)
    {
      GPtrArray *tokens = pass == 0 ? a : b;
      guint *out = pass == 0 ? ia : ib;

      for (guint i = 0; i < tokens->len; i++)
        {
          const char *t = g_ptr_array_index (tokens, i);
          gpointer id;

          if (!g_hash_table_lookup_extended (ids, t, NULL, &id))
            {
              id = GUINT_TO_POINTER (g_hash_table_size (ids) + 1);
              g_hash_table_insert (ids, (gpointer) t, id);
            }
          out[i] = GPOINTER_TO_UINT (id);
        }
    }

  /* what the texts share at both ends needs no search */
  while (prefix < a->len && prefix < b->len && ia[prefix] == ib[prefix])
    prefix++;
  while (suffix < a->len - prefix && suffix < b->len - prefix &&
         ia[a->len - 1 - suffix] == ib[b->len - 1 - suffix])
    suffix++;

  for (guint i = 0; i < prefix; i++)
    append (raw, NREM_DIFF_EQUAL, g_ptr_array_index (a, i));

  if (myers (ia + prefix, a->len - prefix - suffix, ib + prefix, b->len - prefix - suffix, edits))
    {
      for (guint i = 0; i < edits->len; i++)
        {
          Edit *e = &g_array_index (edits, Edit, i);

          if (e->op == NREM_DIFF_INSERT)
            append (raw, NREM_DIFF_INSERT, g_ptr_array_index (b, prefix + e->index));
          else
            append (raw, e->op, g_ptr_array_index (a, prefix + e->index));
        }
    }
  else
    {
      for (guint i = prefix; i < a->len - suffix; i++)
        append (raw, NREM_DIFF_DELETE, g_ptr_array_index (a, i));
      for (guint i = prefix; i < b->len - suffix; i++)
        append (raw, NREM_DIFF_INSERT, g_ptr_array_index (b, i));
    }

  for (guint i = a->len - suffix; i < a->len; i++)
    append (raw, NREM_DIFF_EQUAL, g_ptr_array_index (a, i));

  return cleanup (raw);
}

/**
 * nrem_word_diff_to_markup:
 *
 * Returns: Pango markup: deletions struck through on red, insertions underlined on green
 */
char *
nrem_word_diff_to_markup (GPtrArray *chunks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      NremDiffChunk *c = g_ptr_array_index (chunks, i);
      g_autofree char *escaped = g_markup_escape_text (c->text, -1);

      switch (c->op)
        {
        case NREM_DIFF_DELETE:
          g_string_append_printf (out, "<span strikethrough=\"true\" background=\"#f6d3d3\" foreground=\"#a51d2d\">%s</span>", escaped);
          break;
        case NREM_DIFF_INSERT:
          g_string_append_printf (out, "<span underline=\"single\" background=\"#d4efd9\" foreground=\"#1c6b2f\">%s</span>", escaped);
          break;
        case NREM_DIFF_EQUAL:
        default:
          g_string_append (out, escaped);
          break;
        }
    }
  return g_string_free (out, FALSE);
}

/**
 * nrem_word_diff_to_plain:
 *
 * Returns: the changes in plain text: "[-deleted-]" and "{+inserted+}", as git's word diff
 *   writes them; for screen readers and tests
 */
char *
nrem_word_diff_to_plain (GPtrArray *chunks)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      NremDiffChunk *c = g_ptr_array_index (chunks, i);

      if (c->op == NREM_DIFF_DELETE)
        g_string_append_printf (out, "[-%s-]", c->text);
      else if (c->op == NREM_DIFF_INSERT)
        g_string_append_printf (out, "{+%s+}", c->text);
      else
        g_string_append (out, c->text);
    }
  return g_string_free (out, FALSE);
}

static guint
count_words (const char *text)
{
  g_autoptr(GPtrArray) tokens = nrem_text_tokenize (text);
  guint n = 0;

  for (guint i = 0; i < tokens->len; i++)
    if (token_kind (g_utf8_get_char (g_ptr_array_index (tokens, i))) == TOKEN_WORD)
      n++;
  return n;
}

void
nrem_word_diff_count (GPtrArray *chunks,
                      guint     *deleted_words,
                      guint     *inserted_words)
{
  *deleted_words = *inserted_words = 0;
  for (guint i = 0; i < chunks->len; i++)
    {
      NremDiffChunk *c = g_ptr_array_index (chunks, i);

      if (c->op == NREM_DIFF_DELETE)
        *deleted_words += count_words (c->text);
      else if (c->op == NREM_DIFF_INSERT)
        *inserted_words += count_words (c->text);
    }
}
