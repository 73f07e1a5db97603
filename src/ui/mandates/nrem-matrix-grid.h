/* nrem-matrix-grid.h
 *
 * The mandate matrix drawn as one widget: a scrollable grid that snapshots only the cells in
 * view (a few hundred nodes, however many mechanisms), with frozen column headings and a
 * frozen column of mechanisms. A cursor moves with the arrow keys; the widget's accessible
 * name follows the cursor ("Netherlands, …: Independence — By law; has a note").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-matrix.h"

G_BEGIN_DECLS

#define NREM_TYPE_MATRIX_GRID (nrem_matrix_grid_get_type ())

G_DECLARE_FINAL_TYPE (NremMatrixGrid, nrem_matrix_grid, NREM, MATRIX_GRID, GtkWidget)

/* the column of mechanism names */
#define NREM_MATRIX_GRID_NAME_COLUMN (-1)

GtkWidget      *nrem_matrix_grid_new             (void);
void            nrem_matrix_grid_set_matrix      (NremMatrixGrid         *self,
                                                  NremMatrix             *matrix);
NremMatrix     *nrem_matrix_grid_get_matrix      (NremMatrixGrid         *self);
void            nrem_matrix_grid_set_filter      (NremMatrixGrid         *self,
                                                  const NremMatrixFilter *filter);
NremMatrixView *nrem_matrix_grid_get_view        (NremMatrixGrid         *self);

/* The cursor, in indices of the model (mechanism, dimension); dimension -1: the name column */
gboolean        nrem_matrix_grid_get_cursor      (NremMatrixGrid         *self,
                                                  int                    *mechanism,
                                                  int                    *dimension);
gboolean        nrem_matrix_grid_set_cursor      (NremMatrixGrid         *self,
                                                  int                     mechanism,
                                                  int                     dimension);
gboolean        nrem_matrix_grid_move_cursor     (NremMatrixGrid         *self,
                                                  int                     d_row,
                                                  int                     d_column);
gboolean        nrem_matrix_grid_get_cell_area   (NremMatrixGrid         *self,
                                                  int                     mechanism,
                                                  int                     dimension,
                                                  GdkRectangle           *area);
char           *nrem_matrix_grid_dup_cursor_description (NremMatrixGrid  *self);

/* Mechanisms picked for the side-by-side comparison, by uuid */
GPtrArray      *nrem_matrix_grid_get_picked      (NremMatrixGrid         *self);
void            nrem_matrix_grid_toggle_picked   (NremMatrixGrid         *self,
                                                  int                     mechanism);
void            nrem_matrix_grid_clear_picked    (NremMatrixGrid         *self);

G_END_DECLS
