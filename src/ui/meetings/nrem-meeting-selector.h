/* nrem-meeting-selector.h
 *
 * The header bar's meeting selector: the meeting the panes show, and a popover listing every
 * meeting, with "New Meeting…" at the bottom.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_MEETING_SELECTOR (nrem_meeting_selector_get_type ())

G_DECLARE_FINAL_TYPE (NremMeetingSelector, nrem_meeting_selector, NREM, MEETING_SELECTOR, GtkWidget)

GtkWidget   *nrem_meeting_selector_new         (void);
NremSession *nrem_meeting_selector_get_session (NremMeetingSelector *self);
void         nrem_meeting_selector_set_session (NremMeetingSelector *self,
                                                NremSession         *session);
void         nrem_meeting_selector_popup       (NremMeetingSelector *self);
void         nrem_meeting_selector_popdown     (NremMeetingSelector *self);
const char  *nrem_meeting_selector_get_label   (NremMeetingSelector *self);
GtkListBox  *nrem_meeting_selector_get_list    (NremMeetingSelector *self);

G_END_DECLS
