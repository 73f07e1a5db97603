/* nrem-window-private.h
 *
 * Shared by nrem-window.c and nrem-window-exchange.c, and reached by the tests.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-window.h"
#include "conflicts/nrem-conflict-dialog.h"
#include "exchange/nrem-progress-dialog.h"
#include "meetings/nrem-meeting-selector.h"
#include "overview/nrem-overview-page.h"

G_BEGIN_DECLS

struct _NremWindow
{
  AdwApplicationWindow  parent_instance;

  NremSession          *session;
  GSettings            *settings;

  /* template widgets */
  GtkStack             *main_stack;
  AdwToastOverlay      *toast_overlay;
  NremMeetingSelector  *meeting_selector;
  AdwViewSwitcherTitle *switcher_title;
  GtkMenuButton        *primary_menu_button;
  GtkRevealer          *read_only_revealer;
  GtkLabel             *read_only_label;
  AdwViewStack         *view_stack;
  AdwViewSwitcherBar   *switcher_bar;
  NremOverviewPage     *overview_page;
  AdwStatusPage        *error_page;

  /* long work: one at a time */
  gboolean              busy;
  gboolean              merging;
  NremProgressDialog   *progress_dialog;
  guint                 progress_source;
  GtkNativeDialog      *file_chooser;
  AdwMessageDialog     *preview_dialog;   /* weak */
  AdwMessageDialog     *alert_dialog;     /* weak */
  NremConflictDialog   *conflict_dialog;  /* weak */

  guint                 n_conflicts;
  guint                 conflicts_source;
  char                 *last_toast;
};

/* nrem-window.c */
void                    nrem_window_update_actions        (NremWindow       *self);
void                    nrem_window_add_toast             (NremWindow       *self,
                                                           AdwToast         *toast);
void                    nrem_window_show_toast            (NremWindow       *self,
                                                           const char       *title);

/* nrem-window-exchange.c: the flows behind Import…, Load Sample Data, Export… and Conflicts… */
void                    nrem_window_import                (NremWindow       *self);
void                    nrem_window_import_file           (NremWindow       *self,
                                                           GFile            *file);
void                    nrem_window_import_bytes          (NremWindow       *self,
                                                           GBytes           *bytes,
                                                           const char       *display_name);
void                    nrem_window_load_sample           (NremWindow       *self);
void                    nrem_window_export                (NremWindow       *self);
void                    nrem_window_export_to_file        (NremWindow       *self,
                                                           GFile            *file,
                                                           const char       *meeting_uuid,
                                                           gboolean          with_contacts);
void                    nrem_window_show_conflicts        (NremWindow       *self);
void                    nrem_window_exchange_dispose      (NremWindow       *self);

/* for tests */
NremOverviewPage       *nrem_window_get_overview_page     (NremWindow       *self);
AdwViewStack           *nrem_window_get_view_stack        (NremWindow       *self);
NremMeetingSelector    *nrem_window_get_meeting_selector  (NremWindow       *self);
gboolean                nrem_window_is_busy               (NremWindow       *self);
AdwMessageDialog       *nrem_window_get_import_preview    (NremWindow       *self);
const NremImportReport *nrem_window_get_preview_report    (NremWindow       *self);
AdwMessageDialog       *nrem_window_get_alert             (NremWindow       *self);
NremConflictDialog     *nrem_window_get_conflict_dialog   (NremWindow       *self);
const char             *nrem_window_get_last_toast        (NremWindow       *self);
guint                   nrem_window_get_n_conflicts       (NremWindow       *self);

G_END_DECLS
