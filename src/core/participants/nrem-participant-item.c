/* nrem-participant-item.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-participants"

#include "config.h"

#include "nrem-participant-item.h"
#include "nrem-fold.h"

#include <glib/gi18n.h>
#include <string.h>

struct _NremParticipantItem
{
  GObject               parent_instance;

  NremParticipant      *record;
  NremParticipantInfo  *info;
  GPtrArray            *attendances;   /* NremRow, by meeting */

  char                 *search_key;    /* name, organisation, mechanism, country, e-mail */
  char                 *name_key;
  char                 *country_key;
  char                 *affiliation_key;

  int                   status;        /* index in nrem_attendance_statuses at the meeting, or -1 */
  gboolean              head;
};

G_DEFINE_FINAL_TYPE (NremParticipantItem, nrem_participant_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RECORD,
  PROP_UUID,
  PROP_NAME,
  PROP_POSITION,
  PROP_AFFILIATION,
  PROP_SUMMARY,
  PROP_COUNTRY_NAME,
  PROP_REGION,
  PROP_ROLE_LABEL,
  PROP_ATTENDANCE_LABEL,
  PROP_HEAD_OF_DELEGATION,
  PROP_HEAD_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* ------------------------------------------------------------------------------------------
 * Labels of the enumerations
 */

const char *
nrem_participant_role_label (const char *role)
{
  static const struct { const char *key; const char *label; } roles[] = {
    { "delegate", N_("Delegate") },
    { "national-rapporteur", N_("National rapporteur") },
    { "coordinator", N_("Coordinator") },
    { "expert", N_("Expert") },
    { "observer", N_("Observer") },
    { "un-staff", N_("UN staff") },
    { "civil-society", N_("Civil society") },
    { "secretariat", N_("Secretariat") },
  };

  for (guint i = 0; role != NULL && i < G_N_ELEMENTS (roles); i++)
    if (strcmp (roles[i].key, role) == 0)
      return _(roles[i].label);
  return NULL;
}

const char *
nrem_attendance_status_label (const char *status)
{
  static const struct { const char *key; const char *label; } statuses[] = {
    { "invited", N_("Invited") },
    { "confirmed", N_("Confirmed") },
    { "declined", N_("Declined") },
    { "attended", N_("Attended") },
  };

  for (guint i = 0; status != NULL && i < G_N_ELEMENTS (statuses); i++)
    if (strcmp (statuses[i].key, status) == 0)
      return _(statuses[i].label);
  return NULL;
}

const char *
nrem_mechanism_type_label (const char *type)
{
  static const struct { const char *key; const char *label; } types[] = {
    { "independent-rapporteur", N_("Independent national rapporteur") },
    { "nhri-ombuds", N_("NHRI or ombuds institution") },
    { "government-rapporteur", N_("Government unit acting as rapporteur") },
    { "national-coordinator", N_("National coordinator") },
    { "inter-agency-body", N_("Inter-agency coordinating body") },
    { "other", N_("Other") },
  };

  for (guint i = 0; type != NULL && i < G_N_ELEMENTS (types); i++)
    if (strcmp (types[i].key, type) == 0)
      return _(types[i].label);
  return NULL;
}

/* ------------------------------------------------------------------------------------------
 * Derived values
 */

static const char *
field (NremParticipantItem *self,
       const char          *name)
{
  return nrem_row_get (self->info->row, name);
}

static void
compute_keys (NremParticipantItem *self)
{
  GString *key = g_string_sized_new (128);

  nrem_fold_append (key, field (self, "name"));
  nrem_fold_append (key, field (self, "organisation"));
  nrem_fold_append (key, self->info->mechanism_name);
  nrem_fold_append (key, self->info->country_name);
  nrem_fold_append (key, field (self, "email"));
  g_free (self->search_key);
  self->search_key = g_string_free (key, FALSE);

  g_free (self->name_key);
  self->name_key = nrem_fold (field (self, "name"));
  g_free (self->country_key);
  self->country_key = nrem_fold (nrem_participant_item_get_country_name (self));
  g_free (self->affiliation_key);
  self->affiliation_key = nrem_fold (nrem_participant_item_get_affiliation (self));
}

static int
status_index (const char *status)
{
  for (int i = 0; status != NULL && nrem_attendance_statuses[i] != NULL; i++)
    if (strcmp (nrem_attendance_statuses[i], status) == 0)
      return i;
  return -1;
}

/* ------------------------------------------------------------------------------------------
 * GObject
 */

static void
nrem_participant_item_finalize (GObject *object)
{
  NremParticipantItem *self = (NremParticipantItem *) object;

  g_clear_object (&self->record);
  g_clear_pointer (&self->info, nrem_participant_info_free);
  g_clear_pointer (&self->attendances, g_ptr_array_unref);
  g_free (self->search_key);
  g_free (self->name_key);
  g_free (self->country_key);
  g_free (self->affiliation_key);

  G_OBJECT_CLASS (nrem_participant_item_parent_class)->finalize (object);
}

static void
nrem_participant_item_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  NremParticipantItem *self = NREM_PARTICIPANT_ITEM (object);

  switch (prop_id)
    {
    case PROP_RECORD:
      g_value_set_object (value, self->record);
      break;
    case PROP_UUID:
      g_value_set_string (value, nrem_participant_item_get_uuid (self));
      break;
    case PROP_NAME:
      g_value_set_string (value, nrem_participant_item_get_name (self));
      break;
    case PROP_POSITION:
      g_value_set_string (value, field (self, "position"));
      break;
    case PROP_AFFILIATION:
      g_value_set_string (value, nrem_participant_item_get_affiliation (self));
      break;
    case PROP_SUMMARY:
      {
        const char *position = field (self, "position");
        const char *affiliation = nrem_participant_item_get_affiliation (self);

        if (position != NULL && affiliation != NULL)
          g_value_take_string (value, g_strdup_printf ("%s · %s", position, affiliation));
        else
          g_value_set_string (value, position != NULL ? position : affiliation);
      }
      break;
    case PROP_COUNTRY_NAME:
      g_value_set_string (value, nrem_participant_item_get_country_name (self));
      break;
    case PROP_REGION:
      g_value_set_string (value, self->info->region);
      break;
    case PROP_ROLE_LABEL:
      g_value_set_string (value, nrem_participant_role_label (field (self, "role")));
      break;
    case PROP_ATTENDANCE_LABEL:
      g_value_set_string (value, self->status >= 0
                                 ? nrem_attendance_status_label (nrem_attendance_statuses[self->status])
                                 : NULL);
      break;
    case PROP_HEAD_OF_DELEGATION:
      g_value_set_boolean (value, self->head);
      break;
    case PROP_HEAD_LABEL:
      g_value_set_string (value, self->head ? _("Head of delegation") : NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nrem_participant_item_class_init (NremParticipantItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = nrem_participant_item_finalize;
  object_class->get_property = nrem_participant_item_get_property;

  properties[PROP_RECORD] = g_param_spec_object ("record", NULL, NULL, NREM_TYPE_PARTICIPANT, flags);
  properties[PROP_UUID] = g_param_spec_string ("uuid", NULL, NULL, NULL, flags);
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, flags);
  properties[PROP_POSITION] = g_param_spec_string ("position", NULL, NULL, NULL, flags);
  /* the organisation, or else the mechanism */
  properties[PROP_AFFILIATION] = g_param_spec_string ("affiliation", NULL, NULL, NULL, flags);
  /* position and organisation (or mechanism) on one line */
  properties[PROP_SUMMARY] = g_param_spec_string ("summary", NULL, NULL, NULL, flags);
  properties[PROP_COUNTRY_NAME] = g_param_spec_string ("country-name", NULL, NULL, NULL, flags);
  properties[PROP_REGION] = g_param_spec_string ("region", NULL, NULL, NULL, flags);
  properties[PROP_ROLE_LABEL] = g_param_spec_string ("role-label", NULL, NULL, NULL, flags);
  properties[PROP_ATTENDANCE_LABEL] = g_param_spec_string ("attendance-label", NULL, NULL, NULL, flags);
  properties[PROP_HEAD_OF_DELEGATION] = g_param_spec_boolean ("head-of-delegation", NULL, NULL, FALSE, flags);
  properties[PROP_HEAD_LABEL] = g_param_spec_string ("head-label", NULL, NULL, NULL, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nrem_participant_item_init (NremParticipantItem *self)
{
  self->status = -1;
}

/* ------------------------------------------------------------------------------------------
 * Public API
 */

/**
 * nrem_participant_item_new:
 * @info: (transfer full): the person
 */
NremParticipantItem *
nrem_participant_item_new (NremParticipantInfo *info)
{
  NremParticipantItem *self = g_object_new (NREM_TYPE_PARTICIPANT_ITEM, NULL);

  self->info = info;
  self->record = NREM_PARTICIPANT (nrem_record_new_for_row (info->row));
  compute_keys (self);
  return self;
}

/**
 * nrem_participant_item_set_info:
 * @info: (transfer full): a newer version of the person
 *
 * Returns: whether anything the directory shows changed
 */
gboolean
nrem_participant_item_set_info (NremParticipantItem *self,
                                NremParticipantInfo *info)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_ITEM (self), FALSE);
  g_return_val_if_fail (g_strcmp0 (info->row->uuid, self->info->row->uuid) == 0, FALSE);

  if (nrem_participant_info_equal (self->info, info))
    {
      nrem_participant_info_free (info);
      return FALSE;
    }

  nrem_participant_info_free (self->info);
  self->info = info;
  compute_keys (self);
  nrem_record_set_row (NREM_RECORD (self->record), info->row);

  g_object_freeze_notify (G_OBJECT (self));
  for (guint i = PROP_NAME; i <= PROP_ROLE_LABEL; i++)
    g_object_notify_by_pspec (G_OBJECT (self), properties[i]);
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

static gboolean
attendances_equal (GPtrArray *a,
                   GPtrArray *b)
{
  guint na = a != NULL ? a->len : 0;
  guint nb = b != NULL ? b->len : 0;

  if (na != nb)
    return FALSE;
  for (guint i = 0; i < na; i++)
    {
      const NremRow *x = g_ptr_array_index (a, i);
      const NremRow *y = g_ptr_array_index (b, i);

      if (g_strcmp0 (x->uuid, y->uuid) != 0 || x->rev != y->rev ||
          x->updated_at != y->updated_at || !nrem_row_content_equal (x, y))
        return FALSE;
    }
  return TRUE;
}

/**
 * nrem_participant_item_set_attendances:
 * @attendances: (transfer full) (nullable) (element-type NremRow): the person's live
 *   attendances
 *
 * Returns: whether they changed
 */
gboolean
nrem_participant_item_set_attendances (NremParticipantItem *self,
                                       GPtrArray           *attendances)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_ITEM (self), FALSE);

  if (attendances_equal (self->attendances, attendances))
    {
      g_clear_pointer (&attendances, g_ptr_array_unref);
      return FALSE;
    }
  g_clear_pointer (&self->attendances, g_ptr_array_unref);
  self->attendances = attendances;
  return TRUE;
}

/**
 * nrem_participant_item_set_meeting:
 * @meeting_uuid: (nullable): the meeting whose attendance the item shows
 *
 * Returns: whether the attendance shown changed
 */
gboolean
nrem_participant_item_set_meeting (NremParticipantItem *self,
                                   const char          *meeting_uuid)
{
  const char *status = NULL;
  gboolean head = FALSE;
  int index;

  g_return_val_if_fail (NREM_IS_PARTICIPANT_ITEM (self), FALSE);

  if (meeting_uuid != NULL)
    nrem_participant_item_get_attendance (self, meeting_uuid, &status, &head);
  index = status_index (status);
  if (index == self->status && head == self->head)
    return FALSE;

  g_object_freeze_notify (G_OBJECT (self));
  if (index != self->status)
    {
      self->status = index;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ATTENDANCE_LABEL]);
    }
  if (head != self->head)
    {
      self->head = head;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEAD_OF_DELEGATION]);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_HEAD_LABEL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
  return TRUE;
}

