/* nrem-mandates-page.h
 *
 * The Mandates pane: the matrix of every mechanism against the dimensions of an NREM
 * mandate, edited cell by cell in one shared editor; each mechanism's profile in a side
 * panel; the comparison of the kinds of mechanism as a chart; picked mechanisms side by side.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-matrix.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_MANDATES_PAGE (nrem_mandates_page_get_type ())

G_DECLARE_FINAL_TYPE (NremMandatesPage, nrem_mandates_page, NREM, MANDATES_PAGE, GtkWidget)

GtkWidget   *nrem_mandates_page_new          (void);
NremSession *nrem_mandates_page_get_session  (NremMandatesPage *self);
void         nrem_mandates_page_set_session  (NremMandatesPage *self,
                                              NremSession      *session);
void         nrem_mandates_page_reload       (NremMandatesPage *self);
NremMatrix  *nrem_mandates_page_get_matrix   (NremMandatesPage *self);
GtkWidget   *nrem_mandates_page_get_grid     (NremMandatesPage *self);
GtkWidget   *nrem_mandates_page_get_editor   (NremMandatesPage *self);
GtkWidget   *nrem_mandates_page_get_form     (NremMandatesPage *self);
void         nrem_mandates_page_edit_cell    (NremMandatesPage *self,
                                              int               mechanism,
                                              int               dimension);
void         nrem_mandates_page_open_profile (NremMandatesPage *self,
                                              const char       *mechanism_uuid);
gboolean     nrem_mandates_page_undo         (NremMandatesPage *self);
guint        nrem_mandates_page_get_n_undo   (NremMandatesPage *self);
void         nrem_mandates_page_set_search   (NremMandatesPage *self,
                                              const char       *text);

G_END_DECLS
