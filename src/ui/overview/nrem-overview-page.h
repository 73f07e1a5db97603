/* nrem-overview-page.h
 *
 * The Overview pane: the selected meeting's details, edited in place, and live counts of its
 * participants, sessions and recommendations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_OVERVIEW_PAGE (nrem_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (NremOverviewPage, nrem_overview_page, NREM, OVERVIEW_PAGE, GtkWidget)

GtkWidget   *nrem_overview_page_new         (void);
NremSession *nrem_overview_page_get_session (NremOverviewPage *self);
void         nrem_overview_page_set_session (NremOverviewPage *self,
                                             NremSession      *session);
void         nrem_overview_page_focus_title (NremOverviewPage *self);
void         nrem_overview_page_flush       (NremOverviewPage *self);

G_END_DECLS
