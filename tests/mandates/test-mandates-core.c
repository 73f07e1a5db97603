/* test-mandates-core.c
 *
 * The Mandates pane's model without a display: the matrix loaded from the store, cells
 * written and read back through the store and the exchange file, the comparison's shares
 * against hand-counted data, the CSV read back by Python's csv module, the chart written as
 * PNG and SVG, the command line's --export-matrix.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <string.h>

#include "nrem-comparison-chart.h"
#include "nrem-csv.h"
#include "nrem-matrix.h"
#include "nrem-store-mandates.h"
#include "nrem-test-util.h"
#include "nrem-uuid.h"

#define REF_RAPPORTEUR "a8d4f6f2-2e71-5188-9a24-4a0024fb90d9"
#define REF_COORDINATOR "d3240c5a-aac6-5af8-ad41-556c9a267356"
#define NL_MECHANISM "1086159e-42a4-4083-bffb-5155ec75a1db"
#define DIM_INDEPENDENCE "90ffe176-2a9e-5832-a624-b5a272015656"
#define DIM_MONITORING "f863ee84-dbb5-5dd1-9761-50577908b9b5"
#define DIM_REPORTS_TO "67487775-e9ce-5472-8178-29c166875d91"
#define DIM_RESOURCES "41e6a934-d426-5f47-a76b-195c8e0a1551"

static NremStore *
open_sample (NremTestDir *fixture)
{
  NremStore *store = nrem_test_open_seeded (fixture->db_path);
  g_autofree char *sample = nrem_test_source_file ("data", "samples", "nrem-desk-sample.json", NULL);
  g_autoptr(GError) error = NULL;
  NremImportReport report;

  g_assert_true (nrem_exchange_import_file (store, sample, FALSE, &report, &error));
  g_assert_no_error (error);
  nrem_import_report_clear (&report);
  return store;
}

static char *
create_mechanism (NremStore  *store,
                  const char *name,
                  const char *country,
                  const char *type)
{
  static const char * const fields[] = { "name", "country", "type", "reference", NULL };
  const char *values[] = { name, country, type, "0", NULL };
  g_autoptr(GError) error = NULL;
  char *uuid = nrem_store_create (store, NREM_ENTITY_MECHANISM, NULL, fields, values, &error);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  return uuid;
}

/* ------------------------------------------------------------------------------------------ */

static void
test_load_seed (NremTestDir   *fixture,
                gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(NremMatrix) matrix = nrem_matrix_load (store, &error);
  const NremMatrixDimension *d;
  const NremMatrixCell *cell;
  int m, dim;

  g_assert_no_error (error);
  g_assert_cmpuint (nrem_matrix_get_n_dimensions (matrix), ==, 25);
  g_assert_cmpuint (nrem_matrix_get_n_mechanisms (matrix), ==, 2);

  /* the reference profiles, rapporteur first */
  g_assert_cmpstr (nrem_matrix_get_mechanism (matrix, 0)->uuid, ==, REF_RAPPORTEUR);
  g_assert_true (nrem_matrix_get_mechanism (matrix, 0)->reference);
  g_assert_cmpstr (nrem_matrix_get_mechanism (matrix, 1)->uuid, ==, REF_COORDINATOR);

  /* columns in the order of DOMAIN.md, grouped */
  d = nrem_matrix_get_dimension (matrix, 0);
  g_assert_cmpstr (d->key, ==, "mechanism-type");
  g_assert_cmpint (d->group, ==, 0);
  d = nrem_matrix_get_dimension (matrix, 24);
  g_assert_cmpstr (d->key, ==, "international-reporting");
  g_assert_cmpint (d->group, ==, 4);
  for (guint i = 1; i < 25; i++)
    g_assert_cmpint (nrem_matrix_get_dimension (matrix, i - 1)->group, <=,
                     nrem_matrix_get_dimension (matrix, i)->group);

  /* the seed's cells: the rapporteur profile is independent by law, monitors: yes */
  m = nrem_matrix_find_mechanism (matrix, REF_RAPPORTEUR);
  dim = nrem_matrix_find_dimension (matrix, "independence");
  cell = nrem_matrix_get_cell (matrix, (guint) m, (guint) dim);
  g_assert_cmpstr (cell->value, ==, "by-law");
  g_assert_true (cell->stored);
  g_assert_cmpint (cell->level, ==, NREM_LEVEL_YES);
  dim = nrem_matrix_find_dimension (matrix, DIM_MONITORING);
  g_assert_cmpstr (nrem_matrix_get_cell (matrix, (guint) m, (guint) dim)->value, ==, "yes");
  g_assert_nonnull (nrem_matrix_get_cell (matrix, (guint) m, (guint) dim)->note);
}

