/* nrem-word-diff.h
 *
 * What changed between two versions of a text, word by word: Myers' O(ND) difference
 * algorithm over the words, punctuation marks and spaces of each text.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  NREM_DIFF_EQUAL,
  NREM_DIFF_DELETE,
  NREM_DIFF_INSERT,
} NremDiffOp;

typedef struct
{
  NremDiffOp  op;
  char       *text;
} NremDiffChunk;

GPtrArray *nrem_text_tokenize         (const char *text);
GPtrArray *nrem_word_diff             (const char *old_text,
                                       const char *new_text);
char      *nrem_word_diff_to_markup   (GPtrArray  *chunks);
char      *nrem_word_diff_to_plain    (GPtrArray  *chunks);
void       nrem_word_diff_count       (GPtrArray  *chunks,
                                       guint      *deleted_words,
                                       guint      *inserted_words);

G_END_DECLS
