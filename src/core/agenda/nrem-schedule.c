/* nrem-schedule.c
 *
 * Both readers fill one plain description of the file (Sched); one function writes it into
 * the store. XML is read with GMarkup, JSON with json-glib after the project's strict scan.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-schedule"

#include "config.h"

#include "nrem-schedule.h"
#include "nrem-agenda-checks.h"
#include "nrem-agenda-time.h"
#include "nrem-error.h"
#include "nrem-json-scan.h"
#include "nrem-store-agenda.h"
#include "nrem-time.h"
#include "nrem-uuid.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#define MAX_REPORTED 200

/* ------------------------------------------------------------------------------------------
 * What a file says
 */

typedef struct
{
  char *name;
  char *guid;
  char *code;
  char *id;
} SPerson;

typedef struct
{
  char      *where;
  char      *guid;
  char      *id;
  char      *code;
  char      *date;
  char      *day;
  char      *start;
  char      *duration;
  char      *end;
  char      *room;
  char      *title;
  char      *subtitle;
  char      *type;
  char      *abstract;
  char      *description;
  GPtrArray *persons;
} SEvent;

typedef struct
{
  const char *file;
  char       *version;
  char       *title;
  char       *acronym;
  char       *start;
  char       *end;
  char       *time_zone;
  char       *url;
  gboolean    has_conference;
  GPtrArray  *events;
  GPtrArray  *skipped;
  GPtrArray  *notes;
} Sched;

static void
sperson_free (SPerson *p)
{
  g_free (p->name);
  g_free (p->guid);
  g_free (p->code);
  g_free (p->id);
  g_free (p);
}

static void
sevent_free (SEvent *e)
{
  g_free (e->where);
  g_free (e->guid);
  g_free (e->id);
  g_free (e->code);
  g_free (e->date);
  g_free (e->day);
  g_free (e->start);
  g_free (e->duration);
  g_free (e->end);
  g_free (e->room);
  g_free (e->title);
  g_free (e->subtitle);
  g_free (e->type);
  g_free (e->abstract);
  g_free (e->description);
  g_clear_pointer (&e->persons, g_ptr_array_unref);
  g_free (e);
}

static SEvent *
sevent_new (char *where)
{
  SEvent *e = g_new0 (SEvent, 1);

  e->where = where;
  e->persons = g_ptr_array_new_with_free_func ((GDestroyNotify) sperson_free);
  return e;
}

static void
sched_init (Sched      *s,
            const char *file)
{
  memset (s, 0, sizeof *s);
  s->file = file;
  s->events = g_ptr_array_new_with_free_func ((GDestroyNotify) sevent_free);
  s->skipped = g_ptr_array_new_with_free_func (g_free);
  s->notes = g_ptr_array_new_with_free_func (g_free);
}

static void
sched_clear (Sched *s)
{
  g_free (s->version);
  g_free (s->title);
  g_free (s->acronym);
  g_free (s->start);
  g_free (s->end);
  g_free (s->time_zone);
  g_free (s->url);
  g_clear_pointer (&s->events, g_ptr_array_unref);
  g_clear_pointer (&s->skipped, g_ptr_array_unref);
  g_clear_pointer (&s->notes, g_ptr_array_unref);
}

static void
say (GPtrArray  *list,
     const char *format,
     ...) G_GNUC_PRINTF (2, 3);

static void
say (GPtrArray  *list,
     const char *format,
     ...)
{
  va_list args;

  if (list->len == MAX_REPORTED)
    g_ptr_array_add (list, g_strdup (_("… and more of the same kind")));
  if (list->len > MAX_REPORTED)
    return;
  va_start (args, format);
  g_ptr_array_add (list, g_strdup_vprintf (format, args));
  va_end (args);
}

/* Text as it will be stored: trimmed, NULL when empty, control characters dropped. */
static char *
clean (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;
  out = g_string_new (NULL);
  for (const char *p = text; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t')
      g_string_append_c (out, *p);
    else if (*p == '\r' && p[1] != '\n')
      g_string_append_c (out, '\n');
  g_strstrip (out->str);
  out->len = strlen (out->str);
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------
 * Reading JSON
 */

/* A member as text, whatever scalar it is; NULL for null, objects and arrays. */
static char *
member_text (JsonObject *object,
             const char *name)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING:
      return clean (json_node_get_string (node));
    case G_TYPE_INT64:
      return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
    case G_TYPE_DOUBLE:
      {
        double d = json_node_get_double (node);

        if (d == (double) (gint64) d)
          return g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) d);
        return NULL;
      }
    case G_TYPE_BOOLEAN:
    default:
      return NULL;
    }
}

static void
read_json_person (SEvent     *event,
                  JsonNode   *node,
                  const char *where,
                  Sched      *s)
{
  JsonObject *object;
  SPerson *p;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      /* some writers list plain names */
      if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING &&
          json_node_get_string (node)[0] != '\0')
        {
          p = g_new0 (SPerson, 1);
          p->name = clean (json_node_get_string (node));
          g_ptr_array_add (event->persons, p);
          return;
        }
      say (s->skipped, _("%s: a person that is not an object was left out"), where);
      return;
    }
  object = json_node_get_object (node);
  p = g_new0 (SPerson, 1);
  p->name = member_text (object, "name");
  if (p->name == NULL)
    p->name = member_text (object, "public_name");
  if (p->name == NULL)
    p->name = member_text (object, "full_name");
  p->guid = member_text (object, "guid");
  p->code = member_text (object, "code");
  p->id = member_text (object, "id");
  if (p->name == NULL)
    {
      say (s->skipped, _("%s: a person without a name was left out"), where);
      sperson_free (p);
      return;
    }
  g_ptr_array_add (event->persons, p);
}

static void
read_json_event (Sched      *s,
                 JsonNode   *node,
                 const char *day_date,
                 char       *where)
{
  JsonObject *object;
  JsonNode *persons;
  SEvent *e;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      say (s->skipped, _("%s: not an event (expected an object), left out"), where);
      g_free (where);
      return;
    }
  object = json_node_get_object (node);
  e = sevent_new (where);
  e->guid = member_text (object, "guid");
  e->id = member_text (object, "id");
  e->code = member_text (object, "code");
  e->date = member_text (object, "date");
  e->day = g_strdup (day_date);
  e->start = member_text (object, "start");
  e->duration = member_text (object, "duration");
  e->end = member_text (object, "end");
  e->room = member_text (object, "room");
  e->title = member_text (object, "title");
  e->subtitle = member_text (object, "subtitle");
  e->type = member_text (object, "type");
  e->abstract = member_text (object, "abstract");
  e->description = member_text (object, "description");

  persons = json_object_get_member (object, "persons");
  if (persons != NULL && JSON_NODE_HOLDS_ARRAY (persons))
    {
      JsonArray *array = json_node_get_array (persons);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *pw = g_strdup_printf ("%s.persons[%u]", where, i);

          read_json_person (e, json_array_get_element (array, i), pw, s);
        }
    }
  g_ptr_array_add (s->events, e);
}

