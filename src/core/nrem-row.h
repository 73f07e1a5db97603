/* nrem-row.h
 *
 * One version of one record, in the text form the exchange format uses: the merge clock and
 * the values of the entity's fields in order. NULL is null.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-entity.h"

G_BEGIN_DECLS

typedef struct
{
  NremEntityKind  kind;
  char           *uuid;
  gint64          updated_at;
  gint64          rev;
  char           *origin;
  gint64          deleted_at;              /* 0 while the record lives */
  guint32         present;                 /* bit i: field i is carried by this version */
  char           *values[NREM_MAX_FIELDS];
} NremRow;

NremRow    *nrem_row_new            (NremEntityKind  kind);
NremRow    *nrem_row_copy           (const NremRow  *row);
void        nrem_row_free           (NremRow        *row);
const char *nrem_row_get            (const NremRow  *row,
                                     const char     *field);
void        nrem_row_set            (NremRow        *row,
                                     const char     *field,
                                     const char     *value);
void        nrem_row_take_value     (NremRow        *row,
                                     guint           index,
                                     char           *value);
gboolean    nrem_row_content_equal  (const NremRow  *a,
                                     const NremRow  *b);
int         nrem_row_compare_clock  (const NremRow  *a,
                                     const NremRow  *b);
char       *nrem_row_to_json        (const NremRow  *row,
                                     gboolean        with_contacts);
void        nrem_row_write_json     (const NremRow  *row,
                                     GString        *out,
                                     gboolean        with_contacts,
                                     const char     *indent);

void        nrem_json_write_string  (GString        *out,
                                     const char     *str);

#define NREM_ROW_ALL_PRESENT(n) ((guint32) ((n) >= 32 ? G_MAXUINT32 : ((1u << (n)) - 1)))

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremRow, nrem_row_free)

G_END_DECLS
