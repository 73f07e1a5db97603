/* nrem-progress-dialog.h
 *
 * "Reading the file…" with a progress bar and, while the work can stop, Cancel.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define NREM_TYPE_PROGRESS_DIALOG (nrem_progress_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NremProgressDialog, nrem_progress_dialog, NREM, PROGRESS_DIALOG, AdwMessageDialog)

NremProgressDialog *nrem_progress_dialog_new             (GtkWindow          *parent,
                                                         const char         *heading,
                                                         const char         *body);
void                nrem_progress_dialog_set_fraction    (NremProgressDialog *self,
                                                         double              fraction);
double              nrem_progress_dialog_get_fraction    (NremProgressDialog *self);
void                nrem_progress_dialog_set_cancellable (NremProgressDialog *self,
                                                         gboolean            cancellable);

G_END_DECLS
