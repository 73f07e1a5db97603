/* nrem-participant-filter.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-participant-filter.h"

struct _NremParticipantFilter
{
  GtkFilter            parent_instance;

  NremParticipantQuery query;
};

G_DEFINE_FINAL_TYPE (NremParticipantFilter, nrem_participant_filter, GTK_TYPE_FILTER)

static gboolean
nrem_participant_filter_match (GtkFilter *filter,
                               gpointer   item)
{
  NremParticipantFilter *self = (NremParticipantFilter *) filter;

  return nrem_participant_query_matches (&self->query, item);
}

static GtkFilterMatch
nrem_participant_filter_get_strictness (GtkFilter *filter)
{
  NremParticipantFilter *self = (NremParticipantFilter *) filter;

  return nrem_participant_query_is_empty (&self->query) ? GTK_FILTER_MATCH_ALL : GTK_FILTER_MATCH_SOME;
}

static void
nrem_participant_filter_finalize (GObject *object)
{
  NremParticipantFilter *self = (NremParticipantFilter *) object;

  nrem_participant_query_clear (&self->query);
  G_OBJECT_CLASS (nrem_participant_filter_parent_class)->finalize (object);
}

static void
nrem_participant_filter_class_init (NremParticipantFilterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkFilterClass *filter_class = GTK_FILTER_CLASS (klass);

  object_class->finalize = nrem_participant_filter_finalize;
  filter_class->match = nrem_participant_filter_match;
  filter_class->get_strictness = nrem_participant_filter_get_strictness;
}

static void
nrem_participant_filter_init (NremParticipantFilter *self)
{
}

NremParticipantFilter *
nrem_participant_filter_new (void)
{
  return g_object_new (NREM_TYPE_PARTICIPANT_FILTER, NULL);
}

const NremParticipantQuery *
nrem_participant_filter_get_query (NremParticipantFilter *self)
{
  g_return_val_if_fail (NREM_IS_PARTICIPANT_FILTER (self), NULL);
  return &self->query;
}

/* Takes @next as the query and tells the filter models what to look at again. */
static void
replace_query (NremParticipantFilter *self,
               NremParticipantQuery  *next)
{
  NremQueryChange change = nrem_participant_query_compare (&self->query, next);

  nrem_participant_query_clear (&self->query);
  self->query = *next;
  switch (change)
    {
    case NREM_QUERY_SAME:
      break;
    case NREM_QUERY_MORE_STRICT:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_MORE_STRICT);
      break;
    case NREM_QUERY_LESS_STRICT:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_LESS_STRICT);
      break;
    case NREM_QUERY_DIFFERENT:
    default:
      gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
      break;
    }
}

void
nrem_participant_filter_set_query (NremParticipantFilter      *self,
                                   const NremParticipantQuery *query)
{
  NremParticipantQuery next = { NULL };

  g_return_if_fail (NREM_IS_PARTICIPANT_FILTER (self));

  nrem_participant_query_copy (&next, query);
  replace_query (self, &next);
}

void
nrem_participant_filter_set_text (NremParticipantFilter *self,
                                  const char            *text)
{
  NremParticipantQuery next = { NULL };

  g_return_if_fail (NREM_IS_PARTICIPANT_FILTER (self));

  nrem_participant_query_copy (&next, &self->query);
  nrem_participant_query_set_text (&next, text);
  replace_query (self, &next);
}

static void
set_value (NremParticipantFilter *self,
           gsize                  offset,
           const char            *value)
{
  NremParticipantQuery next = { NULL };
  char **slot;

  nrem_participant_query_copy (&next, &self->query);
  slot = G_STRUCT_MEMBER_P (&next, offset);
  g_free (*slot);
  *slot = g_strdup (value);
  replace_query (self, &next);
}

/* @region: (nullable): NULL for any region, "" for people without one */
void
nrem_participant_filter_set_region (NremParticipantFilter *self,
                                    const char            *region)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_FILTER (self));
  set_value (self, G_STRUCT_OFFSET (NremParticipantQuery, region), region);
}

void
nrem_participant_filter_set_country (NremParticipantFilter *self,
                                     const char            *code)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_FILTER (self));
  set_value (self, G_STRUCT_OFFSET (NremParticipantQuery, country), code);
}

void
nrem_participant_filter_set_role (NremParticipantFilter *self,
                                  const char            *role)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_FILTER (self));
  set_value (self, G_STRUCT_OFFSET (NremParticipantQuery, role), role);
}

void
nrem_participant_filter_set_mechanism_type (NremParticipantFilter *self,
                                            const char            *type)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_FILTER (self));
  set_value (self, G_STRUCT_OFFSET (NremParticipantQuery, mechanism_type), type);
}

void
nrem_participant_filter_set_attendance (NremParticipantFilter *self,
                                        NremAttendanceFilter   attendance)
{
  NremParticipantQuery next = { NULL };

  g_return_if_fail (NREM_IS_PARTICIPANT_FILTER (self));

  nrem_participant_query_copy (&next, &self->query);
  next.attendance = attendance;
  replace_query (self, &next);
}

/**
 * nrem_participant_filter_meeting_changed:
 *
 * The list's meeting changed: with an attendance filter, everyone must be looked at again.
 */
void
nrem_participant_filter_meeting_changed (NremParticipantFilter *self)
{
  g_return_if_fail (NREM_IS_PARTICIPANT_FILTER (self));

  if (self->query.attendance != NREM_ATTENDANCE_FILTER_ANY)
    gtk_filter_changed (GTK_FILTER (self), GTK_FILTER_CHANGE_DIFFERENT);
}
