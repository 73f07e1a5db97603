/* nrem-document.h
 *
 * A printed document laid out with Pango on pages: headings, numbered paragraphs, table rows.
 * The same layout draws onto a PDF surface (without a display) and into a GtkPrintOperation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib.h>

G_BEGIN_DECLS

#define NREM_A4_WIDTH_PT  595.276
#define NREM_A4_HEIGHT_PT 841.890

typedef struct _NremDocument NremDocument;

NremDocument *nrem_document_new            (const char          *title);
void          nrem_document_free           (NremDocument        *doc);
void          nrem_document_add_heading    (NremDocument        *doc,
                                            guint                level,
                                            const char          *text);
void          nrem_document_add_paragraph  (NremDocument        *doc,
                                            const char          *text,
                                            const char          *label,
                                            double               indent_pt);
void          nrem_document_add_markup     (NremDocument        *doc,
                                            const char          *markup,
                                            const char          *label,
                                            double               indent_pt);
void          nrem_document_add_row        (NremDocument        *doc,
                                            const char * const  *cells,
                                            const double        *widths,
                                            guint                n_cells,
                                            gboolean             header);
void          nrem_document_add_space      (NremDocument        *doc,
                                            double               points);

guint         nrem_document_paginate       (NremDocument        *doc,
                                            cairo_t             *cr,
                                            double               page_width,
                                            double               page_height);
void          nrem_document_render_page    (NremDocument        *doc,
                                            cairo_t             *cr,
                                            guint                page);
gboolean      nrem_document_write_pdf      (NremDocument        *doc,
                                            const char          *path,
                                            GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremDocument, nrem_document_free)

G_END_DECLS
