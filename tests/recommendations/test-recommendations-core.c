/* test-recommendations-core.c
 *
 * The Recommendations pane's model without a display: numbering and renumbering, subparagraph
 * labels, brackets, the word diff, searching, the status workflow, revisions and the offline
 * two-heads case through exchange files, the list model, and the outcome document in each
 * format read back by another program (pdftotext, Python's zipfile and xml.etree, a Markdown
 * structure check). Everything is checked in the database or in the files written.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-test-util.h"
#include "nrem-numbering.h"
#include "nrem-outcome.h"
#include "nrem-recommendation-list.h"
#include "nrem-recommendation-rules.h"
#include "nrem-revision-graph.h"
#include "nrem-session.h"
#include "nrem-store-recommendations.h"
#include "nrem-word-diff.h"
#include "nrem-zip-writer.h"

#include <glib/gstdio.h>
#include <pango/pango.h>
#include <string.h>

#define BANGKOK "5862ca7e-5108-5623-8dc4-8bf867ee0229"
#define REC_SUBPARAGRAPHS "4e7ec6f3-70db-4093-8fae-bfaf3cc746a9"   /* position 2, (a)-(d), agreed */
#define REC_AGREED_16 "222ab970-03dc-42ef-ad6b-64a6424fc19a"       /* position 16, agreed */
#define REC_DRAFT_12 "9869cd0d"                                    /* prefix: position 12, draft */

typedef NremTestDir Fixture;

/* ------------------------------------------------------------------------------------------
 * Helpers
 */

static NremStore *
open_sample (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremSession) session = nrem_session_new (path, &error);
  g_autoptr(GBytes) sample = NULL;

  g_assert_no_error (error);
  sample = g_resources_lookup_data (NREM_SAMPLE_RESOURCE, 0, &error);
  g_assert_no_error (error);
  nrem_test_import_bytes (nrem_session_get_store (session), sample, NULL);
  return g_object_ref (nrem_session_get_store (session));
}

static char *
full_uuid (sqlite3    *db,
           const char *prefix)
{
  g_autofree char *sql = g_strdup_printf ("SELECT uuid FROM recommendation WHERE uuid LIKE '%s%%'", prefix);

  return nrem_test_sqlite_text (db, sql);
}

static gint64
sql_int (sqlite3    *db,
         const char *format,
         ...) G_GNUC_PRINTF (2, 3);

static gint64
sql_int (sqlite3    *db,
         const char *format,
         ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return nrem_test_sqlite_int (db, sql);
}

static char *
sql_text (sqlite3    *db,
          const char *format,
          ...) G_GNUC_PRINTF (2, 3);

static char *
sql_text (sqlite3    *db,
          const char *format,
          ...)
{
  g_autofree char *sql = NULL;
  va_list args;

  va_start (args, format);
  sql = g_strdup_vprintf (format, args);
  va_end (args);
  return nrem_test_sqlite_text (db, sql);
}

/* Positions of the meeting's live recommendations are 1 … n without gaps. */
static void
assert_positions_consecutive (sqlite3    *db,
                              const char *meeting)
{
  gint64 n = sql_int (db, "SELECT count(*) FROM recommendation WHERE meeting = '%s' AND deleted_at IS NULL", meeting);
  gint64 distinct = sql_int (db, "SELECT count(DISTINCT position) FROM recommendation WHERE meeting = '%s' AND deleted_at IS NULL", meeting);

  g_assert_cmpint (distinct, ==, n);
  g_assert_cmpint (sql_int (db, "SELECT min(position) FROM recommendation WHERE meeting = '%s' AND deleted_at IS NULL", meeting), ==, 1);
  g_assert_cmpint (sql_int (db, "SELECT max(position) FROM recommendation WHERE meeting = '%s' AND deleted_at IS NULL", meeting), ==, n);
}

static gboolean
run_checker (const char *kind,
             const char *file,
             const char *version,
             guint       expected,
             char      **errors)
{
  g_autofree char *script = nrem_test_source_file ("tests", "recommendations", "check-outcome.py", NULL);
  g_autofree char *count = g_strdup_printf ("%u", expected);
  const char *argv[] = { "/usr/bin/python3", script, kind, file, version, count, NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, errors, &status, &error);
  g_assert_no_error (error);
  return g_spawn_check_wait_status (status, NULL);
}

/* ------------------------------------------------------------------------------------------
 * Numbering
 */

static char *
numbers_string (const NremNumberingItem *items,
                guint                    n,
                gboolean                 with_alternatives)
{
  g_autofree NremNumber *out = g_new0 (NremNumber, n);
  GString *s = g_string_new (NULL);

  nrem_numbering_assign (items, n, with_alternatives, out);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *label = nrem_number_format (out[i]);

      g_string_append_printf (s, "%s%s", i > 0 ? "|" : "", label);
    }
  return g_string_free (s, FALSE);
}

static void
test_numbering_consecutive (void)
{
  NremNumberingItem items[] = { { 0, TRUE }, { 0, TRUE }, { 0, FALSE }, { 0, TRUE }, { 0, TRUE } };
  g_autofree char *n = numbers_string (items, G_N_ELEMENTS (items), TRUE);
  g_autofree char *c = numbers_string (items, G_N_ELEMENTS (items), FALSE);

  /* a paragraph that is not in the document takes no number, and leaves no gap */
  g_assert_cmpstr (n, ==, "1|2||3|4");
  g_assert_cmpstr (c, ==, "1|2||3|4");
}

static void
test_numbering_alternatives (void)
{
  NremNumberingItem items[] = {
    { 0, TRUE }, { 0, TRUE }, { 1, TRUE }, { 2, TRUE }, { 0, TRUE },
    { 0, FALSE }, { 1, TRUE }, { 2, TRUE }, { 0, TRUE }, { 1, FALSE },
  };
  g_autofree char *n = numbers_string (items, G_N_ELEMENTS (items), TRUE);
  g_autofree char *c = numbers_string (items, G_N_ELEMENTS (items), FALSE);

  /* bis and ter follow the number of the paragraph they are alternatives to; when that
   * paragraph left, its first alternative takes its place */
  g_assert_cmpstr (n, ==, "1|2|2 bis|2 ter|3||4|4 ter|5|");
  /* the clean version numbers every paragraph it holds on its own */
  g_assert_cmpstr (c, ==, "1|2|3|4|5||6|7|8|");
}

static void
test_numbering_alternative_first (void)
{
  NremNumberingItem items[] = { { 1, TRUE }, { 0, TRUE }, { 3, TRUE }, { 13, TRUE } };
  g_autofree char *n = numbers_string (items, G_N_ELEMENTS (items), TRUE);

  g_assert_cmpstr (n, ==, "1|2|2 quater|2 (14)");
}

