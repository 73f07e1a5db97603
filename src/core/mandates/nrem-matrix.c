/* nrem-matrix.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-matrix"

#include "config.h"

#include "nrem-matrix.h"
#include "nrem-csv.h"
#include "nrem-entity.h"
#include "nrem-error.h"
#include "nrem-store-mandates.h"
#include "nrem-uuid.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <string.h>

struct _NremMatrix
{
  gatomicrefcount  ref_count;
  GPtrArray       *dimensions;   /* NremMatrixDimension */
  GPtrArray       *mechanisms;   /* NremMatrixMechanism */
  NremMatrixCell  *cells;        /* n_mechanisms × n_dimensions, row-major */
  GHashTable      *mechanism_index;
  GHashTable      *dimension_index;
  gboolean         finished;
};

/* ------------------------------------------------------------------------------------------
 * Words
 */

static const struct
{
  const char *type;
  const char *label;
} type_labels[] = {
  { "independent-rapporteur", N_("Independent national rapporteur") },
  { "nhri-ombuds", N_("NHRI or ombuds institution") },
  { "government-rapporteur", N_("Government unit acting as rapporteur") },
  { "national-coordinator", N_("National coordinator") },
  { "inter-agency-body", N_("Inter-agency coordinating body") },
  { "other", N_("Other") },
};

static const char * const group_labels[] = {
  N_("Set-up"), N_("Functions"), N_("Reporting"), N_("Powers"), N_("Cooperation"),
};

G_STATIC_ASSERT (G_N_ELEMENTS (group_labels) == 5);

/* Option keys are kebab-case in the data; people read these. A NULL dimension applies to any
 * dimension that has no entry of its own. Keys not listed fall back to the key with dashes
 * turned into spaces, capitalised. */
static const struct
{
  const char *dimension;
  const char *option;
  const char *label;
} option_labels[] = {
  { "legal-basis", "statute", N_("Statute") },
  { "legal-basis", "decree", N_("Decree") },
  { "legal-basis", "government-decision", N_("Government decision") },
  { "host-body", "standalone", N_("Stand-alone body") },
  { "host-body", "nhri", N_("NHRI") },
  { "host-body", "ministry", N_("Ministry") },
  { "host-body", "police", N_("Police") },
  { "independence", "by-law", N_("By law") },
  { "independence", "functional", N_("Functional") },
  { "independence", "part-of-executive", N_("Part of the executive") },
  { "thematic-scope", "sexual-exploitation", N_("Sexual exploitation") },
  { "thematic-scope", "labour-exploitation", N_("Labour exploitation") },
  { "thematic-scope", "criminal-activities", N_("Criminal activities") },
  { "thematic-scope", "organ-removal", N_("Removal of organs") },
  { "thematic-scope", "forced-marriage", N_("Forced marriage") },
  { "thematic-scope", "child-trafficking", N_("Child trafficking") },
  { "thematic-scope", "internal-trafficking", N_("Internal trafficking") },
  { "data-collection", "own", N_("Own data") },
  { "data-collection", "compiles-others", N_("Compiles others’") },
  { "nrm-role", "observer", N_("Observer") },
  { "nrm-role", "member", N_("Member") },
  { "nrm-role", "operates", N_("Operates it") },
  { "reports-to", "government", N_("Government") },
  { "reports-to", "parliament", N_("Parliament") },
  { "reports-to", "public", N_("Public") },
  { "reports-to", "regional", N_("Regional bodies") },
  { "government-response", "in-practice", N_("In practice") },
  { "reports-public", "partly", N_("Partly") },
  { "reports-public", "confidential", N_("Confidential") },
  { "access-to-information", "statutory", N_("Statutory") },
  { "access-to-information", "by-agreement", N_("By agreement") },
  { "civil-society-cooperation", "ad-hoc", N_("Ad hoc") },
  { "networks", "eu-network", N_("EU network") },
  { "networks", "council-of-europe", N_("Council of Europe") },
  { "networks", "osce", N_("OSCE") },
  { "networks", "asean", N_("ASEAN") },
  { "networks", "bilateral", N_("Bilateral") },
  { "international-reporting", "eu-coordinator", N_("EU Anti-Trafficking Coordinator") },
  { "international-reporting", "greta", N_("GRETA") },
  { NULL, "none", N_("None") },
  { NULL, "other", N_("Other") },
  { NULL, "un", N_("United Nations") },
  { NULL, "formal", N_("Formal") },
  { NULL, "public", N_("Public") },
  { NULL, "yes", N_("Yes") },
  { NULL, "partial", N_("Partial") },
  { NULL, "no", N_("No") },
  { NULL, "unknown", N_("Unknown") },
};

const char *
nrem_matrix_type_label (const char *type)
{
  for (guint i = 0; i < G_N_ELEMENTS (type_labels); i++)
    if (g_strcmp0 (type, type_labels[i].type) == 0)
      return _(type_labels[i].label);
  return type != NULL ? type : "";
}

const char *
nrem_matrix_group_label (int group)
{
  if (group < 0 || group >= (int) G_N_ELEMENTS (group_labels))
    return "";
  return _(group_labels[group]);
}