static gboolean
read_json (Sched       *s,
           const char  *data,
           gsize        length,
           GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local = NULL;
  g_autofree char *scan_path = NULL;
  g_autofree char *scan_message = NULL;
  JsonObject *root, *schedule, *conference;
  JsonNode *node, *days;

  if (!nrem_json_scan (data, length, &scan_path, &scan_message))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, "%s: %s%s%s", s->file,
                   scan_path && scan_path[0] ? scan_path : "",
                   scan_path && scan_path[0] ? ": " : "", scan_message);
      return FALSE;
    }
  if (!json_parser_load_from_data (parser, data, (gssize) length, &local))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, "%s: %s", s->file, local->message);
      return FALSE;
    }
  node = json_parser_get_root (parser);
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: not a schedule (expected an object with “schedule”)"), s->file);
      return FALSE;
    }
  root = json_node_get_object (node);
  node = json_object_get_member (root, "schedule");
  /* a schedule's content without the wrapper is read as well */
  schedule = node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : root;
  s->version = member_text (schedule, "version");
  node = json_object_get_member (schedule, "conference");
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: schedule.conference: missing; this is not a frab or pretalx schedule"),
                   s->file);
      return FALSE;
    }
  s->has_conference = TRUE;
  conference = json_node_get_object (node);
  s->title = member_text (conference, "title");
  s->acronym = member_text (conference, "acronym");
  s->start = member_text (conference, "start");
  s->end = member_text (conference, "end");
  s->time_zone = member_text (conference, "time_zone_name");
  s->url = member_text (conference, "url");

  days = json_object_get_member (conference, "days");
  if (days == NULL || !JSON_NODE_HOLDS_ARRAY (days))
    {
      say (s->skipped, _("schedule.conference.days: missing, so no sessions were read"));
      return TRUE;
    }
  for (guint d = 0; d < json_array_get_length (json_node_get_array (days)); d++)
    {
      JsonNode *day = json_array_get_element (json_node_get_array (days), d);
      g_autofree char *date = NULL;
      JsonNode *rooms;
      JsonObjectIter iter;
      const char *room_name;
      JsonNode *events;

      if (!JSON_NODE_HOLDS_OBJECT (day))
        {
          say (s->skipped, _("schedule.conference.days[%u]: not a day (expected an object), left out"), d);
          continue;
        }
      date = member_text (json_node_get_object (day), "date");
      rooms = json_object_get_member (json_node_get_object (day), "rooms");
      if (rooms == NULL || !JSON_NODE_HOLDS_OBJECT (rooms))
        {
          if (rooms != NULL)
            say (s->skipped, _("schedule.conference.days[%u].rooms: expected an object, left out"), d);
          continue;
        }
      json_object_iter_init (&iter, json_node_get_object (rooms));
      while (json_object_iter_next (&iter, &room_name, &events))
        {
          if (!JSON_NODE_HOLDS_ARRAY (events))
            {
              say (s->skipped, _("schedule.conference.days[%u].rooms[“%s”]: expected a list of events, left out"),
                   d, room_name);
              continue;
            }
          for (guint i = 0; i < json_array_get_length (json_node_get_array (events)); i++)
            {
              guint before = s->events->len;

              read_json_event (s, json_array_get_element (json_node_get_array (events), i), date,
                               g_strdup_printf ("schedule.conference.days[%u].rooms[“%s”][%u]",
                                                d, room_name, i));
              /* the room an event is listed under stands for a missing "room" */
              if (s->events->len > before)
                {
                  SEvent *e = g_ptr_array_index (s->events, before);

                  if (e->room == NULL)
                    e->room = clean (room_name);
                }
            }
        }
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Reading XML
 */

typedef struct
{
  Sched     *s;
  GString   *text;
  char      *day_date;
  char      *room_name;
  SEvent    *event;
  SPerson   *person;
  gboolean   in_conference;
  gboolean   in_persons;
  gboolean   seen_schedule;
} XmlState;

static const char *
attr (const char **names,
      const char **values,
      const char  *name)
{
  for (guint i = 0; names[i] != NULL; i++)
    if (strcmp (names[i], name) == 0)
      return values[i];
  return NULL;
}

static void
xml_start (GMarkupParseContext  *context,
           const char           *element,
           const char          **names,
           const char          **values,
           gpointer              user_data,
           GError              **error)
{
  XmlState *st = user_data;
  int line = 0, column = 0;

  g_string_truncate (st->text, 0);
  g_markup_parse_context_get_position (context, &line, &column);

  if (!st->seen_schedule)
    {
      if (strcmp (element, "schedule") != 0)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                       _("line %d: the document is a <%s>, not a <schedule>"), line, element);
          return;
        }
      st->seen_schedule = TRUE;
      return;
    }

  if (strcmp (element, "conference") == 0 && st->event == NULL)
    {
      st->in_conference = TRUE;
      st->s->has_conference = TRUE;
    }
  else if (strcmp (element, "day") == 0 && st->event == NULL)
    {
      g_free (st->day_date);
      st->day_date = clean (attr (names, values, "date"));
    }
  else if (strcmp (element, "room") == 0 && st->event == NULL)
    {
      g_free (st->room_name);
      st->room_name = clean (attr (names, values, "name"));
    }
  else if (strcmp (element, "event") == 0 && st->event == NULL)
    {
      st->event = sevent_new (g_strdup_printf (_("line %d"), line));
      st->event->guid = clean (attr (names, values, "guid"));
      st->event->id = clean (attr (names, values, "id"));
      st->event->code = clean (attr (names, values, "code"));
      st->event->day = g_strdup (st->day_date);
    }
  else if (strcmp (element, "persons") == 0 && st->event != NULL)
    st->in_persons = TRUE;
  else if (strcmp (element, "person") == 0 && st->in_persons && st->person == NULL)
    {
      st->person = g_new0 (SPerson, 1);
      st->person->guid = clean (attr (names, values, "guid"));
      st->person->id = clean (attr (names, values, "id"));
      st->person->code = clean (attr (names, values, "code"));
    }
}

static void
xml_text (GMarkupParseContext  *context,
          const char           *text,
          gsize                 length,
          gpointer              user_data,
          GError              **error)
{
  XmlState *st = user_data;

  g_string_append_len (st->text, text, (gssize) length);
}

static void
set_once (char       **field,
          const char  *text)
{
  if (*field == NULL)
    *field = clean (text);
}

static void
xml_end (GMarkupParseContext  *context,
         const char           *element,
         gpointer              user_data,
         GError              **error)
{
  XmlState *st = user_data;
  const char *text = st->text->str;

  if (st->person != NULL)
    {
      if (strcmp (element, "person") == 0)
        {
          SPerson *p = g_steal_pointer (&st->person);

          p->name = clean (text);
          if (p->name == NULL)
            {
              say (st->s->skipped, _("%s: a person without a name was left out"), st->event->where);
              sperson_free (p);
            }
          else
            g_ptr_array_add (st->event->persons, p);
        }
    }
  else if (st->event != NULL)
    {
      SEvent *e = st->event;

      if (strcmp (element, "event") == 0)
        {
          if (e->room == NULL)
            e->room = g_strdup (st->room_name);
          g_ptr_array_add (st->s->events, g_steal_pointer (&st->event));
        }
      else if (strcmp (element, "persons") == 0)
        st->in_persons = FALSE;
      else if (strcmp (element, "date") == 0)
        set_once (&e->date, text);
      else if (strcmp (element, "start") == 0)
        set_once (&e->start, text);
      else if (strcmp (element, "duration") == 0)
        set_once (&e->duration, text);
      else if (strcmp (element, "end") == 0)
        set_once (&e->end, text);
      else if (strcmp (element, "room") == 0)
        set_once (&e->room, text);
      else if (strcmp (element, "title") == 0)
        set_once (&e->title, text);
      else if (strcmp (element, "subtitle") == 0)
        set_once (&e->subtitle, text);
      else if (strcmp (element, "type") == 0)
        set_once (&e->type, text);
      else if (strcmp (element, "abstract") == 0)
        set_once (&e->abstract, text);
      else if (strcmp (element, "description") == 0)
        set_once (&e->description, text);
    }
  else if (st->in_conference)
    {
      Sched *s = st->s;

      if (strcmp (element, "conference") == 0)
        st->in_conference = FALSE;
      else if (strcmp (element, "title") == 0)
        set_once (&s->title, text);
      else if (strcmp (element, "acronym") == 0)
        set_once (&s->acronym, text);
      else if (strcmp (element, "start") == 0)
        set_once (&s->start, text);
      else if (strcmp (element, "end") == 0)
        set_once (&s->end, text);
      else if (strcmp (element, "time_zone_name") == 0)
        set_once (&s->time_zone, text);
      else if (strcmp (element, "url") == 0)
        set_once (&s->url, text);
    }
  else if (strcmp (element, "version") == 0)
    set_once (&st->s->version, text);
  else if (strcmp (element, "room") == 0)
    g_clear_pointer (&st->room_name, g_free);

  g_string_truncate (st->text, 0);
}

