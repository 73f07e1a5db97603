/* nrem-participant-filter.h
 *
 * The GtkFilter of the directory: a thin wrapper around NremParticipantQuery that tells the
 * filter model how a new query relates to the previous one, so that typing a letter only
 * looks again at the people still shown.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "nrem-participant-query.h"

G_BEGIN_DECLS

#define NREM_TYPE_PARTICIPANT_FILTER (nrem_participant_filter_get_type ())

G_DECLARE_FINAL_TYPE (NremParticipantFilter, nrem_participant_filter, NREM, PARTICIPANT_FILTER, GtkFilter)

NremParticipantFilter      *nrem_participant_filter_new            (void);
const NremParticipantQuery *nrem_participant_filter_get_query      (NremParticipantFilter      *self);
void                        nrem_participant_filter_set_query      (NremParticipantFilter      *self,
                                                                    const NremParticipantQuery *query);
void                        nrem_participant_filter_set_text       (NremParticipantFilter      *self,
                                                                    const char                 *text);
void                        nrem_participant_filter_set_region     (NremParticipantFilter      *self,
                                                                    const char                 *region);
void                        nrem_participant_filter_set_country    (NremParticipantFilter      *self,
                                                                    const char                 *code);
void                        nrem_participant_filter_set_role       (NremParticipantFilter      *self,
                                                                    const char                 *role);
void                        nrem_participant_filter_set_mechanism_type (NremParticipantFilter  *self,
                                                                    const char                 *type);
void                        nrem_participant_filter_set_attendance (NremParticipantFilter      *self,
                                                                    NremAttendanceFilter        attendance);
void                        nrem_participant_filter_meeting_changed (NremParticipantFilter     *self);

G_END_DECLS
