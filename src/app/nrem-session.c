/* nrem-session.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-session"

#include "config.h"

#include "nrem-session.h"
#include "nrem-error.h"
#include "nrem-uuid.h"

#include <stdio.h>
#include <string.h>

#include <glib/gi18n.h>

struct _NremSession
{
  GObject      parent_instance;

  NremStore   *store;
  GListStore  *meetings;
  NremMeeting *meeting;
};

G_DEFINE_FINAL_TYPE (NremSession, nrem_session, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_MEETING,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static int
compare_meetings (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  const char *da = nrem_record_get_string ((NremRecord *) a, "start_date");
  const char *db = nrem_record_get_string ((NremRecord *) b, "start_date");
  int c = g_strcmp0 (db, da);  /* newest first */

  return c != 0 ? c : g_strcmp0 (nrem_record_get_uuid ((NremRecord *) a),
                                 nrem_record_get_uuid ((NremRecord *) b));
}

static gboolean
collect_meeting_cb (const NremRow *row,
                    gpointer       user_data)
{
  GPtrArray *rows = user_data;

  if (row->deleted_at == 0)
    g_ptr_array_add (rows, nrem_row_copy (row));
  return TRUE;
}

static void
reload_meetings (NremSession *self)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) error = NULL;
  guint n;

  if (!nrem_store_foreach_row (self->store, NREM_ENTITY_MEETING, NULL, collect_meeting_cb,
                               rows, &error))
    {
      g_warning ("Cannot read the meetings: %s", error->message);
      return;
    }

  /* Keep the objects of meetings that still exist, so that bindings stay put. */
  for (guint i = 0; i < rows->len; i++)
    {
      NremRow *row = g_ptr_array_index (rows, i);
      NremMeeting *existing = nrem_session_find_meeting (self, row->uuid);

      g_hash_table_add (seen, row->uuid);
      if (existing != NULL)
        nrem_record_set_row (NREM_RECORD (existing), row);
      else
        {
          g_autoptr(NremRecord) record = nrem_record_new_for_row (row);

          g_list_store_insert_sorted (self->meetings, record, compare_meetings, NULL);
        }
    }

  n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));
  for (guint i = n; i > 0; i--)
    {
      g_autoptr(NremRecord) record = g_list_model_get_item (G_LIST_MODEL (self->meetings), i - 1);

      if (!g_hash_table_contains (seen, nrem_record_get_uuid (record)))
        g_list_store_remove (self->meetings, i - 1);
    }
  g_list_store_sort (self->meetings, compare_meetings, NULL);

  if (self->meeting == NULL ||
      nrem_session_find_meeting (self, nrem_record_get_uuid (NREM_RECORD (self->meeting))) == NULL)
    {
      g_autoptr(NremMeeting) first = g_list_model_get_item (G_LIST_MODEL (self->meetings), 0);

      nrem_session_set_meeting (self, first);
    }
}

static void
on_store_changed_cb (NremSession *self,
                     guint        kind,
                     NremStore   *store)
{
  if (kind == NREM_ENTITY_MEETING)
    reload_meetings (self);
  g_signal_emit (self, signals[CHANGED], 0, kind);
}

static void
nrem_session_dispose (GObject *object)
{
  NremSession *self = (NremSession *) object;

  g_clear_object (&self->meeting);
  g_clear_object (&self->meetings);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (nrem_session_parent_class)->dispose (object);
}