static gboolean
read_xml (Sched       *s,
          const char  *data,
          gsize        length,
          GError     **error)
{
  static const GMarkupParser parser = { xml_start, xml_end, xml_text, NULL, NULL };
  XmlState st = { s, g_string_new (NULL), NULL, NULL, NULL, NULL, FALSE, FALSE, FALSE };
  GMarkupParseContext *context;
  g_autoptr(GError) local = NULL;
  gboolean ok;

  context = g_markup_parse_context_new (&parser, G_MARKUP_TREAT_CDATA_AS_TEXT, &st, NULL);
  ok = g_markup_parse_context_parse (context, data, (gssize) length, &local) &&
       g_markup_parse_context_end_parse (context, &local);
  g_markup_parse_context_free (context);
  g_string_free (st.text, TRUE);
  g_free (st.day_date);
  g_free (st.room_name);
  g_clear_pointer (&st.event, sevent_free);
  if (st.person != NULL)
    sperson_free (st.person);

  if (!ok)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, "%s: %s", s->file, local->message);
      return FALSE;
    }
  if (!s->has_conference)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: <conference> is missing; this is not a frab or pretalx schedule"), s->file);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * Understanding the values
 */

/* "2020-12-14" of "2020-12-14" or "2020-12-14T09:00:00+01:00" */
static char *
date_part (const char *text)
{
  g_autofree char *d = NULL;

  if (text == NULL || strlen (text) < 10)
    return NULL;
  d = g_strndup (text, 10);
  return nrem_date_is_valid (d) ? g_steal_pointer (&d) : NULL;
}

/* minutes of "9:30", "09:30" or "09:30:00"; -1 otherwise */
static int
clock_minutes (const char *text)
{
  guint h = 0, m = 0, sec = 0;
  char tail = 0;
  int n;

  if (text == NULL)
    return -1;
  n = sscanf (text, "%2u:%2u:%2u%c", &h, &m, &sec, &tail);
  if (n < 2 || n > 3 || h > 23 || m > 59 || sec > 59)
    return -1;
  return (int) (h * 60 + m);
}

/* the wall-clock time of "2020-12-14T09:00:00+01:00": as written, before the offset */
static int
date_time_minutes (const char *text)
{
  if (text == NULL || strlen (text) < 16 || text[10] != 'T')
    return -1;
  {
    g_autofree char *hm = g_strndup (text + 11, 5);

    return clock_minutes (hm);
  }
}

/* "01:30", "1:30", "00:30:00", "1:02:30" (d:hh:mm in frab); -1 otherwise */
static int
duration_minutes (const char *text)
{
  guint a = 0, b = 0, c = 0;
  char tail = 0;
  int n;

  if (text == NULL)
    return -1;
  n = sscanf (text, "%u:%u:%u%c", &a, &b, &c, &tail);
  if (n == 2 && b < 60)
    return (int) (a * 60 + b);
  if (n == 3 && b < 60 && c < 60)
    return text[0] != '\0' && strlen (text) >= 8 ? (int) (a * 60 + b)   /* hh:mm:ss */
                                                 : (int) (a * 1440 + b * 60 + c);
  return -1;
}

static char *
lower_dashes (const char *text)
{
  char *s = g_ascii_strdown (text, -1);

  g_strdelimit (s, " _", '-');
  return s;
}

/* The kind of session an event is, from its type and its title. */
static const char *
guess_kind (const char *type,
            const char *title)
{
  static const struct { const char *word; const char *kind; } words[] = {
    { "opening", "opening" }, { "welcome", "opening" },
    { "closing", "closing" }, { "farewell", "closing" },
    { "break", "break" }, { "lunch", "break" }, { "coffee", "break" }, { "pause", "break" },
    { "working-group", "working-group" }, { "workshop", "working-group" },
    { "breakout", "working-group" }, { "hands-on", "working-group" },
    { "panel", "panel" }, { "discussion", "panel" },
    { "plenary", "plenary" }, { "keynote", "plenary" }, { "talk", "plenary" },
    { "lecture", "plenary" }, { "presentation", "plenary" },
  };
  g_autofree char *t = type ? lower_dashes (type) : NULL;
  g_autofree char *ti = title ? lower_dashes (title) : NULL;

  if (t != NULL && nrem_enum_contains (nrem_session_kinds, t))
    return g_intern_string (t);
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (t != NULL && strstr (t, words[i].word) != NULL)
      return words[i].kind;
  /* a "Talk" called "Lunch break" is a break */
  for (guint i = 0; i < 8; i++)
    if (ti != NULL && strstr (ti, words[i].word) != NULL)
      return words[i].kind;
  return NULL;
}

static char *
join_description (const SEvent *e)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();

  if (e->subtitle != NULL)
    g_ptr_array_add (parts, e->subtitle);
  if (e->abstract != NULL)
    g_ptr_array_add (parts, e->abstract);
  if (e->description != NULL && g_strcmp0 (e->description, e->abstract) != 0)
    g_ptr_array_add (parts, e->description);
  if (parts->len == 0)
    return NULL;
  g_ptr_array_add (parts, NULL);
  return g_strjoinv ("\n\n", (char **) parts->pdata);
}

/**
 * nrem_schedule_acronym:
 *
 * The acronym of a meeting in a schedule: lower case letters, digits and "_", at least four:
 * "Bangkok 2014" gives "bangkok2014".
 */
