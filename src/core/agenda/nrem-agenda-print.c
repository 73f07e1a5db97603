/* nrem-agenda-print.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-agenda-print.h"
#include "nrem-agenda-checks.h"
#include "nrem-agenda-programme.h"
#include "nrem-agenda-time.h"
#include "nrem-error.h"
#include "nrem-record.h"
#include "nrem-store-agenda.h"

#include <glib/gi18n.h>

static char *
people_line (const NremRow *row,
             GHashTable    *names)
{
  g_auto(GStrv) speakers = nrem_agenda_speakers_parse (nrem_row_get (row, "speakers"));
  const char *chair = nrem_row_get (row, "chair");
  const char *rapporteur = nrem_row_get (row, "rapporteur");
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (chair != NULL && g_hash_table_lookup (names, chair))
    g_ptr_array_add (parts, g_strdup_printf (_("Chair: %s"), (char *) g_hash_table_lookup (names, chair)));
  if (speakers[0] != NULL)
    {
      GString *list = g_string_new (NULL);

      for (guint i = 0; speakers[i] != NULL; i++)
        if (g_hash_table_lookup (names, speakers[i]))
          {
            if (list->len > 0)
              g_string_append (list, ", ");
            g_string_append (list, g_hash_table_lookup (names, speakers[i]));
          }
      if (list->len > 0)
        g_ptr_array_add (parts, g_strdup_printf (_("Speakers: %s"), list->str));
      g_string_free (list, TRUE);
    }
  if (rapporteur != NULL && g_hash_table_lookup (names, rapporteur))
    g_ptr_array_add (parts, g_strdup_printf (_("Rapporteur: %s"),
                                             (char *) g_hash_table_lookup (names, rapporteur)));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (". ", (char **) parts->pdata);
}

/**
 * nrem_agenda_print_document:
 *
 * The programme: a title, the dates, place and time zone, then each day with its sessions as
 * rows of time, session (title, kind, people) and room.
 */
NremDocument *
nrem_agenda_print_document (NremStore   *store,
                            const char  *meeting_uuid,
                            GError     **error)
{
  g_autoptr(NremRow) meeting = nrem_store_get_row (store, NREM_ENTITY_MEETING, meeting_uuid, NULL);
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GHashTable) names = NULL;
  g_autoptr(NremRecord) record = NULL;
  g_autofree char *dates = NULL;
  g_autofree char *place = NULL;
  g_autofree char *zone = NULL;
  g_autofree char *subtitle = NULL;
  static const double widths[] = { 0.16, 0.64, 0.20 };
  NremDocument *doc;
  const char *day = NULL;

  if (meeting == NULL || meeting->deleted_at != 0)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                   _("There is no meeting with the uuid %s."), meeting_uuid);
      return NULL;
    }
  rows = nrem_store_agenda_list_sessions (store, meeting_uuid, error);
  if (rows == NULL)
    return NULL;
  names = nrem_store_agenda_people_names (store, meeting_uuid, error);
  if (names == NULL)
    return NULL;

  record = nrem_record_new_for_row (meeting);
  dates = nrem_meeting_dup_dates_label (NREM_MEETING (record));
  place = nrem_meeting_dup_place_label (NREM_MEETING (record));
  zone = nrem_agenda_zone_label (nrem_row_get (meeting, "time_zone"), nrem_row_get (meeting, "start_date"));
  if (nrem_row_get (meeting, "venue") != NULL)
    {
      g_autofree char *p = g_steal_pointer (&place);

      place = p[0] != '\0' ? g_strdup_printf ("%s, %s", nrem_row_get (meeting, "venue"), p)
                           : g_strdup (nrem_row_get (meeting, "venue"));
    }

  doc = nrem_document_new (nrem_row_get (meeting, "title"));
  nrem_document_add_heading (doc, 1, nrem_row_get (meeting, "title"));
  subtitle = place[0] != '\0' ? g_strdup_printf ("%s · %s", dates, place) : g_strdup (dates);
  nrem_document_add_paragraph (doc, subtitle, NULL, 0);
  {
    /* TRANSLATORS: under the title of a printed programme */
    g_autofree char *times = g_strdup_printf (_("Programme. All times are %s."), zone);

    nrem_document_add_paragraph (doc, times, NULL, 0);
  }

  if (rows->len == 0)
    nrem_document_add_paragraph (doc, _("No sessions have been planned yet."), NULL, 0);

  for (guint i = 0; i < rows->len; i++)
    {
      const NremRow *row = g_ptr_array_index (rows, i);
      g_autofree char *range = nrem_agenda_time_range_label (nrem_row_get (row, "start_time"),
                                                             nrem_row_get (row, "end_time"));
      g_autofree char *people = people_line (row, names);
      const char *kind = nrem_agenda_kind_label (nrem_row_get (row, "kind"));
      g_autoptr(GString) body = g_string_new (nrem_row_get (row, "title"));
      const char *cells[3];

      if (g_strcmp0 (day, nrem_row_get (row, "day")) != 0)
        {
          g_autofree char *label = nrem_agenda_day_label_long (nrem_row_get (row, "day"));
          const char *head[] = { _("Time"), _("Session"), _("Room") };

          day = nrem_row_get (row, "day");
          nrem_document_add_heading (doc, 2, label);
          nrem_document_add_row (doc, head, widths, 3, TRUE);
        }
      if (kind != NULL)
        g_string_append_printf (body, " (%s)", kind);
      if (people[0] != '\0')
        g_string_append_printf (body, "\n%s", people);
      cells[0] = range;
      cells[1] = body->str;
      cells[2] = nrem_row_get (row, "room");
      nrem_document_add_row (doc, cells, widths, 3, FALSE);
    }
  return doc;
}

gboolean
nrem_agenda_print_pdf (NremStore   *store,
                       const char  *meeting_uuid,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(NremDocument) doc = nrem_agenda_print_document (store, meeting_uuid, error);

  return doc != NULL && nrem_document_write_pdf (doc, path, error);
}
