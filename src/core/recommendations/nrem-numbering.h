/* nrem-numbering.h
 *
 * How an outcome document numbers and labels its paragraphs (UN Editorial Manual, DOMAIN.md):
 * paragraphs numbered consecutively with Arabic numerals; alternatives to a paragraph under
 * negotiation labelled bis, ter, … after its number; subparagraphs (a), (b) … then (i), (ii) …;
 * chapters in Roman numerals and sections A., B. Plain functions, tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One paragraph in document order, as the numbering sees it. */
typedef struct
{
  int      alternative;  /* 0 a paragraph of its own, 1 bis, 2 ter … of the paragraph before */
  gboolean included;     /* FALSE: the paragraph is not in this version of the document */
} NremNumberingItem;

typedef struct
{
  guint number;          /* 0: not numbered (not included) */
  int   suffix;          /* 0: none, 1: bis, 2: ter … */
} NremNumber;

void         nrem_numbering_assign        (const NremNumberingItem *items,
                                           guint                    n_items,
                                           gboolean                 with_alternatives,
                                           NremNumber              *out);
char        *nrem_number_format           (NremNumber               number);
const char  *nrem_latin_multiplier        (int                      alternative);
char        *nrem_roman_numeral           (guint                    n,
                                           gboolean                 upper);
char        *nrem_section_letter          (guint                    index);

/* Subparagraphs: a line of the text that starts with "(a) " or "(ii) " */
typedef struct
{
  guint  level;   /* 0 the paragraph's own text, 1 (a), 2 (i) */
  char  *label;   /* "(a)", "(ii)", or NULL for level 0 and for continuation lines */
  char  *text;    /* the line without its label */
} NremSubparagraph;

GPtrArray   *nrem_subparagraphs_parse     (const char              *text);
guint       *nrem_subparagraph_line_levels (const char             *text,
                                           guint                   *n_lines);
char        *nrem_subparagraph_next_label (const char              *text,
                                           int                      line,
                                           guint                    level);

/* Square brackets of negotiated text */
char        *nrem_text_strip_brackets     (const char              *text);
gboolean     nrem_text_has_brackets       (const char              *text);
gboolean     nrem_text_brackets_balanced  (const char              *text);

G_END_DECLS
