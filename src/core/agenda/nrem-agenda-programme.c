/* nrem-agenda-programme.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-agenda"

#include "config.h"

#include "nrem-agenda-programme.h"
#include "nrem-agenda-time.h"
#include "nrem-store-agenda.h"

#include <glib/gi18n.h>
#include <string.h>

struct _NremAgendaProgramme
{
  GObject      parent_instance;

  NremStore   *store;
  char        *meeting;
  NremRow     *meeting_row;
  GTimeZone   *zone;

  GPtrArray   *rows;        /* NremRow: every live session of the meeting, in order */
  GHashTable  *records;     /* uuid → NremAgendaSession, kept across reloads */
  GHashTable  *names;       /* participant uuid → name */
  GHashTable  *warnings;    /* session uuid → GPtrArray of NremAgendaWarning */
  GStrv        days;
  char        *day;
  GListStore  *sessions;    /* the records of the selected day */
};

G_DEFINE_FINAL_TYPE (NremAgendaProgramme, nrem_agenda_programme, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DAY,
  N_PROPS
};

enum {
  RELOADED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

const char *
nrem_agenda_kind_label (const char *kind)
{
  static const struct { const char *kind; const char *label; } labels[] = {
    { "opening", N_("Opening") },
    { "plenary", N_("Plenary") },
    { "panel", N_("Panel") },
    { "working-group", N_("Working group") },
    { "break", N_("Break") },
    { "closing", N_("Closing") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_strcmp0 (kind, labels[i].kind) == 0)
      return _(labels[i].label);
  return NULL;
}

/**
 * nrem_agenda_now:
 *
 * The present. NREM_DESK_NOW (ISO 8601 with an offset) stands in for the clock, so that tests
 * and screenshots can be taken "during" a meeting of 2014.
 */
GDateTime *
nrem_agenda_now (void)
{
  const char *fake = g_getenv ("NREM_DESK_NOW");

  if (fake != NULL && fake[0] != '\0')
    {
      GDateTime *dt = g_date_time_new_from_iso8601 (fake, NULL);

      if (dt != NULL)
        return dt;
    }
  return g_date_time_new_now_utc ();
}

static void
nrem_agenda_programme_dispose (GObject *object)
{
  NremAgendaProgramme *self = (NremAgendaProgramme *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->sessions);
  g_clear_pointer (&self->records, g_hash_table_unref);

  G_OBJECT_CLASS (nrem_agenda_programme_parent_class)->dispose (object);
}

static void
nrem_agenda_programme_finalize (GObject *object)
{
  NremAgendaProgramme *self = (NremAgendaProgramme *) object;

  g_free (self->meeting);
  g_clear_pointer (&self->meeting_row, nrem_row_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->names, g_hash_table_unref);
  g_clear_pointer (&self->warnings, g_hash_table_unref);
  g_strfreev (self->days);
  g_free (self->day);

  G_OBJECT_CLASS (nrem_agenda_programme_parent_class)->finalize (object);
}

static void
nrem_agenda_programme_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NremAgendaProgramme *self = NREM_AGENDA_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_DAY:
      g_value_set_string (value, self->day);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_agenda_programme_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  NremAgendaProgramme *self = NREM_AGENDA_PROGRAMME (object);

  switch (prop_id)
    {
    case PROP_DAY:
      nrem_agenda_programme_set_day (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_agenda_programme_class_init (NremAgendaProgrammeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = nrem_agenda_programme_dispose;
  object_class->finalize = nrem_agenda_programme_finalize;
  object_class->get_property = nrem_agenda_programme_get_property;
  object_class->set_property = nrem_agenda_programme_set_property;

  properties[PROP_DAY] =
    g_param_spec_string ("day", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NremAgendaProgramme::reloaded:
   *
   * The days, names or warnings may have changed.
   */
  signals[RELOADED] =
    g_signal_new ("reloaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
nrem_agenda_programme_init (NremAgendaProgramme *self)
{
  self->sessions = g_list_store_new (NREM_TYPE_AGENDA_SESSION);
  self->records = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
  self->names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->warnings = g_hash_table_new (g_str_hash, g_str_equal);
  self->days = g_new0 (char *, 1);
}

NremAgendaProgramme *
nrem_agenda_programme_new (NremStore *store)
{
  NremAgendaProgramme *self = g_object_new (NREM_TYPE_AGENDA_PROGRAMME, NULL);

  self->store = g_object_ref (store);
  return self;
}

NremStore *
nrem_agenda_programme_get_store (NremAgendaProgramme *self)
{
  return self->store;
}

static void
fill_day (NremAgendaProgramme *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new ();
  guint n_old = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));

  for (guint i = 0; i < self->rows->len; i++)
    {
      NremRow *row = g_ptr_array_index (self->rows, i);

      if (self->day != NULL && g_strcmp0 (nrem_row_get (row, "day"), self->day) == 0)
        g_ptr_array_add (items, g_hash_table_lookup (self->records, row->uuid));
    }
  /* one change for the whole day: rows bind again with the new names and warnings */
  g_list_store_splice (self->sessions, 0, n_old, items->pdata, items->len);
}

static int
compare_strptr (gconstpointer a,
                gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The meeting's dates and any other day a session is on, in order. */
static GStrv
compute_days (NremAgendaProgramme *self)
{
  g_autoptr(GPtrArray) days = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *start = self->meeting_row ? nrem_row_get (self->meeting_row, "start_date") : NULL;
  const char *end = self->meeting_row ? nrem_row_get (self->meeting_row, "end_date") : NULL;
  int span = nrem_agenda_days_between (start, end);
  GStrvBuilder *builder;
  GHashTableIter iter;
  gpointer key;

  /* a meeting of years would be a typing mistake: show its first weeks */
  for (int i = 0; span != G_MININT && i <= MIN (span, 60); i++)
    g_hash_table_add (seen, nrem_agenda_date_add_days (start, i));
  for (guint i = 0; i < self->rows->len; i++)
    {
      const char *day = nrem_row_get (g_ptr_array_index (self->rows, i), "day");

      if (day != NULL && !g_hash_table_contains (seen, day))
        g_hash_table_add (seen, g_strdup (day));
    }
  g_hash_table_iter_init (&iter, seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (days, key);
  g_ptr_array_sort (days, compare_strptr);

  builder = g_strv_builder_new ();
  for (guint i = 0; i < days->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (days, i));
  {
    GStrv result = g_strv_builder_end (builder);

    g_strv_builder_unref (builder);
    return result;
  }
}

/**
 * nrem_agenda_programme_reload:
 *
 * Reads the meeting and its sessions again. Records of sessions that still exist stay the
 * same objects (their properties notify); the selected day stays when it still exists.
 */
gboolean
nrem_agenda_programme_reload (NremAgendaProgramme  *self,
                              GError              **error)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GHashTable) keep = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer key;

  g_clear_pointer (&self->meeting_row, nrem_row_free);
  g_clear_pointer (&self->zone, g_time_zone_unref);

  if (self->meeting != NULL)
    {
      self->meeting_row = nrem_store_get_row (self->store, NREM_ENTITY_MEETING, self->meeting, error);
      if (self->meeting_row == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (self->meeting_row != NULL && self->meeting_row->deleted_at != 0)
        g_clear_pointer (&self->meeting_row, nrem_row_free);
    }

  if (self->meeting_row != NULL)
    {
      rows = nrem_store_agenda_list_sessions (self->store, self->meeting, error);
      if (rows == NULL)
        return FALSE;
      names = nrem_store_agenda_people_names (self->store, self->meeting, error);
      if (names == NULL)
        return FALSE;
      self->zone = nrem_agenda_time_zone_new (nrem_row_get (self->meeting_row, "time_zone"));
    }
  else
    {
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_row_free);
      names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
    }

  for (guint i = 0; i < rows->len; i++)
    {
      NremRow *row = g_ptr_array_index (rows, i);
      NremRecord *record = g_hash_table_lookup (self->records, row->uuid);

      if (record != NULL)
        nrem_record_set_row (record, row);
      else
        g_hash_table_insert (self->records, g_strdup (row->uuid), nrem_record_new_for_row (row));
      g_hash_table_add (keep, row->uuid);
    }
  g_hash_table_iter_init (&iter, self->records);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (keep, key))
      g_hash_table_iter_remove (&iter);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  self->rows = g_steal_pointer (&rows);
  g_clear_pointer (&self->names, g_hash_table_unref);
  self->names = g_steal_pointer (&names);
  g_clear_pointer (&self->warnings, g_hash_table_unref);
  self->warnings = nrem_agenda_check (self->rows,
                                      self->meeting_row ? nrem_row_get (self->meeting_row, "start_date") : NULL,
                                      self->meeting_row ? nrem_row_get (self->meeting_row, "end_date") : NULL,
                                      self->names);
  g_strfreev (self->days);
  self->days = compute_days (self);

  if (self->day == NULL || !g_strv_contains ((const char * const *) self->days, self->day))
    {
      g_free (self->day);
      self->day = g_strdup (self->days[0]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
    }
  fill_day (self);
  g_signal_emit (self, signals[RELOADED], 0);
  return TRUE;
}

void
nrem_agenda_programme_set_meeting (NremAgendaProgramme *self,
                                   const char          *meeting_uuid)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (NREM_IS_AGENDA_PROGRAMME (self));

  if (g_strcmp0 (self->meeting, meeting_uuid) == 0 && self->meeting_row != NULL)
    return;
  g_free (self->meeting);
  self->meeting = g_strdup (meeting_uuid);
  g_clear_pointer (&self->day, g_free);
  if (!nrem_agenda_programme_reload (self, &error))
    g_warning ("Cannot read the programme: %s", error->message);
}

const char *
nrem_agenda_programme_get_meeting (NremAgendaProgramme *self)
{
  return self->meeting_row != NULL ? self->meeting : NULL;
}

const NremRow *
nrem_agenda_programme_get_meeting_row (NremAgendaProgramme *self)
{
  return self->meeting_row;
}

const char * const *
nrem_agenda_programme_get_days (NremAgendaProgramme *self)
{
  return (const char * const *) self->days;
}

const char *
nrem_agenda_programme_get_day (NremAgendaProgramme *self)
{
  return self->day;
}

void
nrem_agenda_programme_set_day (NremAgendaProgramme *self,
                               const char          *day)
{
  g_return_if_fail (NREM_IS_AGENDA_PROGRAMME (self));

  if (g_strcmp0 (self->day, day) == 0)
    return;
  g_free (self->day);
  self->day = g_strdup (day);
  fill_day (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DAY]);
}

/**
 * nrem_agenda_programme_get_sessions:
 *
 * Returns: (transfer none): the selected day's sessions, #NremAgendaSession records in time
 *   order
 */
GListModel *
nrem_agenda_programme_get_sessions (NremAgendaProgramme *self)
{
  return G_LIST_MODEL (self->sessions);
}

guint
nrem_agenda_programme_get_n_all (NremAgendaProgramme *self)
{
  return self->rows->len;
}

NremAgendaSession *
nrem_agenda_programme_find (NremAgendaProgramme *self,
                            const char          *uuid)
{
  return uuid != NULL ? g_hash_table_lookup (self->records, uuid) : NULL;
}

/* The position of a session in the selected day, or -1. */
int
nrem_agenda_programme_find_position (NremAgendaProgramme *self,
                                     const char          *uuid)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sessions));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremRecord) record = g_list_model_get_item (G_LIST_MODEL (self->sessions), i);

      if (g_strcmp0 (nrem_record_get_uuid (record), uuid) == 0)
        return (int) i;
    }
  return -1;
}

