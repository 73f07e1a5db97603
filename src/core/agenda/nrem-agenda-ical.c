/* nrem-agenda-ical.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-ical"

#include "config.h"

#include "nrem-agenda-ical.h"
#include "nrem-agenda-checks.h"
#include "nrem-agenda-programme.h"
#include "nrem-agenda-time.h"
#include "nrem-error.h"
#include "nrem-schedule.h"
#include "nrem-store-agenda.h"
#include "nrem-time.h"

#include <glib/gi18n.h>
#include <string.h>

/**
 * nrem_ical_append_line:
 *
 * Appends one content line, folded at 75 octets (RFC 5545 3.1) without cutting a UTF-8
 * character, each physical line ending in CRLF.
 */
void
nrem_ical_append_line (GString    *out,
                       const char *line)
{
  const char *p = line;
  gsize room = 75;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gsize len = (gsize) (next - p);

      if (len > room)
        {
          g_string_append (out, "\r\n ");
          room = 74;   /* the space that opens a continuation counts */
        }
      g_string_append_len (out, p, (gssize) len);
      room -= len;
      p = next;
    }
  g_string_append (out, "\r\n");
}

/* TEXT values (RFC 5545 3.3.11): backslash, semicolon, comma and newlines escaped. */
char *
nrem_ical_escape (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    switch (*p)
      {
      case '\\': g_string_append (out, "\\\\"); break;
      case ';': g_string_append (out, "\\;"); break;
      case ',': g_string_append (out, "\\,"); break;
      case '\n': g_string_append (out, "\\n"); break;
      case '\r':
        if (p[1] != '\n')
          g_string_append (out, "\\n");
        break;
      default:
        /* other control characters are not allowed in TEXT */
        if ((guchar) *p >= 0x20 || *p == '\t')
          g_string_append_c (out, *p);
        break;
      }
  return g_string_free (out, FALSE);
}

static void
property (GString    *out,
          const char *name,
          const char *value)
{
  g_autofree char *escaped = nrem_ical_escape (value);
  g_autofree char *line = g_strconcat (name, ":", escaped, NULL);

  nrem_ical_append_line (out, line);
}

static char *
utc_stamp (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y%m%dT%H%M%SZ");
}

static char *
ms_stamp (gint64 ms)
{
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (ms / 1000);

  return g_date_time_format (dt, "%Y%m%dT%H%M%SZ");
}

static gboolean
names_person (const NremRow *session,
              const char    *participant)
{
  g_auto(GStrv) speakers = NULL;

  if (participant == NULL)
    return TRUE;
  if (g_strcmp0 (nrem_row_get (session, "chair"), participant) == 0)
    return TRUE;
  speakers = nrem_agenda_speakers_parse (nrem_row_get (session, "speakers"));
  return g_strv_contains ((const char * const *) speakers, participant);
}

static char *
describe (const NremRow *session,
          GHashTable    *names,
          const char    *zone_label)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) speakers = nrem_agenda_speakers_parse (nrem_row_get (session, "speakers"));
  const char *kind = nrem_agenda_kind_label (nrem_row_get (session, "kind"));
  const char *chair = nrem_row_get (session, "chair");
  const char *description = nrem_row_get (session, "description");
  g_autofree char *range = nrem_agenda_time_range_label (nrem_row_get (session, "start_time"),
                                                         nrem_row_get (session, "end_time"));

  if (range[0] != '\0')
    g_ptr_array_add (parts, g_strdup_printf ("%s (%s)", range, zone_label));
  if (kind != NULL)
    g_ptr_array_add (parts, g_strdup (kind));
  if (chair != NULL && g_hash_table_lookup (names, chair))
    g_ptr_array_add (parts, g_strdup_printf (_("Chair: %s"), (char *) g_hash_table_lookup (names, chair)));
  if (speakers[0] != NULL)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; speakers[i] != NULL; i++)
        {
          const char *name = g_hash_table_lookup (names, speakers[i]);

          if (name == NULL)
            continue;
          if (list->len > 0)
            g_string_append (list, ", ");
          g_string_append (list, name);
        }
      if (list->len > 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Speakers: %s"), list->str));
      g_string_free (list, TRUE);
    }
  if (description != NULL)
    g_ptr_array_add (parts, g_strdup (description));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n", (char **) parts->pdata);
}

/**
 * nrem_agenda_ical_export:
 * @participant_uuid: (nullable): only the sessions this person chairs or speaks in
 *
 * Times are written in UTC, converted from the meeting's zone; a session without a start time
 * is an all-day event of its day.
 */
