/* nrem-conflict-dialog.h
 *
 * Review of the conflicts that imports left: the list, and for the selected one the two
 * versions side by side ("This Computer" / "The Imported File"), keep one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_CONFLICT_DIALOG (nrem_conflict_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NremConflictDialog, nrem_conflict_dialog, NREM, CONFLICT_DIALOG, AdwWindow)

NremConflictDialog *nrem_conflict_dialog_new                (GtkWindow          *parent,
                                                            NremSession        *session);
NremSession        *nrem_conflict_dialog_get_session        (NremConflictDialog *self);
void                nrem_conflict_dialog_reload             (NremConflictDialog *self);
guint               nrem_conflict_dialog_get_n_conflicts    (NremConflictDialog *self);
gboolean            nrem_conflict_dialog_select             (NremConflictDialog *self,
                                                            guint               index);
const NremConflict *nrem_conflict_dialog_get_selected       (NremConflictDialog *self);
guint               nrem_conflict_dialog_get_n_differences  (NremConflictDialog *self);
gboolean            nrem_conflict_dialog_keep               (NremConflictDialog *self,
                                                            gboolean            keep_incoming,
                                                            GError            **error);

G_END_DECLS
