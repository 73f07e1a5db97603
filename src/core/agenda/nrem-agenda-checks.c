/* nrem-agenda-checks.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-agenda-checks.h"
#include "nrem-agenda-time.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

void
nrem_agenda_warning_free (NremAgendaWarning *warning)
{
  if (warning == NULL)
    return;
  g_free (warning->other);
  g_free (warning->person);
  g_free (warning->text);
  g_free (warning);
}

/**
 * nrem_agenda_speakers_parse:
 * @json: (nullable): the stored speakers, a JSON array of uuids
 *
 * Returns: (transfer full): the uuids in order; never %NULL
 */
char **
nrem_agenda_speakers_parse (const char *json)
{
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(JsonParser) parser = NULL;
  JsonNode *root;

  if (json != NULL && json[0] != '\0')
    {
      parser = json_parser_new ();
      if (json_parser_load_from_data (parser, json, -1, NULL) &&
          (root = json_parser_get_root (parser)) != NULL && JSON_NODE_HOLDS_ARRAY (root))
        {
          JsonArray *array = json_node_get_array (root);

          for (guint i = 0; i < json_array_get_length (array); i++)
            {
              JsonNode *item = json_array_get_element (array, i);

              if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
                g_strv_builder_add (out, json_node_get_string (item));
            }
        }
    }
  return g_strv_builder_end (out);
}

/**
 * nrem_agenda_speakers_json:
 *
 * Returns: (nullable): the stored form of @uuids (duplicates dropped, order kept), %NULL when
 *   there are none
 */
char *
nrem_agenda_speakers_json (const char * const *uuids)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GString *out = g_string_new ("[");
  gboolean any = FALSE;

  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      if (uuids[i][0] == '\0' || !g_hash_table_add (seen, (gpointer) uuids[i]))
        continue;
      if (any)
        g_string_append_c (out, ',');
      nrem_json_write_string (out, uuids[i]);
      any = TRUE;
    }
  g_string_append_c (out, ']');
  if (!any)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* Everyone a session names: chair, rapporteur, speakers; each once. */
char **
nrem_agenda_session_people (const NremRow *session)
{
  g_auto(GStrv) speakers = nrem_agenda_speakers_parse (nrem_row_get (session, "speakers"));
  g_autoptr(GStrvBuilder) out = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  const char *chair = nrem_row_get (session, "chair");
  const char *rapporteur = nrem_row_get (session, "rapporteur");

  if (chair != NULL && g_hash_table_add (seen, (gpointer) chair))
    g_strv_builder_add (out, chair);
  if (rapporteur != NULL && g_hash_table_add (seen, (gpointer) rapporteur))
    g_strv_builder_add (out, rapporteur);
  for (guint i = 0; speakers[i] != NULL; i++)
    if (g_hash_table_add (seen, speakers[i]))
      g_strv_builder_add (out, speakers[i]);
  return g_strv_builder_end (out);
}

typedef struct
{
  const NremRow *row;
  int            start;
  int            end;
  char          *room_key;
  char         **people;
} Slot;

static void
slot_clear (Slot *slot)
{
  g_free (slot->room_key);
  g_strfreev (slot->people);
}

static int
compare_slots (gconstpointer a,
               gconstpointer b)
{
  const Slot *x = a, *y = b;
  int c = g_strcmp0 (nrem_row_get (x->row, "day"), nrem_row_get (y->row, "day"));

  if (c != 0)
    return c;
  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return g_strcmp0 (x->row->uuid, y->row->uuid);
}

static void
add_warning (GHashTable            *result,
             const char            *uuid,
             NremAgendaWarningKind  kind,
             const char            *other,
             const char            *person,
             char                  *text)
{
  GPtrArray *list = g_hash_table_lookup (result, uuid);
  NremAgendaWarning *w = g_new0 (NremAgendaWarning, 1);

  if (list == NULL)
    {
      list = g_ptr_array_new_with_free_func ((GDestroyNotify) nrem_agenda_warning_free);
      g_hash_table_insert (result, g_strdup (uuid), list);
    }
  w->kind = kind;
  w->other = g_strdup (other);
  w->person = g_strdup (person);
  w->text = text;
  g_ptr_array_add (list, w);
}

static char *
describe_other (const NremRow *other)
{
  g_autofree char *range = nrem_agenda_time_range_label (nrem_row_get (other, "start_time"),
                                                          nrem_row_get (other, "end_time"));
  const char *title = nrem_row_get (other, "title");

  /* TRANSLATORS: the other session of a clash: "“Tea break”, 10:15–10:30" */
  return g_strdup_printf (_("“%s”, %s"), title ? title : _("Untitled session"), range);
}