NremParticipant *
nrem_participant_item_get_record (NremParticipantItem *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_ITEM (self), NULL);
  return self->record;
}

const NremParticipantInfo *
nrem_participant_item_get_info (NremParticipantItem *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_ITEM (self), NULL);
  return self->info;
}

const char *
nrem_participant_item_get_uuid (NremParticipantItem *self)
{
  return self->info->row->uuid;
}

const char *
nrem_participant_item_get_field (NremParticipantItem *self,
                                 const char          *name)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_ITEM (self), NULL);
  return field (self, name);
}

const char *
nrem_participant_item_get_name (NremParticipantItem *self)
{
  return field (self, "name");
}

const char *
nrem_participant_item_get_country (NremParticipantItem *self)
{
  return self->info->row->values[5];  /* "country" */
}

const char *
nrem_participant_item_get_country_name (NremParticipantItem *self)
{
  return self->info->country_name != NULL ? self->info->country_name : field (self, "country");
}

const char *
nrem_participant_item_get_region (NremParticipantItem *self)
{
  return self->info->region;
}

const char *
nrem_participant_item_get_role (NremParticipantItem *self)
{
  return self->info->row->values[6];  /* "role" */
}

const char *
nrem_participant_item_get_mechanism_type (NremParticipantItem *self)
{
  return self->info->mechanism_type;
}

