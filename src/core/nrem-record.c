/* nrem-record.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-record.h"

#include <glib/gi18n.h>
#include <stdio.h>

typedef struct
{
  NremRow *row;
} NremRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (NremRecord, nrem_record, G_TYPE_OBJECT)

/* Property ids: 1 is "uuid", 2 + i is field i of the entity. */
#define PROP_UUID 1
#define PROP_FIELD0 2

static GParamSpec *field_pspecs[NREM_N_ENTITIES][NREM_MAX_FIELDS];

static void
nrem_record_finalize (GObject *object)
{
  NremRecordPrivate *priv = nrem_record_get_instance_private (NREM_RECORD (object));

  g_clear_pointer (&priv->row, nrem_row_free);
  G_OBJECT_CLASS (nrem_record_parent_class)->finalize (object);
}

static void
nrem_record_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  NremRecordPrivate *priv = nrem_record_get_instance_private (NREM_RECORD (object));
  const NremEntity *entity = nrem_entity_get (NREM_RECORD_GET_CLASS (object)->kind);
  const char *text;

  if (prop_id == PROP_UUID)
    {
      g_value_set_string (value, priv->row ? priv->row->uuid : NULL);
      return;
    }
  if (prop_id < PROP_FIELD0 || prop_id - PROP_FIELD0 >= entity->n_fields)
    {
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      return;
    }

  text = priv->row ? priv->row->values[prop_id - PROP_FIELD0] : NULL;
  switch (entity->fields[prop_id - PROP_FIELD0].type)
    {
    case NREM_FIELD_INT:
    case NREM_FIELD_YEAR:
      g_value_set_int (value, text ? (int) g_ascii_strtoll (text, NULL, 10) : 0);
      break;
    case NREM_FIELD_BOOL:
      g_value_set_boolean (value, text != NULL && g_strcmp0 (text, "0") != 0);
      break;
    default:
      g_value_set_string (value, text);
      break;
    }
}

static void
nrem_record_class_init (NremRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = nrem_record_finalize;
  object_class->get_property = nrem_record_get_property;
}

static void
nrem_record_init (NremRecord *self)
{
}