static void
check_pair (GHashTable *result,
            Slot       *a,
            Slot       *b,
            GHashTable *names)
{
  if (a->room_key != NULL && g_strcmp0 (a->room_key, b->room_key) == 0)
    {
      const char *room = nrem_row_get (a->row, "room");
      g_autofree char *da = describe_other (a->row);
      g_autofree char *db = describe_other (b->row);

      add_warning (result, a->row->uuid, NREM_AGENDA_WARNING_ROOM, b->row->uuid, NULL,
                   /* TRANSLATORS: a room booked twice at once */
                   g_strdup_printf (_("%s is also booked for %s"), room, db));
      add_warning (result, b->row->uuid, NREM_AGENDA_WARNING_ROOM, a->row->uuid, NULL,
                   g_strdup_printf (_("%s is also booked for %s"), nrem_row_get (b->row, "room"), da));
    }

  for (guint i = 0; a->people[i] != NULL; i++)
    if (g_strv_contains ((const char * const *) b->people, a->people[i]))
      {
        const char *name = names != NULL ? g_hash_table_lookup (names, a->people[i]) : NULL;
        g_autofree char *da = describe_other (a->row);
        g_autofree char *db = describe_other (b->row);

        if (name == NULL)
          name = _("A participant");
        add_warning (result, a->row->uuid, NREM_AGENDA_WARNING_PERSON, b->row->uuid, a->people[i],
                     /* TRANSLATORS: one person in two sessions at once */
                     g_strdup_printf (_("%s is also in %s"), name, db));
        add_warning (result, b->row->uuid, NREM_AGENDA_WARNING_PERSON, a->row->uuid, a->people[i],
                     g_strdup_printf (_("%s is also in %s"), name, da));
      }
}

/**
 * nrem_agenda_check:
 * @sessions: (element-type NremRow): the live sessions of one meeting
 * @meeting_start: (nullable): the meeting's first day
 * @meeting_end: (nullable): its last day
 * @names: (nullable): participant uuid → name, for the texts
 *
 * Returns: (transfer full): session uuid → #GPtrArray of #NremAgendaWarning, for the sessions
 *   that have any
 */
GHashTable *
nrem_agenda_check (GPtrArray  *sessions,
                   const char *meeting_start,
                   const char *meeting_end,
                   GHashTable *names)
{
  GHashTable *result = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                              (GDestroyNotify) g_ptr_array_unref);
  g_autoptr(GArray) slots = g_array_new (FALSE, TRUE, sizeof (Slot));

  g_array_set_clear_func (slots, (GDestroyNotify) slot_clear);

  for (guint i = 0; i < sessions->len; i++)
    {
      const NremRow *row = g_ptr_array_index (sessions, i);
      const char *day = nrem_row_get (row, "day");
      const char *room = nrem_row_get (row, "room");
      Slot slot = { row, 0, 0, NULL, NULL };

      if (row->deleted_at != 0)
        continue;

      if (day != NULL &&
          ((meeting_start != NULL && strcmp (day, meeting_start) < 0) ||
           (meeting_end != NULL && strcmp (day, meeting_end) > 0)))
        {
          g_autofree char *first = nrem_agenda_day_label (meeting_start);
          g_autofree char *last = nrem_agenda_day_label (meeting_end);

          add_warning (result, row->uuid, NREM_AGENDA_WARNING_OUTSIDE, NULL, NULL,
                       g_strcmp0 (meeting_start, meeting_end) == 0
                       ? g_strdup_printf (_("Outside the meeting’s dates: it is held on %s only"), first)
                       : g_strdup_printf (_("Outside the meeting’s dates, %s to %s"), first, last));
        }

      slot.start = nrem_agenda_parse_clock (nrem_row_get (row, "start_time"));
      if (slot.start < 0 || day == NULL)
        continue;
      slot.end = slot.start + MAX (1, nrem_agenda_duration (nrem_row_get (row, "start_time"),
                                                             nrem_row_get (row, "end_time")));
      if (room != NULL)
        {
          g_autofree char *stripped = g_strstrip (g_strdup (room));

          if (stripped[0] != '\0')
            slot.room_key = g_utf8_casefold (stripped, -1);
        }
      slot.people = nrem_agenda_session_people (row);
      g_array_append_val (slots, slot);
    }

  g_array_sort (slots, compare_slots);

  for (guint i = 0; i < slots->len; i++)
    {
      Slot *a = &g_array_index (slots, Slot, i);

      for (guint j = i + 1; j < slots->len; j++)
        {
          Slot *b = &g_array_index (slots, Slot, j);

          if (g_strcmp0 (nrem_row_get (a->row, "day"), nrem_row_get (b->row, "day")) != 0 ||
              b->start >= a->end)
            break;
          check_pair (result, a, b, names);
        }
    }
  return result;
}

/* One warning per line, for a row or a tooltip. */
char *
nrem_agenda_warnings_text (GPtrArray *warnings)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; warnings != NULL && i < warnings->len; i++)
    {
      NremAgendaWarning *w = g_ptr_array_index (warnings, i);

      if (out->len > 0)
        g_string_append_c (out, '\n');
      g_string_append (out, w->text);
    }
  return g_string_free (out, FALSE);
}
