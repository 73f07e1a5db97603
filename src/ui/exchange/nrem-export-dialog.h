/* nrem-export-dialog.h
 *
 * Asks what to export before the file is chosen: the selected meeting or the whole database,
 * with or without contact details. Responds "export" or "cancel".
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-record.h"

G_BEGIN_DECLS

#define NREM_TYPE_EXPORT_DIALOG (nrem_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NremExportDialog, nrem_export_dialog, NREM, EXPORT_DIALOG, AdwMessageDialog)

NremExportDialog *nrem_export_dialog_new                (GtkWindow        *parent,
                                                         NremMeeting      *meeting);
NremMeeting      *nrem_export_dialog_get_meeting        (NremExportDialog *self);
gboolean          nrem_export_dialog_get_whole_database (NremExportDialog *self);
void              nrem_export_dialog_set_whole_database (NremExportDialog *self,
                                                         gboolean          whole);
gboolean          nrem_export_dialog_get_with_contacts  (NremExportDialog *self);
void              nrem_export_dialog_set_with_contacts  (NremExportDialog *self,
                                                         gboolean          with_contacts);

G_END_DECLS
