/* nrem-time.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-time.h"

#include <string.h>

gint64
nrem_time_now_ms (void)
{
  return g_get_real_time () / 1000;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar. */
static gint64
days_from_civil (gint64 y,
                 guint  m,
                 guint  d)
{
  gint64 era;
  guint yoe, doy, doe;

  y -= m <= 2;
  era = (y >= 0 ? y : y - 399) / 400;
  yoe = (guint) (y - era * 400);
  doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + (gint64) doe - 719468;
}

static void
civil_from_days (gint64  z,
                 gint64 *y,
                 guint  *m,
                 guint  *d)
{
  gint64 era;
  guint doe, yoe, doy, mp;

  z += 719468;
  era = (z >= 0 ? z : z - 146096) / 146097;
  doe = (guint) (z - era * 146097);
  yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  *y = (gint64) yoe + era * 400;
  doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y += *m <= 2;
}

void
nrem_time_format_ms_buf (gint64 ms,
                         char   buf[32])
{
  gint64 days = ms >= 0 ? ms / 86400000 : -((-ms + 86399999) / 86400000);
  gint64 rem = ms - days * 86400000;
  gint64 y;
  guint m, d;

  civil_from_days (days, &y, &m, &d);
  g_snprintf (buf, 32, "%04" G_GINT64_FORMAT "-%02u-%02uT%02u:%02u:%02u.%03uZ",
              y, m, d,
              (guint) (rem / 3600000), (guint) (rem / 60000 % 60),
              (guint) (rem / 1000 % 60), (guint) (rem % 1000));
}

char *
nrem_time_format_ms (gint64 ms)
{
  char buf[32];

  nrem_time_format_ms_buf (ms, buf);
  return g_strdup (buf);
}

static gboolean
digits (const char *s,
        guint       n,
        guint      *out)
{
  guint v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (s[i] < '0' || s[i] > '9')
        return FALSE;
      v = v * 10 + (guint) (s[i] - '0');
    }
  *out = v;
  return TRUE;
}

static guint
days_in_month (guint y,
               guint m)
{
  static const guint dim[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return dim[m - 1];
}

static gboolean
parse_date (const char *s,
            guint      *y,
            guint      *m,
            guint      *d)
{
  if (!digits (s, 4, y) || s[4] != '-' || !digits (s + 5, 2, m) || s[7] != '-' ||
      !digits (s + 8, 2, d))
    return FALSE;
  if (*y < 1 || *m < 1 || *m > 12 || *d < 1 || *d > days_in_month (*y, *m))
    return FALSE;
  return TRUE;
}

gboolean
nrem_date_is_valid (const char *str)
{
  guint y, m, d;

  return str != NULL && strlen (str) == 10 && parse_date (str, &y, &m, &d);
}

gboolean
nrem_clock_time_is_valid (const char *str)
{
  guint h, mi;

  return str != NULL && strlen (str) == 5 && digits (str, 2, &h) && str[2] == ':' &&
         digits (str + 3, 2, &mi) && h < 24 && mi < 60;
}

/* Strict RFC 3339 UTC with milliseconds: YYYY-MM-DDTHH:MM:SS.mmmZ, as the format writes it. */
gboolean
nrem_time_parse_ms (const char *str,
                    gint64     *out_ms)
{
  guint y, mo, d, h, mi, s, ms;

  if (str == NULL || strlen (str) != 24)
    return FALSE;
  if (!parse_date (str, &y, &mo, &d) || str[10] != 'T' ||
      !digits (str + 11, 2, &h) || str[13] != ':' ||
      !digits (str + 14, 2, &mi) || str[16] != ':' ||
      !digits (str + 17, 2, &s) || str[19] != '.' ||
      !digits (str + 20, 3, &ms) || str[23] != 'Z')
    return FALSE;
  if (h > 23 || mi > 59 || s > 59)
    return FALSE;

  *out_ms = ((days_from_civil (y, mo, d) * 24 + h) * 60 + mi) * 60000 + s * 1000 + ms;
  return TRUE;
}
