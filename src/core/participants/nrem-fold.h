/* nrem-fold.h
 *
 * Folding text for search: what people type and what the directory holds meet in a form
 * without case, accents or the punctuation inside names ("São Paulo" → "sao paulo",
 * "O'Connor" → "oconnor", "Al-Masri" → "almasri"). Plain functions, no widgets.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void       nrem_fold_append      (GString            *out,
                                  const char         *text);
char      *nrem_fold             (const char         *text);
char     **nrem_fold_words       (const char         *query);
gboolean   nrem_fold_match_words (const char         *key,
                                  const char * const *words);

G_END_DECLS
