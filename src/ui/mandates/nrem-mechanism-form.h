/* nrem-mechanism-form.h
 *
 * A mechanism's profile (name, country, type, legal basis, established, host body, website,
 * notes), saved as you type, and its row of the matrix as a list of dimensions that open the
 * cell editor. Where mechanisms are edited and deleted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-matrix.h"
#include "nrem-session.h"

G_BEGIN_DECLS

#define NREM_TYPE_MECHANISM_FORM (nrem_mechanism_form_get_type ())

G_DECLARE_FINAL_TYPE (NremMechanismForm, nrem_mechanism_form, NREM, MECHANISM_FORM, GtkWidget)

GtkWidget  *nrem_mechanism_form_new          (void);
void        nrem_mechanism_form_set_session  (NremMechanismForm *self,
                                              NremSession       *session);
void        nrem_mechanism_form_load         (NremMechanismForm *self,
                                              const char        *mechanism_uuid);
const char *nrem_mechanism_form_get_uuid     (NremMechanismForm *self);
void        nrem_mechanism_form_set_matrix   (NremMechanismForm *self,
                                              NremMatrix        *matrix);
gboolean    nrem_mechanism_form_flush        (NremMechanismForm *self);
void        nrem_mechanism_form_focus_name   (NremMechanismForm *self);
GtkWidget  *nrem_mechanism_form_get_row_widget (NremMechanismForm *self,
                                              const char        *dimension_uuid);

G_END_DECLS
