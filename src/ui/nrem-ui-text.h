/* nrem-ui-text.h
 *
 * The words the window uses for the model: names of entities and fields, summaries of an
 * import, the suggested name of an export, checks of what people type. Plain functions, so
 * that tests call them without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-exchange.h"
#include "nrem-record.h"

G_BEGIN_DECLS

const char *nrem_ui_entity_name             (NremEntityKind          kind);
const char *nrem_ui_entity_singular         (NremEntityKind          kind);
const char *nrem_ui_field_name              (const char             *field);
char       *nrem_ui_merge_counts_describe   (const NremMergeCounts  *counts);
char       *nrem_ui_import_preview_body     (const NremImportReport *report);
char       *nrem_ui_import_result_title     (const NremImportReport *report);
char       *nrem_ui_export_suggested_name   (NremMeeting            *meeting,
                                             GDateTime              *now);
char       *nrem_ui_check_date              (const char             *text);
char       *nrem_ui_check_country_code      (const char             *text);
char       *nrem_ui_check_time_zone         (const char             *text,
                                             char                  **offset_label);

G_END_DECLS
