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

#define NREM_TYPE_MEETING (nrem_meeting_get_type ())
G_DECLARE_FINAL_TYPE (NremMeeting, nrem_meeting, NREM, MEETING, NremRecord)

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
