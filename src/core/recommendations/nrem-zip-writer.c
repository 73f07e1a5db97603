/* nrem-zip-writer.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-zip-writer.h"

#include <string.h>

typedef struct
{
  char    *name;
  guint32  crc;
  guint32  size;
  guint32  offset;
} Entry;

struct _NremZipWriter
{
  GByteArray *out;
  GArray     *entries;
  guint16     dos_time;
  guint16     dos_date;
};

static guint32 crc_table[256];

static void
init_crc_table (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      for (guint32 n = 0; n < 256; n++)
        {
          guint32 c = n;

          for (int k = 0; k < 8; k++)
            c = (c & 1) ? 0xedb88320u ^ (c >> 1) : c >> 1;
          crc_table[n] = c;
        }
      g_once_init_leave (&done, 1);
    }
}

/**
 * nrem_crc32:
 * @crc: 0 to start, or the CRC of what came before
 *
 * The CRC-32 of ZIP, PNG and Ethernet (polynomial 0xedb88320, reflected).
 */
guint32
nrem_crc32 (guint32     crc,
            const void *data,
            gsize       len)
{
  const guchar *p = data;

  init_crc_table ();
  crc = ~crc;
  for (gsize i = 0; i < len; i++)
    crc = crc_table[(crc ^ p[i]) & 0xff] ^ (crc >> 8);
  return ~crc;
}

static void
put16 (GByteArray *out,
       guint16     v)
{
  guint8 b[2] = { v & 0xff, v >> 8 };

  g_byte_array_append (out, b, 2);
}

static void
put32 (GByteArray *out,
       guint32     v)
{
  guint8 b[4] = { v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, v >> 24 };

  g_byte_array_append (out, b, 4);
}

/**
 * nrem_zip_writer_new:
 * @mtime: (nullable): the time stamp of every entry, local time; now when %NULL
 */
NremZipWriter *
nrem_zip_writer_new (GDateTime *mtime)
{
  NremZipWriter *writer = g_new0 (NremZipWriter, 1);
  g_autoptr(GDateTime) now = mtime != NULL ? g_date_time_ref (mtime) : g_date_time_new_now_local ();
  int year = CLAMP (g_date_time_get_year (now), 1980, 2107);

  writer->out = g_byte_array_new ();
  writer->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  writer->dos_time = (guint16) ((g_date_time_get_hour (now) << 11) |
                                (g_date_time_get_minute (now) << 5) |
                                (g_date_time_get_second (now) / 2));
  writer->dos_date = (guint16) (((year - 1980) << 9) |
                                (g_date_time_get_month (now) << 5) |
                                g_date_time_get_day_of_month (now));
  return writer;
}

/**
 * nrem_zip_writer_add:
 * @name: the path in the archive, with "/" between folders
 *
 * Adds an entry, stored as it is.
 */
void
nrem_zip_writer_add (NremZipWriter *writer,
                     const char    *name,
                     const void    *data,
                     gsize          len)
{
  Entry e;
  gsize name_len = strlen (name);

  g_return_if_fail (len < G_MAXUINT32 && writer->out->len < G_MAXUINT32 - len);

  e.name = g_strdup (name);
  e.crc = nrem_crc32 (0, data, len);
  e.size = (guint32) len;
  e.offset = writer->out->len;
  g_array_append_val (writer->entries, e);

  /* local file header */
  put32 (writer->out, 0x04034b50);
  put16 (writer->out, 10);                 /* version needed: 1.0, stored */
  put16 (writer->out, 1 << 11);            /* names are UTF-8 */
  put16 (writer->out, 0);                  /* method: stored */
  put16 (writer->out, writer->dos_time);
  put16 (writer->out, writer->dos_date);
  put32 (writer->out, e.crc);
  put32 (writer->out, e.size);             /* compressed size */
  put32 (writer->out, e.size);             /* uncompressed size */
  put16 (writer->out, (guint16) name_len);
  put16 (writer->out, 0);                  /* no extra field: "mimetype" must have none */
  g_byte_array_append (writer->out, (const guint8 *) name, (guint) name_len);
  g_byte_array_append (writer->out, data, (guint) len);
}

/**
 * nrem_zip_writer_finish:
 *
 * Writes the central directory. The writer is spent after.
 *
 * Returns: (transfer full): the archive
 */
GBytes *
nrem_zip_writer_finish (NremZipWriter *writer)
{
  guint32 directory = writer->out->len;

  for (guint i = 0; i < writer->entries->len; i++)
    {
      Entry *e = &g_array_index (writer->entries, Entry, i);
      gsize name_len = strlen (e->name);

      put32 (writer->out, 0x02014b50);
      put16 (writer->out, (3 << 8) | 20);    /* made by: Unix, spec 2.0 */
      put16 (writer->out, 10);
      put16 (writer->out, 1 << 11);
      put16 (writer->out, 0);
      put16 (writer->out, writer->dos_time);
      put16 (writer->out, writer->dos_date);
      put32 (writer->out, e->crc);
      put32 (writer->out, e->size);
      put32 (writer->out, e->size);
      put16 (writer->out, (guint16) name_len);
      put16 (writer->out, 0);                /* extra */
      put16 (writer->out, 0);                /* comment */
      put16 (writer->out, 0);                /* disk */
      put16 (writer->out, 0);                /* internal attributes */
      put32 (writer->out, 0100644u << 16);   /* external: a regular file, rw-r--r-- */
      put32 (writer->out, e->offset);
      g_byte_array_append (writer->out, (const guint8 *) e->name, (guint) name_len);
    }

  /* end of central directory */
  {
    guint32 size = writer->out->len - directory;

    put32 (writer->out, 0x06054b50);
    put16 (writer->out, 0);
    put16 (writer->out, 0);
    put16 (writer->out, (guint16) writer->entries->len);
    put16 (writer->out, (guint16) writer->entries->len);
    put32 (writer->out, size);
    put32 (writer->out, directory);
    put16 (writer->out, 0);
  }
  return g_byte_array_free_to_bytes (g_steal_pointer (&writer->out));
}

void
nrem_zip_writer_free (NremZipWriter *writer)
{
  if (writer == NULL)
    return;
  for (guint i = 0; i < writer->entries->len; i++)
    g_free (g_array_index (writer->entries, Entry, i).name);
  g_array_unref (writer->entries);
  if (writer->out != NULL)
    g_byte_array_unref (writer->out);
  g_free (writer);
}