static void
install_fields (GObjectClass   *object_class,
                NremEntityKind  kind)
{
  const NremEntity *entity = nrem_entity_get (kind);

  NREM_RECORD_CLASS (object_class)->kind = kind;
  /* GObject does not inherit property accessors */
  object_class->get_property = nrem_record_get_property;

  g_object_class_install_property (object_class, PROP_UUID,
                                   g_param_spec_string ("uuid", NULL, NULL, NULL,
                                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));
  for (guint i = 0; i < entity->n_fields; i++)
    {
      const NremField *field = &entity->fields[i];
      g_autofree char *name = g_strdelimit (g_strdup (field->name), "_", '-');
      const char *interned = g_intern_string (name);
      GParamSpec *pspec;

      switch (field->type)
        {
        case NREM_FIELD_INT:
        case NREM_FIELD_YEAR:
          pspec = g_param_spec_int (interned, NULL, NULL, G_MININT, G_MAXINT, 0,
                                    G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        case NREM_FIELD_BOOL:
          pspec = g_param_spec_boolean (interned, NULL, NULL, FALSE,
                                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        default:
          pspec = g_param_spec_string (interned, NULL, NULL, NULL,
                                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
          break;
        }
      field_pspecs[kind][i] = pspec;
      g_object_class_install_property (object_class, PROP_FIELD0 + i, pspec);
    }
}

#define DEFINE_RECORD_CLASS(TypeName, type_name, KIND)                      \
  struct _##TypeName { NremRecord parent_instance; };                         \
  G_DEFINE_FINAL_TYPE (TypeName, type_name, NREM_TYPE_RECORD)                 \
  static void type_name##_class_init (TypeName##Class *klass)                 \
  {                                                                           \
    install_fields (G_OBJECT_CLASS (klass), NREM_ENTITY_##KIND);              \
  }                                                                           \
  static void type_name##_init (TypeName *self) { }

DEFINE_RECORD_CLASS (NremCountry, nrem_country, COUNTRY)
DEFINE_RECORD_CLASS (NremMeeting, nrem_meeting, MEETING)
DEFINE_RECORD_CLASS (NremMechanism, nrem_mechanism, MECHANISM)
DEFINE_RECORD_CLASS (NremParticipant, nrem_participant, PARTICIPANT)
DEFINE_RECORD_CLASS (NremAttendance, nrem_attendance, ATTENDANCE)
DEFINE_RECORD_CLASS (NremAgendaSession, nrem_agenda_session, SESSION)
DEFINE_RECORD_CLASS (NremDimension, nrem_dimension, DIMENSION)
DEFINE_RECORD_CLASS (NremAssessment, nrem_assessment, ASSESSMENT)
DEFINE_RECORD_CLASS (NremRecommendation, nrem_recommendation, RECOMMENDATION)
DEFINE_RECORD_CLASS (NremRevision, nrem_revision, REVISION)

GType
nrem_record_type_for_kind (NremEntityKind kind)
{
  switch (kind)
    {
    case NREM_ENTITY_COUNTRY: return NREM_TYPE_COUNTRY;
    case NREM_ENTITY_MEETING: return NREM_TYPE_MEETING;
    case NREM_ENTITY_MECHANISM: return NREM_TYPE_MECHANISM;
    case NREM_ENTITY_PARTICIPANT: return NREM_TYPE_PARTICIPANT;
    case NREM_ENTITY_ATTENDANCE: return NREM_TYPE_ATTENDANCE;
    case NREM_ENTITY_SESSION: return NREM_TYPE_AGENDA_SESSION;
    case NREM_ENTITY_DIMENSION: return NREM_TYPE_DIMENSION;
    case NREM_ENTITY_ASSESSMENT: return NREM_TYPE_ASSESSMENT;
    case NREM_ENTITY_RECOMMENDATION: return NREM_TYPE_RECOMMENDATION;
    case NREM_ENTITY_REVISION: return NREM_TYPE_REVISION;
    case NREM_N_ENTITIES:
    default:
      return G_TYPE_INVALID;
    }
}

NremRecord *
nrem_record_new_for_row (const NremRow *row)
{
  GType type = nrem_record_type_for_kind (row->kind);
  NremRecord *self;

  g_return_val_if_fail (type != G_TYPE_INVALID, NULL);

  self = g_object_new (type, NULL);
  nrem_record_set_row (self, row);
  return self;
}

NremEntityKind
nrem_record_get_kind (NremRecord *self)
{
  return NREM_RECORD_GET_CLASS (self)->kind;
}

const NremRow *
nrem_record_get_row (NremRecord *self)
{
  NremRecordPrivate *priv = nrem_record_get_instance_private (self);

  return priv->row;
}

const char *
nrem_record_get_uuid (NremRecord *self)
{
  NremRecordPrivate *priv = nrem_record_get_instance_private (self);

  return priv->row ? priv->row->uuid : NULL;
}

const char *
nrem_record_get_string (NremRecord *self,
                        const char *field)
{
  NremRecordPrivate *priv = nrem_record_get_instance_private (self);

  return priv->row ? nrem_row_get (priv->row, field) : NULL;
}

/**
 * nrem_record_set_row:
 *
 * Replaces the snapshot and notifies the properties whose values changed.
 */
void
nrem_record_set_row (NremRecord    *self,
                     const NremRow *row)
{
  NremRecordPrivate *priv = nrem_record_get_instance_private (self);
  const NremEntity *entity = nrem_entity_get (NREM_RECORD_GET_CLASS (self)->kind);
  NremRow *old = priv->row;

  g_return_if_fail (row->kind == entity->kind);

  priv->row = nrem_row_copy (row);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = 0; i < entity->n_fields; i++)
    if (old == NULL || g_strcmp0 (old->values[i], row->values[i]) != 0)
      g_object_notify_by_pspec (G_OBJECT (self), field_pspecs[entity->kind][i]);
  g_object_thaw_notify (G_OBJECT (self));

  nrem_row_free (old);
}

static GDateTime *
parse_date (const char *date)
{
  int y, m, d;

  if (date == NULL || sscanf (date, "%d-%d-%d", &y, &m, &d) != 3)
    return NULL;
  return g_date_time_new_utc (y, m, d, 0, 0, 0);
}

/**
 * nrem_meeting_dup_dates_label:
 *
 * "21–22 May 2014", "30 June – 1 July 2014", "30 December 2014 – 2 January 2015".
 */
char *
nrem_meeting_dup_dates_label (NremMeeting *self)
{
  NremRecord *record = NREM_RECORD (self);
  g_autoptr(GDateTime) start = parse_date (nrem_record_get_string (record, "start_date"));
  g_autoptr(GDateTime) end = parse_date (nrem_record_get_string (record, "end_date"));

  if (start == NULL)
    return g_strdup ("");
  if (end == NULL || g_date_time_compare (start, end) == 0)
    return g_date_time_format (start, "%-d %B %Y");
  if (g_date_time_get_year (start) != g_date_time_get_year (end))
    {
      g_autofree char *a = g_date_time_format (start, "%-d %B %Y");
      g_autofree char *b = g_date_time_format (end, "%-d %B %Y");

      return g_strdup_printf ("%s – %s", a, b);
    }
  if (g_date_time_get_month (start) != g_date_time_get_month (end))
    {
      g_autofree char *a = g_date_time_format (start, "%-d %B");
      g_autofree char *b = g_date_time_format (end, "%-d %B %Y");

      return g_strdup_printf ("%s – %s", a, b);
    }
  {
    g_autofree char *b = g_date_time_format (end, "%B %Y");

    return g_strdup_printf ("%d–%d %s", g_date_time_get_day_of_month (start),
                            g_date_time_get_day_of_month (end), b);
  }
}

char *
nrem_meeting_dup_place_label (NremMeeting *self)
{
  NremRecord *record = NREM_RECORD (self);
  const char *city = nrem_record_get_string (record, "city");
  const char *country = nrem_record_get_string (record, "country");

  if (city != NULL && country != NULL)
    return g_strdup_printf ("%s, %s", city, country);
  return g_strdup (city ? city : country ? country : "");
}