char *
nrem_schedule_acronym (const char *short_title,
                       const char *title)
{
  const char *from = short_title != NULL && short_title[0] != '\0' ? short_title : title;
  g_autofree char *ascii = NULL;
  GString *out = g_string_new (NULL);

  if (from != NULL)
    ascii = g_str_to_ascii (from, "C");
  for (const char *p = ascii; p != NULL && *p != '\0' && out->len < 40; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (out, g_ascii_tolower (*p));
    else if (*p == '_')
      g_string_append_c (out, '_');
  while (out->len < 4)
    g_string_append (out, out->len == 0 ? "meeting" : "_");
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------
 * Writing into the store
 */

typedef struct
{
  NremStore          *store;
  Sched              *s;
  NremScheduleReport *report;
  GHashTable         *by_name;     /* name key → participant uuid */
  GHashTable         *people;      /* person key → participant uuid, this import */
  GHashTable         *done;        /* session uuids written by this import */
  GTimeZone          *zone;
  char               *meeting;
  char               *acronym;
  guint               offset_mismatches;
  char               *offset_example;
} Apply;

static gboolean
values_differ (const NremRow      *row,
               const char * const *fields,
               const char * const *values)
{
  for (guint i = 0; fields[i] != NULL; i++)
    {
      const char *v = values[i] != NULL && values[i][0] != '\0' ? values[i] : NULL;

      if (g_strcmp0 (nrem_row_get (row, fields[i]), v) != 0)
        return TRUE;
    }
  return FALSE;
}

/* Creates, updates (only @fields) or brings back a record; returns whether it existed. */
static gboolean
upsert (NremStore           *store,
        NremEntityKind       kind,
        const char          *uuid,
        const char * const  *fields,
        const char * const  *values,
        gboolean            *existed,
        gboolean            *changed,
        GError             **error)
{
  g_autoptr(NremRow) previous = nrem_store_get_row (store, kind, uuid, NULL);

  *existed = previous != NULL && previous->deleted_at == 0;
  *changed = TRUE;
  if (previous == NULL)
    {
      g_autofree char *created = nrem_store_create (store, kind, uuid, fields, values, error);

      return created != NULL;
    }
  if (previous->deleted_at != 0 && !nrem_store_undelete (store, kind, uuid, error))
    return FALSE;
  if (!values_differ (previous, fields, values))
    {
      *changed = previous->deleted_at != 0;
      return TRUE;
    }
  return nrem_store_update (store, kind, uuid, fields, values, error);
}

static const char *
person_uuid (Apply         *a,
             const SPerson *p,
             GError       **error)
{
  g_autofree char *key = g_strdup_printf ("schedule-person:%s",
                                          p->guid ? p->guid : p->code ? p->code : p->name);
  g_autofree char *name_key = nrem_agenda_name_key (p->name);
  const char *found;
  g_autofree char *uuid = NULL;
  g_autoptr(NremRow) row = NULL;

  if ((found = g_hash_table_lookup (a->people, key)) != NULL)
    return found;

  /* one of ours, exported before */
  if (p->guid != NULL && nrem_uuid_is_valid (p->guid) &&
      (row = nrem_store_get_row (a->store, NREM_ENTITY_PARTICIPANT, p->guid, NULL)) != NULL &&
      row->deleted_at == 0)
    uuid = g_strdup (p->guid);
  g_clear_pointer (&row, nrem_row_free);

  if (uuid == NULL)
    {
      g_autofree char *derived = nrem_uuid_new_v5 (key);

      if ((row = nrem_store_get_row (a->store, NREM_ENTITY_PARTICIPANT, derived, NULL)) != NULL &&
          row->deleted_at == 0)
        uuid = g_steal_pointer (&derived);
      else if ((found = g_hash_table_lookup (a->by_name, name_key)) != NULL)
        {
          uuid = g_strdup (found);
          a->report->people_matched++;
        }
      else
        {
          const char *fields[] = { "name", NULL };
          const char *values[] = { p->name, NULL };
          gboolean existed, changed;

          if (!upsert (a->store, NREM_ENTITY_PARTICIPANT, derived, fields, values, &existed,
                       &changed, error))
            return NULL;
          a->report->people_created++;
          g_hash_table_insert (a->by_name, g_strdup (name_key), g_strdup (derived));
          uuid = g_steal_pointer (&derived);
        }
    }
  found = uuid;
  g_hash_table_insert (a->people, g_strdup (key), g_steal_pointer (&uuid));
  return found;
}

static void
check_offset (Apply      *a,
              SEvent     *e,
              const char *day,
              int         start)
{
  g_autoptr(GDateTime) written = NULL;
  g_autoptr(GDateTime) local = NULL;

  if (e->date == NULL || strlen (e->date) <= 19 || a->zone == NULL)
    return;
  written = g_date_time_new_from_iso8601 (e->date, NULL);
  local = nrem_agenda_local_date_time (a->zone, day, start);
  if (written == NULL || local == NULL)
    return;
  if (g_date_time_get_utc_offset (written) != g_date_time_get_utc_offset (local))
    {
      if (a->offset_mismatches++ == 0)
        a->offset_example = g_strdup (e->date + 19);
    }
}

static gboolean
apply_event (Apply   *a,
             SEvent  *e,
             GError **error)
{
  g_autofree char *day = date_part (e->date);
  g_autofree char *start_text = NULL;
  g_autofree char *end_text = NULL;
  g_autofree char *description = NULL;
  g_autofree char *speakers = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *key = NULL;
  g_autoptr(GPtrArray) people = g_ptr_array_new ();
  const char *label = e->title ? e->title : e->guid ? e->guid : e->id ? e->id : "?";
  const char *kind;
  int start, duration = -1;
  gboolean existed, changed;

  if (e->title == NULL)
    {
      say (a->report->skipped, _("%s: an event without a title, left out"), e->where);
      return TRUE;
    }
  if (day == NULL)
    day = date_part (e->day);
  if (day == NULL)
    {
      say (a->report->skipped, _("%s (“%s”): no date, left out"), e->where, label);
      return TRUE;
    }
  start = clock_minutes (e->start);
  if (start < 0)
    start = date_time_minutes (e->date);
  if (start < 0)
    {
      say (a->report->skipped, _("%s (“%s”): no start time, left out"), e->where, label);
      return TRUE;
    }
  start_text = nrem_agenda_format_clock (start);

  duration = duration_minutes (e->duration);
  if (duration < 0 && e->end != NULL)
    {
      g_autofree char *end_day = date_part (e->end);
      int end = date_time_minutes (e->end);
      int days = nrem_agenda_days_between (day, end_day);

      if (end >= 0 && days != G_MININT && days >= 0)
        duration = days * 1440 + end - start;
    }
  if (duration >= 24 * 60)
    {
      say (a->report->notes, _("%s (“%s”): lasts a day or more; its end was left empty"),
           e->where, label);
      duration = -1;
    }
  else if (duration < 0 && (e->duration != NULL || e->end != NULL))
    say (a->report->notes, _("%s (“%s”): the duration “%s” was not understood; its end was left empty"),
         e->where, label, e->duration ? e->duration : e->end);
  if (duration > 0)
    end_text = nrem_agenda_format_clock (start + duration);
  check_offset (a, e, day, start);

  /* identity: ours when it is one of ours, else derived from the file's */
  if (e->guid != NULL)
    {
      g_autoptr(NremRow) own = NULL;

      if (nrem_uuid_is_valid (e->guid) &&
          (own = nrem_store_get_row (a->store, NREM_ENTITY_SESSION, e->guid, NULL)) != NULL &&
          g_strcmp0 (nrem_row_get (own, "meeting"), a->meeting) == 0)
        uuid = g_strdup (e->guid);
      else
        key = g_strdup_printf ("schedule-event:%s", e->guid);
    }
  else if (e->id != NULL || e->code != NULL)
    key = g_strdup_printf ("schedule-event:%s:%s", a->acronym, e->id ? e->id : e->code);
  else
    {
      key = g_strdup_printf ("schedule-event:%s:%s:%s:%s:%s", a->acronym, day, start_text,
                             e->room ? e->room : "", e->title);
      say (a->report->notes, _("%s (“%s”): has neither guid nor id; it is known by its day, time, room and title"),
           e->where, label);
    }
  if (uuid == NULL)
    uuid = nrem_uuid_new_v5 (key);
  if (!g_hash_table_add (a->done, g_strdup (uuid)))
    {
      say (a->report->skipped, _("%s (“%s”): the same event as an earlier one (same guid or id), left out"),
           e->where, label);
      return TRUE;
    }

  for (guint i = 0; i < e->persons->len; i++)
    {
      const char *p = person_uuid (a, g_ptr_array_index (e->persons, i), error);

      if (p == NULL)
        return FALSE;
      g_ptr_array_add (people, (gpointer) p);
    }
  g_ptr_array_add (people, NULL);
  speakers = nrem_agenda_speakers_json ((const char * const *) people->pdata);
  description = join_description (e);
  kind = guess_kind (e->type, e->title);

  {
    const char *fields[] = { "meeting", "day", "start_time", "end_time", "title", "description",
                             "room", "speakers", "kind", NULL };
    const char *values[] = { a->meeting, day, start_text, end_text, e->title, description,
                             e->room, speakers, kind, NULL };

    /* an unknown type leaves the kind someone chose here */
    if (kind == NULL)
      fields[8] = NULL;
    if (!upsert (a->store, NREM_ENTITY_SESSION, uuid, fields, values, &existed, &changed, error))
      return FALSE;
  }
  if (!existed)
    a->report->sessions_added++;
  else if (changed)
    a->report->sessions_updated++;
  else
    a->report->sessions_unchanged++;
  return TRUE;
}

static char *
find_meeting (Apply *a)
{
  return nrem_uuid_new_v5_printf ("schedule:%s", a->acronym);
}

static void
replace_str (char       **field,
             const char  *value)
{
  g_free (*field);
  *field = g_strdup (value);
}

typedef struct
{
  const char *acronym;
  char       *found;
} AcronymSearch;

static gboolean
match_acronym_cb (const NremRow *row,
                  gpointer       user_data)
{
  AcronymSearch *search = user_data;
  g_autofree char *acronym = NULL;

  if (row->deleted_at != 0)
    return TRUE;
  acronym = nrem_schedule_acronym (nrem_row_get (row, "short_title"), nrem_row_get (row, "title"));
  if (strcmp (acronym, search->acronym) == 0)
    {
      search->found = g_strdup (row->uuid);
      return FALSE;
    }
  return TRUE;
}

static gboolean
apply (Apply   *a,
       GError **error)
{
  Sched *s = a->s;
  NremScheduleReport *report = a->report;
  g_autofree char *start = date_part (s->start);
  g_autofree char *end = date_part (s->end);
  g_autofree char *zone_name = NULL;
  g_autoptr(NremRow) meeting = NULL;
  const char *title = s->title ? s->title : s->acronym;

  if (title == NULL)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: the conference has neither title nor acronym"), s->file);
      return FALSE;
    }
  {
    g_autofree char *lower = s->acronym ? g_ascii_strdown (s->acronym, -1) : NULL;

    a->acronym = lower != NULL ? g_strdup (lower)
                               : nrem_schedule_acronym (NULL, s->url ? s->url : title);
  }

  /* which meeting: the one this file made before, or one of ours of the same acronym */
  a->meeting = find_meeting (a);
  meeting = nrem_store_get_row (a->store, NREM_ENTITY_MEETING, a->meeting, NULL);
  if (meeting == NULL)
    {
      AcronymSearch search = { a->acronym, NULL };

      nrem_store_foreach_row (a->store, NREM_ENTITY_MEETING, NULL, match_acronym_cb, &search, NULL);
      if (search.found != NULL)
        {
          g_free (a->meeting);
          a->meeting = search.found;
          meeting = nrem_store_get_row (a->store, NREM_ENTITY_MEETING, a->meeting, NULL);
        }
    }

  /* the time zone of the wall-clock times */
  if (s->time_zone != NULL && (a->zone = nrem_agenda_time_zone_new (s->time_zone)) != NULL)
    zone_name = g_strdup (s->time_zone);
  else
    {
      const char *kept = meeting ? nrem_row_get (meeting, "time_zone") : NULL;

      zone_name = g_strdup (kept ? kept : "UTC");
      a->zone = nrem_agenda_time_zone_new (zone_name);
      if (s->time_zone != NULL)
        say (report->notes, _("The time zone “%s” is not known here; the times were read as %s times"),
             s->time_zone, zone_name);
      else
        say (report->notes, _("The file names no time zone; the times were read as %s times"), zone_name);
    }

  /* the dates: the conference's, or those of its events */
  if (start == NULL || end == NULL)
    {
      for (guint i = 0; i < s->events->len; i++)
        {
          SEvent *e = g_ptr_array_index (s->events, i);
          g_autofree char *d = date_part (e->date);

          if (d == NULL)
            d = date_part (e->day);
          if (d == NULL)
            continue;
          if (start == NULL || strcmp (d, start) < 0)
            replace_str (&start, d);
          if (end == NULL || strcmp (d, end) > 0)
            replace_str (&end, d);
        }
      if (start == NULL && meeting != NULL)
        start = g_strdup (nrem_row_get (meeting, "start_date"));
      if (end == NULL && meeting != NULL)
        end = g_strdup (nrem_row_get (meeting, "end_date"));
      if (start == NULL || end == NULL)
        {
          g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                       _("%s: the conference has no start and end dates, and no event has a date"),
                       s->file);
          return FALSE;
        }
      say (report->notes, _("The conference’s dates were taken from its events: %s to %s"), start, end);
    }
  if (strcmp (end, start) < 0)
    {
      say (report->notes, _("The conference ends (%s) before it starts (%s); the end was set to the start"),
           end, start);
      replace_str (&end, start);
    }

  {
    const char *fields[] = { "title", "start_date", "end_date", "time_zone", NULL };
    const char *values[] = { title, start, end, zone_name, NULL };
    gboolean existed, changed;

    if (!upsert (a->store, NREM_ENTITY_MEETING, a->meeting, fields, values, &existed, &changed, error))
      return FALSE;
    report->meeting_created = !existed;
  }
  report->meeting_uuid = g_strdup (a->meeting);

  report->events = s->events->len;
  for (guint i = 0; i < s->events->len; i++)
    if (!apply_event (a, g_ptr_array_index (s->events, i), error))
      return FALSE;

  if (a->offset_mismatches > 0)
    say (report->notes,
         g_dngettext (GETTEXT_PACKAGE,
                      "%u event is dated with the offset %s, which is not that of %s on its day; its time was read as written",
                      "%u events are dated with the offset %s, which is not that of %s on their day; their times were read as written",
                      a->offset_mismatches),
         a->offset_mismatches, a->offset_example, zone_name);
  return TRUE;
}

