/* nrem-count-tile.h
 *
 * One number of the overview and what it counts: "12 / Confirmed".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NREM_TYPE_COUNT_TILE (nrem_count_tile_get_type ())

G_DECLARE_FINAL_TYPE (NremCountTile, nrem_count_tile, NREM, COUNT_TILE, GtkWidget)

GtkWidget  *nrem_count_tile_new       (void);
const char *nrem_count_tile_get_label (NremCountTile *self);
void        nrem_count_tile_set_label (NremCountTile *self,
                                       const char    *label);
guint       nrem_count_tile_get_value (NremCountTile *self);
void        nrem_count_tile_set_value (NremCountTile *self,
                                       guint          value);

G_END_DECLS
