/* nrem-agenda-print.h
 *
 * The programme as a printed document (formats/nrem-document): PDF without a display, and the
 * same layout in a GtkPrintOperation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-document.h"
#include "nrem-store.h"

G_BEGIN_DECLS

NremDocument *nrem_agenda_print_document (NremStore   *store,
                                          const char  *meeting_uuid,
                                          GError     **error);
gboolean      nrem_agenda_print_pdf      (NremStore   *store,
                                          const char  *meeting_uuid,
                                          const char  *path,
                                          GError     **error);

G_END_DECLS
