/* nrem-uuid.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-uuid.h"

#include <string.h>

/* Lowercase, canonical 8-4-4-4-12 form only: the exchange format compares uuids as bytes. */
gboolean
nrem_uuid_is_valid (const char *str)
{
  if (str == NULL || strlen (str) != 36)
    return FALSE;

  for (guint i = 0; i < 36; i++)
    {
      char c = str[i];

      if (i == 8 || i == 13 || i == 18 || i == 23)
        {
          if (c != '-')
            return FALSE;
        }
      else if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
        return FALSE;
    }

  return TRUE;
}

char *
nrem_uuid_new_v4 (void)
{
  return g_uuid_string_random ();
}

static gboolean
parse_uuid (const char *str,
            guint8      out[16])
{
  guint j = 0;

  for (guint i = 0; str[i] != '\0' && j < 16; i++)
    {
      int hi, lo;

      if (str[i] == '-')
        continue;
      hi = g_ascii_xdigit_value (str[i]);
      lo = g_ascii_xdigit_value (str[i + 1]);
      if (hi < 0 || lo < 0)
        return FALSE;
      out[j++] = (guint8) (hi << 4 | lo);
      i++;
    }

  return j == 16;
}

char *
nrem_uuid_new_v5 (const char *name)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 ns[16];
  guint8 digest[20];
  gsize len = sizeof digest;

  g_return_val_if_fail (name != NULL, NULL);

  if (!parse_uuid (NREM_UUID_NAMESPACE, ns))
    g_assert_not_reached ();

  g_checksum_update (sha1, ns, sizeof ns);
  g_checksum_update (sha1, (const guchar *) name, strlen (name));
  g_checksum_get_digest (sha1, digest, &len);

  digest[6] = (digest[6] & 0x0f) | 0x50;
  digest[8] = (digest[8] & 0x3f) | 0x80;

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3],
                          digest[4], digest[5], digest[6], digest[7],
                          digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

char *
nrem_uuid_new_v5_printf (const char *format,
                         ...)
{
  g_autofree char *name = NULL;
  va_list args;

  va_start (args, format);
  name = g_strdup_vprintf (format, args);
  va_end (args);

  return nrem_uuid_new_v5 (name);
}