static void
assert_assessment (sqlite3    *db,
                   const char *uuid,
                   const char *column,
                   const char *expected)
{
  g_autofree char *sql = g_strdup_printf ("SELECT %s FROM assessment WHERE uuid = '%s'", column, uuid);
  g_autofree char *text = nrem_test_sqlite_text (db, sql);

  g_assert_cmpstr (text, ==, expected);
}

static void
test_cell_round_trip (NremTestDir   *fixture,
                      gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (fixture->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *mech = create_mechanism (store, "Défenseur des droits (test)", "FR", "nhri-ombuds");
  g_autofree char *uuid = nrem_uuid_new_v5_printf ("assessment:%s:%s", mech, DIM_INDEPENDENCE);
  g_autofree char *text_uuid = nrem_uuid_new_v5_printf ("assessment:%s:%s", mech, DIM_RESOURCES);
  g_autofree char *multi_uuid = nrem_uuid_new_v5_printf ("assessment:%s:%s", mech, DIM_REPORTS_TO);
  g_autofree char *json = NULL;
  g_autofree char *other_path = NULL;
  g_autoptr(NremStore) other = NULL;
  g_autoptr(NremMatrix) matrix = NULL;
  g_autoptr(NremMatrix) copy = NULL;
  sqlite3 *db;
  NremImportReport report;
  int m, d;

  /* the identity of a cell is the v5 uuid of its mechanism and dimension */
  {
    g_autofree char *expected = nrem_matrix_assessment_uuid (mech, DIM_INDEPENDENCE);

    g_assert_cmpstr (expected, ==, uuid);
  }

  /* a new cell is created */
  g_assert_true (nrem_store_mandates_save_cell (store, mech, DIM_INDEPENDENCE, "functional",
                                                "Appointed by Parliament; \"independent\" in practice.",
                                                "Act 12/2010, art. 3", "2014-04-30", &error));
  g_assert_no_error (error);
  db = nrem_test_sqlite_open (fixture->db_path);
  assert_assessment (db, uuid, "value", "functional");
  assert_assessment (db, uuid, "note", "Appointed by Parliament; \"independent\" in practice.");
  assert_assessment (db, uuid, "source", "Act 12/2010, art. 3");
  assert_assessment (db, uuid, "as_of", "2014-04-30");
  assert_assessment (db, uuid, "mechanism", mech);
  assert_assessment (db, uuid, "rev", "1");

  /* then updated: a new version on the merge clock */
  g_assert_true (nrem_store_mandates_save_cell (store, mech, DIM_INDEPENDENCE, "by-law",
                                                "Independent by statute since 2011.",
                                                "Act 12/2010, art. 3", "2014-04-30", &error));
  assert_assessment (db, uuid, "value", "by-law");
  assert_assessment (db, uuid, "rev", "2");

  /* a text cell and a multi cell */
  g_assert_true (nrem_store_mandates_save_cell (store, mech, DIM_RESOURCES,
                                                "Staff of 12;\nown budget line", NULL, NULL, NULL, &error));
  g_assert_true (nrem_store_mandates_save_cell (store, mech, DIM_REPORTS_TO,
                                                "parliament,public", NULL, "Annual report 2013", NULL, &error));
  assert_assessment (db, text_uuid, "value", "Staff of 12;\nown budget line");
  assert_assessment (db, multi_uuid, "source", "Annual report 2013");

  /* the matrix reads them back */
  matrix = nrem_matrix_load (store, &error);
  g_assert_no_error (error);
  m = nrem_matrix_find_mechanism (matrix, mech);
  d = nrem_matrix_find_dimension (matrix, DIM_INDEPENDENCE);
  g_assert_cmpstr (nrem_matrix_get_cell (matrix, (guint) m, (guint) d)->value, ==, "by-law");
  g_assert_cmpstr (nrem_matrix_get_cell (matrix, (guint) m, (guint) d)->note, ==, "Independent by statute since 2011.");
  g_assert_cmpstr (nrem_matrix_get_cell (matrix, (guint) m, (guint) d)->as_of, ==, "2014-04-30");
  {
    g_autofree char *describe = nrem_matrix_cell_describe (matrix, (guint) m, (guint) d);

    g_assert_cmpstr (describe, ==, "France, Défenseur des droits (test): Independence — By law; has a note and a source");
  }

  /* through the exchange file into another database */
  json = nrem_test_export (store, NULL, FALSE);
  g_assert_nonnull (strstr (json, uuid));
  other_path = nrem_test_dir_file (fixture, "other.db");
  other = nrem_test_open_seeded (other_path);
  nrem_test_import_string (other, json, &report);
  nrem_import_report_clear (&report);
  copy = nrem_matrix_load (other, &error);
  g_assert_no_error (error);
  m = nrem_matrix_find_mechanism (copy, mech);
  g_assert_cmpint (m, >=, 0);
  for (guint i = 0; i < nrem_matrix_get_n_dimensions (copy); i++)
    {
      const NremMatrixDimension *dim = nrem_matrix_get_dimension (copy, i);
      int mo = nrem_matrix_find_mechanism (matrix, mech);
      int dio = nrem_matrix_find_dimension (matrix, dim->uuid);
      const NremMatrixCell *a = nrem_matrix_get_cell (matrix, (guint) mo, (guint) dio);
      const NremMatrixCell *b = nrem_matrix_get_cell (copy, (guint) m, i);

      g_assert_cmpstr (a->value, ==, b->value);
      g_assert_cmpstr (a->note, ==, b->note);
      g_assert_cmpstr (a->source, ==, b->source);
      g_assert_cmpstr (a->as_of, ==, b->as_of);
    }
  d = nrem_matrix_find_dimension (copy, DIM_RESOURCES);
  g_assert_cmpstr (nrem_matrix_get_cell (copy, (guint) m, (guint) d)->value, ==, "Staff of 12;\nown budget line");

  /* emptied: the cell is deleted (a tombstone that travels), and is "not assessed" */
  g_assert_true (nrem_store_mandates_save_cell (store, mech, DIM_INDEPENDENCE, NULL, NULL, NULL, NULL, &error));
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM assessment WHERE deleted_at IS NOT NULL"), ==, 1);
  g_clear_pointer (&matrix, nrem_matrix_unref);
  matrix = nrem_matrix_load (store, &error);
  m = nrem_matrix_find_mechanism (matrix, mech);
  d = nrem_matrix_find_dimension (matrix, DIM_INDEPENDENCE);
  g_assert_null (nrem_matrix_get_cell (matrix, (guint) m, (guint) d)->value);
  g_assert_false (nrem_matrix_get_cell (matrix, (guint) m, (guint) d)->stored);
  g_assert_cmpint (nrem_matrix_get_cell (matrix, (guint) m, (guint) d)->level, ==, NREM_LEVEL_EMPTY);

  /* and written again: the same identity comes back to life */
  g_assert_true (nrem_store_mandates_save_cell (store, mech, DIM_INDEPENDENCE, "unknown", NULL, NULL, NULL, &error));
  assert_assessment (db, uuid, "value", "unknown");
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM assessment WHERE deleted_at IS NOT NULL"), ==, 0);

  sqlite3_close (db);
}

static void
test_delete_mechanism (NremTestDir   *fixture,
                       gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) deleted = NULL;
  sqlite3 *db = nrem_test_sqlite_open (fixture->db_path);
  gint64 live = nrem_test_sqlite_int (db, "SELECT count(*) FROM assessment WHERE mechanism = '" NL_MECHANISM "' AND deleted_at IS NULL");

  g_assert_cmpint (live, >, 10);
  g_assert_true (nrem_store_mandates_delete_mechanism (store, NL_MECHANISM, &deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (deleted->len, ==, (guint) live);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM mechanism WHERE uuid = '" NL_MECHANISM "' AND deleted_at IS NOT NULL"), ==, 1);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM assessment WHERE mechanism = '" NL_MECHANISM "' AND deleted_at IS NULL"), ==, 0);

  g_assert_true (nrem_store_mandates_undelete_mechanism (store, NL_MECHANISM, deleted, &error));
  g_assert_no_error (error);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM mechanism WHERE uuid = '" NL_MECHANISM "' AND deleted_at IS NULL"), ==, 1);
  g_assert_cmpint (nrem_test_sqlite_int (db, "SELECT count(*) FROM assessment WHERE mechanism = '" NL_MECHANISM "' AND deleted_at IS NULL"), ==, live);
  sqlite3_close (db);
}