static void
test_numbering_labels (void)
{
  static const struct { guint n; const char *roman; } romans[] = {
    { 1, "I" }, { 4, "IV" }, { 9, "IX" }, { 14, "XIV" }, { 40, "XL" }, { 1994, "MCMXCIV" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (romans); i++)
    {
      g_autofree char *upper = nrem_roman_numeral (romans[i].n, TRUE);
      g_autofree char *lower = nrem_roman_numeral (romans[i].n, FALSE);
      g_autofree char *expected_lower = g_ascii_strdown (romans[i].roman, -1);

      g_assert_cmpstr (upper, ==, romans[i].roman);
      g_assert_cmpstr (lower, ==, expected_lower);
    }
  g_assert_cmpstr (nrem_latin_multiplier (1), ==, "bis");
  g_assert_cmpstr (nrem_latin_multiplier (2), ==, "ter");
  g_assert_cmpstr (nrem_latin_multiplier (3), ==, "quater");
  g_assert_cmpstr (nrem_latin_multiplier (9), ==, "decies");
  g_assert_null (nrem_latin_multiplier (0));
  {
    g_autofree char *a = nrem_section_letter (0);
    g_autofree char *z = nrem_section_letter (25);
    g_autofree char *aa = nrem_section_letter (26);

    g_assert_cmpstr (a, ==, "A");
    g_assert_cmpstr (z, ==, "Z");
    g_assert_cmpstr (aa, ==, "AA");
  }
}

/* ------------------------------------------------------------------------------------------
 * Subparagraphs and brackets
 */

static char *
parse_string (const char *text)
{
  g_autoptr(GPtrArray) subs = nrem_subparagraphs_parse (text);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < subs->len; i++)
    {
      NremSubparagraph *sub = g_ptr_array_index (subs, i);

      g_string_append_printf (s, "%s%u%s%s:%s", i > 0 ? "|" : "", sub->level,
                              sub->label ? " " : "", sub->label ? sub->label : "", sub->text);
    }
  return g_string_free (s, FALSE);
}

static void
test_subparagraphs_parse (void)
{
  g_autofree char *a = parse_string ("States should:\n(a) Do this;\n(b) Do that:\n  (i) first;\n(ii) second;\n(c) And more.");
  g_autofree char *h = parse_string ("Chapeau:\n(g) g;\n(h) h;\n(i) the ninth letter;\n(j) j.");
  g_autofree char *v = parse_string ("Chapeau:\n(a) a:\n(i) one;\n(ii) two;\n(iii) three;\n(iv) four;\n(v) five;\n(b) b.");
  g_autofree char *cont = parse_string ("Chapeau:\n\n(a) a;\nand more of (a).\n(b)no space is text");

  g_assert_cmpstr (a, ==, "0:States should:|1 (a):Do this;|1 (b):Do that:|2 (i):first;|2 (ii):second;|1 (c):And more.");
  g_assert_cmpstr (h, ==, "0:Chapeau:|1 (g):g;|1 (h):h;|1 (i):the ninth letter;|1 (j):j.");
  g_assert_cmpstr (v, ==, "0:Chapeau:|1 (a):a:|2 (i):one;|2 (ii):two;|2 (iii):three;|2 (iv):four;|2 (v):five;|1 (b):b.");
  g_assert_cmpstr (cont, ==, "0:Chapeau:|1 (a):a;|1:and more of (a).|1:(b)no space is text");
}

static void
test_subparagraphs_next_label (void)
{
  const char *text = "States should:\n(a) one;\n(b) two:\n(i) x;\n(ii) y;\n(c) three.";
  struct { int line; guint level; const char *label; } cases[] = {
    { 0, 1, "(a)" }, { 0, 2, "(i)" }, { 1, 1, "(b)" }, { 2, 1, "(c)" }, { 2, 2, "(i)" },
    { 3, 2, "(ii)" }, { 4, 2, "(iii)" }, { 4, 1, "(c)" }, { 5, 1, "(d)" }, { 5, 2, "(i)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *label = nrem_subparagraph_next_label (text, cases[i].line, cases[i].level);

      g_assert_cmpstr (label, ==, cases[i].label);
    }
  {
    GString *long_list = g_string_new ("Chapeau:");
    g_autofree char *next = NULL;
    g_autofree char *text_all = NULL;

    for (char c = 'a'; c <= 'z'; c++)
      g_string_append_printf (long_list, "\n(%c) item;", c);
    text_all = g_string_free (long_list, FALSE);
    next = nrem_subparagraph_next_label (text_all, 100, 1);
    g_assert_cmpstr (next, ==, "(aa)");
  }
}

static void
test_brackets (void)
{
  g_autofree char *stripped = nrem_text_strip_brackets ("NREMs should [monitor] the [functioning ]of mechanisms.\n(a) [x]");

  g_assert_cmpstr (stripped, ==, "NREMs should monitor the functioning of mechanisms.\n(a) x");
  g_assert_true (nrem_text_has_brackets ("a [b]"));
  g_assert_false (nrem_text_has_brackets ("a b"));
  g_assert_true (nrem_text_brackets_balanced ("[a] b [c]"));
  g_assert_false (nrem_text_brackets_balanced ("[a [b]]"));
  g_assert_false (nrem_text_brackets_balanced ("a] ["));
  g_assert_false (nrem_text_brackets_balanced ("[a"));
}

/* ------------------------------------------------------------------------------------------
 * Diff
 */

static char *
diff_plain (const char *a,
            const char *b)
{
  g_autoptr(GPtrArray) chunks = nrem_word_diff (a, b);

  return nrem_word_diff_to_plain (chunks);
}

static void
assert_diff_rebuilds (const char *a,
                      const char *b)
{
  g_autoptr(GPtrArray) chunks = nrem_word_diff (a, b);
  g_autoptr(GString) old_text = g_string_new (NULL);
  g_autoptr(GString) new_text = g_string_new (NULL);

  for (guint i = 0; i < chunks->len; i++)
    {
      NremDiffChunk *c = g_ptr_array_index (chunks, i);

      if (c->op != NREM_DIFF_INSERT)
        g_string_append (old_text, c->text);
      if (c->op != NREM_DIFF_DELETE)
        g_string_append (new_text, c->text);
      /* chunks of the same kind are joined */
      if (i > 0)
        g_assert_true (c->op != ((NremDiffChunk *) g_ptr_array_index (chunks, i - 1))->op);
    }
  g_assert_cmpstr (old_text->str, ==, a);
  g_assert_cmpstr (new_text->str, ==, b);
}

static void
test_diff_words (void)
{
  g_autofree char *d1 = diff_plain ("States should establish a national rapporteur.",
                                    "States should consider establishing a national rapporteur.");
  g_autofree char *d2 = diff_plain ("NREMs should share data.", "NREMs should share data.");
  g_autofree char *d3 = diff_plain ("", "New text.");
  g_autofree char *d4 = diff_plain ("Old text.", "");
  g_autofree char *d5 = diff_plain ("The network, with a secretariat.", "The network; with a secretariat provided by OHCHR.");
  g_autofree char *d6 = diff_plain ("Ștefan visited Hà Nội.", "Ștefan visited Bangkok.");

  g_assert_cmpstr (d1, ==, "States should [-establish-]{+consider establishing+} a national rapporteur.");
  g_assert_cmpstr (d2, ==, "NREMs should share data.");
  g_assert_cmpstr (d3, ==, "{+New text.+}");
  g_assert_cmpstr (d4, ==, "[-Old text.-]");
  g_assert_cmpstr (d5, ==, "The network[-,-]{+;+} with a secretariat{+ provided by OHCHR+}.");
  g_assert_cmpstr (d6, ==, "Ștefan visited [-Hà Nội-]{+Bangkok+}.");
}

static void
test_diff_lines (void)
{
  const char *a = "States should:\n(a) One;\n(b) Two.";
  const char *b = "States should:\n(a) One;\n(b) Two and a half;\n(c) Three.";
  g_autofree char *d = diff_plain (a, b);
  g_autoptr(GPtrArray) chunks = nrem_word_diff (a, b);
  guint deleted, inserted;

  g_assert_cmpstr (d, ==, "States should:\n(a) One;\n(b) Two{+ and a half;\n(c) Three+}.");
  nrem_word_diff_count (chunks, &deleted, &inserted);
  g_assert_cmpuint (deleted, ==, 0);
  g_assert_cmpuint (inserted, ==, 5);
}

static void
test_diff_random (void)
{
  static const char * const words[] = { "States", "should", "NREMs", "data", "the", "of", ",", ".",
                                         "independent", "rapporteur", "é", "\n(a)" };
  GRand *rand = g_rand_new_with_seed (20140521);

  for (guint round = 0; round < 300; round++)
    {
      g_autoptr(GString) a = g_string_new (NULL);
      g_autoptr(GString) b = g_string_new (NULL);
      guint n = (guint) g_rand_int_range (rand, 0, 40);

      for (guint i = 0; i < n; i++)
        {
          const char *w = words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))];

          g_string_append_printf (a, "%s ", w);
          /* b: a edited here and there */
          switch (g_rand_int_range (rand, 0, 6))
            {
            case 0: break;
            case 1: g_string_append_printf (b, "%s %s ", w, words[g_rand_int_range (rand, 0, G_N_ELEMENTS (words))]); break;
            default: g_string_append_printf (b, "%s ", w); break;
            }
        }
      assert_diff_rebuilds (a->str, b->str);
    }
  g_rand_free (rand);

  /* texts with nothing in common, past the search limit: still a correct answer */
  {
    g_autoptr(GString) a = g_string_new (NULL);
    g_autoptr(GString) b = g_string_new (NULL);

    for (guint i = 0; i < 3000; i++)
      {
        g_string_append_printf (a, "a%u ", i);
        g_string_append_printf (b, "b%u ", i);
      }
    assert_diff_rebuilds (a->str, b->str);
  }
}

