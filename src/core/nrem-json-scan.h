/* nrem-json-scan.h
 *
 * A strict pass over the bytes of a JSON file before any parser sees them: syntax, NUL bytes,
 * UTF-8, nesting depth, duplicate keys and numbers beyond what a double holds exactly. Errors
 * name the JSON path where they occur.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NREM_JSON_MAX_DEPTH 64
#define NREM_JSON_MAX_MEMBERS 512
#define NREM_JSON_MAX_SAFE_INTEGER G_GINT64_CONSTANT (9007199254740991)  /* 2^53 - 1 */

gboolean nrem_json_scan (const char  *data,
                         gsize        length,
                         char       **out_path,
                         char       **out_message);

G_END_DECLS
