/* nrem-store-private.h
 *
 * For the parts of the store that live beside the panes they serve (src/core/<pane>/
 * nrem-store-<pane>.c): the connection and the store's error handling. SQL is written only in
 * the store and its parts, through prepared statements with bound parameters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <sqlite3.h>

#include "nrem-store.h"

G_BEGIN_DECLS

sqlite3  *nrem_store_get_db          (NremStore       *self);
gboolean  nrem_store_set_sqlite_error (NremStore      *self,
                                       int             rc,
                                       GError        **error);
gboolean  nrem_store_in_transaction  (NremStore       *self);
void      nrem_store_mark_changed    (NremStore       *self,
                                      NremEntityKind   kind);

G_END_DECLS