static void
nrem_session_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  NremSession *self = NREM_SESSION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      g_value_set_object (value, self->meeting);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_session_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  NremSession *self = NREM_SESSION (object);

  switch (prop_id)
    {
    case PROP_MEETING:
      nrem_session_set_meeting (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_session_class_init (NremSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nrem_session_dispose;
  object_class->get_property = nrem_session_get_property;
  object_class->set_property = nrem_session_set_property;

  properties[PROP_MEETING] =
    g_param_spec_object ("meeting", NULL, NULL,
                         NREM_TYPE_MEETING,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NremSession::changed:
   * @kind: the #NremEntityKind whose records changed
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);
}

static void
nrem_session_init (NremSession *self)
{
  self->meetings = g_list_store_new (NREM_TYPE_MEETING);
}

static gboolean
seed (NremStore  *store,
      GError    **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (NREM_SEED_RESOURCE, 0, error);
  NremImportReport report;
  gboolean ok;

  if (bytes == NULL)
    return FALSE;
  ok = nrem_exchange_import_bytes (store, bytes, "seed.json", FALSE, FALSE, &report, error);
  nrem_import_report_clear (&report);
  /* seeded once: what the user deletes of the seed stays deleted */
  return ok && nrem_store_set_meta (store, "seeded", PACKAGE_VERSION, error);
}

/**
 * nrem_session_new:
 * @db_path: (nullable): the database, or %NULL for the default one
 *
 * Opens the database; a database created now is seeded with the built-in consultations and
 * mandate dimensions, through the importer.
 */
NremSession *
nrem_session_new (const char  *db_path,
                  GError     **error)
{
  g_autoptr(NremSession) self = g_object_new (NREM_TYPE_SESSION, NULL);
  g_autofree char *default_path = NULL;

  if (db_path == NULL)
    db_path = default_path = nrem_store_default_path ();

  self->store = nrem_store_open (db_path, error);
  if (self->store == NULL)
    return NULL;

  if (!nrem_store_is_read_only (self->store))
    {
      g_autofree char *seeded = nrem_store_get_meta (self->store, "seeded");
      g_autoptr(GError) seed_error = NULL;

      if (seeded == NULL && !seed (self->store, &seed_error))
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED,
                       _("The built-in data could not be loaded: %s"), seed_error->message);
          return NULL;
        }
    }

  g_signal_connect_object (self->store, "changed", G_CALLBACK (on_store_changed_cb), self,
                           G_CONNECT_SWAPPED);
  reload_meetings (self);

  return g_steal_pointer (&self);
}

NremStore *
nrem_session_get_store (NremSession *self)
{
  g_return_val_if_fail (NREM_IS_SESSION (self), NULL);
  return self->store;
}

GListModel *
nrem_session_get_meetings (NremSession *self)
{
  g_return_val_if_fail (NREM_IS_SESSION (self), NULL);
  return G_LIST_MODEL (self->meetings);
}

NremMeeting *
nrem_session_get_meeting (NremSession *self)
{
  g_return_val_if_fail (NREM_IS_SESSION (self), NULL);
  return self->meeting;
}

void
nrem_session_set_meeting (NremSession *self,
                          NremMeeting *meeting)
{
  g_return_if_fail (NREM_IS_SESSION (self));

  if (g_set_object (&self->meeting, meeting))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEETING]);
}

NremMeeting *
nrem_session_find_meeting (NremSession *self,
                           const char  *uuid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->meetings));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremMeeting) meeting = g_list_model_get_item (G_LIST_MODEL (self->meetings), i);

      if (g_strcmp0 (nrem_record_get_uuid (NREM_RECORD (meeting)), uuid) == 0)
        return meeting;  /* the list keeps it alive */
    }
  return NULL;
}

gboolean
nrem_session_select_meeting_uuid (NremSession *self,
                                  const char  *uuid)
{
  NremMeeting *meeting = uuid != NULL ? nrem_session_find_meeting (self, uuid) : NULL;

  if (meeting == NULL)
    return FALSE;
  nrem_session_set_meeting (self, meeting);
  return TRUE;
}

gboolean
nrem_session_update_meeting (NremSession  *self,
                             NremMeeting  *meeting,
                             const char   *field,
                             const char   *value,
                             GError      **error)
{
  const char *fields[] = { field, NULL };
  const char *values[] = { value, NULL };

  return nrem_store_update (self->store, NREM_ENTITY_MEETING,
                            nrem_record_get_uuid (NREM_RECORD (meeting)),
                            fields, values, error);
}

static char *
shift_year (const char *date,
            int         years)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  if (m == 2 && d == 29)
    d = 28;
  return g_strdup_printf ("%04d-%02d-%02d", y + years, m, d);
}

/**
 * nrem_session_create_next_meeting:
 *
 * Creates the next consultation of the series: a year after the newest meeting, with its
 * convenors, language, time zone and objectives to start from. Selects it.
 */
