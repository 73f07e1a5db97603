/* nrem-csv.h
 *
 * RFC 4180 CSV: a writer that neutralises cells a spreadsheet would run as formulas, and a
 * strict reader (UTF-8 with or without BOM, comma or semicolon, quoted fields).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NREM_CSV_MAX_FIELD_BYTES (64 * 1024)

void       nrem_csv_append_field (GString            *out,
                                  const char         *value,
                                  char                delimiter);
void       nrem_csv_append_row   (GString            *out,
                                  const char * const *fields,
                                  guint               n_fields,
                                  char                delimiter);
char       nrem_csv_detect_delimiter (const char     *data,
                                      gsize           length);
GPtrArray *nrem_csv_parse        (const char         *data,
                                  gsize               length,
                                  char                delimiter,
                                  GError            **error);

G_END_DECLS
