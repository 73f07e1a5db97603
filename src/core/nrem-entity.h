/* nrem-entity.h
 *
 * The data model, described once: every entity that travels between machines, its fields in
 * the order of the exchange format, their types and constraints. The store derives its
 * tables from these descriptions and the exchange code its reader and writer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* In dependency order, which is also the order of the arrays in an exchange file. */
typedef enum
{
  NREM_ENTITY_COUNTRY,
  NREM_ENTITY_MEETING,
  NREM_ENTITY_MECHANISM,
  NREM_ENTITY_PARTICIPANT,
  NREM_ENTITY_ATTENDANCE,
  NREM_ENTITY_SESSION,
  NREM_ENTITY_DIMENSION,
  NREM_ENTITY_ASSESSMENT,
  NREM_ENTITY_RECOMMENDATION,
  NREM_ENTITY_REVISION,
  NREM_N_ENTITIES
} NremEntityKind;

typedef enum
{
  NREM_FIELD_STRING,
  NREM_FIELD_INT,
  NREM_FIELD_BOOL,
  NREM_FIELD_YEAR,
  NREM_FIELD_DATE,
  NREM_FIELD_TIME,
  NREM_FIELD_TIMESTAMP,
  NREM_FIELD_ENUM,
  NREM_FIELD_REF,
  NREM_FIELD_COUNTRY,
  NREM_FIELD_STRING_ARRAY,
  NREM_FIELD_ENUM_ARRAY,
  NREM_FIELD_REF_ARRAY,
} NremFieldType;

typedef enum
{
  NREM_FIELD_FLAG_NONE     = 0,
  NREM_FIELD_FLAG_REQUIRED = 1 << 0,  /* never null */
  NREM_FIELD_FLAG_CONTACT  = 1 << 1,  /* exported only with contacts */
  NREM_FIELD_FLAG_UNIQUE   = 1 << 2,  /* unique among live records (country code) */
} NremFieldFlags;

typedef struct
{
  const char         *name;
  NremFieldType       type;
  NremFieldFlags      flags;
  NremEntityKind      ref;          /* REF and REF_ARRAY */
  const char * const *enum_values;  /* ENUM and ENUM_ARRAY, NULL-terminated */
} NremField;

typedef struct
{
  NremEntityKind   kind;
  const char      *name;       /* the exchange array: "participants" */
  const char      *table;      /* the SQL table: "participant" */
  const NremField *fields;
  guint            n_fields;
} NremEntity;

#define NREM_MAX_FIELDS 16

extern const char * const nrem_mechanism_types[];
extern const char * const nrem_participant_roles[];
extern const char * const nrem_attendance_statuses[];
extern const char * const nrem_session_kinds[];
extern const char * const nrem_dimension_groups[];
extern const char * const nrem_value_types[];
extern const char * const nrem_addressees[];
extern const char * const nrem_recommendation_statuses[];

const NremEntity *nrem_entity_get          (NremEntityKind  kind);
const NremEntity *nrem_entity_lookup       (const char     *name);
int               nrem_entity_field_index  (const NremEntity *entity,
                                            const char       *field);
gboolean          nrem_enum_contains       (const char * const *values,
                                            const char         *value);

G_END_DECLS