NremMeeting *
nrem_session_create_next_meeting (NremSession  *self,
                                  GError      **error)
{
  g_autoptr(NremMeeting) latest = g_list_model_get_item (G_LIST_MODEL (self->meetings), 0);
  g_autofree char *start = NULL;
  g_autofree char *end = NULL;
  g_autofree char *uuid = NULL;
  const char *fields[] = { "title", "start_date", "end_date", "time_zone", "convenors",
                           "language", "objectives", "expected_outcome", NULL };
  const char *values[G_N_ELEMENTS (fields)] = { NULL };

  if (latest != NULL)
    {
      NremRecord *r = NREM_RECORD (latest);

      start = shift_year (nrem_record_get_string (r, "start_date"), 1);
      end = shift_year (nrem_record_get_string (r, "end_date"), 1);
      values[3] = nrem_record_get_string (r, "time_zone");
      values[4] = nrem_record_get_string (r, "convenors");
      values[5] = nrem_record_get_string (r, "language");
      values[6] = nrem_record_get_string (r, "objectives");
      values[7] = nrem_record_get_string (r, "expected_outcome");
    }
  else
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();

      start = g_date_time_format (now, "%Y-%m-%d");
      end = g_strdup (start);
      values[3] = "UTC";
    }
  values[0] = _("Next Consultative Meeting of National Rapporteurs and Equivalent Mechanisms");
  values[1] = start;
  values[2] = end;

  uuid = nrem_store_create (self->store, NREM_ENTITY_MEETING, NULL, fields, values, error);
  if (uuid == NULL)
    return NULL;
  nrem_session_select_meeting_uuid (self, uuid);
  return nrem_session_find_meeting (self, uuid);
}

gboolean
nrem_session_get_counts (NremSession       *self,
                         NremMeetingCounts *counts)
{
  if (self->meeting == NULL)
    {
      memset (counts, 0, sizeof *counts);
      return FALSE;
    }
  return nrem_store_meeting_counts (self->store,
                                    nrem_record_get_uuid (NREM_RECORD (self->meeting)),
                                    counts, NULL);
}

char *
nrem_session_dup_country_name (NremSession *self,
                               const char  *code)
{
  g_autofree char *uuid = NULL;
  g_autoptr(NremRow) row = NULL;

  if (code == NULL)
    return NULL;
  /* countries of the shipped reference data carry the identity derived from their code */
  uuid = nrem_uuid_new_v5_printf ("country:%s", code);
  row = nrem_store_get_row (self->store, NREM_ENTITY_COUNTRY, uuid, NULL);
  if (row == NULL || row->deleted_at != 0)
    return g_strdup (code);
  return g_strdup (nrem_row_get (row, "name"));
}

void
nrem_session_reload (NremSession *self)
{
  reload_meetings (self);
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    g_signal_emit (self, signals[CHANGED], 0, k);
}

/* ------------------------------------------------------------------------------------------
 * Work on threads. Each worker opens its own connection to the same file.
 */

typedef struct
{
  char             *db_path;
  GFile            *file;
  GBytes           *bytes;
  char             *display_name;
  NremImport       *import;
  NremImportReport  report;
  char             *meeting_uuid;
  gboolean          with_contacts;
  NremProgressFunc  progress;
  gpointer          progress_data;
  GMainContext     *context;
} Job;

static void
job_free (Job *job)
{
  g_free (job->db_path);
  g_clear_object (&job->file);
  g_clear_pointer (&job->bytes, g_bytes_unref);
  g_free (job->display_name);
  g_clear_pointer (&job->import, nrem_import_free);
  nrem_import_report_clear (&job->report);
  g_free (job->meeting_uuid);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

static Job *
job_new (NremSession *self)
{
  Job *job = g_new0 (Job, 1);

  job->db_path = g_strdup (nrem_store_get_path (self->store));
  job->context = g_main_context_ref_thread_default ();
  return job;
}

typedef struct
{
  NremProgressFunc func;
  gpointer         data;
  double           fraction;
} ProgressCall;

static gboolean
progress_idle_cb (gpointer user_data)
{
  ProgressCall *call = user_data;

  call->func (call->fraction, call->data);
  return G_SOURCE_REMOVE;
}

static void
job_progress_cb (double   fraction,
                 gpointer user_data)
{
  Job *job = user_data;
  ProgressCall *call;

  if (job->progress == NULL)
    return;
  call = g_new0 (ProgressCall, 1);
  call->func = job->progress;
  call->data = job->progress_data;
  call->fraction = fraction;
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, progress_idle_cb, call, g_free);
}