void
nrem_schedule_report_clear (NremScheduleReport *report)
{
  g_clear_pointer (&report->meeting_uuid, g_free);
  g_clear_pointer (&report->skipped, g_ptr_array_unref);
  g_clear_pointer (&report->notes, g_ptr_array_unref);
  g_clear_pointer (&report->backup_path, g_free);
  memset (report, 0, sizeof *report);
}

/* What an import did, for people: a summary line, then what was left out and noted. */
char *
nrem_schedule_report_format (const NremScheduleReport *report)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
                          _("%u events read: %u sessions added, %u updated, %u unchanged; %u people found among the participants, %u added."),
                          report->events, report->sessions_added, report->sessions_updated,
                          report->sessions_unchanged, report->people_matched,
                          report->people_created);
  if (report->skipped != NULL && report->skipped->len > 0)
    {
      g_string_append_printf (out, "\n%s", _("Left out:"));
      for (guint i = 0; i < report->skipped->len; i++)
        g_string_append_printf (out, "\n  • %s", (char *) g_ptr_array_index (report->skipped, i));
    }
  if (report->notes != NULL && report->notes->len > 0)
    {
      g_string_append_printf (out, "\n%s", _("Read with care:"));
      for (guint i = 0; i < report->notes->len; i++)
        g_string_append_printf (out, "\n  • %s", (char *) g_ptr_array_index (report->notes, i));
    }
  return g_string_free (out, FALSE);
}

/**
 * nrem_schedule_import_bytes:
 * @backup: copy the database before writing
 * @report: (out caller-allocates): what was done, skipped and noted; cleared by the caller
 *
 * Reads a schedule (JSON or XML, told apart by its first character) and writes it as one
 * transaction, or not at all.
 */
