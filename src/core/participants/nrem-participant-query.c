/* nrem-participant-query.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-participant-query.h"
#include "nrem-fold.h"

#include <glib/gi18n.h>
#include <string.h>

void
nrem_participant_query_clear (NremParticipantQuery *query)
{
  g_clear_pointer (&query->text, g_free);
  g_clear_pointer (&query->words, g_strfreev);
  g_clear_pointer (&query->region, g_free);
  g_clear_pointer (&query->country, g_free);
  g_clear_pointer (&query->role, g_free);
  g_clear_pointer (&query->mechanism_type, g_free);
  query->attendance = NREM_ATTENDANCE_FILTER_ANY;
}

void
nrem_participant_query_copy (NremParticipantQuery       *dest,
                             const NremParticipantQuery *src)
{
  dest->text = g_strdup (src->text);
  dest->words = g_strdupv (src->words);
  dest->region = g_strdup (src->region);
  dest->country = g_strdup (src->country);
  dest->role = g_strdup (src->role);
  dest->mechanism_type = g_strdup (src->mechanism_type);
  dest->attendance = src->attendance;
}

void
nrem_participant_query_set_text (NremParticipantQuery *query,
                                 const char           *text)
{
  g_free (query->text);
  query->text = g_strdup (text);
  g_strfreev (query->words);
  query->words = nrem_fold_words (text);
}

gboolean
nrem_participant_query_has_filters (const NremParticipantQuery *query)
{
  return query->region != NULL || query->country != NULL || query->role != NULL ||
         query->mechanism_type != NULL || query->attendance != NREM_ATTENDANCE_FILTER_ANY;
}

gboolean
nrem_participant_query_is_empty (const NremParticipantQuery *query)
{
  return query->words == NULL && !nrem_participant_query_has_filters (query);
}

static inline gboolean
value_matches (const char *wanted,
               const char *value)
{
  if (wanted == NULL)
    return TRUE;
  if (wanted[0] == '\0')
    return value == NULL || value[0] == '\0';
  return value != NULL && strcmp (wanted, value) == 0;
}

static gboolean
attendance_matches (NremAttendanceFilter  filter,
                    NremParticipantItem  *item)
{
  int status = nrem_participant_item_get_status (item);

  switch (filter)
    {
    case NREM_ATTENDANCE_FILTER_ANY:
      return TRUE;
    case NREM_ATTENDANCE_FILTER_AT_MEETING:
      return status >= 0;
    case NREM_ATTENDANCE_FILTER_NOT_AT_MEETING:
      return status < 0;
    case NREM_ATTENDANCE_FILTER_INVITED:
    case NREM_ATTENDANCE_FILTER_CONFIRMED:
    case NREM_ATTENDANCE_FILTER_DECLINED:
    case NREM_ATTENDANCE_FILTER_ATTENDED:
      return status == (int) (filter - NREM_ATTENDANCE_FILTER_INVITED);
    case NREM_ATTENDANCE_FILTER_HEAD:
      return status >= 0 && nrem_participant_item_get_head (item);
    default:
      return FALSE;
    }
}

/**
 * nrem_participant_query_matches:
 *
 * Returns: whether @item passes every filter of @query and holds every word of its search
 */
gboolean
nrem_participant_query_matches (const NremParticipantQuery *query,
                                NremParticipantItem        *item)
{
  /* the cheap tests first: most keystrokes only narrow the words */
  if (!value_matches (query->country, nrem_participant_item_get_country (item)) ||
      !value_matches (query->region, nrem_participant_item_get_region (item)) ||
      !value_matches (query->role, nrem_participant_item_get_role (item)) ||
      !value_matches (query->mechanism_type, nrem_participant_item_get_mechanism_type (item)) ||
      !attendance_matches (query->attendance, item))
    return FALSE;
  return nrem_fold_match_words (nrem_participant_item_get_search_key (item),
                                (const char * const *) query->words);
}

/* Returns: -1 when @after's value is stricter, 1 when looser, 0 when equal, 2 otherwise */
static int
compare_value (const char *before,
               const char *after)
{
  if (g_strcmp0 (before, after) == 0)
    return 0;
  if (before == NULL)
    return -1;
  if (after == NULL)
    return 1;
  return 2;
}

/* the statuses each attendance filter lets through, as bits (bit 4: no attendance) */
static guint
attendance_set (NremAttendanceFilter filter)
{
  switch (filter)
    {
    case NREM_ATTENDANCE_FILTER_ANY: return 0x1f;
    case NREM_ATTENDANCE_FILTER_AT_MEETING: return 0x0f;
    case NREM_ATTENDANCE_FILTER_NOT_AT_MEETING: return 0x10;
    case NREM_ATTENDANCE_FILTER_INVITED: return 0x01;
    case NREM_ATTENDANCE_FILTER_CONFIRMED: return 0x02;
    case NREM_ATTENDANCE_FILTER_DECLINED: return 0x04;
    case NREM_ATTENDANCE_FILTER_ATTENDED: return 0x08;
    case NREM_ATTENDANCE_FILTER_HEAD: return 0x20;  /* a subset of 0x0f, unlike the others */
    default: return 0;
    }
}

