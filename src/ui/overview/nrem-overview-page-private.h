/* nrem-overview-page-private.h
 *
 * For tests: reach the editors and the figures of the page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "overview/nrem-overview-page.h"

G_BEGIN_DECLS

#define NREM_OVERVIEW_SAVE_DELAY_MS 400

GtkWidget  *nrem_overview_page_get_editor      (NremOverviewPage *self,
                                                const char       *field);
void        nrem_overview_page_set_field_text  (NremOverviewPage *self,
                                                const char       *field,
                                                const char       *text);
char       *nrem_overview_page_dup_field_text  (NremOverviewPage *self,
                                                const char       *field);
gboolean    nrem_overview_page_field_is_valid  (NremOverviewPage *self,
                                                const char       *field);
gboolean    nrem_overview_page_has_pending     (NremOverviewPage *self);
gboolean    nrem_overview_page_save_is_due     (NremOverviewPage *self);
const char *nrem_overview_page_get_heading     (NremOverviewPage *self);
guint       nrem_overview_page_get_count       (NremOverviewPage *self,
                                                const char       *tile);

G_END_DECLS