gboolean
nrem_schedule_import_bytes (NremStore           *store,
                            GBytes              *bytes,
                            const char          *display_name,
                            gboolean             backup,
                            NremScheduleReport  *report,
                            GError             **error)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  const char *p = data;
  Sched s;
  Apply a = { 0 };
  gboolean ok;

  memset (report, 0, sizeof *report);
  report->skipped = g_ptr_array_new_with_free_func (g_free);
  report->notes = g_ptr_array_new_with_free_func (g_free);

  if (length > NREM_SCHEDULE_MAX_BYTES)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: too large for a schedule (more than %d MiB)"), display_name,
                   NREM_SCHEDULE_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (data == NULL || memchr (data, '\0', length) != NULL || !g_utf8_validate_len (data, length, NULL))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: not a text file in UTF-8"), display_name);
      return FALSE;
    }
  if (length >= 3 && memcmp (p, "\xef\xbb\xbf", 3) == 0)
    p += 3;
  while (p < data + length && g_ascii_isspace (*p))
    p++;

  sched_init (&s, display_name);
  if (p < data + length && *p == '{')
    ok = read_json (&s, p, length - (gsize) (p - data), error);
  else if (p < data + length && *p == '<')
    ok = read_xml (&s, p, length - (gsize) (p - data), error);
  else
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: neither a JSON nor an XML schedule"), display_name);
      ok = FALSE;
    }
  if (!ok)
    {
      sched_clear (&s);
      return FALSE;
    }
  /* what the readers left out comes first */
  g_ptr_array_extend_and_steal (report->skipped, g_steal_pointer (&s.skipped));
  g_ptr_array_extend_and_steal (report->notes, g_steal_pointer (&s.notes));
  s.skipped = g_ptr_array_new_with_free_func (g_free);
  s.notes = g_ptr_array_new_with_free_func (g_free);
  if (s.version == NULL)
    say (report->notes, _("The schedule has no version; read as version 1"));

  if (backup && !nrem_store_backup (store, "before-schedule", &report->backup_path, error))
    {
      sched_clear (&s);
      return FALSE;
    }
  if (!nrem_store_begin (store, error))
    {
      sched_clear (&s);
      return FALSE;
    }

  a.store = store;
  a.s = &s;
  a.report = report;
  a.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  a.done = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  a.by_name = nrem_store_agenda_people_by_name (store, error);
  ok = a.by_name != NULL && apply (&a, error);
  if (ok)
    ok = nrem_store_commit (store, error);
  else
    nrem_store_rollback (store);

  g_clear_pointer (&a.people, g_hash_table_unref);
  g_clear_pointer (&a.done, g_hash_table_unref);
  g_clear_pointer (&a.by_name, g_hash_table_unref);
  g_clear_pointer (&a.zone, g_time_zone_unref);
  g_free (a.meeting);
  g_free (a.acronym);
  g_free (a.offset_example);
  sched_clear (&s);
  if (!ok)
    {
      /* nothing was written: nothing to report but the error */
      g_clear_pointer (&report->meeting_uuid, g_free);
      report->sessions_added = report->sessions_updated = report->sessions_unchanged = 0;
      report->people_created = report->people_matched = 0;
    }
  return ok;
}

gboolean
nrem_schedule_import_file (NremStore           *store,
                           const char          *path,
                           gboolean             backup,
                           NremScheduleReport  *report,
                           GError             **error)
{
  g_autoptr(GError) local = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  GStatBuf st;

  memset (report, 0, sizeof *report);
  if (g_stat (path, &st) == 0 && st.st_size > NREM_SCHEDULE_MAX_BYTES)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: too large for a schedule (more than %d MiB)"), path,
                   NREM_SCHEDULE_MAX_BYTES / (1024 * 1024));
      return FALSE;
    }
  if (!g_file_get_contents (path, &contents, &length, &local))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return nrem_schedule_import_bytes (store, bytes, path, backup, report, error);
}

/* ------------------------------------------------------------------------------------------
 * Export
 */

typedef struct
{
  const NremRow *row;
  char          *room;
  gint64         id;
  int            start;
  int            duration;
} XEvent;

typedef struct
{
  NremRow    *meeting;
  GPtrArray  *rows;
  GHashTable *names;
  GTimeZone  *zone;
  char       *zone_name;     /* NULL when the schema's pattern refuses it */
  char       *acronym;
  char       *version;
  GArray     *events;        /* XEvent, in the order of the programme */
  GStrv       days;
  GPtrArray  *rooms;         /* names, first seen first */
} Export;

static void
xevent_clear (XEvent *e)
{
  g_free (e->room);
}

static void
export_clear (Export *x)
{
  g_clear_pointer (&x->meeting, nrem_row_free);
  g_clear_pointer (&x->rows, g_ptr_array_unref);
  g_clear_pointer (&x->names, g_hash_table_unref);
  g_clear_pointer (&x->zone, g_time_zone_unref);
  g_free (x->zone_name);
  g_free (x->acronym);
  g_free (x->version);
  g_clear_pointer (&x->events, g_array_unref);
  g_strfreev (x->days);
  g_clear_pointer (&x->rooms, g_ptr_array_unref);
}

static int
compare_strptr (gconstpointer a,
                gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static gboolean
export_prepare (Export      *x,
                NremStore   *store,
                const char  *meeting_uuid,
                GPtrArray   *skipped,
                GError     **error)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_direct_hash, g_direct_equal);
  g_autoptr(GHashTable) days = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) day_list = g_ptr_array_new ();
  gint64 latest;
  const char *tz;
  int span;

  memset (x, 0, sizeof *x);
  x->meeting = nrem_store_get_row (store, NREM_ENTITY_MEETING, meeting_uuid, NULL);
  if (x->meeting == NULL || x->meeting->deleted_at != 0)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                   _("There is no meeting with the uuid %s."), meeting_uuid);
      return FALSE;
    }
  x->rows = nrem_store_agenda_list_sessions (store, meeting_uuid, error);
  if (x->rows == NULL)
    return FALSE;
  x->names = nrem_store_agenda_people_names (store, meeting_uuid, error);
  if (x->names == NULL)
    return FALSE;

  tz = nrem_row_get (x->meeting, "time_zone");
  x->zone = nrem_agenda_time_zone_new (tz);
  if (x->zone == NULL)
    {
      x->zone = g_time_zone_new_utc ();
      tz = "UTC";
    }
  if (g_regex_match_simple ("^([A-Z][a-z]+/[A-Z][a-z]+)|UTC$", tz, 0, 0))
    x->zone_name = g_strdup (tz);
  x->acronym = nrem_schedule_acronym (nrem_row_get (x->meeting, "short_title"),
                                      nrem_row_get (x->meeting, "title"));

  latest = x->meeting->updated_at;
  x->events = g_array_new (FALSE, TRUE, sizeof (XEvent));
  g_array_set_clear_func (x->events, (GDestroyNotify) xevent_clear);
  x->rooms = g_ptr_array_new_with_free_func (g_free);

  span = nrem_agenda_days_between (nrem_row_get (x->meeting, "start_date"),
                                   nrem_row_get (x->meeting, "end_date"));
  for (int i = 0; span != G_MININT && i <= MIN (span, 366); i++)
    g_hash_table_add (days, nrem_agenda_date_add_days (nrem_row_get (x->meeting, "start_date"), i));

  for (guint i = 0; i < x->rows->len; i++)
    {
      const NremRow *row = g_ptr_array_index (x->rows, i);
      XEvent e = { row, NULL, 0, 0, 0 };
      const char *room = nrem_row_get (row, "room");
      guint64 hash;

      latest = MAX (latest, row->updated_at);
      e.start = nrem_agenda_parse_clock (nrem_row_get (row, "start_time"));
      if (e.start < 0 || !nrem_date_is_valid (nrem_row_get (row, "day")))
        {
          if (skipped != NULL)
            g_ptr_array_add (skipped, g_strdup_printf (_("“%s” (%s) has no start time: a schedule cannot place it"),
                                                       nrem_row_get (row, "title"),
                                                       nrem_row_get (row, "day")));
          continue;
        }
      e.duration = MAX (0, nrem_agenda_duration (nrem_row_get (row, "start_time"),
                                                 nrem_row_get (row, "end_time")));
      e.room = g_strdup (room ? room : "");
      if (!g_ptr_array_find_with_equal_func (x->rooms, e.room, g_str_equal, NULL))
        g_ptr_array_add (x->rooms, g_strdup (e.room));

      /* a stable number from the uuid, unique in the file */
      hash = g_ascii_strtoull (row->uuid, NULL, 16);
      e.id = (gint64) (hash % 2000000000u) + 1;
      while (g_hash_table_contains (ids, GSIZE_TO_POINTER ((gsize) e.id)))
        e.id++;
      g_hash_table_add (ids, GSIZE_TO_POINTER ((gsize) e.id));
      g_array_append_val (x->events, e);
      if (!g_hash_table_contains (days, nrem_row_get (row, "day")))
        g_hash_table_add (days, g_strdup (nrem_row_get (row, "day")));
    }

  {
    GHashTableIter iter;
    gpointer key;
    GStrvBuilder *builder = g_strv_builder_new ();

    g_hash_table_iter_init (&iter, days);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (day_list, key);
    g_ptr_array_sort (day_list, compare_strptr);
    for (guint i = 0; i < day_list->len; i++)
      g_strv_builder_add (builder, g_ptr_array_index (day_list, i));
    x->days = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
  }
  x->version = nrem_time_format_ms (latest);
  return TRUE;
}