static void
test_diff_markup (void)
{
  g_autoptr(GPtrArray) chunks = nrem_word_diff ("a <b> c", "a <d> c");
  g_autofree char *markup = nrem_word_diff_to_markup (chunks);

  g_assert_nonnull (strstr (markup, "strikethrough=\"true\""));
  g_assert_nonnull (strstr (markup, "&lt;"));
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (pango_parse_markup (markup, -1, 0, NULL, NULL, NULL, &error));
    g_assert_no_error (error);
  }
}

/* ------------------------------------------------------------------------------------------
 * Search, filter, rules
 */

static void
test_fold (void)
{
  g_autofree char *a = nrem_text_fold ("Ștefan SOCIÉTÉ Nguyễn Thị Thảo Straße");
  g_autofree char *q = nrem_text_fold ("societe nguyen");

  g_assert_cmpstr (a, ==, "stefan societe nguyen thi thao strasse");
  g_assert_true (nrem_text_fold_matches (a, q));
  g_assert_true (nrem_text_fold_matches (a, "thao   stefan"));
  g_assert_false (nrem_text_fold_matches (a, "thao bangkok"));
  g_assert_true (nrem_text_fold_matches (a, ""));
}

static void
test_filter (void)
{
  g_autoptr(NremRow) row = nrem_row_new (NREM_ENTITY_RECOMMENDATION);
  NremRecommendationFilter f = { 0 };
  g_autofree char *key = nrem_text_fold ("States should ensure the independence of NREMs");

  nrem_row_set (row, "status", "agreed");
  nrem_row_set (row, "addressees", "[\"states\",\"nrems\"]");
  nrem_row_set (row, "theme", "Follow-up");
  nrem_row_set (row, "proposer", "aaaaaaaa-0000-4000-8000-000000000001");

  g_assert_true (nrem_recommendation_filter_is_empty (&f));
  g_assert_true (nrem_recommendation_filter_match (&f, row, key));
  f.status = g_strdup ("agreed");
  f.addressee = g_strdup ("nrems");
  f.theme = g_strdup ("Follow-up");
  f.proposer = g_strdup ("aaaaaaaa-0000-4000-8000-000000000001");
  f.query = nrem_text_fold ("INDÉPENDENCE states");
  g_assert_true (nrem_recommendation_filter_match (&f, row, key));
  g_free (f.addressee);
  f.addressee = g_strdup ("civil-society");
  g_assert_false (nrem_recommendation_filter_match (&f, row, key));
  g_clear_pointer (&f.addressee, g_free);
  g_free (f.theme);
  f.theme = g_strdup ("");   /* without a theme */
  g_assert_false (nrem_recommendation_filter_match (&f, row, key));
  g_clear_pointer (&f.theme, g_free);
  g_free (f.query);
  f.query = g_strdup ("withdrawn");
  g_assert_false (nrem_recommendation_filter_match (&f, row, key));
  nrem_recommendation_filter_clear (&f);
  g_assert_true (nrem_recommendation_filter_is_empty (&f));
}

