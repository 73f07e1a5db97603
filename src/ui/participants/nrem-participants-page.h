/* nrem-participants-page.h
 *
 * The Participants pane: everyone in the database, searched as you type and filtered by
 * region, country, role, mechanism type and attendance at the selected meeting, beside the
 * details of one person; import from the secretariat's spreadsheet; export as vCard or CSV;
 * print or save as PDF.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_PARTICIPANTS_PAGE (nrem_participants_page_get_type ())

G_DECLARE_FINAL_TYPE (NremParticipantsPage, nrem_participants_page, NREM, PARTICIPANTS_PAGE, GtkWidget)

GtkWidget   *nrem_participants_page_new         (void);
NremSession *nrem_participants_page_get_session (NremParticipantsPage *self);
void         nrem_participants_page_set_session (NremParticipantsPage *self,
                                                 NremSession          *session);
void         nrem_participants_page_focus_search (NremParticipantsPage *self);
void         nrem_participants_page_flush       (NremParticipantsPage *self);

G_END_DECLS
