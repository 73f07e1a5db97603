/* nrem-participant-export.h
 *
 * The directory (or the part of it a filter shows) going out: vCard 4.0 (RFC 6350), CSV
 * that this program imports again, and a printed list laid out with NremDocument (PDF
 * without a display, or pages of a GtkPrintOperation). Plain functions over items.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-document.h"
#include "nrem-participant-item.h"

G_BEGIN_DECLS

GPtrArray    *nrem_participants_collect        (GListModel   *model);

void          nrem_vcard_append_text           (GString      *out,
                                                const char   *text);
void          nrem_vcard_append_line           (GString      *out,
                                                const char   *line);
void          nrem_vcard_split_name            (const char   *name,
                                                char        **given,
                                                char        **family);
void          nrem_participants_append_vcard   (GString             *out,
                                                NremParticipantItem *item);
char         *nrem_participants_to_vcard       (GPtrArray    *items);
char         *nrem_participants_to_csv         (GPtrArray    *items,
                                                const char   *meeting_uuid);
NremDocument *nrem_participants_build_document (GPtrArray    *items,
                                                const char   *title,
                                                const char   *subtitle,
                                                gboolean      with_contacts);

gboolean      nrem_participants_write_vcard    (GPtrArray    *items,
                                                const char   *path,
                                                GError      **error);
gboolean      nrem_participants_write_csv      (GPtrArray    *items,
                                                const char   *meeting_uuid,
                                                const char   *path,
                                                GError      **error);
gboolean      nrem_participants_write_pdf      (GPtrArray    *items,
                                                const char   *title,
                                                const char   *subtitle,
                                                gboolean      with_contacts,
                                                const char   *path,
                                                GError      **error);

G_END_DECLS
