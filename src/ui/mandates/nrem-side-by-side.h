/* nrem-side-by-side.h
 *
 * Picked mechanisms side by side, their differences highlighted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-matrix.h"

G_BEGIN_DECLS

#define NREM_TYPE_SIDE_BY_SIDE (nrem_side_by_side_get_type ())

G_DECLARE_FINAL_TYPE (NremSideBySide, nrem_side_by_side, NREM, SIDE_BY_SIDE, GtkWidget)

GtkWidget *nrem_side_by_side_new                (void);
void       nrem_side_by_side_set                (NremSideBySide *self,
                                                 NremMatrix     *matrix,
                                                 GPtrArray      *picked);
guint      nrem_side_by_side_count_differences  (NremSideBySide *self);

G_END_DECLS
