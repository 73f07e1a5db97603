/* nrem-recommendation-rules.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-recommendation-rules.h"
#include "nrem-entity.h"
#include "nrem-error.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

const char * const nrem_recommendation_themes[] = {
  N_("Institutional framework and independence"),
  N_("Data collection and analysis"),
  N_("Regional cooperation"),
  N_("Partnership among NREMs"),
  N_("Cooperation with State and non-State actors in countries of origin, transit and destination"),
  N_("Follow-up"),
  NULL
};

const char *
nrem_recommendation_status_label (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return _("Draft");
  if (g_strcmp0 (status, "proposed") == 0)
    return _("Proposed");
  if (g_strcmp0 (status, "under-discussion") == 0)
    return _("Under discussion");
  if (g_strcmp0 (status, "agreed") == 0)
    return _("Agreed");
  if (g_strcmp0 (status, "withdrawn") == 0)
    return _("Withdrawn");
  if (g_strcmp0 (status, "merged") == 0)
    return _("Merged");
  return status != NULL ? status : "";
}

/**
 * nrem_recommendation_status_next:
 *
 * Returns: (nullable): the next step of the workflow draft → proposed → under discussion →
 *   agreed, or %NULL from agreed, withdrawn and merged
 */
const char *
nrem_recommendation_status_next (const char *status)
{
  if (g_strcmp0 (status, "draft") == 0)
    return "proposed";
  if (g_strcmp0 (status, "proposed") == 0)
    return "under-discussion";
  if (g_strcmp0 (status, "under-discussion") == 0)
    return "agreed";
  return NULL;
}

/* the verb of a button that moves a recommendation to @status */
const char *
nrem_recommendation_status_action (const char *status)
{
  if (g_strcmp0 (status, "proposed") == 0)
    return _("Propose");
  if (g_strcmp0 (status, "under-discussion") == 0)
    return _("Open Discussion");
  if (g_strcmp0 (status, "agreed") == 0)
    return _("Mark Agreed");
  if (g_strcmp0 (status, "withdrawn") == 0)
    return _("Withdraw");
  if (g_strcmp0 (status, "draft") == 0)
    return _("Back to Draft");
  return nrem_recommendation_status_label (status);
}

const char *
nrem_addressee_label (const char *addressee)
{
  if (g_strcmp0 (addressee, "states") == 0)
    return _("States");
  if (g_strcmp0 (addressee, "nrems") == 0)
    return _("NREMs");
  if (g_strcmp0 (addressee, "sr-ohchr-unodc") == 0)
    return _("Special Rapporteur, OHCHR, UNODC");
  if (g_strcmp0 (addressee, "regional-organisations") == 0)
    return _("Regional organisations");
  if (g_strcmp0 (addressee, "civil-society") == 0)
    return _("Civil society");
  return addressee != NULL ? addressee : "";
}

/* as a section of the outcome document */
const char *
nrem_addressee_heading (const char *addressee)
{
  if (g_strcmp0 (addressee, "states") == 0)
    return _("Recommendations to States");
  if (g_strcmp0 (addressee, "nrems") == 0)
    return _("Recommendations to national rapporteurs and equivalent mechanisms");
  if (g_strcmp0 (addressee, "sr-ohchr-unodc") == 0)
    return _("Recommendations to the Special Rapporteur, OHCHR and UNODC");
  if (g_strcmp0 (addressee, "regional-organisations") == 0)
    return _("Recommendations to regional organisations");
  if (g_strcmp0 (addressee, "civil-society") == 0)
    return _("Recommendations to civil society");
  return _("Other recommendations");
}

const char *
nrem_grouping_to_string (NremGrouping grouping)
{
  switch (grouping)
    {
    case NREM_GROUPING_THEME: return "theme";
    case NREM_GROUPING_ADDRESSEE: return "addressee";
    case NREM_GROUPING_NONE:
    default:
      return "none";
    }
}

NremGrouping
nrem_grouping_from_string (const char *text)
{
  if (g_strcmp0 (text, "none") == 0)
    return NREM_GROUPING_NONE;
  if (g_strcmp0 (text, "addressee") == 0)
    return NREM_GROUPING_ADDRESSEE;
  return NREM_GROUPING_THEME;
}

/**
 * nrem_recommendation_check_status:
 * @uuid: the recommendation
 * @merged_into: (nullable): the recommendation it went into, for "merged"
 *
 * The workflow draft → proposed → under discussion → agreed moves freely, forwards and back:
 * meetings reopen what they agreed. What it asks: a known status; text before "agreed"; for
 * "merged", the recommendation it went into, which is another one.
 */
