/* nrem-pane-slot.h
 *
 * A place in the window's view stack that builds its pane when the pane is first shown, so
 * that start-up builds only the page the user sees.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define NREM_TYPE_PANE_SLOT (nrem_pane_slot_get_type ())

G_DECLARE_FINAL_TYPE (NremPaneSlot, nrem_pane_slot, NREM, PANE_SLOT, GtkWidget)

GtkWidget *nrem_pane_slot_get_pane (NremPaneSlot *self);

G_END_DECLS
