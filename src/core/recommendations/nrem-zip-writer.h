/* nrem-zip-writer.h
 *
 * A ZIP archive of stored (uncompressed) entries, which is what an OpenDocument package needs
 * at least: the "mimetype" entry first and stored, the other parts stored or deflated. Written
 * from the specification (PKWARE APPNOTE 6.3), with its CRC-32.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _NremZipWriter NremZipWriter;

guint32        nrem_crc32              (guint32        crc,
                                        const void    *data,
                                        gsize          len);
NremZipWriter *nrem_zip_writer_new     (GDateTime     *mtime);
void           nrem_zip_writer_add     (NremZipWriter *writer,
                                        const char    *name,
                                        const void    *data,
                                        gsize          len);
GBytes        *nrem_zip_writer_finish  (NremZipWriter *writer);
void           nrem_zip_writer_free    (NremZipWriter *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremZipWriter, nrem_zip_writer_free)

G_END_DECLS
