/* nrem-entity.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-entity.h"

#include <string.h>

const char * const nrem_mechanism_types[] = {
  "independent-rapporteur", "nhri-ombuds", "government-rapporteur",
  "national-coordinator", "inter-agency-body", "other", NULL
};

const char * const nrem_participant_roles[] = {
  "delegate", "national-rapporteur", "coordinator", "expert", "observer",
  "un-staff", "civil-society", "secretariat", NULL
};

const char * const nrem_attendance_statuses[] = {
  "invited", "confirmed", "declined", "attended", NULL
};

const char * const nrem_session_kinds[] = {
  "opening", "plenary", "panel", "working-group", "break", "closing", NULL
};

const char * const nrem_dimension_groups[] = {
  "set-up", "functions", "reporting", "powers", "cooperation", NULL
};

const char * const nrem_value_types[] = {
  "tristate", "enum", "multi", "text", NULL
};

const char * const nrem_addressees[] = {
  "states", "nrems", "sr-ohchr-unodc", "regional-organisations", "civil-society", NULL
};

const char * const nrem_recommendation_statuses[] = {
  "draft", "proposed", "under-discussion", "agreed", "withdrawn", "merged", NULL
};

#define REQ NREM_FIELD_FLAG_REQUIRED
#define F(n, t) { n, NREM_FIELD_##t, 0, 0, NULL }
#define FR(n, t) { n, NREM_FIELD_##t, REQ, 0, NULL }
#define REF(n, e, fl) { n, NREM_FIELD_REF, fl, NREM_ENTITY_##e, NULL }
#define REFS(n, e) { n, NREM_FIELD_REF_ARRAY, 0, NREM_ENTITY_##e, NULL }
#define ENUM(n, v, fl) { n, NREM_FIELD_ENUM, fl, 0, v }

static const NremField country_fields[] = {
  { "code", NREM_FIELD_STRING, REQ | NREM_FIELD_FLAG_UNIQUE, 0, NULL },
  FR ("name", STRING),
  F ("region", STRING),
  F ("subregion", STRING),
  F ("m49", STRING),
};

static const NremField meeting_fields[] = {
  FR ("title", STRING),
  F ("short_title", STRING),
  F ("city", STRING),
  F ("country", COUNTRY),
  F ("venue", STRING),
  FR ("start_date", DATE),
  FR ("end_date", DATE),
  FR ("time_zone", STRING),
  F ("convenors", STRING),
  F ("language", STRING),
  F ("objectives", STRING),
  F ("expected_outcome", STRING),
};

static const NremField mechanism_fields[] = {
  FR ("name", STRING),
  F ("country", COUNTRY),
  ENUM ("type", nrem_mechanism_types, REQ),
  FR ("reference", BOOL),
  F ("legal_basis", STRING),
  F ("established", YEAR),
  F ("host_body", STRING),
  F ("website", STRING),
  F ("notes", STRING),
};

static const NremField participant_fields[] = {
  FR ("name", STRING),
  F ("honorific", STRING),
  F ("position", STRING),
  F ("organisation", STRING),
  REF ("mechanism", MECHANISM, 0),
  F ("country", COUNTRY),
  ENUM ("role", nrem_participant_roles, 0),
  { "email", NREM_FIELD_STRING, NREM_FIELD_FLAG_CONTACT, 0, NULL },
  { "phone", NREM_FIELD_STRING, NREM_FIELD_FLAG_CONTACT, 0, NULL },
  F ("languages", STRING),
  F ("notes", STRING),
};

static const NremField attendance_fields[] = {
  REF ("participant", PARTICIPANT, REQ),
  REF ("meeting", MEETING, REQ),
  ENUM ("status", nrem_attendance_statuses, REQ),
  FR ("head_of_delegation", BOOL),
};

static const NremField session_fields[] = {
  REF ("meeting", MEETING, REQ),
  FR ("day", DATE),
  F ("start_time", TIME),
  F ("end_time", TIME),
  FR ("title", STRING),
  ENUM ("kind", nrem_session_kinds, 0),
  F ("description", STRING),
  F ("room", STRING),
  REF ("chair", PARTICIPANT, 0),
  REF ("rapporteur", PARTICIPANT, 0),
  REFS ("speakers", PARTICIPANT),
  F ("notes", STRING),
};

static const NremField dimension_fields[] = {
  FR ("key", STRING),
  ENUM ("group", nrem_dimension_groups, REQ),
  FR ("position", INT),
  FR ("label", STRING),
  F ("definition", STRING),
  ENUM ("value_type", nrem_value_types, REQ),
  F ("options", STRING_ARRAY),
  F ("source", STRING),
};

static const NremField assessment_fields[] = {
  REF ("mechanism", MECHANISM, REQ),
  REF ("dimension", DIMENSION, REQ),
  F ("value", STRING),
  F ("note", STRING),
  F ("source", STRING),
  F ("as_of", DATE),
};

static const NremField recommendation_fields[] = {
  REF ("meeting", MEETING, REQ),
  FR ("position", INT),
  F ("theme", STRING),
  { "addressees", NREM_FIELD_ENUM_ARRAY, 0, 0, nrem_addressees },
  REF ("session", SESSION, 0),
  ENUM ("status", nrem_recommendation_statuses, REQ),
  REF ("merged_into", RECOMMENDATION, 0),
  REF ("proposer", PARTICIPANT, 0),
  REFS ("supporters", PARTICIPANT),
  FR ("bracketed", BOOL),
  FR ("alternative", INT),
  F ("text", STRING),
};

static const NremField revision_fields[] = {
  REF ("recommendation", RECOMMENDATION, REQ),
  REF ("parent", REVISION, 0),
  REF ("author", PARTICIPANT, 0),
  F ("author_name", STRING),
  FR ("created_at", TIMESTAMP),
  ENUM ("status", nrem_recommendation_statuses, REQ),
  F ("text", STRING),
};

#define ENTITY(k, n, t, f) { NREM_ENTITY_##k, n, t, f, G_N_ELEMENTS (f) }

static const NremEntity entities[NREM_N_ENTITIES] = {
  ENTITY (COUNTRY, "countries", "country", country_fields),
  ENTITY (MEETING, "meetings", "meeting", meeting_fields),
  ENTITY (MECHANISM, "mechanisms", "mechanism", mechanism_fields),
  ENTITY (PARTICIPANT, "participants", "participant", participant_fields),
  ENTITY (ATTENDANCE, "attendances", "attendance", attendance_fields),
  ENTITY (SESSION, "sessions", "session", session_fields),
  ENTITY (DIMENSION, "dimensions", "dimension", dimension_fields),
  ENTITY (ASSESSMENT, "assessments", "assessment", assessment_fields),
  ENTITY (RECOMMENDATION, "recommendations", "recommendation", recommendation_fields),
  ENTITY (REVISION, "revisions", "revision", revision_fields),
};

G_STATIC_ASSERT (G_N_ELEMENTS (meeting_fields) <= NREM_MAX_FIELDS);
G_STATIC_ASSERT (G_N_ELEMENTS (session_fields) <= NREM_MAX_FIELDS);
G_STATIC_ASSERT (G_N_ELEMENTS (recommendation_fields) <= NREM_MAX_FIELDS);
G_STATIC_ASSERT (G_N_ELEMENTS (participant_fields) <= NREM_MAX_FIELDS);

const NremEntity *
nrem_entity_get (NremEntityKind kind)
{
  g_return_val_if_fail (kind < NREM_N_ENTITIES, NULL);

  return &entities[kind];
}

const NremEntity *
nrem_entity_lookup (const char *name)
{
  for (guint i = 0; i < NREM_N_ENTITIES; i++)
    if (g_strcmp0 (entities[i].name, name) == 0)
      return &entities[i];
  return NULL;
}

int
nrem_entity_field_index (const NremEntity *entity,
                         const char       *field)
{
  for (guint i = 0; i < entity->n_fields; i++)
    if (strcmp (entity->fields[i].name, field) == 0)
      return (int) i;
  return -1;
}

gboolean
nrem_enum_contains (const char * const *values,
                    const char         *value)
{
  if (values == NULL || value == NULL)
    return FALSE;
  for (guint i = 0; values[i] != NULL; i++)
    if (strcmp (values[i], value) == 0)
      return TRUE;
  return FALSE;
}