const char *
nrem_matrix_level_label (NremLevel level)
{
  switch (level)
    {
    case NREM_LEVEL_YES: return _("Yes");
    case NREM_LEVEL_PARTIAL: return _("Partial");
    case NREM_LEVEL_NO: return _("No");
    case NREM_LEVEL_UNKNOWN: return _("Unknown");
    case NREM_LEVEL_EMPTY: return _("Not assessed");
    case NREM_LEVEL_NEUTRAL:
    case NREM_N_LEVELS:
    default: return "";
    }
}

/**
 * nrem_matrix_option_label:
 *
 * Returns: (transfer full): the label people read for an option key of a dimension
 */
char *
nrem_matrix_option_label (const char *dimension_key,
                          const char *option)
{
  g_autofree char *fallback = NULL;

  if (option == NULL)
    return g_strdup ("");
  if (g_strcmp0 (dimension_key, "mechanism-type") == 0)
    for (guint i = 0; i < G_N_ELEMENTS (type_labels); i++)
      if (strcmp (option, type_labels[i].type) == 0)
        return g_strdup (_(type_labels[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (option_labels); i++)
    if (option_labels[i].dimension != NULL &&
        g_strcmp0 (dimension_key, option_labels[i].dimension) == 0 &&
        strcmp (option, option_labels[i].option) == 0)
      return g_strdup (_(option_labels[i].label));
  for (guint i = 0; i < G_N_ELEMENTS (option_labels); i++)
    if (option_labels[i].dimension == NULL && strcmp (option, option_labels[i].option) == 0)
      return g_strdup (_(option_labels[i].label));

  /* fallback: "compiles-others" → "Compiles others" */
  fallback = g_strdup (option);
  for (char *p = fallback; *p != '\0'; p++)
    if (*p == '-')
      *p = ' ';
  if (fallback[0] != '\0')
    {
      gunichar first = g_utf8_get_char (fallback);
      const char *rest = g_utf8_next_char (fallback);
      char buf[8] = { 0 };

      g_unichar_to_utf8 (g_unichar_totitle (first), buf);
      return g_strconcat (buf, rest, NULL);
    }
  return g_steal_pointer (&fallback);
}

/**
 * nrem_matrix_value_label:
 *
 * Returns: (transfer full): a stored value as people read it: "By law", "Government,
 * Parliament", the text itself; "" for no value
 */
char *
nrem_matrix_value_label (const NremMatrixDimension *dimension,
                         const char                *value)
{
  g_auto(GStrv) parts = NULL;
  GString *out;

  if (value == NULL || value[0] == '\0')
    return g_strdup ("");
  if (strcmp (value, "unknown") == 0 && dimension->value_type != NREM_VALUE_TEXT)
    return g_strdup (_("Unknown"));

  switch (dimension->value_type)
    {
    case NREM_VALUE_TEXT:
      return g_strdup (value);

    case NREM_VALUE_MULTI:
      parts = g_strsplit (value, ",", -1);
      out = g_string_new (NULL);
      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *label = nrem_matrix_option_label (dimension->key, g_strstrip (parts[i]));

          if (label[0] == '\0')
            continue;
          if (out->len > 0)
            g_string_append (out, ", ");
          g_string_append (out, label);
        }
      return g_string_free (out, FALSE);

    case NREM_VALUE_TRISTATE:
    case NREM_VALUE_ENUM:
    default:
      return nrem_matrix_option_label (dimension->key, value);
    }
}

/* ------------------------------------------------------------------------------------------
 * Levels: what a value says about having the function a dimension describes.
 *
 * tristate:  yes → yes, partial → partial, no → no, unknown → unknown.
 * enum:      per dimension, below: the option that means the full function → yes, a weaker
 *            form → partial, its absence → no. Dimensions without a mapping (mechanism type)
 *            are not compared.
 * multi:     thematic scope: every form of trafficking → yes, some → partial;
 *            reports to: parliament or the public among the addressees → yes, government or
 *            international bodies only → partial;
 *            networks, international reporting (and any other multi): one or more → yes.
 * text:      free text is described, not counted: not compared.
 * Any dimension: "unknown" → unknown; no value → not assessed.
 */

static const struct
{
  const char *dimension;
  const char *option;
  NremLevel   level;
} enum_levels[] = {
  { "legal-basis", "statute", NREM_LEVEL_YES },
  { "legal-basis", "decree", NREM_LEVEL_PARTIAL },
  { "legal-basis", "government-decision", NREM_LEVEL_PARTIAL },
  { "legal-basis", "none", NREM_LEVEL_NO },
  /* hosted outside the executive */
  { "host-body", "standalone", NREM_LEVEL_YES },
  { "host-body", "nhri", NREM_LEVEL_YES },
  { "host-body", "other", NREM_LEVEL_PARTIAL },
  { "host-body", "ministry", NREM_LEVEL_NO },
  { "host-body", "police", NREM_LEVEL_NO },
  { "independence", "by-law", NREM_LEVEL_YES },
  { "independence", "functional", NREM_LEVEL_PARTIAL },
  { "independence", "part-of-executive", NREM_LEVEL_NO },
  { "data-collection", "own", NREM_LEVEL_YES },
  { "data-collection", "compiles-others", NREM_LEVEL_PARTIAL },
  { "data-collection", "none", NREM_LEVEL_NO },
  { "nrm-role", "operates", NREM_LEVEL_YES },
  { "nrm-role", "member", NREM_LEVEL_YES },
  { "nrm-role", "observer", NREM_LEVEL_PARTIAL },
  { "nrm-role", "none", NREM_LEVEL_NO },
  { "government-response", "formal", NREM_LEVEL_YES },
  { "government-response", "in-practice", NREM_LEVEL_PARTIAL },
  { "government-response", "none", NREM_LEVEL_NO },
  { "reports-public", "public", NREM_LEVEL_YES },
  { "reports-public", "partly", NREM_LEVEL_PARTIAL },
  { "reports-public", "confidential", NREM_LEVEL_NO },
  { "access-to-information", "statutory", NREM_LEVEL_YES },
  { "access-to-information", "by-agreement", NREM_LEVEL_PARTIAL },
  { "access-to-information", "none", NREM_LEVEL_NO },
  { "civil-society-cooperation", "formal", NREM_LEVEL_YES },
  { "civil-society-cooperation", "ad-hoc", NREM_LEVEL_PARTIAL },
  { "civil-society-cooperation", "none", NREM_LEVEL_NO },
};

static gboolean
enum_has_mapping (const char *key)
{
  for (guint i = 0; i < G_N_ELEMENTS (enum_levels); i++)
    if (g_strcmp0 (key, enum_levels[i].dimension) == 0)
      return TRUE;
  return FALSE;
}

gboolean
nrem_matrix_dimension_is_comparable (const NremMatrixDimension *dimension)
{
  switch (dimension->value_type)
    {
    case NREM_VALUE_TRISTATE:
    case NREM_VALUE_MULTI:
      return TRUE;
    case NREM_VALUE_ENUM:
      return enum_has_mapping (dimension->key);
    case NREM_VALUE_TEXT:
    default:
      return FALSE;
    }
}

static gboolean
strv_has (char       **parts,
          const char  *key)
{
  for (guint i = 0; parts[i] != NULL; i++)
    if (strcmp (g_strstrip (parts[i]), key) == 0)
      return TRUE;
  return FALSE;
}

NremLevel
nrem_matrix_level_for_value (const NremMatrixDimension *dimension,
                             const char                *value)
{
  if (value == NULL || value[0] == '\0')
    return NREM_LEVEL_EMPTY;
  if (dimension->value_type == NREM_VALUE_TEXT)
    return NREM_LEVEL_NEUTRAL;
  if (strcmp (value, "unknown") == 0)
    return NREM_LEVEL_UNKNOWN;

  switch (dimension->value_type)
    {
    case NREM_VALUE_TRISTATE:
      if (strcmp (value, "yes") == 0)
        return NREM_LEVEL_YES;
      if (strcmp (value, "partial") == 0)
        return NREM_LEVEL_PARTIAL;
      if (strcmp (value, "no") == 0)
        return NREM_LEVEL_NO;
      return NREM_LEVEL_NEUTRAL;

    case NREM_VALUE_ENUM:
      for (guint i = 0; i < G_N_ELEMENTS (enum_levels); i++)
        if (g_strcmp0 (dimension->key, enum_levels[i].dimension) == 0 &&
            strcmp (value, enum_levels[i].option) == 0)
          return enum_levels[i].level;
      return NREM_LEVEL_NEUTRAL;

    case NREM_VALUE_MULTI:
      {
        g_auto(GStrv) parts = g_strsplit (value, ",", -1);
        guint n = g_strv_length (parts);

        if (g_strcmp0 (dimension->key, "thematic-scope") == 0)
          {
            guint n_options = dimension->options ? g_strv_length (dimension->options) : 0;
            guint covered = 0;

            for (guint i = 0; i < n_options; i++)
              covered += strv_has (parts, dimension->options[i]);
            return n_options > 0 && covered >= n_options ? NREM_LEVEL_YES : NREM_LEVEL_PARTIAL;
          }
        if (g_strcmp0 (dimension->key, "reports-to") == 0)
          return strv_has (parts, "parliament") || strv_has (parts, "public")
                 ? NREM_LEVEL_YES : NREM_LEVEL_PARTIAL;
        return n > 0 ? NREM_LEVEL_YES : NREM_LEVEL_EMPTY;
      }

    case NREM_VALUE_TEXT:
    default:
      return NREM_LEVEL_NEUTRAL;
    }
}

/* ------------------------------------------------------------------------------------------
 * The model
 */

static void
dimension_free (NremMatrixDimension *d)
{
  g_free (d->uuid);
  g_free (d->key);
  g_free (d->label);
  g_free (d->definition);
  g_free (d->source);
  g_strfreev (d->options);
  g_free (d);
}

static void
mechanism_free (NremMatrixMechanism *m)
{
  g_free (m->uuid);
  g_free (m->name);
  g_free (m->country);
  g_free (m->country_name);
  g_free (m->region);
  g_free (m->type);
  g_free (m->folded);
  g_free (m);
}

static void
cell_clear (NremMatrixCell *cell)
{
  g_clear_pointer (&cell->value, g_free);
  g_clear_pointer (&cell->note, g_free);
  g_clear_pointer (&cell->source, g_free);
  g_clear_pointer (&cell->as_of, g_free);
  cell->stored = FALSE;
  cell->level = NREM_LEVEL_EMPTY;
}

NremMatrix *
nrem_matrix_new (void)
{
  NremMatrix *self = g_new0 (NremMatrix, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->dimensions = g_ptr_array_new_with_free_func ((GDestroyNotify) dimension_free);
  self->mechanisms = g_ptr_array_new_with_free_func ((GDestroyNotify) mechanism_free);
  self->mechanism_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->dimension_index = g_hash_table_new (g_str_hash, g_str_equal);
  return self;
}

NremMatrix *
nrem_matrix_ref (NremMatrix *self)
{
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
nrem_matrix_unref (NremMatrix *self)
{
  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;
  if (self->cells != NULL)
    {
      gsize n = (gsize) self->mechanisms->len * self->dimensions->len;

      for (gsize i = 0; i < n; i++)
        cell_clear (&self->cells[i]);
      g_free (self->cells);
    }
  g_hash_table_destroy (self->mechanism_index);
  g_hash_table_destroy (self->dimension_index);
  g_ptr_array_unref (self->dimensions);
  g_ptr_array_unref (self->mechanisms);
  g_free (self);
}

/**
 * nrem_matrix_load:
 *
 * Returns: (transfer full): the matrix of @store, or %NULL with @error set
 */
NremMatrix *
nrem_matrix_load (NremStore  *store,
                  GError    **error)
{
  g_autoptr(NremMatrix) self = nrem_matrix_new ();

  if (!nrem_store_mandates_load (store, self, error))
    return NULL;
  if (!self->finished)
    nrem_matrix_finish (self);
  return g_steal_pointer (&self);
}

static int
enum_index (const char * const *values,
            const char         *value)
{
  for (int i = 0; values[i] != NULL; i++)
    if (g_strcmp0 (values[i], value) == 0)
      return i;
  return -1;
}

void
nrem_matrix_add_dimension (NremMatrix *self,
                           const char *uuid,
                           const char *key,
                           const char *group,
                           int         position,
                           const char *label,
                           const char *definition,
                           const char *value_type,
                           const char *options_json,
                           const char *source)
{
  NremMatrixDimension *d = g_new0 (NremMatrixDimension, 1);
  int vt = enum_index (nrem_value_types, value_type);

  g_return_if_fail (!self->finished);

  d->uuid = g_strdup (uuid);
  d->key = g_strdup (key);
  d->label = g_strdup (label != NULL ? label : key);
  d->definition = g_strdup (definition);
  d->source = g_strdup (source);
  d->group = enum_index (nrem_dimension_groups, group);
  d->position = position;
  d->value_type = vt < 0 ? NREM_VALUE_TEXT : (NremValueType) vt;

  if (options_json != NULL && options_json[0] != '\0')
    {
      g_autoptr(JsonNode) node = json_from_string (options_json, NULL);
      JsonArray *array = node != NULL && JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
      GPtrArray *options = g_ptr_array_new ();

      for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
        {
          JsonNode *item = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_VALUE (item) && json_node_get_value_type (item) == G_TYPE_STRING)
            g_ptr_array_add (options, g_strdup (json_node_get_string (item)));
        }
      g_ptr_array_add (options, NULL);
      d->options = (char **) g_ptr_array_free (options, FALSE);
    }
  else
    d->options = g_new0 (char *, 1);

  g_ptr_array_add (self->dimensions, d);
}

static void
append_folded (GString    *out,
               const char *text)
{
  g_autofree char *folded = NULL;

  if (text == NULL)
    return;
  folded = nrem_matrix_fold (text);
  g_string_append (out, folded);
  g_string_append_c (out, '\n');
}

void
nrem_matrix_add_mechanism (NremMatrix *self,
                           const char *uuid,
                           const char *name,
                           const char *country,
                           const char *type,
                           gboolean    reference,
                           const char *host_body,
                           const char *country_name,
                           const char *region)
{
  NremMatrixMechanism *m = g_new0 (NremMatrixMechanism, 1);
  GString *folded = g_string_new (NULL);

  g_return_if_fail (!self->finished);

  m->uuid = g_strdup (uuid);
  m->name = g_strdup (name != NULL ? name : "");
  m->country = g_strdup (country);
  m->country_name = g_strdup (country_name != NULL ? country_name : country);
  m->region = g_strdup (region != NULL && region[0] != '\0' ? region : NULL);
  m->type = g_strdup (type != NULL ? type : "other");
  m->type_index = enum_index (nrem_mechanism_types, m->type);
  if (m->type_index < 0)
    m->type_index = enum_index (nrem_mechanism_types, "other");
  m->reference = reference;

  append_folded (folded, m->name);
  append_folded (folded, m->country_name);
  append_folded (folded, m->country);
  append_folded (folded, host_body);
  append_folded (folded, nrem_matrix_type_label (m->type));
  m->folded = g_string_free (folded, FALSE);

  g_ptr_array_add (self->mechanisms, m);
}

static int
compare_mechanisms (gconstpointer a,
                    gconstpointer b)
{
  const NremMatrixMechanism *x = *(NremMatrixMechanism * const *) a;
  const NremMatrixMechanism *y = *(NremMatrixMechanism * const *) b;
  int r;

  /* reference profiles first: the rapporteur, then the coordinating mechanism */
  if (x->reference != y->reference)
    return x->reference ? -1 : 1;
  if (x->reference && x->type_index != y->type_index)
    return x->type_index - y->type_index;
  /* then by country, in the language's order */
  if ((x->country_name == NULL) != (y->country_name == NULL))
    return x->country_name == NULL ? 1 : -1;
  if (x->country_name != NULL && (r = g_utf8_collate (x->country_name, y->country_name)) != 0)
    return r;
  if ((r = g_utf8_collate (x->name, y->name)) != 0)
    return r;
  return g_strcmp0 (x->uuid, y->uuid);
}

static int
compare_dimensions (gconstpointer a,
                    gconstpointer b)
{
  const NremMatrixDimension *x = *(NremMatrixDimension * const *) a;
  const NremMatrixDimension *y = *(NremMatrixDimension * const *) b;

  if (x->group != y->group)
    return x->group - y->group;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return g_strcmp0 (x->key, y->key);
}

/**
 * nrem_matrix_finish:
 *
 * Orders rows (reference profiles, then by country) and columns (by group and position),
 * and makes room for the cells.
 */
void
nrem_matrix_finish (NremMatrix *self)
{
  g_return_if_fail (!self->finished);

  g_ptr_array_sort (self->mechanisms, compare_mechanisms);
  g_ptr_array_sort (self->dimensions, compare_dimensions);
  for (guint i = 0; i < self->mechanisms->len; i++)
    {
      NremMatrixMechanism *m = g_ptr_array_index (self->mechanisms, i);

      g_hash_table_insert (self->mechanism_index, m->uuid, GUINT_TO_POINTER (i + 1));
    }
  for (guint i = 0; i < self->dimensions->len; i++)
    {
      NremMatrixDimension *d = g_ptr_array_index (self->dimensions, i);

      g_hash_table_insert (self->dimension_index, d->uuid, GUINT_TO_POINTER (i + 1));
      if (d->key != NULL)
        g_hash_table_insert (self->dimension_index, d->key, GUINT_TO_POINTER (i + 1));
    }
  self->cells = g_new0 (NremMatrixCell, MAX ((gsize) self->mechanisms->len * self->dimensions->len, 1));
  for (gsize i = 0; i < (gsize) self->mechanisms->len * self->dimensions->len; i++)
    self->cells[i].level = NREM_LEVEL_EMPTY;
  self->finished = TRUE;
}

static char *
dup_nonempty (const char *s)
{
  return s != NULL && s[0] != '\0' ? g_strdup (s) : NULL;
}

/**
 * nrem_matrix_set_cell:
 * @stored: whether a live assessment record holds these values
 *
 * Returns: %FALSE when the mechanism or dimension is not in the matrix
 */
gboolean
nrem_matrix_set_cell (NremMatrix *self,
                      const char *mechanism_uuid,
                      const char *dimension_uuid,
                      const char *value,
                      const char *note,
                      const char *source,
                      const char *as_of,
                      gboolean    stored)
{
  int m = nrem_matrix_find_mechanism (self, mechanism_uuid);
  int d = nrem_matrix_find_dimension (self, dimension_uuid);
  NremMatrixCell *cell;

  g_return_val_if_fail (self->finished, FALSE);

  if (m < 0 || d < 0)
    return FALSE;
  cell = &self->cells[(gsize) m * self->dimensions->len + (guint) d];
  cell_clear (cell);
  cell->value = dup_nonempty (value);
  cell->note = dup_nonempty (note);
  cell->source = dup_nonempty (source);
  cell->as_of = dup_nonempty (as_of);
  cell->stored = stored;
  cell->level = nrem_matrix_level_for_value (g_ptr_array_index (self->dimensions, d), cell->value);
  return TRUE;
}

guint
nrem_matrix_get_n_mechanisms (NremMatrix *self)
{
  return self->mechanisms->len;
}

guint
nrem_matrix_get_n_dimensions (NremMatrix *self)
{
  return self->dimensions->len;
}

const NremMatrixMechanism *
nrem_matrix_get_mechanism (NremMatrix *self,
                           guint       index)
{
  g_return_val_if_fail (index < self->mechanisms->len, NULL);
  return g_ptr_array_index (self->mechanisms, index);
}

const NremMatrixDimension *
nrem_matrix_get_dimension (NremMatrix *self,
                           guint       index)
{
  g_return_val_if_fail (index < self->dimensions->len, NULL);
  return g_ptr_array_index (self->dimensions, index);
}

const NremMatrixCell *
nrem_matrix_get_cell (NremMatrix *self,
                      guint       mechanism,
                      guint       dimension)
{
  g_return_val_if_fail (self->finished, NULL);
  g_return_val_if_fail (mechanism < self->mechanisms->len, NULL);
  g_return_val_if_fail (dimension < self->dimensions->len, NULL);
  return &self->cells[(gsize) mechanism * self->dimensions->len + dimension];
}

int
nrem_matrix_find_mechanism (NremMatrix *self,
                            const char *uuid)
{
  if (uuid == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->mechanism_index, uuid)) - 1;
}

int
nrem_matrix_find_dimension (NremMatrix *self,
                            const char *uuid_or_key)
{
  if (uuid_or_key == NULL)
    return -1;
  return (int) GPOINTER_TO_UINT (g_hash_table_lookup (self->dimension_index, uuid_or_key)) - 1;
}

static int
compare_strings_collated (gconstpointer a,
                          gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

/**
 * nrem_matrix_list_regions:
 *
 * Returns: (transfer full) (element-type utf8): the regions of the mechanisms, sorted
 */
GPtrArray *
nrem_matrix_list_regions (NremMatrix *self)
{
  GPtrArray *regions = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < self->mechanisms->len; i++)
    {
      NremMatrixMechanism *m = g_ptr_array_index (self->mechanisms, i);

      if (m->region != NULL && !m->reference && g_hash_table_add (seen, m->region))
        g_ptr_array_add (regions, g_strdup (m->region));
    }
  g_ptr_array_sort (regions, compare_strings_collated);
  return regions;
}

/* ------------------------------------------------------------------------------------------
 * Filtering
 */

/**
 * nrem_matrix_fold:
 *
 * Returns: (transfer full): @text without accents and case, for matching: "Côte" → "cote"
 */
char *
nrem_matrix_fold (const char *text)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *stripped = NULL;
  GString *out;

  if (text == NULL)
    return g_strdup ("");
  decomposed = g_utf8_normalize (text, -1, G_NORMALIZE_NFKD);
  if (decomposed == NULL)
    return g_strdup ("");
  out = g_string_sized_new (strlen (decomposed));
  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      GUnicodeType t = g_unichar_type (c);

      if (t == G_UNICODE_NON_SPACING_MARK || t == G_UNICODE_SPACING_MARK ||
          t == G_UNICODE_ENCLOSING_MARK)
        continue;
      g_string_append_unichar (out, c);
    }
  stripped = g_string_free (out, FALSE);
  return g_utf8_casefold (stripped, -1);
}

