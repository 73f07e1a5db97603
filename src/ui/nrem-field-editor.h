/* nrem-field-editor.h
 *
 * The editors of the forms that save as you type (entry rows, entries, text views), read and
 * written alike.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkAccessible *nrem_field_editor_accessible (GtkWidget  *editor);
char          *nrem_field_editor_dup_text   (GtkWidget  *editor);
gboolean       nrem_field_editor_set_text   (GtkWidget  *editor,
                                             const char *text);
void           nrem_field_editor_show_validity (GtkWidget  *editor,
                                                GtkLabel   *hint_label,
                                                const char *problem,
                                                const char *hint);

G_END_DECLS