/* the organisation, or else the name of the mechanism */
const char *
nrem_participant_item_get_affiliation (NremParticipantItem *self)
{
  const char *organisation = field (self, "organisation");

  return organisation != NULL ? organisation : self->info->mechanism_name;
}

const char *
nrem_participant_item_get_search_key (NremParticipantItem *self)
{
  return self->search_key;
}

const char *
nrem_participant_item_get_name_key (NremParticipantItem *self)
{
  return self->name_key;
}

/* Returns: the index in nrem_attendance_statuses of the attendance at the item's meeting,
 * or -1 when the person is not invited to it */
int
nrem_participant_item_get_status (NremParticipantItem *self)
{
  return self->status;
}

gboolean
nrem_participant_item_get_head (NremParticipantItem *self)
{
  return self->head;
}

/**
 * nrem_participant_item_get_attendance:
 * @status: (out) (optional): the status, or %NULL when not invited
 * @head: (out) (optional): head of delegation
 *
 * Returns: whether the person has an attendance at @meeting_uuid
 */
gboolean
nrem_participant_item_get_attendance (NremParticipantItem  *self,
                                      const char           *meeting_uuid,
                                      const char          **status,
                                      gboolean             *head)
{
  if (status != NULL)
    *status = NULL;
  if (head != NULL)
    *head = FALSE;
  for (guint i = 0; self->attendances != NULL && i < self->attendances->len; i++)
    {
      const NremRow *row = g_ptr_array_index (self->attendances, i);

      if (g_strcmp0 (row->values[1], meeting_uuid) == 0)  /* "meeting" */
        {
          if (status != NULL)
            *status = row->values[2];  /* "status" */
          if (head != NULL)
            *head = g_strcmp0 (row->values[3], "1") == 0;  /* "head_of_delegation" */
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * nrem_participant_item_get_attendances:
 *
 * Returns: (transfer none) (nullable) (element-type NremRow): the person's attendances
 */
GPtrArray *
nrem_participant_item_get_attendances (NremParticipantItem *self)
{
  return self->attendances;
}

static int
compare_keys (const char *a,
              const char *b)
{
  /* what has no value goes last */
  if (a == NULL || a[0] == '\0')
    return (b == NULL || b[0] == '\0') ? 0 : 1;
  if (b == NULL || b[0] == '\0')
    return -1;
  return strcmp (a, b);
}

/**
 * nrem_participant_item_compare:
 *
 * The orders of the directory: by name; by country, then name; by organisation (or
 * mechanism), then name. Names compare folded (accents and case do not move a person),
 * then as written, then by uuid, so that the order is the same everywhere.
 */
int
nrem_participant_item_compare (NremParticipantItem *a,
                               NremParticipantItem *b,
                               NremParticipantSort  sort)
{
  int c = 0;

  switch (sort)
    {
    case NREM_PARTICIPANT_SORT_COUNTRY:
      c = compare_keys (a->country_key, b->country_key);
      break;
    case NREM_PARTICIPANT_SORT_ORGANISATION:
      c = compare_keys (a->affiliation_key, b->affiliation_key);
      break;
    case NREM_PARTICIPANT_SORT_NAME:
    default:
      break;
    }
  if (c == 0)
    c = compare_keys (a->name_key, b->name_key);
  if (c == 0)
    c = g_strcmp0 (nrem_participant_item_get_name (a), nrem_participant_item_get_name (b));
  if (c == 0)
    c = strcmp (nrem_participant_item_get_uuid (a), nrem_participant_item_get_uuid (b));
  return c;
}