static void
view_row_clear (gpointer data)
{
  NremMatrixViewRow *row = data;

  g_clear_pointer (&row->heading, g_free);
}

static void
add_heading (GArray     *rows,
             const char *heading)
{
  NremMatrixViewRow row = { -1, g_strdup (heading) };

  g_array_append_val (rows, row);
}

static void
add_mechanism_row (GArray *rows,
                   int     mechanism)
{
  NremMatrixViewRow row = { mechanism, NULL };

  g_array_append_val (rows, row);
}

typedef struct
{
  const char *key;   /* region or type; sorts the groups */
  int         order;
  int         mechanism;
} Keyed;

static int
compare_keyed (gconstpointer a,
               gconstpointer b)
{
  const Keyed *x = a, *y = b;
  int r;

  if (x->order != y->order)
    return x->order - y->order;
  if ((x->key == NULL) != (y->key == NULL))
    return x->key == NULL ? 1 : -1;
  if (x->key != NULL && (r = g_utf8_collate (x->key, y->key)) != 0)
    return r;
  return x->mechanism - y->mechanism;
}

/**
 * nrem_matrix_view_new:
 *
 * Returns: (transfer full): the rows and columns that @filter lets through. The reference
 * profiles stay pinned at the top whatever the filter.
 */
NremMatrixView *
nrem_matrix_view_new (NremMatrix             *self,
                      const NremMatrixFilter *filter)
{
  NremMatrixView *view = g_new0 (NremMatrixView, 1);
  g_autofree char *needle = NULL;
  g_autoptr(GArray) matches = g_array_new (FALSE, FALSE, sizeof (Keyed));
  gboolean any_reference = FALSE;
  const char *last_key = NULL;
  int last_order = -1;
  gboolean first = TRUE;

  view->rows = g_array_new (FALSE, FALSE, sizeof (NremMatrixViewRow));
  g_array_set_clear_func (view->rows, view_row_clear);
  view->columns = g_array_new (FALSE, FALSE, sizeof (int));

  if (filter->search != NULL && filter->search[0] != '\0')
    needle = nrem_matrix_fold (filter->search);

  for (guint i = 0; i < self->dimensions->len; i++)
    {
      NremMatrixDimension *d = g_ptr_array_index (self->dimensions, i);
      int index = (int) i;

      if (filter->group < 0 || d->group == filter->group)
        g_array_append_val (view->columns, index);
    }

  for (guint i = 0; i < self->mechanisms->len; i++)
    {
      NremMatrixMechanism *m = g_ptr_array_index (self->mechanisms, i);
      Keyed k = { NULL, 0, (int) i };

      if (m->reference)
        {
          if (!any_reference && filter->group_by != NREM_GROUP_BY_NONE)
            add_heading (view->rows, _("Reference profiles"));
          any_reference = TRUE;
          add_mechanism_row (view->rows, (int) i);
          continue;
        }
      if (filter->region != NULL && filter->region[0] != '\0' &&
          g_strcmp0 (filter->region, m->region) != 0)
        continue;
      if (filter->type >= 0 && m->type_index != filter->type)
        continue;
      if (needle != NULL && strstr (m->folded, needle) == NULL)
        continue;
      if (filter->group_by == NREM_GROUP_BY_REGION)
        k.key = m->region;
      else if (filter->group_by == NREM_GROUP_BY_TYPE)
        k.order = m->type_index;
      g_array_append_val (matches, k);
    }

  if (filter->group_by != NREM_GROUP_BY_NONE)
    g_array_sort (matches, compare_keyed);

  for (guint i = 0; i < matches->len; i++)
    {
      Keyed *k = &g_array_index (matches, Keyed, i);

      if (filter->group_by == NREM_GROUP_BY_REGION && (first || g_strcmp0 (k->key, last_key) != 0))
        add_heading (view->rows, k->key != NULL ? k->key : _("No region"));
      else if (filter->group_by == NREM_GROUP_BY_TYPE && (first || k->order != last_order))
        add_heading (view->rows,
                     nrem_matrix_type_label (nrem_mechanism_types[k->order]));
      last_key = k->key;
      last_order = k->order;
      first = FALSE;
      add_mechanism_row (view->rows, k->mechanism);
    }
  view->n_mechanisms = matches->len;
  return view;
}

