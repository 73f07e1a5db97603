/* nrem-agenda-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-agenda-time.h"
#include "nrem-time.h"

#include <glib/gi18n.h>
#include <string.h>

/**
 * nrem_agenda_parse_clock:
 *
 * Returns: the minutes since midnight of "HH:MM", or %NREM_AGENDA_NO_TIME
 */
int
nrem_agenda_parse_clock (const char *text)
{
  if (!nrem_clock_time_is_valid (text))
    return NREM_AGENDA_NO_TIME;
  return ((text[0] - '0') * 10 + (text[1] - '0')) * 60 + (text[3] - '0') * 10 + (text[4] - '0');
}

char *
nrem_agenda_format_clock (int minutes)
{
  if (minutes < 0)
    return NULL;
  minutes %= 24 * 60;
  return g_strdup_printf ("%02d:%02d", minutes / 60, minutes % 60);
}

gboolean
nrem_agenda_parse_date (const char *text,
                        GDate      *date)
{
  g_date_clear (date, 1);
  if (!nrem_date_is_valid (text))
    return FALSE;
  g_date_set_dmy (date,
                  (GDateDay) ((text[8] - '0') * 10 + (text[9] - '0')),
                  (GDateMonth) ((text[5] - '0') * 10 + (text[6] - '0')),
                  (GDateYear) g_ascii_strtoull (text, NULL, 10));
  return g_date_valid (date);
}

char *
nrem_agenda_date_add_days (const char *date,
                           int         days)
{
  GDate d;

  if (!nrem_agenda_parse_date (date, &d))
    return NULL;
  if (days >= 0)
    g_date_add_days (&d, (guint) days);
  else
    g_date_subtract_days (&d, (guint) -days);
  return g_strdup_printf ("%04u-%02u-%02u", g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d));
}

/* Days from @from to @to (negative when @to comes first); G_MININT when either is no date. */
int
nrem_agenda_days_between (const char *from,
                          const char *to)
{
  GDate a, b;

  if (!nrem_agenda_parse_date (from, &a) || !nrem_agenda_parse_date (to, &b))
    return G_MININT;
  return g_date_days_between (&a, &b);
}

/* A zone GLib knows by its identifier, or %NULL (GLib falls back to UTC silently otherwise). */
GTimeZone *
nrem_agenda_time_zone_new (const char *identifier)
{
  if (identifier == NULL || identifier[0] == '\0')
    return NULL;
  return g_time_zone_new_identifier (identifier);
}

GDateTime *
nrem_agenda_local_date_time (GTimeZone  *zone,
                             const char *date,
                             int         minutes)
{
  GDate d;

  if (zone == NULL || !nrem_agenda_parse_date (date, &d) || minutes < 0)
    return NULL;
  return g_date_time_new (zone, g_date_get_year (&d), g_date_get_month (&d),
                          g_date_get_day (&d), minutes / 60, minutes % 60, 0);
}

/**
 * nrem_agenda_zone_label:
 * @date: (nullable): the day whose offset to give (a zone may change it in summer)
 *
 * "Bangkok time, UTC+07:00"; "UTC"; "America/Argentina/Buenos_Aires" gives "Buenos Aires time".
 */
char *
nrem_agenda_zone_label (const char *identifier,
                        const char *date)
{
  g_autoptr(GTimeZone) zone = nrem_agenda_time_zone_new (identifier);
  g_autoptr(GDateTime) at = NULL;
  g_autofree char *offset = NULL;
  g_autofree char *city = NULL;
  const char *slash;

  if (zone == NULL)
    return g_strdup_printf (_("Unknown time zone “%s”"), identifier ? identifier : "");

  at = nrem_agenda_local_date_time (zone, date, 12 * 60);
  if (at == NULL)
    at = g_date_time_new_now (zone);
  offset = g_date_time_format (at, "%:z");

  if (g_strcmp0 (identifier, "UTC") == 0 || g_strcmp0 (identifier, "Etc/UTC") == 0)
    return g_strdup ("UTC");

  slash = strrchr (identifier, '/');
  city = g_strdup (slash != NULL ? slash + 1 : identifier);
  g_strdelimit (city, "_", ' ');
  /* TRANSLATORS: "Bangkok time, UTC+07:00" */
  return g_strdup_printf (_("%s time, UTC%s"), city, offset);
}

static GDateTime *
date_time_of (const char *date)
{
  GDate d;

  if (!nrem_agenda_parse_date (date, &d))
    return NULL;
  return g_date_time_new_utc (g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d),
                              12, 0, 0);
}

/* "Wednesday 21 May" */
char *
nrem_agenda_day_label (const char *date)
{
  g_autoptr(GDateTime) dt = date_time_of (date);

  if (dt == NULL)
    return g_strdup (date ? date : "");
  /* TRANSLATORS: a day of the programme, see strftime */
  return g_date_time_format (dt, _("%A %-d %B"));
}

/* "Wednesday 21 May 2014" */
char *
nrem_agenda_day_label_long (const char *date)
{
  g_autoptr(GDateTime) dt = date_time_of (date);

  if (dt == NULL)
    return g_strdup (date ? date : "");
  /* TRANSLATORS: a day of the programme with its year, see strftime */
  return g_date_time_format (dt, _("%A %-d %B %Y"));
}

/* "Wed 21" */
char *
nrem_agenda_day_label_short (const char *date)
{
  g_autoptr(GDateTime) dt = date_time_of (date);

  if (dt == NULL)
    return g_strdup (date ? date : "");
  /* TRANSLATORS: a day on the day selector, see strftime */
  return g_date_time_format (dt, _("%a %-d"));
}

/* "09:30–10:30", "09:30", or "" */
char *
nrem_agenda_time_range_label (const char *start_time,
                              const char *end_time)
{
  gboolean has_start = nrem_clock_time_is_valid (start_time);
  gboolean has_end = nrem_clock_time_is_valid (end_time);

  if (has_start && has_end)
    return g_strdup_printf ("%s–%s", start_time, end_time);
  if (has_start)
    return g_strdup (start_time);
  if (has_end)
    /* TRANSLATORS: a session that has an end time and no start time */
    return g_strdup_printf (_("until %s"), end_time);
  return g_strdup ("");
}

/* Minutes from start to end; an end before the start is on the next day. -1 when unknown. */
int
nrem_agenda_duration (const char *start_time,
                      const char *end_time)
{
  int start = nrem_agenda_parse_clock (start_time);
  int end = nrem_agenda_parse_clock (end_time);

  if (start < 0 || end < 0)
    return -1;
  if (end < start)
    end += 24 * 60;
  return end - start;
}