gboolean
nrem_recommendation_check_status (const char  *uuid,
                                  const char  *status,
                                  const char  *merged_into,
                                  const char  *text,
                                  GError     **error)
{
  if (!nrem_enum_contains (nrem_recommendation_statuses, status))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED,
                   _("“%s” is not a status of a recommendation."), status ? status : "");
      return FALSE;
    }
  if (g_strcmp0 (status, "agreed") == 0)
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (text ? text : ""));

      if (trimmed[0] == '\0')
        {
          g_set_error_literal (error, NREM_ERROR, NREM_ERROR_FAILED,
                               _("A recommendation without text cannot be agreed."));
          return FALSE;
        }
    }
  if (g_strcmp0 (status, "merged") == 0)
    {
      if (merged_into == NULL || merged_into[0] == '\0')
        {
          g_set_error_literal (error, NREM_ERROR, NREM_ERROR_FAILED,
                               _("Choose the recommendation this one was merged into."));
          return FALSE;
        }
      if (g_strcmp0 (merged_into, uuid) == 0)
        {
          g_set_error_literal (error, NREM_ERROR, NREM_ERROR_FAILED,
                               _("A recommendation cannot be merged into itself."));
          return FALSE;
        }
    }
  return TRUE;
}

char **
nrem_json_array_parse (const char *json)
{
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GPtrArray) out = g_ptr_array_new ();
  JsonNode *root;

  if (json == NULL || json[0] == '\0')
    return g_new0 (char *, 1);
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, json, -1, NULL) ||
      !JSON_NODE_HOLDS_ARRAY ((root = json_parser_get_root (parser))))
    return g_new0 (char *, 1);
  {
    JsonArray *array = json_node_get_array (root);

    for (guint i = 0; i < json_array_get_length (array); i++)
      {
        JsonNode *node = json_array_get_element (array, i);

        if (JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING)
          g_ptr_array_add (out, g_strdup (json_node_get_string (node)));
      }
  }
  g_ptr_array_add (out, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&out), FALSE);
}

/**
 * nrem_json_array_build:
 *
 * Returns: (nullable): the compact JSON array the store keeps, or %NULL for an empty one
 */
char *
nrem_json_array_build (const char * const *items)
{
  GString *out;

  if (items == NULL || items[0] == NULL)
    return NULL;
  out = g_string_new ("[");
  for (guint i = 0; items[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');
      nrem_json_write_string (out, items[i]);
    }
  g_string_append_c (out, ']');
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------
 * Sections
 */

/**
 * nrem_recommendation_section_key:
 *
 * Returns: (nullable): the section @row belongs to: its theme (trimmed), or its first
 *   addressee; %NULL when it has none or the list is not grouped
 */
char *
nrem_recommendation_section_key (const NremRow *row,
                                 NremGrouping   grouping)
{
  if (grouping == NREM_GROUPING_THEME)
    {
      const char *theme = nrem_row_get (row, "theme");
      char *key;

      if (theme == NULL)
        return NULL;
      key = g_strstrip (g_strdup (theme));
      if (key[0] == '\0')
        g_clear_pointer (&key, g_free);
      return key;
    }
  if (grouping == NREM_GROUPING_ADDRESSEE)
    {
      g_auto(GStrv) addressees = nrem_json_array_parse (nrem_row_get (row, "addressees"));

      return addressees[0] != NULL ? g_strdup (addressees[0]) : NULL;
    }
  return NULL;
}

char *
nrem_recommendation_section_title (const char   *key,
                                   NremGrouping  grouping)
{
  if (grouping == NREM_GROUPING_ADDRESSEE)
    return g_strdup (nrem_addressee_heading (key));
  if (key == NULL)
    return g_strdup (grouping == NREM_GROUPING_THEME ? _("Other recommendations") : "");
  return g_strdup (key);
}

typedef struct
{
  gpointer  item;
  gint64    position;
  const char *uuid;
  char     *key;
  guint     rank;
} Arranged;

static int
compare_arranged (gconstpointer pa,
                  gconstpointer pb)
{
  const Arranged *a = pa, *b = pb;

  if (a->rank != b->rank)
    return a->rank < b->rank ? -1 : 1;
  if (a->position != b->position)
    return a->position < b->position ? -1 : 1;
  return g_strcmp0 (a->uuid, b->uuid);
}

static gint64
row_position (const NremRow *row)
{
  const char *p = nrem_row_get (row, "position");

  return p != NULL ? g_ascii_strtoll (p, NULL, 10) : 0;
}

/**
 * nrem_recommendations_arrange:
 * @items: recommendations, or things that hold them
 * @get_row: (nullable): how to reach the row of an item; %NULL when the items are rows
 *
 * Puts @items in the order of the document: by section, then by position. Sections by
 * addressee follow the order of the addressees (States first); sections by theme follow the
 * first appearance of each theme in document order, so that moving a paragraph moves its
 * section; recommendations without a section come last.
 */
void
nrem_recommendations_arrange (GPtrArray     *items,
                              NremGrouping   grouping,
                              NremRowGetter  get_row)
{
  g_autoptr(GArray) arranged = g_array_sized_new (FALSE, FALSE, sizeof (Arranged), items->len);
  g_autoptr(GHashTable) first = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < items->len; i++)
    {
      gpointer item = g_ptr_array_index (items, i);
      const NremRow *row = get_row != NULL ? get_row (item) : item;
      Arranged a = { item, row_position (row), row->uuid,
                     nrem_recommendation_section_key (row, grouping), 0 };

      g_array_append_val (arranged, a);
    }

  if (grouping == NREM_GROUPING_THEME)
    {
      /* each theme ranks by its first paragraph */
      g_autoptr(GArray) by_position = g_array_copy (arranged);
      guint next = 0;

      g_array_sort (by_position, compare_arranged);
      for (guint i = 0; i < by_position->len; i++)
        {
          Arranged *a = &g_array_index (by_position, Arranged, i);

          if (a->key != NULL && !g_hash_table_contains (first, a->key))
            g_hash_table_insert (first, a->key, GUINT_TO_POINTER (++next));
        }
      for (guint i = 0; i < arranged->len; i++)
        {
          Arranged *a = &g_array_index (arranged, Arranged, i);

          a->rank = a->key != NULL ? GPOINTER_TO_UINT (g_hash_table_lookup (first, a->key))
                                   : G_MAXUINT;
        }
    }
  else if (grouping == NREM_GROUPING_ADDRESSEE)
    {
      for (guint i = 0; i < arranged->len; i++)
        {
          Arranged *a = &g_array_index (arranged, Arranged, i);
          guint rank = G_MAXUINT;

          for (guint k = 0; a->key != NULL && nrem_addressees[k] != NULL; k++)
            if (strcmp (a->key, nrem_addressees[k]) == 0)
              rank = k;
          a->rank = rank;
        }
    }

  g_array_sort (arranged, compare_arranged);
  for (guint i = 0; i < arranged->len; i++)
    {
      Arranged *a = &g_array_index (arranged, Arranged, i);

      items->pdata[i] = a->item;
      g_free (a->key);
    }
}

/* ------------------------------------------------------------------------------------------
 * Search
 */

/**
 * nrem_text_fold:
 *
 * Returns: @text without accents and case: "Ștefan Société" → "stefan societe"
 */
char *
nrem_text_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  GString *bare;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_utf8_casefold (text, -1);

  bare = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_ismark (c))
        continue;
      if ((guchar) *p < 0x80)
        g_string_append_c (bare, *p);
      else
        g_string_append_unichar (bare, c);
    }
  {
    char *folded = g_utf8_casefold (bare->str, (gssize) bare->len);

    g_string_free (bare, TRUE);
    return folded;
  }
}