void
nrem_matrix_view_free (NremMatrixView *view)
{
  if (view == NULL)
    return;
  g_array_unref (view->rows);
  g_array_unref (view->columns);
  g_free (view);
}

/**
 * nrem_matrix_view_find_row:
 *
 * Returns: the row of @view that shows @mechanism, or -1
 */
int
nrem_matrix_view_find_row (NremMatrixView *view,
                           int             mechanism)
{
  for (guint i = 0; i < view->rows->len; i++)
    if (g_array_index (view->rows, NremMatrixViewRow, i).mechanism == mechanism)
      return (int) i;
  return -1;
}

/* ------------------------------------------------------------------------------------------
 * Descriptions
 */

/**
 * nrem_matrix_mechanism_title:
 *
 * Returns: (transfer full): "Netherlands, National Rapporteur (sample)", or the name alone
 */
char *
nrem_matrix_mechanism_title (const NremMatrixMechanism *mechanism)
{
  if (mechanism->country_name != NULL)
    return g_strdup_printf ("%s, %s", mechanism->country_name, mechanism->name);
  return g_strdup (mechanism->name);
}

/**
 * nrem_matrix_cell_describe:
 *
 * Returns: (transfer full): what a screen reader says of a cell: "Netherlands, National
 * Rapporteur (sample): Independence — By law; has a note"
 */
