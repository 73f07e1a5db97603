/* nrem-record.h
 *
 * A record as a GObject: one property per field of its entity, typed (strings, integers,
 * booleans), named with dashes ("start-date"). Records are snapshots of the store; edits go
 * through the session, which writes the store and refreshes the record.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "nrem-row.h"

G_BEGIN_DECLS

#define NREM_TYPE_RECORD (nrem_record_get_type ())

G_DECLARE_DERIVABLE_TYPE (NremRecord, nrem_record, NREM, RECORD, GObject)

struct _NremRecordClass
{
  GObjectClass   parent_class;

  NremEntityKind kind;
};

/* One final class per entity; each has the entity's fields as properties. */
#define NREM_TYPE_COUNTRY (nrem_country_get_type ())
G_DECLARE_FINAL_TYPE (NremCountry, nrem_country, NREM, COUNTRY, NremRecord)
#define NREM_TYPE_MEETING (nrem_meeting_get_type ())
G_DECLARE_FINAL_TYPE (NremMeeting, nrem_meeting, NREM, MEETING, NremRecord)
#define NREM_TYPE_MECHANISM (nrem_mechanism_get_type ())
G_DECLARE_FINAL_TYPE (NremMechanism, nrem_mechanism, NREM, MECHANISM, NremRecord)
#define NREM_TYPE_PARTICIPANT (nrem_participant_get_type ())
G_DECLARE_FINAL_TYPE (NremParticipant, nrem_participant, NREM, PARTICIPANT, NremRecord)
#define NREM_TYPE_ATTENDANCE (nrem_attendance_get_type ())
G_DECLARE_FINAL_TYPE (NremAttendance, nrem_attendance, NREM, ATTENDANCE, NremRecord)
/* a session of a meeting's agenda (NremSession is the application's session object) */
#define NREM_TYPE_AGENDA_SESSION (nrem_agenda_session_get_type ())
G_DECLARE_FINAL_TYPE (NremAgendaSession, nrem_agenda_session, NREM, AGENDA_SESSION, NremRecord)
#define NREM_TYPE_DIMENSION (nrem_dimension_get_type ())
G_DECLARE_FINAL_TYPE (NremDimension, nrem_dimension, NREM, DIMENSION, NremRecord)
#define NREM_TYPE_ASSESSMENT (nrem_assessment_get_type ())
G_DECLARE_FINAL_TYPE (NremAssessment, nrem_assessment, NREM, ASSESSMENT, NremRecord)
#define NREM_TYPE_RECOMMENDATION (nrem_recommendation_get_type ())
G_DECLARE_FINAL_TYPE (NremRecommendation, nrem_recommendation, NREM, RECOMMENDATION, NremRecord)
#define NREM_TYPE_REVISION (nrem_revision_get_type ())
G_DECLARE_FINAL_TYPE (NremRevision, nrem_revision, NREM, REVISION, NremRecord)

NremRecord    *nrem_record_new_for_row   (const NremRow *row);
NremEntityKind nrem_record_get_kind      (NremRecord    *self);
const char    *nrem_record_get_uuid      (NremRecord    *self);
const NremRow *nrem_record_get_row       (NremRecord    *self);
const char    *nrem_record_get_string    (NremRecord    *self,
                                          const char    *field);
void           nrem_record_set_row       (NremRecord    *self,
                                          const NremRow *row);
GType          nrem_record_type_for_kind (NremEntityKind kind);

/* Meeting helpers for display */
char          *nrem_meeting_dup_dates_label (NremMeeting *self);
char          *nrem_meeting_dup_place_label (NremMeeting *self);

G_END_DECLS
