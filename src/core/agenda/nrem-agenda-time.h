/* nrem-agenda-time.h
 *
 * The clock of a meeting's programme. A session's times are wall-clock times of the meeting's
 * own time zone ("2014-05-21" + "09:30" in Asia/Bangkok): they are shown as stored, whatever
 * the computer's zone, and converted only to compare with the present or to write UTC.
 * Plain functions, tested without a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define NREM_AGENDA_NO_TIME (-1)

int        nrem_agenda_parse_clock      (const char  *text);
char      *nrem_agenda_format_clock     (int          minutes);
gboolean   nrem_agenda_parse_date       (const char  *text,
                                         GDate       *date);
char      *nrem_agenda_date_add_days    (const char  *date,
                                         int          days);
int        nrem_agenda_days_between     (const char  *from,
                                         const char  *to);
GTimeZone *nrem_agenda_time_zone_new    (const char  *identifier);
GDateTime *nrem_agenda_local_date_time  (GTimeZone   *zone,
                                         const char  *date,
                                         int          minutes);
char      *nrem_agenda_zone_label       (const char  *identifier,
                                         const char  *date);
char      *nrem_agenda_day_label        (const char  *date);
char      *nrem_agenda_day_label_long   (const char  *date);
char      *nrem_agenda_day_label_short  (const char  *date);
char      *nrem_agenda_time_range_label (const char  *start_time,
                                         const char  *end_time);
int        nrem_agenda_duration         (const char  *start_time,
                                         const char  *end_time);

G_END_DECLS
