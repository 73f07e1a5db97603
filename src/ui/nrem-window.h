/* nrem-window.h
 *
 * The main window: the meeting selector and the panes of the selected meeting, the primary
 * menu (import, export, sample data, conflicts), toasts, and the window state in GSettings.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-application.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_WINDOW (nrem_window_get_type ())

G_DECLARE_FINAL_TYPE (NremWindow, nrem_window, NREM, WINDOW, AdwApplicationWindow)

NremWindow  *nrem_window_new         (NremApplication *application,
                                      NremSession     *session);
NremSession *nrem_window_get_session (NremWindow      *self);

G_END_DECLS