GBytes *
nrem_agenda_ical_export (NremStore   *store,
                         const char  *meeting_uuid,
                         const char  *participant_uuid,
                         GError     **error)
{
  g_autoptr(NremRow) meeting = nrem_store_get_row (store, NREM_ENTITY_MEETING, meeting_uuid, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(GTimeZone) zone = NULL;
  g_autofree char *zone_label = NULL;
  g_autofree char *calname = NULL;
  const char *short_title;
  GString *out;
  gsize length;

  if (meeting == NULL || meeting->deleted_at != 0)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                   _("There is no meeting with the uuid %s."), meeting_uuid);
      return NULL;
    }
  if (participant_uuid != NULL && !nrem_store_has_record (store, NREM_ENTITY_PARTICIPANT, participant_uuid))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                   _("There is no participant with the uuid %s."), participant_uuid);
      return NULL;
    }
  rows = nrem_store_agenda_list_sessions (store, meeting_uuid, error);
  if (rows == NULL)
    return NULL;
  names = nrem_store_agenda_people_names (store, meeting_uuid, error);
  if (names == NULL)
    return NULL;
  zone = nrem_agenda_time_zone_new (nrem_row_get (meeting, "time_zone"));
  if (zone == NULL)
    zone = g_time_zone_new_utc ();
  zone_label = nrem_agenda_zone_label (nrem_row_get (meeting, "time_zone"),
                                       nrem_row_get (meeting, "start_date"));

  short_title = nrem_row_get (meeting, "short_title");
  if (short_title == NULL)
    short_title = nrem_row_get (meeting, "title");
  if (participant_uuid != NULL)
    {
      g_autofree char *person = nrem_store_agenda_person_name (store, participant_uuid);

      /* TRANSLATORS: the name of a delegate's calendar: "Bangkok 2014 — Ana Ruiz" */
      calname = g_strdup_printf (_("%s — %s"), short_title, person ? person : participant_uuid);
    }
  else
    calname = g_strdup (short_title);

  out = g_string_new (NULL);
  nrem_ical_append_line (out, "BEGIN:VCALENDAR");
  nrem_ical_append_line (out, "VERSION:2.0");
  nrem_ical_append_line (out, "PRODID:-//NREM Desk//NREM Desk " PACKAGE_VERSION "//EN");
  nrem_ical_append_line (out, "CALSCALE:GREGORIAN");
  nrem_ical_append_line (out, "METHOD:PUBLISH");
  property (out, "X-WR-CALNAME", calname);

  for (guint i = 0; i < rows->len; i++)
    {
      const NremRow *row = g_ptr_array_index (rows, i);
      const char *day = nrem_row_get (row, "day");
      int start = nrem_agenda_parse_clock (nrem_row_get (row, "start_time"));
      int duration = nrem_agenda_duration (nrem_row_get (row, "start_time"), nrem_row_get (row, "end_time"));
      const char *room = nrem_row_get (row, "room");
      g_autofree char *uid = g_strdup_printf ("UID:%s@nrem-desk", row->uuid);
      g_autofree char *stamp = ms_stamp (row->updated_at);
      g_autofree char *line = NULL;
      g_autofree char *description = NULL;
      g_autofree char *location = NULL;

      if (!names_person (row, participant_uuid) || !nrem_date_is_valid (day))
        continue;

      nrem_ical_append_line (out, "BEGIN:VEVENT");
      nrem_ical_append_line (out, uid);
      line = g_strconcat ("DTSTAMP:", stamp, NULL);
      nrem_ical_append_line (out, line);
      g_clear_pointer (&line, g_free);

      if (start >= 0)
        {
          g_autoptr(GDateTime) from = nrem_agenda_local_date_time (zone, day, start);
          g_autofree char *s = utc_stamp (from);

          line = g_strconcat ("DTSTART:", s, NULL);
          nrem_ical_append_line (out, line);
          g_clear_pointer (&line, g_free);
          if (duration > 0)
            {
              g_autoptr(GDateTime) to = g_date_time_add_minutes (from, duration);
              g_autofree char *e = utc_stamp (to);

              line = g_strconcat ("DTEND:", e, NULL);
              nrem_ical_append_line (out, line);
              g_clear_pointer (&line, g_free);
            }
        }
      else
        {
          g_autofree char *next = nrem_agenda_date_add_days (day, 1);
          g_auto(GStrv) a = g_strsplit (day, "-", 3);
          g_auto(GStrv) b = g_strsplit (next, "-", 3);

          line = g_strdup_printf ("DTSTART;VALUE=DATE:%s%s%s", a[0], a[1], a[2]);
          nrem_ical_append_line (out, line);
          g_clear_pointer (&line, g_free);
          line = g_strdup_printf ("DTEND;VALUE=DATE:%s%s%s", b[0], b[1], b[2]);
          nrem_ical_append_line (out, line);
          g_clear_pointer (&line, g_free);
        }

      property (out, "SUMMARY", nrem_row_get (row, "title"));
      if (room != NULL && nrem_row_get (meeting, "venue") != NULL)
        location = g_strdup_printf ("%s, %s", room, nrem_row_get (meeting, "venue"));
      else if (room != NULL)
        location = g_strdup (room);
      else if (nrem_row_get (meeting, "venue") != NULL)
        location = g_strdup (nrem_row_get (meeting, "venue"));
      else if (nrem_row_get (meeting, "city") != NULL)
        location = g_strdup (nrem_row_get (meeting, "city"));
      if (location != NULL)
        property (out, "LOCATION", location);
      description = describe (row, names, zone_label);
      if (description[0] != '\0')
        property (out, "DESCRIPTION", description);
      if (nrem_agenda_kind_label (nrem_row_get (row, "kind")) != NULL)
        property (out, "CATEGORIES", nrem_agenda_kind_label (nrem_row_get (row, "kind")));
      nrem_ical_append_line (out, "END:VEVENT");
    }
  nrem_ical_append_line (out, "END:VCALENDAR");

  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}

gboolean
nrem_agenda_ical_export_to_file (NremStore   *store,
                                 const char  *meeting_uuid,
                                 const char  *participant_uuid,
                                 const char  *path,
                                 GError     **error)
{
  g_autoptr(GBytes) bytes = nrem_agenda_ical_export (store, meeting_uuid, participant_uuid, error);

  return bytes != NULL && nrem_agenda_write_file (path, bytes, error);
}