static void
test_status_rules (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (nrem_recommendation_status_next ("draft"), ==, "proposed");
  g_assert_cmpstr (nrem_recommendation_status_next ("proposed"), ==, "under-discussion");
  g_assert_cmpstr (nrem_recommendation_status_next ("under-discussion"), ==, "agreed");
  g_assert_null (nrem_recommendation_status_next ("agreed"));
  g_assert_null (nrem_recommendation_status_next ("withdrawn"));

  g_assert_true (nrem_recommendation_check_status ("x", "agreed", NULL, "Text.", &error));
  g_assert_false (nrem_recommendation_check_status ("x", "agreed", NULL, "  \n", &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_false (nrem_recommendation_check_status ("x", "merged", NULL, "Text.", &error));
  g_clear_error (&error);
  g_assert_false (nrem_recommendation_check_status ("x", "merged", "x", "Text.", &error));
  g_clear_error (&error);
  g_assert_true (nrem_recommendation_check_status ("x", "merged", "y", "Text.", &error));
  g_assert_false (nrem_recommendation_check_status ("x", "adopted", NULL, "Text.", &error));
  g_clear_error (&error);
}

static void
test_crc32 (void)
{
  g_assert_cmphex (nrem_crc32 (0, "123456789", 9), ==, 0xcbf43926);
  g_assert_cmphex (nrem_crc32 (0, "", 0), ==, 0);
  /* in pieces as at once */
  g_assert_cmphex (nrem_crc32 (nrem_crc32 (0, "1234", 4), "56789", 5), ==, 0xcbf43926);
}

/* ------------------------------------------------------------------------------------------
 * The store: create, renumber, reorder, the status workflow, revisions
 */

static char **
order_of (NremStore *store)
{
  g_autoptr(NremRecommendationList) list = nrem_recommendation_list_new (store);

  nrem_recommendation_list_set_meeting (list, BANGKOK);
  nrem_recommendation_list_set_grouping (list, NREM_GROUPING_NONE);
  g_assert_true (nrem_recommendation_list_reload (list, NULL));
  return nrem_recommendation_list_dup_order (list);
}

static void
test_store_create_renumber (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fx->db_path);
  sqlite3 *db = nrem_test_sqlite_open (fx->db_path);
  g_auto(GStrv) order = order_of (store);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  const char *fields[] = { "theme", "text", NULL };
  const char *values[] = { "Follow-up", "A new paragraph.", NULL };
  guint n = g_strv_length (order);

  g_assert_cmpuint (n, ==, 29);
  /* after the fourth paragraph: it becomes the fifth, the others follow */
  uuid = nrem_store_create_recommendation (store, BANGKOK, (const char * const *) order, 4,
                                           fields, values, &error);
  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  g_assert_cmpint (sql_int (db, "SELECT position FROM recommendation WHERE uuid = '%s'", uuid), ==, 5);
  g_assert_cmpint (sql_int (db, "SELECT position FROM recommendation WHERE uuid = '%s'", order[4]), ==, 6);
  g_assert_cmpint (sql_int (db, "SELECT position FROM recommendation WHERE uuid = '%s'", order[3]), ==, 4);
  g_assert_cmpint (sql_int (db, "SELECT position FROM recommendation WHERE uuid = '%s'", order[28]), ==, 30);
  g_autofree char *status = sql_text (db, "SELECT status FROM recommendation WHERE uuid = '%s'", uuid);
  g_assert_cmpstr (status, ==, "draft");
  assert_positions_consecutive (db, BANGKOK);
  /* the paragraphs that moved were edited on the merge clock */
  g_assert_cmpint (sql_int (db, "SELECT rev FROM recommendation WHERE uuid = '%s'", order[4]), >, 1);

  /* at the end */
  {
    g_auto(GStrv) again = order_of (store);
    g_autofree char *last = nrem_store_create_recommendation (store, BANGKOK, (const char * const *) again,
                                                              G_MAXUINT, NULL, NULL, &error);

    g_assert_no_error (error);
    g_assert_cmpint (sql_int (db, "SELECT position FROM recommendation WHERE uuid = '%s'", last), ==, 31);
  }
  assert_positions_consecutive (db, BANGKOK);
  sqlite3_close (db);
}

static void
test_store_reorder (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fx->db_path);
  g_autoptr(NremRecommendationList) list = nrem_recommendation_list_new (store);
  sqlite3 *db = nrem_test_sqlite_open (fx->db_path);
  g_autoptr(GError) error = NULL;
  NremRecommendation *r;
  guint pos;
  g_auto(GStrv) before = NULL;

  nrem_recommendation_list_set_meeting (list, BANGKOK);
  nrem_recommendation_list_set_grouping (list, NREM_GROUPING_NONE);
  g_assert_true (nrem_recommendation_list_reload (list, &error));
  before = nrem_recommendation_list_dup_order (list);

  /* the first paragraph to the third place */
  g_assert_true (nrem_recommendation_list_move (list, before[0], 3, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (nrem_recommendation_list_reload (list, &error));
  r = nrem_recommendation_list_find (list, before[0], &pos);
  g_assert_cmpuint (pos, ==, 2);
  g_assert_cmpstr (nrem_paragraph_info_get (r)->number, ==, "3");
  g_assert_cmpint (sql_int (db, "SELECT position FROM recommendation WHERE uuid = '%s'", before[0]), ==, 3);
  g_assert_cmpint (sql_int (db, "SELECT position FROM recommendation WHERE uuid = '%s'", before[1]), ==, 1);
  assert_positions_consecutive (db, BANGKOK);

  /* and back up to the top */
  g_assert_true (nrem_recommendation_list_move (list, before[0], 0, NULL, &error));
  g_assert_true (nrem_recommendation_list_reload (list, &error));
  nrem_recommendation_list_find (list, before[0], &pos);
  g_assert_cmpuint (pos, ==, 0);

  /* grouped by theme: moved beside a paragraph of another theme, it takes that theme */
  nrem_recommendation_list_set_grouping (list, NREM_GROUPING_THEME);
  g_assert_true (nrem_recommendation_list_reload (list, &error));
  {
    g_autofree char *followup = sql_text (db, "SELECT uuid FROM recommendation WHERE meeting = '%s'"
                                              " AND theme = 'Follow-up' ORDER BY position LIMIT 1", BANGKOK);
    NremRecommendation *target = nrem_recommendation_list_find (list, followup, &pos);
    g_autofree char *theme = NULL;

    g_assert_true (nrem_recommendation_list_move (list, before[0], pos, target, &error));
    g_assert_no_error (error);
    theme = sql_text (db, "SELECT theme FROM recommendation WHERE uuid = '%s'", before[0]);
    g_assert_cmpstr (theme, ==, "Follow-up");
    g_assert_true (nrem_recommendation_list_reload (list, &error));
    r = nrem_recommendation_list_find (list, before[0], &pos);
    g_assert_cmpstr (nrem_paragraph_info_get (r)->section, ==, "Follow-up");
    assert_positions_consecutive (db, BANGKOK);
  }

  /* grouped by addressee: it takes the section's addressee as its first */
  nrem_recommendation_list_set_grouping (list, NREM_GROUPING_ADDRESSEE);
  g_assert_true (nrem_recommendation_list_reload (list, &error));
  {
    g_autofree char *civil = sql_text (db, "SELECT uuid FROM recommendation WHERE meeting = '%s'"
                                           " AND addressees LIKE '[\"civil-society\"%%' LIMIT 1", BANGKOK);
    NremRecommendation *target = nrem_recommendation_list_find (list, civil, &pos);
    g_autofree char *addressees = NULL;

    g_assert_nonnull (target);
    g_assert_true (nrem_recommendation_list_move (list, before[1], pos + 1, target, &error));
    g_assert_no_error (error);
    addressees = sql_text (db, "SELECT addressees FROM recommendation WHERE uuid = '%s'", before[1]);
    g_assert_true (g_str_has_prefix (addressees, "[\"civil-society\""));
  }
  sqlite3_close (db);
}

static void
test_store_status_workflow (Fixture       *fx,
                            gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fx->db_path);
  sqlite3 *db = nrem_test_sqlite_open (fx->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = full_uuid (db, REC_DRAFT_12);
  g_autofree char *me = sql_text (db, "SELECT uuid FROM participant ORDER BY name LIMIT 1");
  g_autofree char *me_name = sql_text (db, "SELECT name FROM participant WHERE uuid = '%s'", me);
  gint64 revisions = sql_int (db, "SELECT count(*) FROM revision WHERE recommendation = '%s'", uuid);
  static const char * const steps[] = { "proposed", "under-discussion", "agreed", "under-discussion", "agreed", NULL };
  gboolean wrote = FALSE;

  /* each step of the workflow is a revision over the one before */
  for (guint i = 0; steps[i] != NULL; i++)
    {
      const char *fields[] = { "status", NULL };
      const char *values[] = { steps[i], NULL };
      g_autofree char *head = sql_text (db, "SELECT uuid FROM revision WHERE recommendation = '%s'"
                                            " ORDER BY created_at DESC, rowid DESC LIMIT 1", uuid);
      g_autofree char *status = NULL;
      g_autofree char *parent = NULL;

      g_assert_true (nrem_store_save_recommendation (store, uuid, fields, values, me, me_name, &wrote, &error));
      g_assert_no_error (error);
      g_assert_true (wrote);
      status = sql_text (db, "SELECT status FROM recommendation WHERE uuid = '%s'", uuid);
      g_assert_cmpstr (status, ==, steps[i]);
      parent = sql_text (db, "SELECT parent FROM revision WHERE recommendation = '%s'"
                             " ORDER BY created_at DESC, rowid DESC LIMIT 1", uuid);
      g_assert_cmpstr (parent, ==, head);
    }
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM revision WHERE recommendation = '%s'", uuid), ==,
                   revisions + 5);
  {
    g_autofree char *author = sql_text (db, "SELECT author_name FROM revision WHERE recommendation = '%s'"
                                            " ORDER BY created_at DESC, rowid DESC LIMIT 1", uuid);

    g_assert_cmpstr (author, ==, me_name);
  }

  /* the same status again: nothing to save, no revision */
  {
    const char *fields[] = { "status", NULL };
    const char *values[] = { "agreed", NULL };

    g_assert_true (nrem_store_save_recommendation (store, uuid, fields, values, me, me_name, &wrote, &error));
    g_assert_false (wrote);
  }

  /* merged needs the recommendation it went into, and forgets it when it leaves "merged" */
  {
    const char *fields[] = { "status", NULL };
    const char *values[] = { "merged", NULL };
    const char *mfields[] = { "status", "merged_into", NULL };
    const char *mvalues[] = { "merged", REC_AGREED_16, NULL };
    const char *self_values[] = { "merged", uuid, NULL };
    const char *back[] = { "draft", NULL };
    g_autofree char *into = NULL;

    g_assert_false (nrem_store_save_recommendation (store, uuid, fields, values, me, me_name, NULL, &error));
    g_assert_error (error, NREM_ERROR, NREM_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_false (nrem_store_save_recommendation (store, uuid, mfields, self_values, me, me_name, NULL, &error));
    g_clear_error (&error);
    g_assert_true (nrem_store_save_recommendation (store, uuid, mfields, mvalues, me, me_name, NULL, &error));
    g_assert_no_error (error);
    into = sql_text (db, "SELECT merged_into FROM recommendation WHERE uuid = '%s'", uuid);
    g_assert_cmpstr (into, ==, REC_AGREED_16);
    g_assert_true (nrem_store_save_recommendation (store, uuid, fields, back, me, me_name, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpint (sql_int (db, "SELECT merged_into IS NULL FROM recommendation WHERE uuid = '%s'", uuid), ==, 1);
  }

  /* agreed without text is refused, and nothing is written */
  {
    const char *fields[] = { "text", "status", NULL };
    const char *values[] = { "", "agreed", NULL };
    gint64 n = sql_int (db, "SELECT count(*) FROM revision");

    g_assert_false (nrem_store_save_recommendation (store, uuid, fields, values, me, me_name, NULL, &error));
    g_assert_error (error, NREM_ERROR, NREM_ERROR_FAILED);
    g_clear_error (&error);
    g_assert_cmpint (sql_int (db, "SELECT count(*) FROM revision"), ==, n);
    g_assert_cmpint (sql_int (db, "SELECT text IS NOT NULL FROM recommendation WHERE uuid = '%s'", uuid), ==, 1);
  }
  sqlite3_close (db);
}

static void
test_store_revisions (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fx->db_path);
  sqlite3 *db = nrem_test_sqlite_open (fx->db_path);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) order = order_of (store);
  g_autofree char *uuid = NULL;
  const char *fields[] = { "text", NULL };
  const char *texts[] = { "First words.", "First words, and more.", "Other words, and more.", NULL };
  g_autoptr(NremRevisionGraph) graph = NULL;

  uuid = nrem_store_create_recommendation (store, BANGKOK, (const char * const *) order, 0, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM revision WHERE recommendation = '%s'", uuid), ==, 0);

  for (guint i = 0; texts[i] != NULL; i++)
    {
      const char *values[] = { texts[i], NULL };

      g_assert_true (nrem_store_save_recommendation (store, uuid, fields, values, NULL, "Rapporteur", NULL, &error));
      g_assert_no_error (error);
    }
  /* one revision per saved text, each over the one before: a line, one head */
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM revision WHERE recommendation = '%s'", uuid), ==, 3);
  g_assert_cmpint (sql_int (db, "SELECT count(*) FROM revision WHERE recommendation = '%s' AND parent IS NULL", uuid), ==, 1);
  graph = nrem_store_load_revision_graph (store, uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (graph->revisions->len, ==, 3);
  g_assert_cmpuint (graph->heads->len, ==, 1);
  g_assert_false (nrem_revision_graph_has_conflict (graph));
  g_assert_cmpstr (nrem_row_get (graph->current, "text"), ==, "Other words, and more.");
  g_assert_cmpstr (nrem_row_get (graph->current, "author_name"), ==, "Rapporteur");
  g_assert_true (nrem_revision_graph_is_ancestor (graph, g_ptr_array_index (graph->revisions, 0), graph->current));

  /* the sample's histories are lines too */
  {
    g_autoptr(NremRevisionGraph) sample = nrem_store_load_revision_graph (store, REC_SUBPARAGRAPHS, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (sample->heads->len, ==, 1);
    g_assert_cmpuint (sample->revisions->len, >=, 2);
  }
  sqlite3_close (db);
}

/* Two delegates' databases from the same seed and sample; each edits the same recommendation
 * offline; they exchange files. Both versions are kept on both machines, the fork shows as a
 * conflict, and a merge made on one machine closes it on the other after the next exchange. */
static void
test_exchange_two_heads (Fixture       *fx,
                         gconstpointer  data)
{
  g_autofree char *path_a = nrem_test_dir_file (fx, "a.db");
  g_autofree char *path_b = nrem_test_dir_file (fx, "b.db");
  g_autofree char *file_a = nrem_test_dir_file (fx, "from-a.json");
  g_autofree char *file_b = nrem_test_dir_file (fx, "from-b.json");
  g_autoptr(NremStore) a = open_sample (path_a);
  g_autoptr(NremStore) b = open_sample (path_b);
  g_autoptr(GError) error = NULL;
  const char *fields[] = { "text", NULL };
  const char *text_a[] = { "NREMs should share information and good practices with each other every year.", NULL };
  const char *text_b[] = { "NREMs should share information, research findings and good practices, including through a secure platform.", NULL };
  const char *merged = "NREMs should share information, research findings and good practices with each other every year, including through a secure platform.";
  sqlite3 *db_a, *db_b;

  g_assert_true (nrem_store_save_recommendation (a, REC_AGREED_16, fields, text_a, NULL, "Delegate A", NULL, &error));
  g_assert_no_error (error);
  g_usleep (2000);
  g_assert_true (nrem_store_save_recommendation (b, REC_AGREED_16, fields, text_b, NULL, "Delegate B", NULL, &error));
  g_assert_no_error (error);

  g_assert_true (nrem_exchange_export_to_file (a, file_a, BANGKOK, FALSE, &error));
  g_assert_true (nrem_exchange_export_to_file (b, file_b, BANGKOK, FALSE, &error));
  g_assert_no_error (error);
  {
    NremImportReport report;

    nrem_exchange_import_file (a, file_b, FALSE, &report, &error);
    g_assert_no_error (error);
    nrem_import_report_clear (&report);
    nrem_exchange_import_file (b, file_a, FALSE, &report, &error);
    g_assert_no_error (error);
    nrem_import_report_clear (&report);
  }

  db_a = nrem_test_sqlite_open (path_a);
  db_b = nrem_test_sqlite_open (path_b);
  for (guint m = 0; m < 2; m++)
    {
      NremStore *store = m == 0 ? a : b;
      sqlite3 *db = m == 0 ? db_a : db_b;
      g_autoptr(NremRevisionGraph) graph = nrem_store_load_revision_graph (store, REC_AGREED_16, &error);
      g_autofree char *shown = NULL;

      g_assert_no_error (error);
      /* both drafts are kept, as two heads over the same parent */
      g_assert_cmpint (sql_int (db, "SELECT count(*) FROM revision WHERE recommendation = '%s' AND text = '%s'",
                                REC_AGREED_16, text_a[0]), ==, 1);
      g_assert_cmpint (sql_int (db, "SELECT count(*) FROM revision WHERE recommendation = '%s' AND text = '%s'",
                                REC_AGREED_16, text_b[0]), ==, 1);
      g_assert_cmpint (sql_int (db, "SELECT count(DISTINCT parent) FROM revision WHERE recommendation = '%s'"
                                    " AND author_name IN ('Delegate A', 'Delegate B')", REC_AGREED_16), ==, 1);
      g_assert_cmpuint (graph->heads->len, ==, 2);
      g_assert_true (nrem_revision_graph_has_conflict (graph));
      g_assert_cmpuint (graph->open_heads->len, ==, 1);
      /* both machines show the same version (the merge clock chose it), the other waits */
      shown = sql_text (db, "SELECT text FROM recommendation WHERE uuid = '%s'", REC_AGREED_16);
      g_assert_cmpstr (shown, ==, text_b[0]);
      g_assert_cmpstr (nrem_row_get (graph->current, "text"), ==, text_b[0]);
      g_assert_cmpstr (nrem_row_get (g_ptr_array_index (graph->open_heads, 0), "text"), ==, text_a[0]);
    }

  /* the list marks it */
  {
    g_autoptr(NremRecommendationList) list = nrem_recommendation_list_new (a);
    NremRecommendation *r;

    nrem_recommendation_list_set_meeting (list, BANGKOK);
    g_assert_true (nrem_recommendation_list_reload (list, &error));
    r = nrem_recommendation_list_find (list, REC_AGREED_16, NULL);
    g_assert_true (nrem_paragraph_info_get (r)->conflict);
  }

  /* A merges; the file carries the merge to B */
  g_assert_true (nrem_store_merge_recommendation (a, REC_AGREED_16, merged, "agreed", NULL, "Delegate A", &error));
  g_assert_no_error (error);
  {
    g_autoptr(NremRevisionGraph) graph = nrem_store_load_revision_graph (a, REC_AGREED_16, &error);

    g_assert_false (nrem_revision_graph_has_conflict (graph));
    g_assert_cmpstr (nrem_row_get (graph->current, "text"), ==, merged);
  }
  g_assert_true (nrem_exchange_export_to_file (a, file_a, BANGKOK, FALSE, &error));
  {
    NremImportReport report;

    nrem_exchange_import_file (b, file_a, FALSE, &report, &error);
    g_assert_no_error (error);
    nrem_import_report_clear (&report);
  }
  {
    g_autoptr(NremRevisionGraph) graph = nrem_store_load_revision_graph (b, REC_AGREED_16, &error);
    g_autofree char *shown = sql_text (db_b, "SELECT text FROM recommendation WHERE uuid = '%s'", REC_AGREED_16);

    g_assert_false (nrem_revision_graph_has_conflict (graph));
    g_assert_cmpstr (shown, ==, merged);
    /* no draft was lost: both versions stay in the history */
    g_assert_cmpint (sql_int (db_b, "SELECT count(*) FROM revision WHERE recommendation = '%s' AND text IN ('%s', '%s')",
                              REC_AGREED_16, text_a[0], text_b[0]), ==, 2);
  }
  /* and an edit after the merge does not reopen it */
  {
    const char *later[] = { "NREMs should share information every year.", NULL };
    g_autoptr(NremRevisionGraph) graph = NULL;

    g_assert_true (nrem_store_save_recommendation (b, REC_AGREED_16, fields, later, NULL, "Delegate B", NULL, &error));
    graph = nrem_store_load_revision_graph (b, REC_AGREED_16, &error);
    g_assert_false (nrem_revision_graph_has_conflict (graph));
  }
  sqlite3_close (db_a);
  sqlite3_close (db_b);
}

/* ------------------------------------------------------------------------------------------
 * The list model
 */

typedef struct
{
  guint position, removed, added, calls;
} Changed;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  Changed    *c)
{
  c->position = position;
  c->removed = removed;
  c->added = added;
  c->calls++;
}

static void
count_labels_changed (guint *count)
{
  (*count)++;
}

static void
test_list_model (Fixture       *fx,
                 gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fx->db_path);
  g_autoptr(NremRecommendationList) list = nrem_recommendation_list_new (store);
  g_autoptr(GError) error = NULL;
  Changed changed = { 0 };
  g_autoptr(NremRecommendation) first = NULL;
  guint n_sections = 0;
  guint labels = 0;

  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == NREM_TYPE_RECOMMENDATION);
  nrem_recommendation_list_set_meeting (list, BANGKOK);
  nrem_recommendation_list_set_grouping (list, NREM_GROUPING_THEME);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &changed);
  g_signal_connect_swapped (list, "labels-changed", G_CALLBACK (count_labels_changed), &labels);
  g_assert_true (nrem_recommendation_list_reload (list, &error));
  g_assert_cmpuint (labels, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 29);
  g_assert_cmpuint (changed.added, ==, 29);

  for (guint i = 0; i < 29; i++)
    {
      g_autoptr(NremRecommendation) r = g_list_model_get_item (G_LIST_MODEL (list), i);
      const NremParagraphInfo *info = nrem_paragraph_info_get (r);

      g_assert_nonnull (info);
      g_assert_cmpuint (info->index, ==, i);
      if (info->section_start)
        n_sections++;
      if (g_strcmp0 (nrem_record_get_string (NREM_RECORD (r), "status"), "withdrawn") == 0)
        g_assert_cmpstr (info->number, ==, "");
    }
  g_assert_cmpuint (n_sections, ==, 6);
  first = g_list_model_get_item (G_LIST_MODEL (list), 0);
  g_assert_cmpstr (nrem_paragraph_info_get (first)->section, ==, "Institutional framework and independence");
  g_assert_cmpstr (nrem_paragraph_info_get (first)->number, ==, "1");
  {
    g_autoptr(NremRecommendation) alt = g_list_model_get_item (G_LIST_MODEL (list), 3);

    g_assert_cmpstr (nrem_paragraph_info_get (alt)->number, ==, "3 bis");
  }
  {
    g_autofree char *label = nrem_paragraph_dup_accessible_label (first);

    g_assert_true (g_str_has_prefix (label, "Recommendation 1, agreed: States that have not yet done so"));
  }

  /* a reload without changes says nothing */
  changed.calls = 0;
  labels = 0;
  g_assert_true (nrem_recommendation_list_reload (list, &error));
  g_assert_cmpuint (changed.calls, ==, 0);
  g_assert_cmpuint (labels, ==, 0);

  /* a move tells only about the stretch that changed; the objects stay */
  {
    g_auto(GStrv) order = nrem_recommendation_list_dup_order (list);
    NremRecommendation *second = nrem_recommendation_list_find (list, order[1], NULL);

    labels = 0;
    g_assert_true (nrem_recommendation_list_move (list, order[0], 2, NULL, &error));
    g_assert_true (nrem_recommendation_list_reload (list, &error));
    g_assert_cmpuint (labels, ==, 1);
    g_assert_cmpuint (changed.position, ==, 0);
    g_assert_cmpuint (changed.removed, ==, 2);
    g_assert_cmpuint (changed.added, ==, 2);
    g_assert_true (nrem_recommendation_list_find (list, order[1], NULL) == second);
    g_assert_cmpstr (nrem_paragraph_info_get (second)->number, ==, "1");
    g_assert_cmpstr (nrem_paragraph_info_get (first)->number, ==, "2");
  }

  /* search keys fold accents and case */
  {
    NremRecommendationFilter f = { 0 };
    guint hits = 0;

    f.query = nrem_text_fold ("STAFF ÉXCHANGES");
    hits = 0;
    for (guint i = 0; i < 29; i++)
      {
        g_autoptr(NremRecommendation) r = g_list_model_get_item (G_LIST_MODEL (list), i);

        if (nrem_recommendation_filter_match (&f, nrem_record_get_row (NREM_RECORD (r)),
                                              nrem_paragraph_info_get (r)->search_key))
          hits++;
      }
    g_assert_cmpuint (hits, ==, 1);
    nrem_recommendation_filter_clear (&f);
  }

  /* another meeting: empty */
  nrem_recommendation_list_set_meeting (list, "00000000-0000-4000-8000-000000000000");
  g_assert_true (nrem_recommendation_list_reload (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 0);
}

/* ------------------------------------------------------------------------------------------
 * The outcome document, read back by other programs
 */

static void
test_outcome_formats (Fixture       *fx,
                      gconstpointer  data)
{
  g_autoptr(NremStore) store = open_sample (fx->db_path);
  static const char * const kinds[] = { "md", "odt", "pdf" };
  g_autoptr(GError) error = NULL;

  for (guint v = 0; v < 2; v++)
    for (guint g = 0; g < 3; g++)
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        {
          NremOutcomeVersion version = v == 0 ? NREM_OUTCOME_CLEAN : NREM_OUTCOME_NEGOTIATION;
          g_autofree char *name = g_strdup_printf ("outcome-%u-%u.%s", v, g, kinds[k]);
          g_autofree char *path = nrem_test_dir_file (fx, name);
          g_autofree char *errors = NULL;
          g_autoptr(NremOutcome) outcome = nrem_outcome_new (store, BANGKOK, version, g, &error);

          g_assert_no_error (error);
          /* clean: the 12 agreed; negotiation: all 29 but the 2 withdrawn */
          g_assert_cmpuint (nrem_outcome_get_n_paragraphs (outcome), ==, v == 0 ? 12 : 27);
          g_assert_true (nrem_outcome_write (outcome, path, &error));
          g_assert_no_error (error);
          if (!run_checker (kinds[k], path, v == 0 ? "clean" : "negotiation", v == 0 ? 12 : 27, &errors))
            g_error ("%s", errors);
        }

  /* what pdftotext reads: the meeting, its place and dates, subparagraphs, headings */
  {
    g_autofree char *path = nrem_test_dir_file (fx, "outcome-0-1.pdf");
    g_autofree char *out = NULL;
    const char *argv[] = { "pdftotext", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (out, "Second Consultative Meeting"));
    g_assert_nonnull (strstr (out, "Bangkok, Thailand, 21–22 May 2014"));
    g_assert_nonnull (strstr (out, "I. Recommendations"));
    g_assert_nonnull (strstr (out, "A. Institutional framework and independence"));
    g_assert_nonnull (strstr (out, "(d)"));
    g_assert_null (strstr (out, "withdrawn"));
  }
  {
    g_autofree char *path = nrem_test_dir_file (fx, "outcome-1-1.pdf");
    g_autofree char *out = NULL;
    const char *argv[] = { "pdftotext", path, "-", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (out, "3 bis."));
    g_assert_nonnull (strstr (out, "Under discussion. Proposed by"));
    g_assert_nonnull (strstr (out, "[ensure] [consider ensuring]"));
  }

  /* the Markdown of the clean version, in full where it matters */
  {
    g_autoptr(NremOutcome) outcome = nrem_outcome_new (store, BANGKOK, NREM_OUTCOME_CLEAN, NREM_GROUPING_ADDRESSEE, &error);
    g_autofree char *md = nrem_outcome_to_markdown (outcome);

    g_assert_true (g_str_has_prefix (md, "# Second Consultative Meeting"));
    g_assert_nonnull (strstr (md, "\n### A. Recommendations to States\n\n1. States that have not yet done so"));
    g_assert_nonnull (strstr (md, "\n   (a) Are established by a statute"));
  }

  /* a file of another kind is refused with its name */
  g_assert_false (nrem_outcome_export (store, BANGKOK, NREM_OUTCOME_CLEAN, NREM_GROUPING_THEME,
                                       "/tmp/outcome.docx", &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_FAILED);
  g_assert_nonnull (strstr (error->message, "outcome.docx"));
  g_clear_error (&error);
  /* so is a meeting that is not there */
  g_assert_null (nrem_outcome_new (store, "00000000-0000-4000-8000-000000000000", NREM_OUTCOME_CLEAN,
                                   NREM_GROUPING_THEME, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND);
}

static void
test_outcome_cli (Fixture       *fx,
                  gconstpointer  data)
{
  const char *program = g_getenv ("NREM_DESK");
  g_autoptr(NremStore) store = NULL;
  g_autofree char *md = nrem_test_dir_file (fx, "cli.md");
  g_autofree char *odt = nrem_test_dir_file (fx, "cli.odt");
  g_autofree char *bad = nrem_test_dir_file (fx, "cli.txt");
  g_autofree char *errors = NULL;
  int status;
  g_autoptr(GError) error = NULL;

  if (program == NULL)
    {
      g_test_skip ("NREM_DESK is not set");
      return;
    }
  store = open_sample (fx->db_path);
  nrem_store_set_meta (store, NREM_OUTCOME_GROUPING_META, "none", NULL);
  g_clear_object (&store);

  {
    const char *argv[] = { program, "--db", fx->db_path, "--export-outcome", md, "--meeting", BANGKOK,
                           "--negotiation", NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &errors, &status, &error);
    g_assert_no_error (error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_clear_pointer (&errors, g_free);
    if (!run_checker ("md", md, "negotiation", 27, &errors))
      g_error ("%s", errors);
    g_clear_pointer (&errors, g_free);
  }
  {
    /* without --meeting: the latest meeting, Bangkok in the sample; clean; not grouped */
    const char *argv[] = { program, "--db", fx->db_path, "--export-outcome", odt, NULL };
    g_autofree char *content = NULL;

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &errors, &status, &error);
    g_assert_true (g_spawn_check_wait_status (status, NULL));
    g_clear_pointer (&errors, g_free);
    if (!run_checker ("odt", odt, "clean", 12, &errors))
      g_error ("%s", errors);
    g_clear_pointer (&errors, g_free);
  }
  {
    const char *argv[] = { program, "--db", fx->db_path, "--export-outcome", bad, NULL };

    g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &errors, &status, &error);
    g_assert_false (g_spawn_check_wait_status (status, NULL));
    g_assert_nonnull (strstr (errors, "cli.txt"));
    g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  }
}

int
main (int   argc,
      char *argv[])
{
  nrem_test_init (&argc, &argv);

  g_test_add_func ("/recommendations/numbering/consecutive", test_numbering_consecutive);
  g_test_add_func ("/recommendations/numbering/alternatives", test_numbering_alternatives);
  g_test_add_func ("/recommendations/numbering/alternative-first", test_numbering_alternative_first);
  g_test_add_func ("/recommendations/numbering/labels", test_numbering_labels);
  g_test_add_func ("/recommendations/subparagraphs/parse", test_subparagraphs_parse);
  g_test_add_func ("/recommendations/subparagraphs/next-label", test_subparagraphs_next_label);
  g_test_add_func ("/recommendations/brackets", test_brackets);
  g_test_add_func ("/recommendations/diff/words", test_diff_words);
  g_test_add_func ("/recommendations/diff/lines", test_diff_lines);
  g_test_add_func ("/recommendations/diff/random", test_diff_random);
  g_test_add_func ("/recommendations/diff/markup", test_diff_markup);
  g_test_add_func ("/recommendations/search/fold", test_fold);
  g_test_add_func ("/recommendations/search/filter", test_filter);
  g_test_add_func ("/recommendations/status/rules", test_status_rules);
  g_test_add_func ("/recommendations/zip/crc32", test_crc32);
  g_test_add ("/recommendations/store/create-renumber", Fixture, NULL,
              nrem_test_dir_setup, test_store_create_renumber, nrem_test_dir_teardown);
  g_test_add ("/recommendations/store/reorder", Fixture, NULL,
              nrem_test_dir_setup, test_store_reorder, nrem_test_dir_teardown);
  g_test_add ("/recommendations/store/status-workflow", Fixture, NULL,
              nrem_test_dir_setup, test_store_status_workflow, nrem_test_dir_teardown);
  g_test_add ("/recommendations/store/revisions", Fixture, NULL,
              nrem_test_dir_setup, test_store_revisions, nrem_test_dir_teardown);
  g_test_add ("/recommendations/exchange/two-heads", Fixture, NULL,
              nrem_test_dir_setup, test_exchange_two_heads, nrem_test_dir_teardown);
  g_test_add ("/recommendations/list/model", Fixture, NULL,
              nrem_test_dir_setup, test_list_model, nrem_test_dir_teardown);
  g_test_add ("/recommendations/outcome/formats", Fixture, NULL,
              nrem_test_dir_setup, test_outcome_formats, nrem_test_dir_teardown);
  g_test_add ("/recommendations/outcome/command-line", Fixture, NULL,
              nrem_test_dir_setup, test_outcome_cli, nrem_test_dir_teardown);

  return g_test_run ();
}
