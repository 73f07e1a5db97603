/* nrem-cell-editor.h
 *
 * The one editor of the matrix: a popover with the cell's value (per the dimension's value
 * type), note, source and as-of date. It says when something changed ("changed", at once for
 * a value, 400 ms after typing stops for text) and when Escape asked to undo the whole edit
 * ("cancelled"); the page writes the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-matrix.h"

G_BEGIN_DECLS

#define NREM_TYPE_CELL_EDITOR (nrem_cell_editor_get_type ())

G_DECLARE_FINAL_TYPE (NremCellEditor, nrem_cell_editor, NREM, CELL_EDITOR, GtkPopover)

GtkWidget  *nrem_cell_editor_new            (void);
void        nrem_cell_editor_load           (NremCellEditor *self,
                                             NremMatrix     *matrix,
                                             guint           mechanism,
                                             guint           dimension);
const char *nrem_cell_editor_get_mechanism_uuid (NremCellEditor *self);
const char *nrem_cell_editor_get_dimension_uuid (NremCellEditor *self);
void        nrem_cell_editor_get_values     (NremCellEditor *self,
                                             char          **value,
                                             char          **note,
                                             char          **source,
                                             char          **as_of);
void        nrem_cell_editor_get_original   (NremCellEditor *self,
                                             const char    **value,
                                             const char    **note,
                                             const char    **source,
                                             const char    **as_of);
gboolean    nrem_cell_editor_flush          (NremCellEditor *self);
void        nrem_cell_editor_set_value      (NremCellEditor *self,
                                             const char     *value);
void        nrem_cell_editor_set_note       (NremCellEditor *self,
                                             const char     *note);

G_END_DECLS