/**
 * nrem_text_fold_matches:
 * @folded_query: words separated by spaces, folded
 *
 * Returns: %TRUE when every word of the query occurs in the haystack
 */
gboolean
nrem_text_fold_matches (const char *folded_haystack,
                        const char *folded_query)
{
  const char *p = folded_query;

  if (p == NULL)
    return TRUE;
  while (*p != '\0')
    {
      const char *end;
      char word[256];
      gsize len;

      while (*p == ' ')
        p++;
      if (*p == '\0')
        break;
      end = strchr (p, ' ');
      if (end == NULL)
        end = p + strlen (p);
      len = MIN ((gsize) (end - p), sizeof word - 1);
      memcpy (word, p, len);
      word[len] = '\0';
      if (strstr (folded_haystack, word) == NULL)
        return FALSE;
      p = end;
    }
  return TRUE;
}

void
nrem_recommendation_filter_clear (NremRecommendationFilter *filter)
{
  g_clear_pointer (&filter->status, g_free);
  g_clear_pointer (&filter->addressee, g_free);
  g_clear_pointer (&filter->theme, g_free);
  g_clear_pointer (&filter->proposer, g_free);
  g_clear_pointer (&filter->query, g_free);
}

gboolean
nrem_recommendation_filter_is_empty (const NremRecommendationFilter *filter)
{
  return filter->status == NULL && filter->addressee == NULL && filter->theme == NULL &&
         filter->proposer == NULL && (filter->query == NULL || filter->query[0] == '\0');
}

static gboolean
array_contains (const char *json,
                const char *value)
{
  g_autofree char *quoted = NULL;
  GString *q;

  if (json == NULL)
    return FALSE;
  /* the store's compact arrays hold plain kebab-case keys: look for the quoted key */
  q = g_string_new (NULL);
  nrem_json_write_string (q, value);
  quoted = g_string_free (q, FALSE);
  return strstr (json, quoted) != NULL;
}

/**
 * nrem_recommendation_filter_match:
 * @folded_text: the recommendation's searchable text, folded with nrem_text_fold()
 */
gboolean
nrem_recommendation_filter_match (const NremRecommendationFilter *filter,
                                  const NremRow                  *row,
                                  const char                     *folded_text)
{
  if (filter->status != NULL && g_strcmp0 (nrem_row_get (row, "status"), filter->status) != 0)
    return FALSE;
  if (filter->addressee != NULL && !array_contains (nrem_row_get (row, "addressees"), filter->addressee))
    return FALSE;
  if (filter->theme != NULL)
    {
      const char *theme = nrem_row_get (row, "theme");

      if (filter->theme[0] == '\0' ? theme != NULL : g_strcmp0 (theme, filter->theme) != 0)
        return FALSE;
    }
  if (filter->proposer != NULL && g_strcmp0 (nrem_row_get (row, "proposer"), filter->proposer) != 0)
    return FALSE;
  if (filter->query != NULL && filter->query[0] != '\0')
    return nrem_text_fold_matches (folded_text != NULL ? folded_text : "", filter->query);
  return TRUE;
}