/* "2014-05-21T09:30:00+07:00" */
static char *
export_date_time (Export     *x,
                  const char *day,
                  int         minutes)
{
  g_autoptr(GDateTime) dt = NULL;
  g_autofree char *next = NULL;

  if (minutes >= 24 * 60)
    {
      next = nrem_agenda_date_add_days (day, minutes / (24 * 60));
      day = next;
      minutes %= 24 * 60;
    }
  dt = nrem_agenda_local_date_time (x->zone, day, minutes);
  if (dt == NULL)
    return g_strdup ("");
  return g_date_time_format (dt, "%Y-%m-%dT%H:%M:%S%:z");
}

static char *
duration_text (int minutes)
{
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

static char *
slug_for (Export       *x,
          const XEvent *e)
{
  g_autofree char *ascii = g_str_to_ascii (nrem_row_get (e->row, "title") ? nrem_row_get (e->row, "title") : "", "C");
  GString *words = g_string_new (NULL);
  g_autofree char *tail = NULL;

  for (const char *p = ascii; *p != '\0' && words->len < 60; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (words, g_ascii_tolower (*p));
    else if (words->len > 0 && words->str[words->len - 1] != '-')
      g_string_append_c (words, '-');
  while (words->len > 0 && words->str[words->len - 1] == '-')
    g_string_truncate (words, words->len - 1);
  if (words->len < 4)
    g_string_assign (words, "session");
  tail = g_string_free (words, FALSE);
  return g_strdup_printf ("%s-%" G_GINT64_FORMAT "-%s", x->acronym, e->id, tail);
}

static char **
speakers_of (const XEvent *e)
{
  return nrem_agenda_speakers_parse (nrem_row_get (e->row, "speakers"));
}

static const char *
type_of (const XEvent *e)
{
  const char *kind = nrem_row_get (e->row, "kind");

  return kind != NULL ? kind : "other";
}

static GBytes *
export_json (Export *x)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  char *text;
  gsize length;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "$schema");
  json_builder_add_string_value (b, "https://c3voc.de/schedule/schema.json");
  json_builder_set_member_name (b, "generator");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, "NREM Desk");
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, PACKAGE_VERSION);
  json_builder_end_object (b);

  json_builder_set_member_name (b, "schedule");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "version");
  json_builder_add_string_value (b, x->version);
  json_builder_set_member_name (b, "conference");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "acronym");
  json_builder_add_string_value (b, x->acronym);
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, nrem_row_get (x->meeting, "title"));
  json_builder_set_member_name (b, "start");
  json_builder_add_string_value (b, nrem_row_get (x->meeting, "start_date"));
  json_builder_set_member_name (b, "end");
  json_builder_add_string_value (b, nrem_row_get (x->meeting, "end_date"));
  json_builder_set_member_name (b, "daysCount");
  json_builder_add_int_value (b, g_strv_length (x->days));
  json_builder_set_member_name (b, "timeslot_duration");
  json_builder_add_string_value (b, "00:05");
  if (x->zone_name != NULL)
    {
      json_builder_set_member_name (b, "time_zone_name");
      json_builder_add_string_value (b, x->zone_name);
    }
  json_builder_set_member_name (b, "rooms");
  json_builder_begin_array (b);
  for (guint i = 0; i < x->rooms->len; i++)
    {
      const char *room = g_ptr_array_index (x->rooms, i);
      g_autofree char *guid = nrem_uuid_new_v5_printf ("schedule-room:%s:%s",
                                                       x->meeting->uuid, room);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "name");
      json_builder_add_string_value (b, room);
      json_builder_set_member_name (b, "guid");
      json_builder_add_string_value (b, guid);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);

  json_builder_set_member_name (b, "days");
  json_builder_begin_array (b);
  for (guint d = 0; x->days[d] != NULL; d++)
    {
      const char *day = x->days[d];
      g_autofree char *day_start = export_date_time (x, day, 0);
      g_autofree char *day_end = export_date_time (x, day, 23 * 60 + 59);

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "index");
      json_builder_add_int_value (b, d + 1);
      json_builder_set_member_name (b, "date");
      json_builder_add_string_value (b, day);
      json_builder_set_member_name (b, "day_start");
      json_builder_add_string_value (b, day_start);
      json_builder_set_member_name (b, "day_end");
      json_builder_add_string_value (b, day_end);
      json_builder_set_member_name (b, "rooms");
      json_builder_begin_object (b);
      for (guint r = 0; r < x->rooms->len; r++)
        {
          const char *room = g_ptr_array_index (x->rooms, r);
          gboolean any = FALSE;

          for (guint i = 0; i < x->events->len; i++)
            {
              XEvent *e = &g_array_index (x->events, XEvent, i);
              g_autofree char *date = NULL;
              g_autofree char *end = NULL;
              g_autofree char *duration = NULL;
              g_autofree char *slug = NULL;
              g_autofree char *url = NULL;
              g_auto(GStrv) speakers = NULL;
              const char *description = nrem_row_get (e->row, "description");

              if (strcmp (e->room, room) != 0 || g_strcmp0 (nrem_row_get (e->row, "day"), day) != 0)
                continue;
              if (!any)
                {
                  json_builder_set_member_name (b, room);
                  json_builder_begin_array (b);
                  any = TRUE;
                }
              date = export_date_time (x, day, e->start);
              end = export_date_time (x, day, e->start + e->duration);
              duration = duration_text (e->duration);
              slug = slug_for (x, e);
              url = g_strdup_printf ("urn:uuid:%s", e->row->uuid);
              speakers = speakers_of (e);

              json_builder_begin_object (b);
              json_builder_set_member_name (b, "id");
              json_builder_add_int_value (b, e->id);
              json_builder_set_member_name (b, "guid");
              json_builder_add_string_value (b, e->row->uuid);
              json_builder_set_member_name (b, "date");
              json_builder_add_string_value (b, date);
              json_builder_set_member_name (b, "start");
              json_builder_add_string_value (b, nrem_row_get (e->row, "start_time"));
              json_builder_set_member_name (b, "end");
              json_builder_add_string_value (b, end);
              json_builder_set_member_name (b, "duration");
              json_builder_add_string_value (b, duration);
              json_builder_set_member_name (b, "room");
              json_builder_add_string_value (b, room);
              json_builder_set_member_name (b, "slug");
              json_builder_add_string_value (b, slug);
              json_builder_set_member_name (b, "url");
              json_builder_add_string_value (b, url);
              json_builder_set_member_name (b, "title");
              json_builder_add_string_value (b, nrem_row_get (e->row, "title"));
              json_builder_set_member_name (b, "subtitle");
              json_builder_add_string_value (b, "");
              json_builder_set_member_name (b, "track");
              json_builder_add_null_value (b);
              json_builder_set_member_name (b, "type");
              json_builder_add_string_value (b, type_of (e));
              json_builder_set_member_name (b, "language");
              json_builder_add_null_value (b);
              json_builder_set_member_name (b, "abstract");
              json_builder_add_string_value (b, description ? description : "");
              json_builder_set_member_name (b, "description");
              json_builder_add_null_value (b);
              json_builder_set_member_name (b, "persons");
              json_builder_begin_array (b);
              for (guint p = 0; speakers[p] != NULL; p++)
                {
                  const char *name = g_hash_table_lookup (x->names, speakers[p]);

                  if (name == NULL)
                    continue;
                  /* name and guid only: no contact details leave with a schedule */
                  json_builder_begin_object (b);
                  json_builder_set_member_name (b, "name");
                  json_builder_add_string_value (b, name);
                  json_builder_set_member_name (b, "guid");
                  json_builder_add_string_value (b, speakers[p]);
                  json_builder_end_object (b);
                }
              json_builder_end_array (b);
              json_builder_set_member_name (b, "links");
              json_builder_begin_array (b);
              json_builder_end_array (b);
              json_builder_end_object (b);
            }
          if (any)
            json_builder_end_array (b);
        }
      json_builder_end_object (b);
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);   /* conference */
  json_builder_end_object (b);   /* schedule */
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_data (gen, &length);
  text = g_realloc (text, length + 2);
  text[length] = '\n';
  text[length + 1] = '\0';
  return g_bytes_new_take (text, length + 1);
}