char *
nrem_matrix_cell_describe (NremMatrix *self,
                           guint       mechanism,
                           guint       dimension)
{
  const NremMatrixMechanism *m = nrem_matrix_get_mechanism (self, mechanism);
  const NremMatrixDimension *d = nrem_matrix_get_dimension (self, dimension);
  const NremMatrixCell *cell = nrem_matrix_get_cell (self, mechanism, dimension);
  g_autofree char *title = nrem_matrix_mechanism_title (m);
  g_autofree char *value = nrem_matrix_value_label (d, cell->value);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s: %s — %s", title, d->label,
                          value[0] != '\0' ? value : _("Not assessed"));
  if (cell->note != NULL && cell->source != NULL)
    g_string_append (out, _("; has a note and a source"));
  else if (cell->note != NULL)
    g_string_append (out, _("; has a note"));
  else if (cell->source != NULL)
    g_string_append (out, _("; has a source"));
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------
 * The comparison
 */

static int
share_bucket (NremLevel level)
{
  switch (level)
    {
    case NREM_LEVEL_YES: return 0;
    case NREM_LEVEL_PARTIAL: return 1;
    case NREM_LEVEL_NO: return 2;
    case NREM_LEVEL_EMPTY: return 4;
    case NREM_LEVEL_UNKNOWN:
    case NREM_LEVEL_NEUTRAL:  /* a value outside the dimension's options: cannot tell */
    case NREM_N_LEVELS:
    default: return 3;
    }
}