static int
compare_attendance (NremAttendanceFilter before,
                    NremAttendanceFilter after)
{
  guint a, b;

  if (before == after)
    return 0;
  a = attendance_set (before);
  b = attendance_set (after);
  /* heads of delegation: within "at the meeting" and "everyone", apart from the rest */
  if (b == 0x20)
    return (a == 0x1f || a == 0x0f) ? -1 : 2;
  if (a == 0x20)
    return (b == 0x1f || b == 0x0f) ? 1 : 2;
  if ((a & b) == b)
    return -1;
  if ((a & b) == a)
    return 1;
  return 2;
}

/* Every word of @before is part of some word of @after: a text holding all the words of
 * @after holds all those of @before. */
static gboolean
words_implied (char **before,
               char **after)
{
  if (before == NULL)
    return TRUE;
  if (after == NULL)
    return FALSE;
  for (guint i = 0; before[i] != NULL; i++)
    {
      gboolean found = FALSE;

      for (guint j = 0; !found && after[j] != NULL; j++)
        found = strstr (after[j], before[i]) != NULL;
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/**
 * nrem_participant_query_compare:
 *
 * Tells a filtered list whether it may look only at what it shows ("sou" after "so") or
 * only at what it hides (a deleted letter), or must look at everything again.
 */
NremQueryChange
nrem_participant_query_compare (const NremParticipantQuery *before,
                                const NremParticipantQuery *after)
{
  int parts[5];
  gboolean stricter = FALSE, looser = FALSE;
  gboolean words_same = g_strv_equal ((const char * const *) (before->words ? before->words : (char *[]) { NULL }),
                                      (const char * const *) (after->words ? after->words : (char *[]) { NULL }));

  parts[0] = compare_value (before->region, after->region);
  parts[1] = compare_value (before->country, after->country);
  parts[2] = compare_value (before->role, after->role);
  parts[3] = compare_value (before->mechanism_type, after->mechanism_type);
  parts[4] = compare_attendance (before->attendance, after->attendance);

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      if (parts[i] == 2)
        return NREM_QUERY_DIFFERENT;
      stricter |= parts[i] < 0;
      looser |= parts[i] > 0;
    }

  if (!words_same)
    {
      if (words_implied (before->words, after->words))
        stricter = TRUE;
      else if (words_implied (after->words, before->words))
        looser = TRUE;
      else
        return NREM_QUERY_DIFFERENT;
    }

  if (stricter && looser)
    return NREM_QUERY_DIFFERENT;
  if (stricter)
    return NREM_QUERY_MORE_STRICT;
  if (looser)
    return NREM_QUERY_LESS_STRICT;
  return NREM_QUERY_SAME;
}

typedef struct
{
  guint8      seen[26 * 26];
  GHashTable *others;
  guint       people;
  guint       countries;
} Tally;

static void
tally_add (Tally               *tally,
           NremParticipantItem *item)
{
  const char *code = nrem_participant_item_get_country (item);

  tally->people++;
  if (code == NULL || code[0] == '\0')
    return;
  if (code[0] >= 'A' && code[0] <= 'Z' && code[1] >= 'A' && code[1] <= 'Z' && code[2] == '\0')
    {
      guint slot = (guint) (code[0] - 'A') * 26 + (guint) (code[1] - 'A');

      if (!tally->seen[slot])
        {
          tally->seen[slot] = 1;
          tally->countries++;
        }
      return;
    }
  /* a code of another shape: interned, the items come and go */
  if (tally->others == NULL)
    tally->others = g_hash_table_new (g_str_hash, g_str_equal);
  if (g_hash_table_add (tally->others, (gpointer) g_intern_string (code)))
    tally->countries++;
}

/**
 * nrem_participants_count:
 * @model: a list of #NremParticipantItem
 * @people: (out): how many
 * @countries: (out): from how many different countries (people without a country are not
 *   counted as one)
 */
void
nrem_participants_count (GListModel *model,
                         guint      *people,
                         guint      *countries)
{
  nrem_participants_count_matching (model, NULL, people, countries);
}

/**
 * nrem_participants_count_matching:
 * @model: a list of #NremParticipantItem (the whole directory)
 * @query: (nullable): only the items it matches
 *
 * The count of a filtered list, from the list under the filter: what a GtkFilterListModel of
 * @query over @model holds, without asking it item by item (each of which costs it a search
 * of its bitset).
 */
void
nrem_participants_count_matching (GListModel                 *model,
                                  const NremParticipantQuery *query,
                                  guint                      *people,
                                  guint                      *countries)
{
  Tally tally = { { 0 }, NULL, 0, 0 };
  gboolean all = query == NULL || nrem_participant_query_is_empty (query);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      NremParticipantItem *item = g_list_model_get_item (model, i);

      if (all || nrem_participant_query_matches (query, item))
        tally_add (&tally, item);
      g_object_unref (item);
    }
  g_clear_pointer (&tally.others, g_hash_table_unref);
  *people = tally.people;
  *countries = tally.countries;
}

/**
 * nrem_participants_describe_count:
 *
 * Returns: (transfer full): "12 people from 7 countries"
 */
char *
nrem_participants_describe_count (guint people,
                                  guint countries)
{
  g_autofree char *who = g_strdup_printf (ngettext ("%'u person", "%'u people", people), people);
  g_autofree char *where = NULL;

  if (countries == 0)
    return g_steal_pointer (&who);
  where = g_strdup_printf (ngettext ("%'u country", "%'u countries", countries), countries);
  /* Translators: "12 people" "from" "7 countries" */
  return g_strdup_printf (_("%s from %s"), who, where);
}
