/* nrem-wrap-box.h
 *
 * Children side by side at their natural width, wrapping onto more lines when the width runs
 * out (the filters of the Mandates pane). GTK 4.8 has no wrapping box; a GtkFlowBox aligns
 * its children in columns and makes them focusable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NREM_TYPE_WRAP_BOX (nrem_wrap_box_get_type ())

G_DECLARE_FINAL_TYPE (NremWrapBox, nrem_wrap_box, NREM, WRAP_BOX, GtkWidget)

GtkWidget *nrem_wrap_box_new    (void);
void       nrem_wrap_box_append (NremWrapBox *self,
                                 GtkWidget   *child);

G_END_DECLS