/**
 * nrem_matrix_compute_share:
 * @type: a mechanism type ("independent-rapporteur", …)
 * @out: (out): how many mechanisms of @type have the function (yes), partly, not, unknown,
 *   and are not assessed, out of @out->total; reference profiles are not counted
 *
 * Returns: %FALSE when @dimension is not compared (free text, mechanism type)
 */
gboolean
nrem_matrix_compute_share (NremMatrix *self,
                           guint       dimension,
                           const char *type,
                           NremShare  *out)
{
  const NremMatrixDimension *d = nrem_matrix_get_dimension (self, dimension);

  memset (out, 0, sizeof *out);
  if (d == NULL || !nrem_matrix_dimension_is_comparable (d))
    return FALSE;
  for (guint i = 0; i < self->mechanisms->len; i++)
    {
      const NremMatrixMechanism *m = g_ptr_array_index (self->mechanisms, i);
      const NremMatrixCell *cell;

      if (m->reference || g_strcmp0 (m->type, type) != 0)
        continue;
      cell = nrem_matrix_get_cell (self, i, dimension);
      out->counts[share_bucket ((NremLevel) cell->level)]++;
      out->total++;
    }
  return TRUE;
}

/**
 * nrem_matrix_share_describe:
 *
 * Returns: (transfer full): the numbers of the comparison of one dimension as a sentence
 * per type, for screen readers and the text version of the chart
 */
