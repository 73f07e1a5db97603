/* nrem-csv-import-dialog.h
 *
 * Importing a spreadsheet of participants: what each column holds (guessed, correctable),
 * the meeting to invite them to, and a preview of every row with its problems. Import is
 * possible once no problem stops it, and is all or nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-participant-csv.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_CSV_IMPORT_DIALOG (nrem_csv_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (NremCsvImportDialog, nrem_csv_import_dialog, NREM, CSV_IMPORT_DIALOG, AdwWindow)

NremCsvImportDialog *nrem_csv_import_dialog_new          (NremSession         *session,
                                                          NremParticipantCsv  *csv);
void                 nrem_csv_import_dialog_set_mapping  (NremCsvImportDialog *self,
                                                          guint                column,
                                                          NremCsvField         field);
void                 nrem_csv_import_dialog_set_meeting  (NremCsvImportDialog *self,
                                                          const char          *meeting_uuid);
gboolean             nrem_csv_import_dialog_can_import   (NremCsvImportDialog *self);
const char          *nrem_csv_import_dialog_get_summary  (NremCsvImportDialog *self);
guint                nrem_csv_import_dialog_get_n_preview_rows (NremCsvImportDialog *self);
gboolean             nrem_csv_import_dialog_run_import   (NremCsvImportDialog *self);

G_END_DECLS