/* XML 1.0 text: escaped, without the control characters it cannot carry */
static void
xml_append (GString    *out,
            const char *text)
{
  g_autofree char *cleaned = NULL;
  g_autofree char *escaped = NULL;
  GString *c = g_string_new (NULL);

  for (const char *p = text ? text : ""; *p != '\0'; p++)
    if ((guchar) *p >= 0x20 || *p == '\n' || *p == '\t' || *p == '\r')
      g_string_append_c (c, *p);
  cleaned = g_string_free (c, FALSE);
  escaped = g_markup_escape_text (cleaned, -1);
  g_string_append (out, escaped);
}

static void
xml_element (GString    *out,
             const char *indent,
             const char *name,
             const char *text)
{
  g_string_append_printf (out, "%s<%s>", indent, name);
  xml_append (out, text);
  g_string_append_printf (out, "</%s>\n", name);
}

static GBytes *
export_xml (Export *x)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<schedule>\n");
  g_autofree char *n_days = g_strdup_printf ("%u", g_strv_length (x->days));
  gsize length;

  g_string_append_printf (out, "  <generator name=\"NREM Desk\" version=\"%s\"/>\n", PACKAGE_VERSION);
  xml_element (out, "  ", "version", x->version);
  g_string_append (out, "  <conference>\n");
  xml_element (out, "    ", "title", nrem_row_get (x->meeting, "title"));
  xml_element (out, "    ", "acronym", x->acronym);
  xml_element (out, "    ", "start", nrem_row_get (x->meeting, "start_date"));
  xml_element (out, "    ", "end", nrem_row_get (x->meeting, "end_date"));
  xml_element (out, "    ", "days", n_days);
  xml_element (out, "    ", "timeslot_duration", "00:05");
  if (x->zone_name != NULL)
    xml_element (out, "    ", "time_zone_name", x->zone_name);
  g_string_append (out, "  </conference>\n");

  for (guint d = 0; x->days[d] != NULL; d++)
    {
      const char *day = x->days[d];
      g_autofree char *day_start = export_date_time (x, day, 0);
      g_autofree char *day_end = export_date_time (x, day, 23 * 60 + 59);

      g_string_append_printf (out, "  <day index=\"%u\" date=\"%s\" start=\"%s\" end=\"%s\">\n",
                              d + 1, day, day_start, day_end);
      for (guint r = 0; r < x->rooms->len; r++)
        {
          const char *room = g_ptr_array_index (x->rooms, r);
          g_autofree char *guid = nrem_uuid_new_v5_printf ("schedule-room:%s:%s",
                                                           x->meeting->uuid, room);
          gboolean any = FALSE;

          for (guint i = 0; i < x->events->len; i++)
            {
              XEvent *e = &g_array_index (x->events, XEvent, i);
              g_autofree char *date = NULL;
              g_autofree char *duration = NULL;
              g_autofree char *slug = NULL;
              g_auto(GStrv) speakers = NULL;

              if (strcmp (e->room, room) != 0 || g_strcmp0 (nrem_row_get (e->row, "day"), day) != 0)
                continue;
              if (!any)
                {
                  g_string_append (out, "    <room name=\"");
                  xml_append (out, room);
                  g_string_append_printf (out, "\" guid=\"%s\">\n", guid);
                  any = TRUE;
                }
              date = export_date_time (x, day, e->start);
              duration = duration_text (e->duration);
              slug = slug_for (x, e);
              speakers = speakers_of (e);

              g_string_append_printf (out, "      <event guid=\"%s\" id=\"%" G_GINT64_FORMAT "\">\n",
                                      e->row->uuid, e->id);
              xml_element (out, "        ", "date", date);
              xml_element (out, "        ", "start", nrem_row_get (e->row, "start_time"));
              xml_element (out, "        ", "duration", duration);
              xml_element (out, "        ", "room", room);
              xml_element (out, "        ", "slug", slug);
              xml_element (out, "        ", "title", nrem_row_get (e->row, "title"));
              xml_element (out, "        ", "subtitle", "");
              xml_element (out, "        ", "track", "");
              xml_element (out, "        ", "type", type_of (e));
              xml_element (out, "        ", "abstract", nrem_row_get (e->row, "description"));
              g_string_append (out, "        <persons>\n");
              for (guint p = 0; speakers[p] != NULL; p++)
                {
                  const char *name = g_hash_table_lookup (x->names, speakers[p]);

                  if (name == NULL)
                    continue;
                  g_string_append_printf (out, "          <person guid=\"%s\">", speakers[p]);
                  xml_append (out, name);
                  g_string_append (out, "</person>\n");
                }
              g_string_append (out, "        </persons>\n");
              g_string_append (out, "      </event>\n");
            }
          if (any)
            g_string_append (out, "    </room>\n");
        }
      g_string_append (out, "  </day>\n");
    }
  g_string_append (out, "</schedule>\n");
  length = out->len;
  return g_bytes_new_take (g_string_free (out, FALSE), length);
}

/**
 * nrem_schedule_export:
 * @skipped: (nullable) (element-type utf8): where to say which sessions could not be placed
 *
 * The meeting's programme as a schedule: the schema's JSON or XML; persons by name and guid
 * only, never their contact details.
 */
GBytes *
nrem_schedule_export (NremStore           *store,
                      const char          *meeting_uuid,
                      NremScheduleFormat   format,
                      GPtrArray           *skipped,
                      GError             **error)
{
  Export x;
  GBytes *bytes;

  if (!export_prepare (&x, store, meeting_uuid, skipped, error))
    {
      export_clear (&x);
      return NULL;
    }
  bytes = format == NREM_SCHEDULE_FORMAT_XML ? export_xml (&x) : export_json (&x);
  export_clear (&x);
  return bytes;
}

gboolean
nrem_schedule_format_for_path (const char         *path,
                               NremScheduleFormat *format)
{
  g_autofree char *lower = g_ascii_strdown (path, -1);

  if (g_str_has_suffix (lower, ".json"))
    *format = NREM_SCHEDULE_FORMAT_JSON;
  else if (g_str_has_suffix (lower, ".xml"))
    *format = NREM_SCHEDULE_FORMAT_XML;
  else
    return FALSE;
  return TRUE;
}

/**
 * nrem_agenda_write_file:
 *
 * Writes @bytes to @path atomically (a temporary file renamed over it), mode 0644 as any
 * document the user saves.
 */
gboolean
nrem_agenda_write_file (const char  *path,
                        GBytes      *bytes,
                        GError     **error)
{
  g_autoptr(GError) local = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (!g_file_set_contents_full (path, data ? data : "", (gssize) length,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, "%s", local->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
nrem_schedule_export_to_file (NremStore   *store,
                              const char  *meeting_uuid,
                              const char  *path,
                              GPtrArray   *skipped,
                              GError     **error)
{
  NremScheduleFormat format;
  g_autoptr(GBytes) bytes = NULL;

  if (!nrem_schedule_format_for_path (path, &format))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED,
                   _("%s: name the file .json or .xml to choose the schedule’s format"), path);
      return FALSE;
    }
  bytes = nrem_schedule_export (store, meeting_uuid, format, skipped, error);
  return bytes != NULL && nrem_agenda_write_file (path, bytes, error);
}