char *
nrem_matrix_share_describe (NremMatrix *self,
                            guint       dimension)
{
  static const char * const compared[] = {
    "independent-rapporteur", "nhri-ombuds", "government-rapporteur",
    "national-coordinator", "inter-agency-body",
  };
  const NremMatrixDimension *d = nrem_matrix_get_dimension (self, dimension);
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s. ", d->label);
  if (!nrem_matrix_dimension_is_comparable (d))
    {
      g_string_append (out, _("Described in text; not counted."));
      return g_string_free (out, FALSE);
    }
  for (guint t = 0; t < G_N_ELEMENTS (compared); t++)
    {
      NremShare share;

      nrem_matrix_compute_share (self, dimension, compared[t], &share);
      /* Translators: a type of mechanism, how many there are, then counts */
      g_string_append_printf (out, _("%s (%u): yes %u, partial %u, no %u, unknown %u, not assessed %u."),
                              nrem_matrix_type_label (compared[t]), share.total,
                              share.counts[0], share.counts[1], share.counts[2],
                              share.counts[3], share.counts[4]);
      if (t + 1 < G_N_ELEMENTS (compared))
        g_string_append_c (out, ' ');
    }
  return g_string_free (out, FALSE);
}

/**
 * nrem_matrix_row_differs:
 *
 * Returns: whether the given mechanisms hold different values for @dimension
 */
