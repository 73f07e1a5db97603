/* nrem-store.h
 *
 * The SQLite database: the only place where SQL is written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-row.h"

G_BEGIN_DECLS

#define NREM_STORE_SCHEMA_VERSION 1

#define NREM_TYPE_STORE (nrem_store_get_type ())

G_DECLARE_FINAL_TYPE (NremStore, nrem_store, NREM, STORE, GObject)

typedef gboolean (*NremRowFunc) (const NremRow *row,
                                 gpointer       user_data);

typedef struct
{
  gint64          id;
  NremEntityKind  kind;
  char           *uuid;
  gint64          detected_at;
  char           *local_json;     /* the version this database had */
  char           *incoming_json;  /* the version the file brought */
  gboolean        kept_incoming;  /* which of the two the merge kept */
  char           *label;          /* what the record is called, for people */
} NremConflict;

void nrem_conflict_free (NremConflict *conflict);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremConflict, nrem_conflict_free)

typedef struct
{
  guint attendance[4];        /* by nrem_attendance_statuses */
  guint head_of_delegation;
  guint sessions;
  guint recommendations[6];   /* by nrem_recommendation_statuses */
} NremMeetingCounts;

char       *nrem_store_default_path      (void);
NremStore  *nrem_store_open              (const char      *path,
                                          GError         **error);
const char *nrem_store_get_path          (NremStore       *self);
const char *nrem_store_get_origin        (NremStore       *self);
gboolean    nrem_store_is_new            (NremStore       *self);
gboolean    nrem_store_is_read_only      (NremStore       *self);
const char *nrem_store_get_read_only_reason (NremStore    *self);
int         nrem_store_get_file_version  (NremStore       *self);
gboolean    nrem_store_check_writable    (NremStore       *self,
                                          GError         **error);
void        nrem_store_set_busy_timeout  (NremStore       *self,
                                          int              ms);

char       *nrem_store_get_meta          (NremStore       *self,
                                          const char      *key);
gboolean    nrem_store_set_meta          (NremStore       *self,
                                          const char      *key,
                                          const char      *value,
                                          GError         **error);

gboolean    nrem_store_begin             (NremStore       *self,
                                          GError         **error);
gboolean    nrem_store_commit            (NremStore       *self,
                                          GError         **error);
void        nrem_store_rollback          (NremStore       *self);
gboolean    nrem_store_backup            (NremStore       *self,
                                          const char      *reason,
                                          char           **out_path,
                                          GError         **error);

/* Records, by version */
NremRow    *nrem_store_get_row           (NremStore       *self,
                                          NremEntityKind   kind,
                                          const char      *uuid,
                                          GError         **error);
gboolean    nrem_store_put_row           (NremStore       *self,
                                          const NremRow   *row,
                                          GError         **error);
gboolean    nrem_store_insert_row        (NremStore       *self,
                                          const NremRow   *row,
                                          GError         **error);
gboolean    nrem_store_replace_row       (NremStore       *self,
                                          const NremRow   *previous,
                                          const NremRow   *row,
                                          GError         **error);
gboolean    nrem_store_is_superseded     (NremStore       *self,
                                          const NremRow   *row);
gboolean    nrem_store_has_record        (NremStore       *self,
                                          NremEntityKind   kind,
                                          const char      *uuid);
gboolean    nrem_store_has_country       (NremStore       *self,
                                          const char      *code);
gboolean    nrem_store_foreach_row       (NremStore       *self,
                                          NremEntityKind   kind,
                                          const char      *meeting_uuid,
                                          NremRowFunc      func,
                                          gpointer         user_data,
                                          GError         **error);
GHashTable *nrem_store_list_uuids        (NremStore       *self,
                                          NremEntityKind   kind);
guint       nrem_store_count_rows        (NremStore       *self,
                                          NremEntityKind   kind);
gboolean    nrem_store_add_conflict      (NremStore       *self,
                                          const NremRow   *local,
                                          const NremRow   *incoming,
                                          gboolean         kept_incoming,
                                          GError         **error);
gboolean    nrem_store_has_conflict      (NremStore       *self,
                                          const NremRow   *loser);
guint       nrem_store_count_conflicts   (NremStore       *self);
GPtrArray  *nrem_store_list_conflicts    (NremStore       *self,
                                          GError         **error);
gboolean    nrem_store_resolve_conflict  (NremStore       *self,
                                          gint64           conflict_id,
                                          gboolean         keep_incoming,
                                          GError         **error);

/* Edits made here: each one transaction, each one a new version on the merge clock */
char       *nrem_store_create            (NremStore       *self,
                                          NremEntityKind   kind,
                                          const char      *uuid,
                                          const char * const *fields,
                                          const char * const *values,
                                          GError         **error);
gboolean    nrem_store_update            (NremStore       *self,
                                          NremEntityKind   kind,
                                          const char      *uuid,
                                          const char * const *fields,
                                          const char * const *values,
                                          GError         **error);
gboolean    nrem_store_delete            (NremStore       *self,
                                          NremEntityKind   kind,
                                          const char      *uuid,
                                          GError         **error);
gboolean    nrem_store_undelete          (NremStore       *self,
                                          NremEntityKind   kind,
                                          const char      *uuid,
                                          GError         **error);
void        nrem_store_stamp             (NremStore       *self,
                                          NremRow         *row,
                                          const NremRow   *previous);

gboolean    nrem_store_meeting_counts    (NremStore       *self,
                                          const char      *meeting_uuid,
                                          NremMeetingCounts *counts,
                                          GError         **error);
char       *nrem_store_latest_meeting    (NremStore       *self);

G_END_DECLS
