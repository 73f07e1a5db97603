/* nrem-uuid.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The namespace of every name-based (v5) identity of NREM Desk. */
#define NREM_UUID_NAMESPACE "6f1c2a4e-3b7d-5e8f-9a01-4c2d3e5f6a7b"

gboolean  nrem_uuid_is_valid (const char *str);
char     *nrem_uuid_new_v4   (void);
char     *nrem_uuid_new_v5   (const char *name);
char     *nrem_uuid_new_v5_printf (const char *format,
                                   ...) G_GNUC_PRINTF (1, 2);

G_END_DECLS