gboolean
nrem_matrix_row_differs (NremMatrix *self,
                         const int  *mechanisms,
                         guint       n_mechanisms,
                         guint       dimension)
{
  const NremMatrixCell *first;

  if (n_mechanisms < 2)
    return FALSE;
  first = nrem_matrix_get_cell (self, (guint) mechanisms[0], dimension);
  for (guint i = 1; i < n_mechanisms; i++)
    {
      const NremMatrixCell *cell = nrem_matrix_get_cell (self, (guint) mechanisms[i], dimension);

      if (g_strcmp0 (first->value, cell->value) != 0)
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------------------------------
 * CSV
 */

/**
 * nrem_matrix_to_csv:
 *
 * Returns: (transfer full): a header row (country, name, type, one column per dimension),
 * then one row per reference profile and per mechanism, with values as people read them.
 * RFC 4180, CRLF; formula-like cells neutralised.
 */
char *
nrem_matrix_to_csv (NremMatrix *self)
{
  GString *out = g_string_new (NULL);
  guint n_dims = self->dimensions->len;
  g_autofree const char **fields = g_new0 (const char *, n_dims + 3);

  fields[0] = _("Country");
  fields[1] = _("Name");
  fields[2] = _("Type");
  for (guint d = 0; d < n_dims; d++)
    fields[d + 3] = ((NremMatrixDimension *) g_ptr_array_index (self->dimensions, d))->label;
  nrem_csv_append_row (out, fields, n_dims + 3, ',');

  for (guint m = 0; m < self->mechanisms->len; m++)
    {
      const NremMatrixMechanism *mech = g_ptr_array_index (self->mechanisms, m);
      g_autoptr(GPtrArray) values = g_ptr_array_new_with_free_func (g_free);

      fields[0] = mech->country_name != NULL ? mech->country_name : "";
      fields[1] = mech->name;
      fields[2] = nrem_matrix_type_label (mech->type);
      for (guint d = 0; d < n_dims; d++)
        {
          char *label = nrem_matrix_value_label (g_ptr_array_index (self->dimensions, d),
                                                 nrem_matrix_get_cell (self, m, d)->value);

          g_ptr_array_add (values, label);
          fields[d + 3] = label;
        }
      nrem_csv_append_row (out, fields, n_dims + 3, ',');
    }
  return g_string_free (out, FALSE);
}

/**
 * nrem_matrix_export_csv:
 *
 * Writes the matrix of @store to @path as CSV (UTF-8, no BOM), replacing the file atomically.
 */
gboolean
nrem_matrix_export_csv (NremStore   *store,
                        const char  *path,
                        GError     **error)
{
  g_autoptr(NremMatrix) matrix = nrem_matrix_load (store, error);
  g_autofree char *csv = NULL;

  if (matrix == NULL)
    return FALSE;
  csv = nrem_matrix_to_csv (matrix);
  if (!g_file_set_contents (path, csv, -1, error))
    {
      if (error != NULL && *error != NULL && (*error)->domain != NREM_ERROR)
        {
          GError *wrapped = g_error_new (NREM_ERROR, NREM_ERROR_IO, "%s", (*error)->message);

          g_clear_error (error);
          g_propagate_error (error, wrapped);
        }
      return FALSE;
    }
  return TRUE;
}

char *
nrem_matrix_assessment_uuid (const char *mechanism_uuid,
                             const char *dimension_uuid)
{
  return nrem_uuid_new_v5_printf ("assessment:%s:%s", mechanism_uuid, dimension_uuid);
}