/* ------------------------------------------------------------------------------------------
 * The comparison's shares
 */

static void
assert_share (NremMatrix *matrix,
              const char *dimension,
              const char *type,
              guint       yes,
              guint       partial,
              guint       no,
              guint       unknown,
              guint       empty)
{
  NremShare share;
  int d = nrem_matrix_find_dimension (matrix, dimension);

  g_assert_cmpint (d, >=, 0);
  g_assert_true (nrem_matrix_compute_share (matrix, (guint) d, type, &share));
  if (share.counts[0] != yes || share.counts[1] != partial || share.counts[2] != no ||
      share.counts[3] != unknown || share.counts[4] != empty)
    g_error ("%s, %s: got %u/%u/%u/%u/%u, counted by hand %u/%u/%u/%u/%u", dimension, type,
             share.counts[0], share.counts[1], share.counts[2], share.counts[3], share.counts[4],
             yes, partial, no, unknown, empty);
  g_assert_cmpuint (share.total, ==, yes + partial + no + unknown + empty);
}

/* A small matrix made by hand, every count checked on paper. */
static void
test_shares_by_hand (void)
{
  g_autoptr(NremMatrix) matrix = nrem_matrix_new ();
  NremShare share;

  nrem_matrix_add_dimension (matrix, "d1", "monitoring", "functions", 10, "Monitoring", NULL, "tristate", "[]", NULL);
  nrem_matrix_add_dimension (matrix, "d2", "data-collection", "functions", 9, "Data", NULL, "enum",
                             "[\"own\",\"compiles-others\",\"none\"]", NULL);
  nrem_matrix_add_dimension (matrix, "d3", "resources", "set-up", 6, "Resources", NULL, "text", "[]", NULL);
  nrem_matrix_add_dimension (matrix, "d4", "thematic-scope", "set-up", 7, "Scope", NULL, "multi", "[\"a\",\"b\"]", NULL);
  nrem_matrix_add_mechanism (matrix, "r", "Reference", NULL, "independent-rapporteur", TRUE, NULL, NULL, NULL);
  nrem_matrix_add_mechanism (matrix, "m1", "One", "NL", "independent-rapporteur", FALSE, NULL, "Netherlands", "Europe");
  nrem_matrix_add_mechanism (matrix, "m2", "Two", "BE", "independent-rapporteur", FALSE, NULL, "Belgium", "Europe");
  nrem_matrix_add_mechanism (matrix, "m3", "Three", "TH", "independent-rapporteur", FALSE, NULL, "Thailand", "Asia");
  nrem_matrix_add_mechanism (matrix, "m4", "Four", "NG", "national-coordinator", FALSE, NULL, "Nigeria", "Africa");
  nrem_matrix_add_mechanism (matrix, "m5", "Five", "MX", "national-coordinator", FALSE, NULL, "Mexico", "Americas");
  nrem_matrix_finish (matrix);

  /* the reference profile says yes everywhere: it must not count */
  nrem_matrix_set_cell (matrix, "r", "d1", "yes", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "r", "d2", "own", NULL, NULL, NULL, TRUE);
  /* rapporteurs: monitoring yes, partial, (none); data own, unknown, none */
  nrem_matrix_set_cell (matrix, "m1", "d1", "yes", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m2", "d1", "partial", "a note", NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m3", "d1", NULL, "only a note", NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m1", "d2", "own", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m2", "d2", "unknown", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m3", "d2", "none", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m1", "d4", "a,b", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m2", "d4", "b", NULL, NULL, NULL, TRUE);
  /* coordinators: monitoring no, no; data compiles-others, compiles-others */
  nrem_matrix_set_cell (matrix, "m4", "d1", "no", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m5", "d1", "no", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m4", "d2", "compiles-others", NULL, NULL, NULL, TRUE);
  nrem_matrix_set_cell (matrix, "m5", "d2", "compiles-others", NULL, NULL, NULL, TRUE);

  assert_share (matrix, "d1", "independent-rapporteur", 1, 1, 0, 0, 1);
  assert_share (matrix, "d1", "national-coordinator", 0, 0, 2, 0, 0);
  assert_share (matrix, "d2", "independent-rapporteur", 1, 0, 1, 1, 0);
  assert_share (matrix, "d2", "national-coordinator", 0, 2, 0, 0, 0);
  assert_share (matrix, "d4", "independent-rapporteur", 1, 1, 0, 0, 1);
  assert_share (matrix, "d1", "nhri-ombuds", 0, 0, 0, 0, 0);

  /* free text is described, not counted */
  g_assert_false (nrem_matrix_compute_share (matrix, (guint) nrem_matrix_find_dimension (matrix, "d3"),
                                             "independent-rapporteur", &share));
  g_assert_cmpuint (share.total, ==, 0);

  /* the same numbers in words */
  {
    g_autofree char *text = nrem_matrix_share_describe (matrix, (guint) nrem_matrix_find_dimension (matrix, "d1"));

    g_assert_nonnull (strstr (text, "Independent national rapporteur (3): yes 1, partial 1, no 0, unknown 0, not assessed 1."));
    g_assert_nonnull (strstr (text, "National coordinator (2): yes 0, partial 0, no 2"));
  }
}

/* The sample data set, counted by hand from data/samples/nrem-desk-sample.json (yes, partial,
 * no, unknown, not assessed; a cell without a value or without a record is not assessed). */
static void
test_shares_sample (NremTestDir   *fixture,
                    gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(NremMatrix) matrix = nrem_matrix_load (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (nrem_matrix_get_n_mechanisms (matrix), ==, 38);

  /* monitoring (tristate) */
  assert_share (matrix, "monitoring", "independent-rapporteur", 5, 0, 0, 0, 1);
  assert_share (matrix, "monitoring", "nhri-ombuds", 4, 2, 0, 0, 0);
  assert_share (matrix, "monitoring", "government-rapporteur", 3, 2, 0, 0, 1);
  assert_share (matrix, "monitoring", "national-coordinator", 1, 5, 0, 0, 0);
  assert_share (matrix, "monitoring", "inter-agency-body", 0, 3, 3, 0, 0);
  /* data collection (enum: own → yes, compiles others' → partial, none → no) */
  assert_share (matrix, "data-collection", "independent-rapporteur", 3, 2, 0, 0, 1);
  assert_share (matrix, "data-collection", "nhri-ombuds", 2, 3, 0, 0, 1);
  assert_share (matrix, "data-collection", "government-rapporteur", 4, 2, 0, 0, 0);
  assert_share (matrix, "data-collection", "national-coordinator", 1, 5, 0, 0, 0);
  assert_share (matrix, "data-collection", "inter-agency-body", 0, 5, 1, 0, 0);
  /* reports to (multi: parliament or the public → yes, else partial) */
  assert_share (matrix, "reports-to", "independent-rapporteur", 5, 0, 0, 0, 1);
  assert_share (matrix, "reports-to", "nhri-ombuds", 6, 0, 0, 0, 0);
  assert_share (matrix, "reports-to", "government-rapporteur", 4, 1, 0, 0, 1);
  assert_share (matrix, "reports-to", "national-coordinator", 2, 4, 0, 0, 0);
  assert_share (matrix, "reports-to", "inter-agency-body", 2, 3, 0, 0, 1);
  /* policy coordination (tristate, with an unknown) */
  assert_share (matrix, "policy-coordination", "independent-rapporteur", 0, 0, 4, 0, 2);
  assert_share (matrix, "policy-coordination", "nhri-ombuds", 0, 0, 6, 0, 0);
  assert_share (matrix, "policy-coordination", "government-rapporteur", 0, 2, 4, 0, 0);
  assert_share (matrix, "policy-coordination", "national-coordinator", 3, 1, 0, 0, 2);
  assert_share (matrix, "policy-coordination", "inter-agency-body", 5, 0, 0, 1, 0);
}

/* ------------------------------------------------------------------------------------------
 * Words, filters
 */

static void
test_labels (void)
{
  NremMatrixDimension multi = { 0 };
  NremMatrixDimension text = { 0 };
  g_autofree char *a = nrem_matrix_option_label ("independence", "by-law");
  g_autofree char *b = nrem_matrix_option_label ("some-new-dimension", "compiles-others");
  g_autofree char *c = nrem_matrix_option_label ("nrm-role", "none");
  g_autofree char *folded = nrem_matrix_fold ("Côte d’Ivoire – ÉTAT");
  g_autofree char *v1 = NULL, *v2 = NULL, *v3 = NULL;

  g_assert_cmpstr (a, ==, "By law");
  g_assert_cmpstr (b, ==, "Compiles others");   /* the fallback: dashes to spaces, capitalised */
  g_assert_cmpstr (c, ==, "None");
  g_assert_cmpstr (folded, ==, "cote d’ivoire – etat");

  multi.key = (char *) "reports-to";
  multi.value_type = NREM_VALUE_MULTI;
  v1 = nrem_matrix_value_label (&multi, "government,parliament,un");
  g_assert_cmpstr (v1, ==, "Government, Parliament, United Nations");
  v2 = nrem_matrix_value_label (&multi, "unknown");
  g_assert_cmpstr (v2, ==, "Unknown");
  text.key = (char *) "resources";
  text.value_type = NREM_VALUE_TEXT;
  v3 = nrem_matrix_value_label (&text, "unknown-ish text");
  g_assert_cmpstr (v3, ==, "unknown-ish text");

  /* unknown and not assessed are different levels */
  g_assert_cmpint (nrem_matrix_level_for_value (&multi, "unknown"), ==, NREM_LEVEL_UNKNOWN);
  g_assert_cmpint (nrem_matrix_level_for_value (&multi, NULL), ==, NREM_LEVEL_EMPTY);
  g_assert_cmpint (nrem_matrix_level_for_value (&text, "x"), ==, NREM_LEVEL_NEUTRAL);
}

static void
test_filters (NremTestDir   *fixture,
              gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *mech = create_mechanism (store, "Défenseur des droits (test)", "FR", "nhri-ombuds");
  g_autoptr(NremMatrix) matrix = nrem_matrix_load (store, &error);
  NremMatrixFilter filter = { NULL, -1, NULL, -1, NREM_GROUP_BY_NONE };
  g_autoptr(NremMatrixView) all = NULL, search = NULL, region = NULL, type = NULL, group = NULL, by_region = NULL;
  guint europe = 0;

  all = nrem_matrix_view_new (matrix, &filter);
  g_assert_cmpuint (all->n_mechanisms, ==, 37);
  g_assert_cmpuint (all->rows->len, ==, 39);   /* and the two reference profiles */
  g_assert_cmpuint (all->columns->len, ==, 25);
  g_assert_true (nrem_matrix_get_mechanism (matrix, (guint) g_array_index (all->rows, NremMatrixViewRow, 0).mechanism)->reference);

  /* accents and case do not matter */
  filter.search = "DEFENSEUR";
  search = nrem_matrix_view_new (matrix, &filter);
  g_assert_cmpuint (search->n_mechanisms, ==, 1);
  g_assert_cmpint (g_array_index (search->rows, NremMatrixViewRow, 2).mechanism, ==,
                   nrem_matrix_find_mechanism (matrix, mech));
  filter.search = NULL;

  filter.region = "Europe";
  region = nrem_matrix_view_new (matrix, &filter);
  for (guint i = 0; i < nrem_matrix_get_n_mechanisms (matrix); i++)
    {
      const NremMatrixMechanism *m = nrem_matrix_get_mechanism (matrix, i);

      europe += !m->reference && g_strcmp0 (m->region, "Europe") == 0;
    }
  g_assert_cmpuint (europe, >, 1);
  g_assert_cmpuint (region->n_mechanisms, ==, europe);
  filter.region = NULL;

  filter.type = 3;   /* national-coordinator */
  type = nrem_matrix_view_new (matrix, &filter);
  g_assert_cmpuint (type->n_mechanisms, ==, 6);
  filter.type = -1;

  filter.group = 1;  /* functions */
  group = nrem_matrix_view_new (matrix, &filter);
  g_assert_cmpuint (group->columns->len, ==, 8);
  filter.group = -1;

  filter.group_by = NREM_GROUP_BY_REGION;
  by_region = nrem_matrix_view_new (matrix, &filter);
  g_assert_cmpint (g_array_index (by_region->rows, NremMatrixViewRow, 0).mechanism, ==, -1);
  g_assert_cmpstr (g_array_index (by_region->rows, NremMatrixViewRow, 0).heading, ==, "Reference profiles");
  g_assert_cmpuint (by_region->rows->len, >, all->rows->len);
}

/* ------------------------------------------------------------------------------------------
 * CSV, chart, command line
 */

/* Python's csv module reads the file and says what it found, as JSON. */
static JsonNode *
read_csv_with_python (const char *path)
{
  const char *script =
    "import csv, json, sys\n"
    "with open(sys.argv[1], newline='', encoding='utf-8') as f:\n"
    "    data = f.read()\n"
    "assert not data.startswith('\\ufeff')\n"
    "rows = list(csv.reader(data.splitlines(keepends=True), strict=True))\n"
    "print(json.dumps(rows))\n";
  const char *argv[] = { "/usr/bin/python3", "-c", script, path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  if (!g_file_test (argv[0], G_FILE_TEST_IS_EXECUTABLE))
    return NULL;
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("python3 could not read the CSV: %s", err);
  return json_from_string (out, &error);
}

static void
test_csv (NremTestDir   *fixture,
          gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *formula = create_mechanism (store, "=HYPERLINK(\"http://x\",\"y\")", "NL", "other");
  g_autofree char *path = nrem_test_dir_file (fixture, "matrix.csv");
  g_autofree char *contents = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(JsonNode) node = NULL;
  gsize len;
  JsonArray *array, *header;
  gboolean found_formula = FALSE, found_nl = FALSE;

  g_assert_true (nrem_store_mandates_save_cell (store, formula, DIM_RESOURCES, "+1 staff, \"part time\"\nsecond line",
                                                NULL, NULL, NULL, &error));
  g_assert_true (nrem_matrix_export_csv (store, path, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, &len, NULL));
  g_assert_true (g_utf8_validate (contents, (gssize) len, NULL));
  g_assert_true (g_str_has_prefix (contents, "Country,Name,Type,Mechanism type,Legal basis,"));
  g_assert_nonnull (strstr (contents, "\r\n"));

  /* our own reader */
  rows = nrem_csv_parse (contents, len, ',', &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rows->len, ==, 1 + 2 + 37);

  /* and Python's */
  node = read_csv_with_python (path);
  if (node == NULL)
    {
      g_test_skip ("no /usr/bin/python3");
      return;
    }
  array = json_node_get_array (node);
  g_assert_cmpuint (json_array_get_length (array), ==, 1 + 2 + 37);
  header = json_array_get_array_element (array, 0);
  g_assert_cmpuint (json_array_get_length (header), ==, 3 + 25);
  g_assert_cmpstr (json_array_get_string_element (header, 6), ==, "Independence");

  /* reference profiles first */
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (array, 1), 1), ==,
                   "Reference profile: independent national rapporteur");
  g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (array, 2), 1), ==,
                   "Reference profile: coordinating mechanism");

  for (guint i = 3; i < json_array_get_length (array); i++)
    {
      JsonArray *row = json_array_get_array_element (array, i);

      g_assert_cmpuint (json_array_get_length (row), ==, 28);
      if (g_str_has_suffix (json_array_get_string_element (row, 1), "HYPERLINK(\"http://x\",\"y\")"))
        {
          /* a cell that would start a formula is neutralised, quotes and newlines survive */
          g_assert_cmpstr (json_array_get_string_element (row, 1), ==, "'=HYPERLINK(\"http://x\",\"y\")");
          g_assert_cmpstr (json_array_get_string_element (row, 8), ==, "'+1 staff, \"part time\"\nsecond line");
          found_formula = TRUE;
        }
      if (g_strcmp0 (json_array_get_string_element (row, 1), "National Rapporteur on Trafficking in Human Beings (sample)") == 0)
        {
          g_assert_cmpstr (json_array_get_string_element (row, 0), ==, "Netherlands");
          g_assert_cmpstr (json_array_get_string_element (row, 2), ==, "Independent national rapporteur");
          g_assert_cmpstr (json_array_get_string_element (row, 6), ==, "By law");
          found_nl = TRUE;
        }
    }
  g_assert_true (found_formula);
  g_assert_true (found_nl);
}

