/* nrem-mechanism-picker.h
 *
 * A popover to choose a person's mechanism among the existing ones (searched by name or
 * country), or to create one (name, country, type) without leaving the pane.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "nrem-store.h"

G_BEGIN_DECLS

#define NREM_TYPE_MECHANISM_PICKER (nrem_mechanism_picker_get_type ())

G_DECLARE_FINAL_TYPE (NremMechanismPicker, nrem_mechanism_picker, NREM, MECHANISM_PICKER, GtkPopover)

GtkWidget *nrem_mechanism_picker_new         (void);
void       nrem_mechanism_picker_set_store   (NremMechanismPicker *self,
                                              NremStore           *store);
void       nrem_mechanism_picker_set_participant (NremMechanismPicker *self,
                                              const char          *uuid,
                                              const char          *country);
void       nrem_mechanism_picker_reload      (NremMechanismPicker *self);
void       nrem_mechanism_picker_set_search  (NremMechanismPicker *self,
                                              const char          *text);
guint      nrem_mechanism_picker_get_n_shown (NremMechanismPicker *self);
gboolean   nrem_mechanism_picker_choose      (NremMechanismPicker *self,
                                              guint                position);
void       nrem_mechanism_picker_show_create (NremMechanismPicker *self);
gboolean   nrem_mechanism_picker_create      (NremMechanismPicker *self,
                                              const char          *name,
                                              const char          *country,
                                              const char          *type);

G_END_DECLS
