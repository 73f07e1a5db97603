/* nrem-session.h
 *
 * The state the windows share: the store, the meetings as a list model, the selected meeting,
 * and long work (import, export) run on worker threads with their own connection.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-exchange.h"
#include "nrem-record.h"
#include "nrem-store.h"

G_BEGIN_DECLS

#define NREM_SEED_RESOURCE "/io/github/nremdesk/NremDesk/seed/seed.json"
#define NREM_SAMPLE_RESOURCE "/io/github/nremdesk/NremDesk/samples/nrem-desk-sample.json"

#define NREM_TYPE_SESSION (nrem_session_get_type ())

G_DECLARE_FINAL_TYPE (NremSession, nrem_session, NREM, SESSION, GObject)

NremSession *nrem_session_new                 (const char         *db_path,
                                               GError            **error);
NremStore   *nrem_session_get_store           (NremSession        *self);
GListModel  *nrem_session_get_meetings        (NremSession        *self);
NremMeeting *nrem_session_get_meeting         (NremSession        *self);
void         nrem_session_set_meeting         (NremSession        *self,
                                               NremMeeting        *meeting);
gboolean     nrem_session_select_meeting_uuid (NremSession        *self,
                                               const char         *uuid);
NremMeeting *nrem_session_find_meeting        (NremSession        *self,
                                               const char         *uuid);
gboolean     nrem_session_update_meeting      (NremSession        *self,
                                               NremMeeting        *meeting,
                                               const char         *field,
                                               const char         *value,
                                               GError            **error);
NremMeeting *nrem_session_create_next_meeting (NremSession        *self,
                                               GError            **error);
gboolean     nrem_session_get_counts          (NremSession        *self,
                                               NremMeetingCounts  *counts);
char        *nrem_session_dup_country_name    (NremSession        *self,
                                               const char         *code);
void         nrem_session_reload              (NremSession        *self);

/* Import: read and check on a worker thread (with a dry-run preview), then merge */
void         nrem_session_read_import_async   (NremSession        *self,
                                               GFile              *file,
                                               GCancellable       *cancellable,
                                               NremProgressFunc    progress,
                                               gpointer            progress_data,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
NremImport  *nrem_session_read_import_finish  (NremSession        *self,
                                               GAsyncResult       *result,
                                               NremImportReport   *preview,
                                               GError            **error);
void         nrem_session_read_import_bytes_async (NremSession    *self,
                                               GBytes             *bytes,
                                               const char         *display_name,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
void         nrem_session_merge_import_async  (NremSession        *self,
                                               NremImport         *import,
                                               NremProgressFunc    progress,
                                               gpointer            progress_data,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean     nrem_session_merge_import_finish (NremSession        *self,
                                               GAsyncResult       *result,
                                               NremImportReport   *report,
                                               GError            **error);

/* Export on a worker thread */
void         nrem_session_export_async        (NremSession        *self,
                                               GFile              *file,
                                               const char         *meeting_uuid,
                                               gboolean            with_contacts,
                                               GCancellable       *cancellable,
                                               GAsyncReadyCallback callback,
                                               gpointer            user_data);
gboolean     nrem_session_export_finish       (NremSession        *self,
                                               GAsyncResult       *result,
                                               GError            **error);

/* Conflicts left by imports */
GPtrArray   *nrem_session_list_conflicts      (NremSession        *self,
                                               GError            **error);
gboolean     nrem_session_resolve_conflict    (NremSession        *self,
                                               gint64              conflict_id,
                                               gboolean            keep_incoming,
                                               GError            **error);

G_END_DECLS
