/* nrem-time.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Times of the merge clock are UTC milliseconds since the epoch. */
gint64    nrem_time_now_ms        (void);
char     *nrem_time_format_ms     (gint64      ms);
void      nrem_time_format_ms_buf (gint64      ms,
                                   char        buf[32]);
gboolean  nrem_time_parse_ms      (const char *str,
                                   gint64     *out_ms);
gboolean  nrem_date_is_valid      (const char *str);
gboolean  nrem_clock_time_is_valid (const char *str);

G_END_DECLS
