/* nrem-store-mandates.h
 *
 * The store's part for the Mandates pane: loading the matrix in three queries, writing one
 * cell, and deleting a mechanism together with its row of the matrix (one transaction each).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-matrix.h"
#include "nrem-store.h"

G_BEGIN_DECLS

gboolean nrem_store_mandates_load           (NremStore   *store,
                                             NremMatrix  *matrix,
                                             GError     **error);
gboolean nrem_store_mandates_save_cell      (NremStore   *store,
                                             const char  *mechanism_uuid,
                                             const char  *dimension_uuid,
                                             const char  *value,
                                             const char  *note,
                                             const char  *source,
                                             const char  *as_of,
                                             GError     **error);
gboolean nrem_store_mandates_delete_mechanism (NremStore  *store,
                                             const char  *mechanism_uuid,
                                             GPtrArray  **out_assessments,
                                             GError     **error);
gboolean nrem_store_mandates_undelete_mechanism (NremStore *store,
                                             const char  *mechanism_uuid,
                                             GPtrArray   *assessments,
                                             GError     **error);
GPtrArray *nrem_store_mandates_list_countries (NremStore  *store,
                                             GError     **error);

G_END_DECLS