GPtrArray *
nrem_agenda_programme_get_warnings (NremAgendaProgramme *self,
                                    const char          *uuid)
{
  return uuid != NULL ? g_hash_table_lookup (self->warnings, uuid) : NULL;
}

const char *
nrem_agenda_programme_person_name (NremAgendaProgramme *self,
                                   const char          *uuid)
{
  const char *name;

  if (uuid == NULL)
    return NULL;
  name = g_hash_table_lookup (self->names, uuid);
  return name != NULL ? name : _("Unknown participant");
}

const char *
nrem_agenda_programme_get_time_zone (NremAgendaProgramme *self)
{
  return self->meeting_row ? nrem_row_get (self->meeting_row, "time_zone") : NULL;
}

/* "Bangkok time, UTC+07:00", with the offset of the selected day */
char *
nrem_agenda_programme_dup_zone_label (NremAgendaProgramme *self)
{
  const char *zone = nrem_agenda_programme_get_time_zone (self);

  if (zone == NULL)
    return g_strdup ("");
  return nrem_agenda_zone_label (zone, self->day ? self->day :
                                 nrem_row_get (self->meeting_row, "start_date"));
}

/* "Chair: Ana Ruiz · Speakers: Rania Al-Masri, Ola Berg" */
char *
nrem_agenda_programme_dup_people_label (NremAgendaProgramme *self,
                                        NremAgendaSession   *session)
{
  NremRecord *record = NREM_RECORD (session);
  const char *chair = nrem_record_get_string (record, "chair");
  const char *rapporteur = nrem_record_get_string (record, "rapporteur");
  g_auto(GStrv) speakers = nrem_agenda_speakers_parse (nrem_record_get_string (record, "speakers"));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (chair != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Chair: %s"),
                                             nrem_agenda_programme_person_name (self, chair)));
  if (speakers[0] != NULL)
    {
      g_autoptr(GString) list = g_string_new (NULL);

      for (guint i = 0; speakers[i] != NULL; i++)
        {
          if (i > 0)
            g_string_append (list, _(", "));
          g_string_append (list, nrem_agenda_programme_person_name (self, speakers[i]));
        }
      g_ptr_array_add (parts, g_strdup_printf (g_strv_length (speakers) == 1 ? _("Speaker: %s")
                                                                          : _("Speakers: %s"),
                                               list->str));
    }
  if (rapporteur != NULL)
    g_ptr_array_add (parts, g_strdup_printf (_("Rapporteur: %s"),
                                             nrem_agenda_programme_person_name (self, rapporteur)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (" · ", (char **) parts->pdata);
}

/* "Panel · Plenary hall" */
char *
nrem_agenda_programme_dup_meta_label (NremAgendaProgramme *self,
                                      NremAgendaSession   *session)
{
  const char *kind = nrem_agenda_kind_label (nrem_record_get_string (NREM_RECORD (session), "kind"));
  const char *room = nrem_record_get_string (NREM_RECORD (session), "room");

  if (kind != NULL && room != NULL)
    return g_strdup_printf ("%s · %s", kind, room);
  return g_strdup (kind ? kind : room ? room : "");
}

/* "Wednesday 21 May, 09:30–10:30: Opening of the consultation, Opening, Plenary hall" */
char *
nrem_agenda_programme_dup_accessible_label (NremAgendaProgramme *self,
                                            NremAgendaSession   *session)
{
  NremRecord *record = NREM_RECORD (session);
  g_autofree char *day = nrem_agenda_day_label (nrem_record_get_string (record, "day"));
  g_autofree char *range = nrem_agenda_time_range_label (nrem_record_get_string (record, "start_time"),
                                                         nrem_record_get_string (record, "end_time"));
  g_autofree char *meta = nrem_agenda_programme_dup_meta_label (self, session);
  const char *title = nrem_record_get_string (record, "title");
  GString *out = g_string_new (day);

  if (range[0] != '\0')
    g_string_append_printf (out, ", %s", range);
  g_string_append_printf (out, ": %s", title ? title : _("Untitled session"));
  if (meta[0] != '\0')
    g_string_append_printf (out, ", %s", meta);
  /* meta is "Kind · Room": read it as a list */
  g_string_replace (out, " · ", ", ", 0);
  return g_string_free (out, FALSE);
}

/* What a screen reader says after the name: now or next, the people, the warnings. */
char *
nrem_agenda_programme_dup_accessible_description (NremAgendaProgramme *self,
                                                  NremAgendaSession   *session,
                                                  GDateTime           *now)
{
  g_autofree char *people = nrem_agenda_programme_dup_people_label (self, session);
  g_autofree char *warnings = nrem_agenda_warnings_text (
    nrem_agenda_programme_get_warnings (self, nrem_record_get_uuid (NREM_RECORD (session))));
  GString *out = g_string_new (NULL);

  switch (now != NULL ? nrem_agenda_programme_get_state (self, session, now) : NREM_AGENDA_STATE_NONE)
    {
    case NREM_AGENDA_STATE_RUNNING:
      g_string_append (out, _("Running now."));
      break;
    case NREM_AGENDA_STATE_NEXT:
      g_string_append (out, _("Next."));
      break;
    case NREM_AGENDA_STATE_NONE:
    case NREM_AGENDA_STATE_PAST:
    case NREM_AGENDA_STATE_LATER:
    default:
      break;
    }
  if (people[0] != '\0')
    {
      g_autoptr(GString) sentences = g_string_new (people);

      g_string_replace (sentences, " · ", ". ", 0);
      g_string_append_printf (out, "%s%s.", out->len ? " " : "", sentences->str);
    }
  if (warnings[0] != '\0')
    {
      g_auto(GStrv) lines = g_strsplit (warnings, "\n", -1);

      for (guint i = 0; lines[i] != NULL; i++)
        g_string_append_printf (out, "%s%s %s.", out->len ? " " : "", _("Warning:"), lines[i]);
    }
  return g_string_free (out, FALSE);
}

/**
 * nrem_agenda_programme_is_live:
 * @out_day: (out) (optional): the meeting's day at @now
 * @out_minutes: (out) (optional): the meeting's clock at @now, in minutes
 *
 * Returns: whether @now falls within the meeting's dates, in its time zone
 */
gboolean
nrem_agenda_programme_is_live (NremAgendaProgramme  *self,
                               GDateTime            *now,
                               char                **out_day,
                               int                  *out_minutes)
{
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;
  const char *start, *end;

  if (self->meeting_row == NULL || self->zone == NULL || now == NULL)
    return FALSE;
  start = nrem_row_get (self->meeting_row, "start_date");
  end = nrem_row_get (self->meeting_row, "end_date");
  local = g_date_time_to_timezone (now, self->zone);
  day = g_date_time_format (local, "%Y-%m-%d");
  if (start == NULL || end == NULL || strcmp (day, start) < 0 || strcmp (day, end) > 0)
    return FALSE;
  if (out_minutes != NULL)
    *out_minutes = g_date_time_get_hour (local) * 60 + g_date_time_get_minute (local);
  if (out_day != NULL)
    *out_day = g_steal_pointer (&day);
  return TRUE;
}

static int
row_end (const NremRow *row)
{
  int start = nrem_agenda_parse_clock (nrem_row_get (row, "start_time"));
  int duration = nrem_agenda_duration (nrem_row_get (row, "start_time"), nrem_row_get (row, "end_time"));

  return duration < 0 ? start : start + duration;
}

/**
 * nrem_agenda_programme_get_state:
 *
 * While the clock is inside the meeting: the sessions running now, or when none runs, the
 * next ones to start (all of those starting at the same time).
 */
NremAgendaState
nrem_agenda_programme_get_state (NremAgendaProgramme *self,
                                 NremAgendaSession   *session,
                                 GDateTime           *now)
{
  g_autofree char *today = NULL;
  const NremRow *row = nrem_record_get_row (NREM_RECORD (session));
  const char *day = nrem_row_get (row, "day");
  int minutes = 0, start;
  gboolean any_running = FALSE;
  const NremRow *next = NULL;

  if (!nrem_agenda_programme_is_live (self, now, &today, &minutes))
    return NREM_AGENDA_STATE_NONE;
  start = nrem_agenda_parse_clock (nrem_row_get (row, "start_time"));
  if (day == NULL || start < 0)
    return NREM_AGENDA_STATE_NONE;

  if (strcmp (day, today) < 0)
    return NREM_AGENDA_STATE_PAST;
  if (strcmp (day, today) == 0 && start <= minutes && minutes < MAX (row_end (row), start + 1))
    return NREM_AGENDA_STATE_RUNNING;
  if (strcmp (day, today) == 0 && row_end (row) <= minutes)
    return NREM_AGENDA_STATE_PAST;

  /* upcoming: the next one, if nothing runs now */
  for (guint i = 0; i < self->rows->len; i++)
    {
      const NremRow *r = g_ptr_array_index (self->rows, i);
      const char *d = nrem_row_get (r, "day");
      int s = nrem_agenda_parse_clock (nrem_row_get (r, "start_time"));

      if (d == NULL || s < 0)
        continue;
      if (strcmp (d, today) == 0 && s <= minutes && minutes < MAX (row_end (r), s + 1))
        any_running = TRUE;
      else if (next == NULL && (strcmp (d, today) > 0 || (strcmp (d, today) == 0 && s > minutes)))
        next = r;
    }
  if (!any_running && next != NULL &&
      g_strcmp0 (nrem_row_get (next, "day"), day) == 0 &&
      g_strcmp0 (nrem_row_get (next, "start_time"), nrem_row_get (row, "start_time")) == 0)
    return NREM_AGENDA_STATE_NEXT;
  return NREM_AGENDA_STATE_LATER;
}

/**
 * nrem_agenda_programme_suggest_slot:
 * @out_end: (out): the end of the slot
 *
 * Where a new session of @day goes: after the last one that day, for an hour; 09:00 on a day
 * without sessions.
 *
 * Returns: the start, "HH:MM"
 */
char *
nrem_agenda_programme_suggest_slot (NremAgendaProgramme  *self,
                                    const char           *day,
                                    char                **out_end)
{
  int latest = -1;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const NremRow *r = g_ptr_array_index (self->rows, i);

      if (g_strcmp0 (nrem_row_get (r, "day"), day) == 0 &&
          nrem_agenda_parse_clock (nrem_row_get (r, "start_time")) >= 0)
        latest = MAX (latest, row_end (r));
    }
  if (latest < 0)
    latest = 9 * 60;
  latest = MIN (latest, 23 * 60);
  *out_end = nrem_agenda_format_clock (MIN (latest + 60, 23 * 60 + 59));
  return nrem_agenda_format_clock (latest);
}