static void
read_import_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(NremStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = nrem_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  job_progress_cb (0.05, job);
  if (job->file != NULL)
    job->import = nrem_import_new_from_file (store, g_file_peek_path (job->file), &error);
  else
    job->import = nrem_import_new_from_bytes (store, job->bytes, job->display_name, &error);
  if (job->import == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  job_progress_cb (0.5, job);
  if (!nrem_import_merge (job->import, store, TRUE, FALSE, NULL, NULL, &job->report, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job_progress_cb (1.0, job);
  g_task_return_boolean (task, TRUE);
}

void
nrem_session_read_import_async (NremSession        *self,
                                GFile              *file,
                                GCancellable       *cancellable,
                                NremProgressFunc    progress,
                                gpointer            progress_data,
                                GAsyncReadyCallback callback,
                                gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = job_new (self);

  job->file = g_object_ref (file);
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_source_tag (task, nrem_session_read_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, read_import_thread);
}

void
nrem_session_read_import_bytes_async (NremSession        *self,
                                      GBytes             *bytes,
                                      const char         *display_name,
                                      GCancellable       *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = job_new (self);

  job->bytes = g_bytes_ref (bytes);
  job->display_name = g_strdup (display_name);
  g_task_set_source_tag (task, nrem_session_read_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, read_import_thread);
}

/**
 * nrem_session_read_import_finish:
 * @preview: (out): what merging the file would do
 *
 * Returns: (transfer full): the checked file, ready for nrem_session_merge_import_async()
 */
NremImport *
nrem_session_read_import_finish (NremSession       *self,
                                 GAsyncResult      *result,
                                 NremImportReport  *preview,
                                 GError           **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;
  *preview = job->report;
  memset (&job->report, 0, sizeof job->report);
  return g_steal_pointer (&job->import);
}

static void
merge_import_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(NremStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = nrem_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (!nrem_import_merge (job->import, store, FALSE, TRUE, job_progress_cb, job,
                          &job->report, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

/**
 * nrem_session_merge_import_async:
 * @import: (transfer full): a file read by nrem_session_read_import_async()
 */
void
nrem_session_merge_import_async (NremSession        *self,
                                 NremImport         *import,
                                 NremProgressFunc    progress,
                                 gpointer            progress_data,
                                 GAsyncReadyCallback callback,
                                 gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, NULL, callback, user_data);
  Job *job = job_new (self);

  job->import = import;
  job->progress = progress;
  job->progress_data = progress_data;
  g_task_set_source_tag (task, nrem_session_merge_import_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, merge_import_thread);
}

gboolean
nrem_session_merge_import_finish (NremSession       *self,
                                  GAsyncResult      *result,
                                  NremImportReport  *report,
                                  GError           **error)
{
  Job *job = g_task_get_task_data (G_TASK (result));

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;
  *report = job->report;
  memset (&job->report, 0, sizeof job->report);
  /* the worker wrote through its own connection: read everything again */
  nrem_session_reload (self);
  return TRUE;
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(NremStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = nrem_store_open (job->db_path, &error);
  if (store == NULL ||
      !nrem_exchange_export_to_file (store, g_file_peek_path (job->file), job->meeting_uuid,
                                     job->with_contacts, &error))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
nrem_session_export_async (NremSession        *self,
                           GFile              *file,
                           const char         *meeting_uuid,
                           gboolean            with_contacts,
                           GCancellable       *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer            user_data)
{
  g_autoptr(GTask) task = g_task_new (self, cancellable, callback, user_data);
  Job *job = job_new (self);

  job->file = g_object_ref (file);
  job->meeting_uuid = g_strdup (meeting_uuid);
  job->with_contacts = with_contacts;
  g_task_set_source_tag (task, nrem_session_export_async);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
nrem_session_export_finish (NremSession   *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

GPtrArray *
nrem_session_list_conflicts (NremSession  *self,
                             GError      **error)
{
  return nrem_store_list_conflicts (self->store, error);
}

gboolean
nrem_session_resolve_conflict (NremSession  *self,
                               gint64        conflict_id,
                               gboolean      keep_incoming,
                               GError      **error)
{
  return nrem_store_resolve_conflict (self->store, conflict_id, keep_incoming, error);
}
