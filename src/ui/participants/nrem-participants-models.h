/* nrem-participants-models.h
 *
 * Small list models the Participants pane's drop-downs share: the countries of the store.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-record.h"
#include "nrem-store.h"

G_BEGIN_DECLS

GListModel    *nrem_participants_country_model      (NremStore   *store,
                                                     const char  *none_label);
guint          nrem_participants_country_position   (GListModel  *model,
                                                     const char  *code);
const char    *nrem_participants_country_code_at    (GListModel  *model,
                                                     guint        position);
void           nrem_participants_setup_country_dropdown (GtkDropDown *dropdown,
                                                     GListModel  *model);

void           nrem_participants_fix_mnemonic_names (GtkWidget *root);

G_END_DECLS