static void
test_cli_export (NremTestDir   *fixture,
                 gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fixture);
  g_autofree char *path = nrem_test_dir_file (fixture, "cli.csv");
  g_autofree char *bad = nrem_test_dir_file (fixture, "no-such-folder/x.csv");
  const char *desk = g_getenv ("NREM_DESK");
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  int status = 0;

  if (desk == NULL)
    {
      g_test_skip ("NREM_DESK is not set");
      return;
    }
  g_clear_object (&store);
  {
    const char *argv[] = { desk, "--db", fixture->db_path, "--export-matrix", path, NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_no_error (error);
    if (!g_spawn_check_wait_status (status, NULL))
      g_error ("--export-matrix failed: %s", err);
  }
  node = read_csv_with_python (path);
  if (node != NULL)
    g_assert_cmpuint (json_array_get_length (json_node_get_array (node)), ==, 1 + 2 + 36);

  /* a file that cannot be written: non-zero, and a message that names it */
  {
    const char *argv[] = { desk, "--db", fixture->db_path, "--export-matrix", bad, NULL };

    g_clear_pointer (&err, g_free);
    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL,
                                 NULL, &err, &status, &error));
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (err, "x.csv"));
  }
}

static void
test_chart_files (NremTestDir   *fixture,
                  gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(NremMatrix) matrix = nrem_matrix_load (store, &error);
  g_autofree char *png = nrem_test_dir_file (fixture, "chart.png");
  g_autofree char *svg = nrem_test_dir_file (fixture, "chart.svg");
  g_autofree char *png_data = NULL, *svg_data = NULL;
  gsize png_len, svg_len;
  NremChartStyle style;
  double wide, narrow;

  g_assert_true (nrem_comparison_chart_write_png (matrix, png, 1000, &error));
  g_assert_no_error (error);
  g_assert_true (nrem_comparison_chart_write_svg (matrix, svg, 1000, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (png, &png_data, &png_len, NULL));
  g_assert_true (g_file_get_contents (svg, &svg_data, &svg_len, NULL));
  g_assert_cmpuint (png_len, >, 10000);
  g_assert_true (memcmp (png_data, "\x89PNG\r\n\x1a\n", 8) == 0);
  g_assert_nonnull (strstr (svg_data, "<svg"));
  g_assert_nonnull (strstr (svg_data, "width=\"1000"));

  /* narrow widths stack the bars: taller */
  nrem_chart_style_init_light (&style);
  wide = nrem_comparison_chart_measure (matrix, 1000, &style);
  narrow = nrem_comparison_chart_measure (matrix, 380, &style);
  g_assert_cmpfloat (wide, >, 300);
  g_assert_cmpfloat (narrow, >, wide);

  /* a file that cannot be written is an error, not a crash */
  {
    g_autofree char *bad = nrem_test_dir_file (fixture, "missing/chart.png");

    g_assert_false (nrem_comparison_chart_write_png (matrix, bad, 600, &error));
    g_assert_error (error, NREM_ERROR, NREM_ERROR_IO);
  }
}

int
main (int   argc,
      char *argv[])
{
  nrem_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add (path, NremTestDir, NULL, nrem_test_dir_setup, func, nrem_test_dir_teardown)

  ADD ("/mandates/matrix/load-seed", test_load_seed);
  ADD ("/mandates/store/cell-round-trip", test_cell_round_trip);
  ADD ("/mandates/store/delete-mechanism", test_delete_mechanism);
  g_test_add_func ("/mandates/shares/by-hand", test_shares_by_hand);
  ADD ("/mandates/shares/sample", test_shares_sample);
  g_test_add_func ("/mandates/words/labels", test_labels);
  ADD ("/mandates/matrix/filters", test_filters);
  ADD ("/mandates/csv/read-back", test_csv);
  ADD ("/mandates/cli/export-matrix", test_cli_export);
  ADD ("/mandates/chart/files", test_chart_files);

  return g_test_run ();
}
