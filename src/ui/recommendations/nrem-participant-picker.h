/* nrem-participant-picker.h
 *
 * A popover that finds a participant of the directory as you type (name, organisation,
 * country, without regard to case or accents) and says which one was picked. The people of
 * the meeting come first.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-store.h"

G_BEGIN_DECLS

/* one person of the directory, as the pickers list them */
#define NREM_TYPE_PERSON_ITEM (nrem_person_item_get_type ())
G_DECLARE_FINAL_TYPE (NremPersonItem, nrem_person_item, NREM, PERSON_ITEM, GObject)

const char *nrem_person_item_get_uuid   (NremPersonItem *self);
const char *nrem_person_item_get_name   (NremPersonItem *self);
const char *nrem_person_item_get_detail (NremPersonItem *self);
GListStore *nrem_person_items_load      (NremStore      *store,
                                         const char     *meeting_uuid,
                                         GError        **error);

#define NREM_TYPE_PARTICIPANT_PICKER (nrem_participant_picker_get_type ())
G_DECLARE_FINAL_TYPE (NremParticipantPicker, nrem_participant_picker, NREM, PARTICIPANT_PICKER, GtkPopover)

GtkWidget *nrem_participant_picker_new        (void);
void       nrem_participant_picker_set_people (NremParticipantPicker *self,
                                               GListModel            *people);
void       nrem_participant_picker_set_query  (NremParticipantPicker *self,
                                               const char            *query);
guint      nrem_participant_picker_get_n_matches (NremParticipantPicker *self);
gboolean   nrem_participant_picker_pick_first (NremParticipantPicker *self);

G_END_DECLS
