/* test-participants-core.c
 *
 * The Participants pane's model without a display: folding and search, the directory as a
 * list model, filters and the count against the sample data, the CSV import (hostile files
 * included, each checked for nothing half-imported), the vCard, CSV and PDF writers, and the
 * command line.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "nrem-test-util.h"
#include "nrem-fold.h"
#include "nrem-participant-check.h"
#include "nrem-participant-csv.h"
#include "nrem-participant-export.h"
#include "nrem-participant-list.h"
#include "nrem-participant-query.h"
#include "nrem-session.h"
#include "nrem-store-participants.h"
#include "nrem-uuid.h"

#define BANGKOK "5862ca7e-5108-5623-8dc4-8bf867ee0229"
#define BERLIN "453635de-548e-5765-b753-cbcd60f3ee6d"
#define SIOBHAN "8609d4cc-8b76-47b5-a085-38745d3ddb1f"
#define HANNAH "55d0c029-21ba-43c8-b3f8-b4cb26634764"

typedef struct
{
  NremTestDir  dir;
  NremSession *session;
  NremStore   *store;
} Fixture;

/* ------------------------------------------------------------------------------------------
 * Fixtures and helpers
 */

static void
setup_empty (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  nrem_test_dir_setup (&f->dir, data);
  f->session = nrem_session_new (f->dir.db_path, &error);
  g_assert_no_error (error);
  f->store = nrem_session_get_store (f->session);
}

static void
setup_sample (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *sample = nrem_test_source_file ("data", "samples", "nrem-desk-sample.json", NULL);
  g_autoptr(GError) error = NULL;
  NremImportReport report;

  setup_empty (f, data);
  g_assert_true (nrem_exchange_import_file (f->store, sample, FALSE, &report, &error));
  g_assert_no_error (error);
  nrem_import_report_clear (&report);
}

static void
teardown (Fixture       *f,
          gconstpointer  data)
{
  g_clear_object (&f->session);
  nrem_test_dir_teardown (&f->dir, data);
}

static gint64
db_int (Fixture    *f,
        const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (f->dir.db_path);
  gint64 value = nrem_test_sqlite_int (db, sql);

  sqlite3_close (db);
  return value;
}

static char *
db_text (Fixture    *f,
         const char *sql)
{
  sqlite3 *db = nrem_test_sqlite_open (f->dir.db_path);
  char *value = nrem_test_sqlite_text (db, sql);

  sqlite3_close (db);
  return value;
}

static NremParticipantList *
loaded_list (Fixture    *f,
             const char *meeting)
{
  g_autoptr(GError) error = NULL;
  NremParticipantList *list = nrem_participant_list_new (f->store);

  nrem_participant_list_set_meeting (list, meeting);
  g_assert_true (nrem_participant_list_load (list, &error));
  g_assert_no_error (error);
  nrem_participant_list_finish_loading (list);
  return list;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/* the names of the items of @model that match @query, sorted, joined by "|" */
static char *
names_matching (GListModel                 *model,
                const NremParticipantQuery *query,
                guint                      *n_out)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(NremParticipantItem) item = g_list_model_get_item (model, i);

      if (nrem_participant_query_matches (query, item))
        g_ptr_array_add (names, (gpointer) nrem_participant_item_get_name (item));
    }
  g_ptr_array_sort (names, compare_strings);
  if (n_out != NULL)
    *n_out = names->len;
  g_ptr_array_add (names, NULL);
  return g_strjoinv ("|", (char **) names->pdata);
}

static char *
search (GListModel *model,
        const char *text)
{
  NremParticipantQuery query = { NULL };
  char *names;

  nrem_participant_query_set_text (&query, text);
  names = names_matching (model, &query, NULL);
  nrem_participant_query_clear (&query);
  return names;
}

static guint
count_matching (GListModel                 *model,
                const NremParticipantQuery *query)
{
  g_autofree char *names = NULL;
  guint n = 0;

  names = names_matching (model, query, &n);
  return n;
}

static char *
replace_all (const char *text,
             const char *old,
             const char *new_text)
{
  g_auto(GStrv) parts = g_strsplit (text, old, -1);

  return g_strjoinv (new_text, parts);
}

static guint
n_names (const char *joined)
{
  g_auto(GStrv) parts = NULL;

  if (joined[0] == '\0')
    return 0;
  parts = g_strsplit (joined, "|", -1);
  return g_strv_length (parts);
}

static gboolean
email_refused (const char *text)
{
  g_autofree char *problem = nrem_participant_check_email (text);

  return problem != NULL;
}

static gboolean
phone_refused (const char *text)
{
  g_autofree char *problem = nrem_participant_check_phone (text);

  return problem != NULL;
}

static NremParticipantCsv *
csv_from_string (const char  *text,
                 gssize       length,
                 GError     **error)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length >= 0 ? (gsize) length : strlen (text));

  return nrem_participant_csv_new (bytes, "people.csv", error);
}

static void
import_csv (Fixture    *f,
            const char *text,
            const char *meeting,
            NremCsvResult *result)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremParticipantCsv) csv = csv_from_string (text, -1, &error);

  g_assert_no_error (error);
  g_assert_true (nrem_participant_csv_apply (csv, f->store, meeting, result, &error));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------------------------------
 * Folding
 */

static void
test_fold_text (void)
{
  static const struct { const char *in; const char *out; } cases[] = {
    { "São Paulo", "sao paulo" },
    { "O'Connor", "oconnor" },
    { "O’Connor", "oconnor" },
    { "Rania Al-Masri", "rania almasri" },
    { "Małgorzata Wiśniewska", "malgorzata wisniewska" },
    { "Nguyễn Thị Thảo", "nguyen thi thao" },
    { "Ștefan Țurcanu", "stefan turcanu" },
    { "Jörg Krüger", "jorg kruger" },
    { "Adébáyọ̀ Ọlátúnjí", "adebayo olatunji" },
    { "ÆSIR Straße Øresund", "aesir strasse oresund" },
    { "ＦＵＬＬ　ＷＩＤＴＨ", "full width" },
    { "  many   spaces, commas; (and) brackets  ", "many spaces commas and brackets" },
    { "rania.masri@nrem-jo.example.org", "raniamasri nremjoexampleorg" },
    { "", "" },
    { NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *folded = nrem_fold (cases[i].in);

      g_assert_cmpstr (folded, ==, cases[i].out);
    }
}

static void
test_fold_words (void)
{
  g_auto(GStrv) words = nrem_fold_words ("  Sao   PAULO ");
  g_auto(GStrv) none = nrem_fold_words (" '-. ");
  g_auto(GStrv) empty = nrem_fold_words ("");

  g_assert_cmpuint (g_strv_length (words), ==, 2);
  g_assert_cmpstr (words[0], ==, "sao");
  g_assert_cmpstr (words[1], ==, "paulo");
  g_assert_null (none);
  g_assert_null (empty);

  /* every word, in any order */
  g_assert_true (nrem_fold_match_words ("siobhan oconnor ireland", (const char * const []) { "oconnor", "siob", NULL }));
  g_assert_false (nrem_fold_match_words ("siobhan oconnor ireland", (const char * const []) { "oconnor", "hannah", NULL }));
  g_assert_true (nrem_fold_match_words ("anything", NULL));
}

/* Invalid UTF-8 is skipped, never read past. */
static void
test_fold_invalid (void)
{
  g_autofree char *folded = nrem_fold ("Jos\xe9 \xff\xfe Ana");

  g_assert_cmpstr (folded, ==, "jos ana");
}

/* ------------------------------------------------------------------------------------------
 * The list
 */

static void
test_list_sample (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  NremParticipantItem *siobhan = nrem_participant_list_lookup (list, SIOBHAN);
  guint people, countries;
  g_autofree char *count = NULL;
  const char *status = NULL;
  gboolean head = TRUE;

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 96);
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (list)) == NREM_TYPE_PARTICIPANT_ITEM);
  g_assert_false (nrem_participant_list_is_loading (list));

  g_assert_nonnull (siobhan);
  g_assert_cmpstr (nrem_participant_item_get_name (siobhan), ==, "Siobhán O'Connor");
  g_assert_cmpstr (nrem_participant_item_get_country (siobhan), ==, "IE");
  g_assert_cmpstr (nrem_participant_item_get_country_name (siobhan), ==, "Ireland");
  g_assert_cmpstr (nrem_participant_item_get_region (siobhan), ==, "Europe");
  g_assert_true (nrem_participant_item_get_attendance (siobhan, BANGKOK, &status, &head));
  g_assert_nonnull (status);
  g_assert_cmpint (nrem_participant_item_get_status (siobhan), >=, 0);

  /* the record is a real NremParticipant with the entity's properties */
  {
    g_autofree char *name = NULL;

    g_object_get (nrem_participant_item_get_record (siobhan), "name", &name, NULL);
    g_assert_cmpstr (name, ==, "Siobhán O'Connor");
  }

  nrem_participants_count (G_LIST_MODEL (list), &people, &countries);
  g_assert_cmpuint (people, ==, 96);
  g_assert_cmpuint (countries, ==, 44);
  count = nrem_participants_describe_count (people, countries);
  g_assert_cmpstr (count, ==, "96 people from 44 countries");
}

static void
test_list_count_words (void)
{
  g_autofree char *one = nrem_participants_describe_count (1, 1);
  g_autofree char *none = nrem_participants_describe_count (0, 0);
  g_autofree char *stateless = nrem_participants_describe_count (3, 0);

  g_assert_cmpstr (one, ==, "1 person from 1 country");
  g_assert_cmpstr (none, ==, "0 people");
  g_assert_cmpstr (stateless, ==, "3 people");
}

static void
on_items_changed_cb (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     guint      *signals)
{
  (*signals)++;
}

/* The first rows are there before the rest; the rest follow from the main loop. */
static void
test_list_chunked (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = nrem_participant_list_new (f->store);
  g_autoptr(GError) error = NULL;
  const char *fields[] = { "name", "country", NULL };
  guint signals = 0;

  g_assert_true (nrem_store_begin (f->store, &error));
  for (guint i = 0; i < 2500; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %04u", i);
      const char *values[] = { name, i % 2 ? "TH" : "FR", NULL };
      g_autofree char *uuid = nrem_store_create (f->store, NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);

      g_assert_no_error (error);
    }
  g_assert_true (nrem_store_commit (f->store, &error));

  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &signals);
  g_assert_true (nrem_participant_list_load (list, &error));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, NREM_PARTICIPANT_LIST_FIRST_CHUNK);
  g_assert_true (nrem_participant_list_is_loading (list));

  while (nrem_participant_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 2500);
  /* the first chunk, then chunks of NREM_PARTICIPANT_LIST_CHUNK */
  g_assert_cmpuint (signals, ==, 1 + (2500 - NREM_PARTICIPANT_LIST_FIRST_CHUNK + NREM_PARTICIPANT_LIST_CHUNK - 1) / NREM_PARTICIPANT_LIST_CHUNK);
  /* in the order of their names, and each once */
  {
    g_autoptr(NremParticipantItem) first = g_list_model_get_item (G_LIST_MODEL (list), 0);
    g_autoptr(NremParticipantItem) last = g_list_model_get_item (G_LIST_MODEL (list), 2499);

    g_assert_cmpstr (nrem_participant_item_get_name (first), ==, "Person 0000");
    g_assert_cmpstr (nrem_participant_item_get_name (last), ==, "Person 2499");
  }
}

/* A write while the list is loading: after the reload everyone is there, once. */
static void
test_list_write_while_loading (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = nrem_participant_list_new (f->store);
  g_autoptr(GError) error = NULL;
  const char *fields[] = { "name", NULL };
  g_autofree char *early = NULL;

  g_assert_true (nrem_store_begin (f->store, &error));
  for (guint i = 0; i < 3000; i++)
    {
      g_autofree char *name = g_strdup_printf ("Person %04u", i);
      const char *values[] = { name, NULL };
      g_autofree char *uuid = nrem_store_create (f->store, NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);
    }
  g_assert_true (nrem_store_commit (f->store, &error));
  g_signal_connect_object (f->store, "changed", G_CALLBACK (nrem_participant_list_queue_reload), list,
                           G_CONNECT_SWAPPED);

  g_assert_true (nrem_participant_list_load (list, &error));
  g_assert_true (nrem_participant_list_is_loading (list));
  /* someone who sorts first arrives: the pages after the first move by one */
  {
    const char *values[] = { "Aaron Early", NULL };

    early = nrem_store_create (f->store, NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);
  }
  while (nrem_participant_list_is_loading (list))
    g_main_context_iteration (NULL, TRUE);
  nrem_participant_list_flush (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 3001);
  g_assert_nonnull (nrem_participant_list_lookup (list, early));
  {
    g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = 0; i < 3001; i++)
      {
        g_autoptr(NremParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

        g_assert_true (g_hash_table_add (seen, (gpointer) nrem_participant_item_get_uuid (item)));
      }
  }
}

/* After a change, the list keeps its objects and updates only what changed. */
static void
test_list_reload (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  NremParticipantItem *siobhan = nrem_participant_list_lookup (list, SIOBHAN);
  g_autoptr(GError) error = NULL;
  const char *fields[] = { "name", NULL };
  const char *values[] = { "Siobhán Ní Chonchúir", NULL };
  g_autofree char *created = NULL;
  guint signals = 0;

  g_object_ref (siobhan);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed_cb), &signals);
  g_signal_connect_object (f->store, "changed", G_CALLBACK (nrem_participant_list_queue_reload), list,
                           G_CONNECT_SWAPPED);

  g_assert_true (nrem_store_update (f->store, NREM_ENTITY_PARTICIPANT, SIOBHAN, fields, values, &error));
  nrem_participant_list_flush (list);
  g_assert_true (nrem_participant_list_lookup (list, SIOBHAN) == siobhan);
  g_assert_cmpstr (nrem_participant_item_get_name (siobhan), ==, "Siobhán Ní Chonchúir");
  g_assert_cmpuint (signals, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 96);

  /* a new person is appended, a deleted one removed */
  values[0] = "Zoë Newcomer";
  created = nrem_store_create (f->store, NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);
  g_assert_no_error (error);
  nrem_participant_list_flush (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 97);
  g_assert_nonnull (nrem_participant_list_lookup (list, created));

  g_assert_true (nrem_store_delete_participant (f->store, SIOBHAN, NULL, &error));
  nrem_participant_list_flush (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (list)), ==, 96);
  g_assert_null (nrem_participant_list_lookup (list, SIOBHAN));
  g_object_unref (siobhan);
}

/* The meeting of the list: the attendance each item shows. */
static void
test_list_meeting (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BERLIN);
  NremParticipantQuery query = { NULL };

  query.attendance = NREM_ATTENDANCE_FILTER_AT_MEETING;
  g_assert_cmpuint (count_matching (G_LIST_MODEL (list), &query), ==, 12);
  nrem_participant_list_set_meeting (list, BANGKOK);
  g_assert_cmpuint (count_matching (G_LIST_MODEL (list), &query), ==, 96);
  nrem_participant_list_set_meeting (list, NULL);
  g_assert_cmpuint (count_matching (G_LIST_MODEL (list), &query), ==, 0);
}

static void
test_list_same_person (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  g_autoptr(GPtrArray) same = nrem_participant_list_find_same (list, "hannah  OCONNOR", "IE", NULL);
  g_autoptr(GPtrArray) elsewhere = nrem_participant_list_find_same (list, "Hannah O'Connor", "GB", NULL);
  g_autoptr(GPtrArray) self_only = nrem_participant_list_find_same (list, "Hannah O'Connor", "IE", HANNAH);

  g_assert_cmpuint (same->len, ==, 1);
  g_assert_cmpstr (nrem_participant_item_get_uuid (g_ptr_array_index (same, 0)), ==, HANNAH);
  g_assert_cmpuint (elsewhere->len, ==, 0);
  g_assert_cmpuint (self_only->len, ==, 0);
}

/* ------------------------------------------------------------------------------------------
 * Search, filters and the count against the sample
 */

static void
test_search_sample (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  GListModel *model = G_LIST_MODEL (list);
  static const struct { const char *query; const char *names; } cases[] = {
    /* accents and case */
    { "oconnor", "Hannah O'Connor|Siobhán O'Connor" },
    { "O'Connor", "Hannah O'Connor|Siobhán O'Connor" },
    { "siobhan oconnor", "Siobhán O'Connor" },
    { "JÖRG", "Jörg Krüger" },
    { "jorg kruger", "Jörg Krüger" },
    { "malgorzata", "Małgorzata Wiśniewska" },
    { "sao bento", "Conceição São Bento" },
    { "nguyen thao", "Nguyễn Thị Thảo" },
    /* words in any order */
    { "oconnor siobhan", "Siobhán O'Connor" },
    { "kruger JORG", "Jörg Krüger" },
    /* e-mail, organisation, country */
    { "rania.masri", "Rania Al-Masri" },
    { "nrem-jo.example", "Rania Al-Masri" },
    { "zzzz", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *names = search (model, cases[i].query);

      g_assert_cmpstr (names, ==, cases[i].names);
    }

  {
    g_autofree char *thailand = search (model, "thailand");
    g_autofree char *unodc = search (model, "UNODC");

    /* by country: the eight people of Thailand */
    g_assert_cmpstr (thailand, ==, "Anita Thapa|Ioana Mărgărit|Kanokwan Chaiyaphum|Kanokwan Phromsiri|"
                                   "Lena Schäfer|Pieter du Plessis|Siriporn Phromsiri|Sok Sreyneang");
    /* by organisation */
    g_assert_cmpuint (n_names (unodc), ==, 6);
  }
}

/* "sao paulo" finds "São Paulo" in an organisation. */
static void
test_search_organisation (Fixture       *f,
                          gconstpointer  data)
{
  const char *fields[] = { "name", "organisation", "country", NULL };
  const char *values[] = { "Luísa Prado", "Prefeitura de São Paulo", "BR", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = nrem_store_create (f->store, NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  g_autofree char *found = search (G_LIST_MODEL (list), "sao paulo");
  g_autofree char *reversed = search (G_LIST_MODEL (list), "PAULO são");

  g_assert_cmpstr (found, ==, "Luísa Prado");
  g_assert_cmpstr (reversed, ==, "Luísa Prado");
}

static void
test_filters_sample (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  GListModel *model = G_LIST_MODEL (list);
  NremParticipantQuery q = { NULL };

  q.region = g_strdup ("Asia");
  g_assert_cmpuint (count_matching (model, &q), ==, 30);
  q.role = g_strdup ("national-rapporteur");
  g_assert_cmpuint (count_matching (model, &q), ==, 5);
  nrem_participant_query_clear (&q);

  q.country = g_strdup ("TH");
  g_assert_cmpuint (count_matching (model, &q), ==, 8);
  nrem_participant_query_clear (&q);

  q.role = g_strdup ("secretariat");
  g_assert_cmpuint (count_matching (model, &q), ==, 5);
  nrem_participant_query_clear (&q);

  q.mechanism_type = g_strdup ("independent-rapporteur");
  g_assert_cmpuint (count_matching (model, &q), ==, 7);
  g_free (q.mechanism_type);
  q.mechanism_type = g_strdup ("");   /* no mechanism */
  g_assert_cmpuint (count_matching (model, &q), ==, 39);
  nrem_participant_query_clear (&q);

  q.attendance = NREM_ATTENDANCE_FILTER_CONFIRMED;
  g_assert_cmpuint (count_matching (model, &q), ==, 9);
  q.attendance = NREM_ATTENDANCE_FILTER_DECLINED;
  g_assert_cmpuint (count_matching (model, &q), ==, 8);
  q.attendance = NREM_ATTENDANCE_FILTER_INVITED;
  g_assert_cmpuint (count_matching (model, &q), ==, 5);
  q.attendance = NREM_ATTENDANCE_FILTER_ATTENDED;
  g_assert_cmpuint (count_matching (model, &q), ==, 74);
  q.attendance = NREM_ATTENDANCE_FILTER_HEAD;
  g_assert_cmpuint (count_matching (model, &q), ==, 16);
  q.attendance = NREM_ATTENDANCE_FILTER_AT_MEETING;
  g_assert_cmpuint (count_matching (model, &q), ==, 96);
  q.attendance = NREM_ATTENDANCE_FILTER_NOT_AT_MEETING;
  g_assert_cmpuint (count_matching (model, &q), ==, 0);
  nrem_participant_query_clear (&q);

  /* search and filters together */
  nrem_participant_query_set_text (&q, "national");
  q.region = g_strdup ("Europe");
  {
    g_autofree char *names = names_matching (model, &q, NULL);
    g_auto(GStrv) each = g_strsplit (names, "|", -1);

    g_assert_cmpuint (g_strv_length (each), >, 0);
    for (guint i = 0; each[i] != NULL; i++)
      g_assert_cmpstr (each[i], !=, "");
  }
  nrem_participant_query_clear (&q);
}

/* The count follows the filters: people and the countries they come from. */
static void
test_count_filtered (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  g_autoptr(GListStore) shown = g_list_store_new (NREM_TYPE_PARTICIPANT_ITEM);
  NremParticipantQuery q = { NULL };
  guint people, countries;
  g_autofree char *text = NULL;

  q.region = g_strdup ("Asia");
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (list)); i++)
    {
      g_autoptr(NremParticipantItem) item = g_list_model_get_item (G_LIST_MODEL (list), i);

      if (nrem_participant_query_matches (&q, item))
        g_list_store_append (shown, item);
    }
  nrem_participants_count (G_LIST_MODEL (shown), &people, &countries);
  text = nrem_participants_describe_count (people, countries);
  g_assert_cmpstr (text, ==, "30 people from 13 countries");
  nrem_participant_query_clear (&q);
}

static void
test_query_compare (void)
{
  NremParticipantQuery a = { NULL }, b = { NULL };

  nrem_participant_query_set_text (&a, "so");
  nrem_participant_query_set_text (&b, "sou");
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_MORE_STRICT);
  g_assert_cmpint (nrem_participant_query_compare (&b, &a), ==, NREM_QUERY_LESS_STRICT);
  nrem_participant_query_set_text (&b, "so th");
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_MORE_STRICT);
  nrem_participant_query_set_text (&b, "xy");
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_DIFFERENT);
  nrem_participant_query_set_text (&b, "SO");
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_SAME);

  b.region = g_strdup ("Asia");
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_MORE_STRICT);
  a.region = g_strdup ("Europe");
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_DIFFERENT);
  g_clear_pointer (&a.region, g_free);
  g_clear_pointer (&b.region, g_free);

  a.attendance = NREM_ATTENDANCE_FILTER_AT_MEETING;
  b.attendance = NREM_ATTENDANCE_FILTER_CONFIRMED;
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_MORE_STRICT);
  b.attendance = NREM_ATTENDANCE_FILTER_HEAD;
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_MORE_STRICT);
  a.attendance = NREM_ATTENDANCE_FILTER_CONFIRMED;
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_DIFFERENT);
  b.attendance = NREM_ATTENDANCE_FILTER_ANY;
  g_assert_cmpint (nrem_participant_query_compare (&a, &b), ==, NREM_QUERY_LESS_STRICT);

  nrem_participant_query_clear (&a);
  nrem_participant_query_clear (&b);
}

static void
test_sort (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  NremParticipantItem *hannah = nrem_participant_list_lookup (list, HANNAH);
  NremParticipantItem *siobhan = nrem_participant_list_lookup (list, SIOBHAN);

  /* folded names: accents do not move a person to the end */
  g_assert_cmpint (nrem_participant_item_compare (hannah, siobhan, NREM_PARTICIPANT_SORT_NAME), <, 0);
  g_assert_cmpint (nrem_participant_item_compare (siobhan, hannah, NREM_PARTICIPANT_SORT_NAME), >, 0);
  /* same country: then by name */
  g_assert_cmpint (nrem_participant_item_compare (hannah, siobhan, NREM_PARTICIPANT_SORT_COUNTRY), <, 0);
  g_assert_cmpint (nrem_participant_item_compare (hannah, hannah, NREM_PARTICIPANT_SORT_ORGANISATION), ==, 0);
}

/* ------------------------------------------------------------------------------------------
 * Checks of contact fields
 */

static void
test_check_email (void)
{
  g_assert_false (email_refused ("rania.masri@nrem-jo.example.org"));
  g_assert_false (email_refused (""));
  g_assert_false (email_refused (NULL));
  g_assert_true (email_refused ("no-at.example.org"));
  g_assert_true (email_refused ("a@b"));
  g_assert_true (email_refused ("a b@example.org"));
  g_assert_true (email_refused ("a@@example.org"));
  g_assert_true (email_refused ("@example.org"));
}

static void
test_check_phone (void)
{
  g_autofree char *uri = nrem_participant_phone_to_uri ("+1 555 0111");
  g_autofree char *ext = nrem_participant_phone_to_uri ("+41 22 917 9000 ext. 12");

  g_assert_false (phone_refused ("+1 555 0111"));
  g_assert_false (phone_refused ("(022) 917-90.00"));
  g_assert_false (phone_refused ("+41 22 917 9000 ext. 12"));
  g_assert_true (phone_refused ("call me"));
  g_assert_true (phone_refused ("12"));
  g_assert_true (phone_refused ("1+2 345 678"));
  g_assert_cmpstr (uri, ==, "tel:+1-555-0111");
  g_assert_cmpstr (ext, ==, "tel:+41-22-917-9000;ext=12");
  g_assert_null (nrem_participant_phone_to_uri ("022 917 9000"));
}

/* ------------------------------------------------------------------------------------------
 * The store's edits
 */

static void
test_store_delete_undelete (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) attendances = NULL;
  g_autofree char *att = nrem_store_attendance_uuid (SIOBHAN, BANGKOK);
  g_autofree char *sql = g_strdup_printf ("SELECT deleted_at IS NOT NULL FROM attendance WHERE uuid = '%s'", att);

  g_assert_true (nrem_store_delete_participant (f->store, SIOBHAN, &attendances, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (attendances), >=, 1);
  g_assert_true (g_strv_contains ((const char * const *) attendances, att));
  g_assert_cmpint (db_int (f, "SELECT deleted_at IS NOT NULL FROM participant WHERE uuid = '" SIOBHAN "'"), ==, 1);
  g_assert_cmpint (db_int (f, sql), ==, 1);

  g_assert_true (nrem_store_undelete_participant (f->store, SIOBHAN, (const char * const *) attendances, &error));
  g_assert_cmpint (db_int (f, "SELECT deleted_at IS NULL FROM participant WHERE uuid = '" SIOBHAN "'"), ==, 1);
  g_assert_cmpint (db_int (f, sql), ==, 0);
  /* each a new version on the merge clock */
  g_assert_cmpint (db_int (f, "SELECT rev FROM participant WHERE uuid = '" SIOBHAN "'"), ==, 3);
}

static void
test_store_attendance (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = nrem_uuid_new_v5_printf ("attendance:%s:%s", SIOBHAN, BERLIN);
  g_autofree char *status_sql = g_strdup_printf ("SELECT status || '/' || head_of_delegation || '/' || (deleted_at IS NULL)"
                                                 " FROM attendance WHERE uuid = '%s'", uuid);
  g_autofree char *status = NULL;

  g_assert_true (nrem_store_set_attendance (f->store, SIOBHAN, BERLIN, "invited", FALSE, &error));
  status = db_text (f, status_sql);
  g_assert_cmpstr (status, ==, "invited/0/1");
  g_clear_pointer (&status, g_free);
  g_assert_true (nrem_store_set_attendance (f->store, SIOBHAN, BERLIN, "confirmed", TRUE, &error));
  status = db_text (f, status_sql);
  g_assert_cmpstr (status, ==, "confirmed/1/1");
  g_clear_pointer (&status, g_free);
  g_assert_true (nrem_store_set_attendance (f->store, SIOBHAN, BERLIN, NULL, FALSE, &error));
  status = db_text (f, status_sql);
  g_assert_cmpstr (status, ==, "confirmed/1/0");
  g_assert_false (nrem_store_set_attendance (f->store, SIOBHAN, BERLIN, "maybe", FALSE, &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_FAILED);
}

static void
test_store_mechanism_for (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = nrem_store_create_mechanism_for (f->store, SIOBHAN, "  Office of the Rapporteur (test) ",
                                                          "IE", "independent-rapporteur", &error);
  g_autofree char *sql = NULL;
  g_autofree char *name = NULL;
  guint before = nrem_store_count_rows (f->store, NREM_ENTITY_MECHANISM);

  g_assert_no_error (error);
  g_assert_nonnull (uuid);
  sql = g_strdup_printf ("SELECT m.name FROM participant p JOIN mechanism m ON m.uuid = p.mechanism"
                         " WHERE p.uuid = '%s' AND m.uuid = '%s' AND m.reference = 0", SIOBHAN, uuid);
  name = db_text (f, sql);
  g_assert_cmpstr (name, ==, "Office of the Rapporteur (test)");

  /* what cannot be created is refused, and nothing is written */
  g_assert_null (nrem_store_create_mechanism_for (f->store, SIOBHAN, " ", "IE", "other", &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_FAILED);
  g_clear_error (&error);
  g_assert_null (nrem_store_create_mechanism_for (f->store, SIOBHAN, "X", "ZZ", "other", &error));
  g_clear_error (&error);
  g_assert_null (nrem_store_create_mechanism_for (f->store, SIOBHAN, "X", "IE", "club", &error));
  g_clear_error (&error);
  g_assert_cmpuint (nrem_store_count_rows (f->store, NREM_ENTITY_MECHANISM), ==, before);
}

/* ------------------------------------------------------------------------------------------
 * CSV import
 */

static void
test_csv_guess (void)
{
  static const struct { const char *header; NremCsvField field; } cases[] = {
    { "Name", NREM_CSV_FIELD_NAME },
    { "Full name", NREM_CSV_FIELD_NAME },
    { "FULL NAME", NREM_CSV_FIELD_NAME },
    { "Participant", NREM_CSV_FIELD_NAME },
    { "First name", NREM_CSV_FIELD_GIVEN_NAME },
    { "Surname", NREM_CSV_FIELD_FAMILY_NAME },
    { "Last Name", NREM_CSV_FIELD_FAMILY_NAME },
    { "E-mail", NREM_CSV_FIELD_EMAIL },
    { "Email", NREM_CSV_FIELD_EMAIL },
    { "e-mail address", NREM_CSV_FIELD_EMAIL },
    { "Work email", NREM_CSV_FIELD_EMAIL },
    { "Country", NREM_CSV_FIELD_COUNTRY },
    { "Country of residence", NREM_CSV_FIELD_COUNTRY },
    { "Organisation", NREM_CSV_FIELD_ORGANISATION },
    { "Organization", NREM_CSV_FIELD_ORGANISATION },
    { "Institution", NREM_CSV_FIELD_ORGANISATION },
    { "Position", NREM_CSV_FIELD_POSITION },
    { "Title", NREM_CSV_FIELD_POSITION },
    { "Job title", NREM_CSV_FIELD_POSITION },
    { "Role", NREM_CSV_FIELD_ROLE },
    { "Phone", NREM_CSV_FIELD_PHONE },
    { "Telephone", NREM_CSV_FIELD_PHONE },
    { "Mobile phone", NREM_CSV_FIELD_PHONE },
    { "Honorific", NREM_CSV_FIELD_HONORIFIC },
    { "Mechanism", NREM_CSV_FIELD_MECHANISM },
    { "Languages", NREM_CSV_FIELD_LANGUAGES },
    { "Notes", NREM_CSV_FIELD_NOTES },
    { "Status", NREM_CSV_FIELD_STATUS },
    { "Head of delegation", NREM_CSV_FIELD_HEAD },
    { "Courriel", NREM_CSV_FIELD_EMAIL },
    { "País", NREM_CSV_FIELD_COUNTRY },
    { "UUID", NREM_CSV_FIELD_IGNORE },
    { "", NREM_CSV_FIELD_IGNORE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("header “%s”", cases[i].header);
      g_assert_cmpint (nrem_csv_guess_field (cases[i].header), ==, cases[i].field);
    }
}

/* The secretariat's spreadsheet: semicolons, a BOM, quoted cells with separators and line
 * breaks, country names and codes, role labels. */
#define SPREADSHEET \
  "\xef\xbb\xbf" "Full name;E-mail;Organization;Title;Country;Role;Phone;Notes\r\n" \
  "Amaru Quispe;amaru.quispe@example.org;\"Defensoría del Pueblo; Unidad de Trata\";Director;Peru;National rapporteur;+51 1 311 0300;\"Two\nlines\"\r\n" \
  "Léa Martin;lea.martin@example.org;Ministère de l'Intérieur;Coordinatrice;FR;coordinator;;\r\n" \
  "Kofi Boateng;;Ghana Police Service;Inspector;Ghana;Delegate;;\r\n"

static void
test_csv_import (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremParticipantCsv) csv = csv_from_string (SPREADSHEET, -1, &error);
  guint before = nrem_store_count_rows (f->store, NREM_ENTITY_PARTICIPANT);
  g_autofree char *peru = NULL;
  g_autofree char *notes = NULL;
  g_autofree char *expected_uuid = NULL;
  g_autofree char *kofi_uuid = NULL;
  NremCsvResult result;

  g_assert_no_error (error);
  g_assert_cmpint (nrem_participant_csv_get_delimiter (csv), ==, ';');
  g_assert_cmpuint (nrem_participant_csv_get_n_columns (csv), ==, 8);
  g_assert_cmpstr (nrem_participant_csv_get_header (csv, 0), ==, "Full name");
  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 0), ==, NREM_CSV_FIELD_NAME);
  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 1), ==, NREM_CSV_FIELD_EMAIL);
  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 2), ==, NREM_CSV_FIELD_ORGANISATION);
  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 3), ==, NREM_CSV_FIELD_POSITION);
  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 4), ==, NREM_CSV_FIELD_COUNTRY);

  g_assert_true (nrem_participant_csv_plan (csv, f->store, NULL, &error));
  g_assert_cmpuint (nrem_participant_csv_get_n_rows (csv), ==, 3);
  g_assert_cmpuint (nrem_participant_csv_count (csv, NREM_CSV_ROW_NEW), ==, 3);
  g_assert_cmpuint (nrem_participant_csv_get_n_blocking (csv), ==, 0);
  /* the line each row starts on, quoted line breaks counted */
  g_assert_cmpuint (nrem_participant_csv_get_row (csv, 0)->line, ==, 2);
  g_assert_cmpuint (nrem_participant_csv_get_row (csv, 1)->line, ==, 4);

  g_assert_true (nrem_participant_csv_apply (csv, f->store, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.added, ==, 3);
  g_assert_nonnull (result.backup_path);
  g_assert_true (g_file_test (result.backup_path, G_FILE_TEST_EXISTS));
  nrem_csv_result_clear (&result);
  g_assert_cmpuint (nrem_store_count_rows (f->store, NREM_ENTITY_PARTICIPANT), ==, before + 3);

  peru = db_text (f, "SELECT country || '|' || role || '|' || organisation FROM participant WHERE name = 'Amaru Quispe'");
  g_assert_cmpstr (peru, ==, "PE|national-rapporteur|Defensoría del Pueblo; Unidad de Trata");
  notes = db_text (f, "SELECT notes FROM participant WHERE name = 'Amaru Quispe'");
  g_assert_cmpstr (notes, ==, "Two\nlines");

  /* the identity of a new person: v5 of "participant:csv:<folded name>:<CODE>" */
  expected_uuid = nrem_uuid_new_v5 ("participant:csv:kofi boateng:GH");
  kofi_uuid = db_text (f, "SELECT uuid FROM participant WHERE name = 'Kofi Boateng'");
  g_assert_cmpstr (kofi_uuid, ==, expected_uuid);
}

/* Importing the same file again updates rather than duplicates. */
static void
test_csv_reimport (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint before = nrem_store_count_rows (f->store, NREM_ENTITY_PARTICIPANT);
  g_autofree char *changed = NULL;
  g_autofree char *position = NULL;
  NremCsvResult result;
  gint64 rev_before;

  import_csv (f, SPREADSHEET, NULL, &result);
  nrem_csv_result_clear (&result);
  rev_before = db_int (f, "SELECT sum(rev) FROM participant");

  import_csv (f, SPREADSHEET, NULL, &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 0);
  g_assert_cmpuint (result.unchanged, ==, 3);
  nrem_csv_result_clear (&result);
  g_assert_cmpuint (nrem_store_count_rows (f->store, NREM_ENTITY_PARTICIPANT), ==, before + 3);
  /* nothing unchanged was written again */
  g_assert_cmpint (db_int (f, "SELECT sum(rev) FROM participant"), ==, rev_before);

  /* a corrected spreadsheet: the same people, one with a new title; one renamed, found by e-mail */
  {
    g_autofree char *retitled = replace_all (SPREADSHEET, "Director", "Directora");

    changed = replace_all (retitled, "Léa Martin", "Léa Martin-Durand");
  }
  import_csv (f, changed, NULL, &result);
  g_assert_cmpuint (result.added, ==, 0);
  g_assert_cmpuint (result.updated, ==, 2);
  g_assert_cmpuint (result.unchanged, ==, 1);
  nrem_csv_result_clear (&result);
  g_assert_cmpuint (nrem_store_count_rows (f->store, NREM_ENTITY_PARTICIPANT), ==, before + 3);
  position = db_text (f, "SELECT position FROM participant WHERE name = 'Amaru Quispe'");
  g_assert_cmpstr (position, ==, "Directora");
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant WHERE email = 'lea.martin@example.org'"
                              " AND name = 'Léa Martin-Durand'"), ==, 1);

  /* a person in the directory (from the sample) is matched by name and country */
  import_csv (f, "Name,Country,Languages\nSiobhán O'Connor,Ireland,\"English, Irish\"\n", NULL, &result);
  g_assert_cmpuint (result.updated, ==, 1);
  g_assert_cmpuint (result.added, ==, 0);
  nrem_csv_result_clear (&result);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant WHERE uuid = '" SIOBHAN "'"
                              " AND languages = 'English, Irish'"), ==, 1);
}

/* With a meeting: an invitation each, under the exchange format's identity; an attendance
 * confirmed since is not set back to "invited". */
static void
test_csv_meeting (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *kofi = NULL;
  g_autofree char *att = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *status = NULL;
  NremCsvResult result;

  import_csv (f, SPREADSHEET, BERLIN, &result);
  g_assert_cmpuint (result.attendances, ==, 3);
  nrem_csv_result_clear (&result);

  kofi = db_text (f, "SELECT uuid FROM participant WHERE name = 'Kofi Boateng'");
  att = nrem_uuid_new_v5_printf ("attendance:%s:%s", kofi, BERLIN);
  sql = g_strdup_printf ("SELECT status FROM attendance WHERE uuid = '%s' AND participant = '%s'"
                         " AND meeting = '" BERLIN "' AND deleted_at IS NULL", att, kofi);
  status = db_text (f, sql);
  g_assert_cmpstr (status, ==, "invited");
  g_clear_pointer (&status, g_free);

  g_assert_true (nrem_store_set_attendance (f->store, kofi, BERLIN, "confirmed", FALSE, &error));
  import_csv (f, SPREADSHEET, BERLIN, &result);
  g_assert_cmpuint (result.attendances, ==, 0);
  g_assert_cmpuint (result.added + result.updated, ==, 0);
  nrem_csv_result_clear (&result);
  status = db_text (f, sql);
  g_assert_cmpstr (status, ==, "confirmed");
  g_clear_pointer (&status, g_free);

  /* a Status column says where each person stands */
  import_csv (f, "Name,Country,Status,HoD\nKofi Boateng,GH,declined,no\n", BERLIN, &result);
  g_assert_cmpuint (result.attendances, ==, 1);
  nrem_csv_result_clear (&result);
  status = db_text (f, sql);
  g_assert_cmpstr (status, ==, "declined");
}

/* Given and family names in two columns make one name. */
static void
test_csv_split_names (Fixture       *f,
                      gconstpointer  data)
{
  NremCsvResult result;

  import_csv (f, "First name,Last name,Country\nAroha,Te Rangi,NZ\n", NULL, &result);
  g_assert_cmpuint (result.added, ==, 1);
  nrem_csv_result_clear (&result);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant WHERE name = 'Aroha Te Rangi' AND country = 'NZ'"), ==, 1);
}

/* Hostile files: each refused or handled with a message naming the file and the line, and
 * nothing of it in the database. */
static void
assert_refused (Fixture    *f,
                const char *data,
                gssize      length,
                const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremParticipantCsv) csv = NULL;
  guint before = nrem_store_count_rows (f->store, NREM_ENTITY_PARTICIPANT);
  NremCsvResult result;

  csv = csv_from_string (data, length, &error);
  if (csv != NULL)
    {
      g_assert_no_error (error);
      g_assert_false (nrem_participant_csv_apply (csv, f->store, NULL, &result, &error));
    }
  g_assert_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE);
  g_test_message ("%s", error->message);
  g_assert_true (g_str_has_prefix (error->message, "people.csv: "));
  g_assert_nonnull (strstr (error->message, expected));
  g_assert_cmpuint (nrem_store_count_rows (f->store, NREM_ENTITY_PARTICIPANT), ==, before);
}

static void
test_csv_hostile_encoding (Fixture       *f,
                           gconstpointer  data)
{
  /* Latin-1, as an older spreadsheet saves it */
  assert_refused (f, "Name,Country\nAna Souza,BR\nJos\xe9 Mu\xf1oz,ES\n", -1,
                  "line 3: the text is not UTF-8");
  /* UTF-16 with its BOM */
  assert_refused (f, "\xff\xfeN\0a\0m\0e\0\n\0", 12, "UTF-16");
  /* a spreadsheet file itself */
  assert_refused (f, "PK\x03\x04 not really a zip", 22, "spreadsheet file");
}

static void
test_csv_hostile_nul (Fixture       *f,
                      gconstpointer  data)
{
  static const char text[] = "Name,Country\nAna Souza,BR\nBad\0Name,ES\n";

  assert_refused (f, text, sizeof text - 1, "line 3");
}

static void
test_csv_hostile_ragged (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremParticipantCsv) csv = NULL;
  const NremCsvRow *row;
  NremCsvResult result;

  /* a comma inside an unquoted cell shifts the columns: refused, the good rows too */
  assert_refused (f, "Name,Country,Organisation\nAna Souza,BR,Ministry\nJohn Smith,GB,Home Office, Modern Slavery Unit\n",
                  -1, "line 3: 4 cells where the header names 3");

  /* rows that are short are taken with empty cells, and said so */
  csv = csv_from_string ("Name,Country,Organisation\nAna Souza,BR\nJohn Smith,GB,Home Office,,\n", -1, &error);
  g_assert_no_error (error);
  g_assert_true (nrem_participant_csv_plan (csv, f->store, NULL, &error));
  row = nrem_participant_csv_get_row (csv, 0);
  g_assert_cmpuint (row->problems->len, ==, 1);
  g_assert_false (row->blocking);
  g_assert_nonnull (strstr (g_ptr_array_index (row->problems, 0), "taken as empty"));
  /* trailing empty cells are no problem */
  g_assert_cmpuint (nrem_participant_csv_get_row (csv, 1)->problems->len, ==, 0);
  g_assert_true (nrem_participant_csv_apply (csv, f->store, NULL, &result, &error));
  g_assert_cmpuint (result.added, ==, 2);
  nrem_csv_result_clear (&result);
}

static void
test_csv_hostile_huge_cell (Fixture       *f,
                            gconstpointer  data)
{
  gsize size = 10 * 1024 * 1024;
  g_autoptr(GString) text = g_string_sized_new (size + 64);

  g_string_append (text, "Name,Notes\nAna Souza,");
  while (text->len < size)
    g_string_append (text, "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  g_string_append (text, "\n");
  assert_refused (f, text->str, (gssize) text->len, "line 2: a cell is longer than 64 KB");
}

static void
test_csv_hostile_too_big (Fixture       *f,
                          gconstpointer  data)
{
  gsize size = NREM_PARTICIPANT_CSV_MAX_BYTES + 1;
  g_autofree char *text = g_malloc (size);

  memset (text, 'a', size);
  assert_refused (f, text, (gssize) size, "larger than 32 MB");
}

static void
test_csv_hostile_unclosed (Fixture       *f,
                           gconstpointer  data)
{
  assert_refused (f, "Name,Notes\nAna Souza,\"never closed\nKofi,x\n", -1, "line 2: a quoted cell is not closed");
}

static void
test_csv_hostile_values (Fixture       *f,
                         gconstpointer  data)
{
  /* one bad row among good ones: nothing imported, the line named */
  assert_refused (f, "Name,Country,Role\nAna Souza,BR,Delegate\nMr Nobody,Narnia,Delegate\nKofi,GH,Expert\n",
                  -1, "line 3: Country: unknown country “Narnia”");
  assert_refused (f, "Name,Country,Role\nAna Souza,BR,VIP\n", -1, "line 2: Role: unknown role “VIP”");
  assert_refused (f, "Name,Country\n,BR\n", -1, "line 2: no name");
  assert_refused (f, "E-mail,Country\nana@example.org,BR\n", -1, "No column holds the names");
  assert_refused (f, "Name,Country,E-mail\nAna Souza,BR,ana@example.org\nAna S.,BR,ANA@example.org\n", -1,
                  "line 3: the same person as line 2");
  assert_refused (f, "", 0, "the file is empty");
  assert_refused (f, "Name,Country\n", -1, "holds no participant");
}

/* Formulas are kept as text and said; written out again they are neutralised; read back they
 * are the same text. */
static void
test_csv_hostile_formula (Fixture       *f,
                          gconstpointer  data)
{
  static const char text[] = "Name,Organisation,Phone\n"
                             "=HYPERLINK(\"http://evil.example\";\"Click\"),@SUM(A1),+41 22 917 9000\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(NremParticipantCsv) csv = csv_from_string (text, -1, &error);
  g_autoptr(NremParticipantList) list = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autofree char *out = NULL;
  const NremCsvRow *row;
  NremCsvResult result;

  g_assert_true (nrem_participant_csv_plan (csv, f->store, NULL, &error));
  row = nrem_participant_csv_get_row (csv, 0);
  g_assert_false (row->blocking);
  g_assert_cmpuint (row->problems->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (row->problems, 0), "looks like a spreadsheet formula"));
  g_assert_true (nrem_participant_csv_apply (csv, f->store, NULL, &result, &error));
  nrem_csv_result_clear (&result);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant WHERE name = '=HYPERLINK(\"http://evil.example\";\"Click\")'"
                              " AND organisation = '@SUM(A1)'"), ==, 1);

  /* the export neutralises what starts with = + - @ */
  list = loaded_list (f, NULL);
  items = nrem_participants_collect (G_LIST_MODEL (list));
  for (guint i = items->len; i > 0; i--)
    if (strcmp (nrem_participant_item_get_name (g_ptr_array_index (items, i - 1)), "Siobhán O'Connor") != 0 &&
        nrem_participant_item_get_name (g_ptr_array_index (items, i - 1))[0] != '=')
      g_ptr_array_remove_index (items, i - 1);
  out = nrem_participants_to_csv (items, NULL);
  g_assert_nonnull (strstr (out, "\"'=HYPERLINK(\"\"http://evil.example\"\";\"\"Click\"\")\""));
  g_assert_nonnull (strstr (out, ",'@SUM(A1),"));
  g_assert_nonnull (strstr (out, ",'+41 22 917 9000,"));
  g_assert_null (strstr (out, ",="));

  /* and reading it back brings the same values: nothing changes */
  {
    g_autoptr(NremParticipantCsv) again = csv_from_string (out, -1, &error);

    g_assert_no_error (error);
    g_assert_true (nrem_participant_csv_plan (again, f->store, NULL, &error));
    g_assert_cmpuint (nrem_participant_csv_get_n_blocking (again), ==, 0);
    g_assert_cmpuint (nrem_participant_csv_count (again, NREM_CSV_ROW_UNCHANGED), ==, 2);
  }
}

/* A mapping corrected by hand: a column the guess did not know. */
static void
test_csv_mapping (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(NremParticipantCsv) csv = csv_from_string ("Delegate name,Nation,Remarks\nAna Souza,Brazil,vegetarian\n", -1, &error);
  NremCsvResult result;

  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 0), ==, NREM_CSV_FIELD_NAME);
  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 1), ==, NREM_CSV_FIELD_IGNORE);
  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 2), ==, NREM_CSV_FIELD_NOTES);
  nrem_participant_csv_set_mapping (csv, 1, NREM_CSV_FIELD_COUNTRY);
  /* a field goes to one column: mapping another to it lets the first go */
  nrem_participant_csv_set_mapping (csv, 2, NREM_CSV_FIELD_COUNTRY);
  g_assert_cmpint (nrem_participant_csv_get_mapping (csv, 1), ==, NREM_CSV_FIELD_IGNORE);
  nrem_participant_csv_set_mapping (csv, 1, NREM_CSV_FIELD_COUNTRY);
  nrem_participant_csv_set_mapping (csv, 2, NREM_CSV_FIELD_IGNORE);
  g_assert_true (nrem_participant_csv_apply (csv, f->store, NULL, &result, &error));
  nrem_csv_result_clear (&result);
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant WHERE name = 'Ana Souza' AND country = 'BR'"
                              " AND notes IS NULL"), ==, 1);
}

/* ------------------------------------------------------------------------------------------
 * Writers
 */

static void
test_vcard_lines (Fixture       *f,
                  gconstpointer  data)
{
  const char *fields[] = { "name", "honorific", "organisation", "position", "email", "phone", "notes", "country", NULL };
  const char *values[] = { "Ngozi Adaeze-Okonkwo", "Dr.", "Ministry of Justice, Women; Children \\ Youth",
                           "Coordinatrice nationale de la lutte contre la traite des êtres humains, "
                           "Direction générale des affaires juridiques et des libertés publiques",
                           "ngozi@example.org", "+234 9 123 4567",
                           "Line one\nLine two, with comma; semicolon — ääääääääääääääääääääääääääääääääääää", "NG", NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = nrem_store_create (f->store, NREM_ENTITY_PARTICIPANT, NULL, fields, values, &error);
  g_autoptr(NremParticipantList) list = loaded_list (f, NULL);
  g_autoptr(GString) out = g_string_new (NULL);
  g_auto(GStrv) lines = NULL;
  g_autofree char *unfolded = NULL;
  g_autofree char *uid = g_strdup_printf ("UID:urn:uuid:%s\r\n", uuid);

  nrem_participants_append_vcard (out, nrem_participant_list_lookup (list, uuid));
  g_assert_true (g_str_has_prefix (out->str, "BEGIN:VCARD\r\nVERSION:4.0\r\n"));
  g_assert_true (g_str_has_suffix (out->str, "END:VCARD\r\n"));
  g_assert_nonnull (strstr (out->str, uid));

  /* CRLF everywhere; no line over 75 octets; no UTF-8 character cut in two */
  lines = g_strsplit (out->str, "\r\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_null (strchr (lines[i], '\n'));
      g_assert_null (strchr (lines[i], '\r'));
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
    }

  /* unfolded, the values are escaped as RFC 6350 says */
  unfolded = replace_all (out->str, "\r\n ", "");
  g_assert_nonnull (strstr (unfolded, "\r\nFN:Ngozi Adaeze-Okonkwo\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nN:Adaeze-Okonkwo;Ngozi;;Dr.;\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nORG:Ministry of Justice\\, Women\\; Children \\\\ Youth\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nNOTE:Line one\\nLine two\\, with comma\\; semicolon — ää"));
  g_assert_nonnull (strstr (unfolded, "\r\nTEL;TYPE=work;VALUE=uri:tel:+234-9-123-4567\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nEMAIL;TYPE=work:ngozi@example.org\r\n"));
  g_assert_nonnull (strstr (unfolded, "\r\nADR;TYPE=work:;;;;;;Nigeria\r\n"));
}

static void
test_vcard_names (void)
{
  static const struct { const char *name; const char *given; const char *family; } cases[] = {
    { "Femke van den Berg", "Femke", "van den Berg" },
    { "Pieter du Plessis", "Pieter", "du Plessis" },
    { "Rania Al-Masri", "Rania", "Al-Masri" },
    { "Madonna", "", "Madonna" },
    { "  Siobhán   O'Connor ", "Siobhán", "O'Connor" },
    { "", "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *given = NULL;
      g_autofree char *family = NULL;

      nrem_vcard_split_name (cases[i].name, &given, &family);
      g_assert_cmpstr (given, ==, cases[i].given);
      g_assert_cmpstr (family, ==, cases[i].family);
    }
}

static void
test_vcard_fold_long (void)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) line = g_string_new ("NOTE:");
  g_auto(GStrv) lines = NULL;

  /* three-octet characters at every offset of a fold */
  for (guint i = 0; i < 200; i++)
    g_string_append (line, i % 3 ? "€" : "a");
  nrem_vcard_append_line (out, line->str);
  lines = g_strsplit (out->str, "\r\n", -1);
  g_assert_cmpuint (g_strv_length (lines), >, 5);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_assert_cmpuint (strlen (lines[i]), <=, 75);
      g_assert_true (g_utf8_validate (lines[i], -1, NULL));
      if (i > 0 && lines[i][0] != '\0')
        g_assert_cmpint (lines[i][0], ==, ' ');
    }
}

static void
test_export_csv (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  g_autoptr(GPtrArray) items = nrem_participants_collect (G_LIST_MODEL (list));
  g_autofree char *text = nrem_participants_to_csv (items, BANGKOK);
  g_autofree char *path = nrem_test_dir_file (&f->dir, "out.csv");
  g_autoptr(GError) error = NULL;
  g_autoptr(NremParticipantCsv) csv = NULL;
  GStatBuf st;

  g_assert_true (g_str_has_prefix (text, "\xef\xbb\xbfName,Honorific,Position,Organisation,Mechanism,Country,"
                                         "Region,Role,E-mail,Phone,Languages,Notes,UUID,Attendance status,"
                                         "Head of delegation\r\n"));
  g_assert_nonnull (strstr (text, "Siobhán O'Connor"));

  /* written for its owner only; read back by the import, every column recognised and
   * everyone already up to date */
  g_assert_true (nrem_participants_write_csv (items, BANGKOK, path, &error));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  csv = nrem_participant_csv_new_from_file (path, &error);
  g_assert_no_error (error);
  g_assert_true (nrem_participant_csv_plan (csv, f->store, BANGKOK, &error));
  g_assert_cmpuint (nrem_participant_csv_get_n_blocking (csv), ==, 0);
  g_assert_cmpuint (nrem_participant_csv_count (csv, NREM_CSV_ROW_UNCHANGED), ==, 96);
}

static void
test_export_pdf (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(NremParticipantList) list = loaded_list (f, BANGKOK);
  g_autoptr(GPtrArray) items = nrem_participants_collect (G_LIST_MODEL (list));
  g_autofree char *plain = nrem_test_dir_file (&f->dir, "plain.pdf");
  g_autofree char *contacts = nrem_test_dir_file (&f->dir, "contacts.pdf");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");

  g_assert_true (nrem_participants_write_pdf (items, "Participants", "Bangkok 2014", FALSE, plain, &error));
  g_assert_no_error (error);
  g_assert_true (nrem_participants_write_pdf (items, "Participants", "Bangkok 2014", TRUE, contacts, &error));
  bytes = nrem_test_read_bytes (plain);
  g_assert_cmpuint (g_bytes_get_size (bytes), >, 1000);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 5, "%PDF-", 5);

  if (pdftotext != NULL)
    {
      const char *plain_argv[] = { pdftotext, "-layout", plain, "-", NULL };
      const char *contacts_argv[] = { pdftotext, "-layout", contacts, "-", NULL };
      g_autofree char *plain_text = NULL;
      g_autofree char *contacts_text = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **) plain_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &plain_text, NULL, NULL, &error));
      g_assert_true (g_spawn_sync (NULL, (char **) contacts_argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &contacts_text, NULL, NULL, &error));
      g_assert_nonnull (strstr (plain_text, "96 people from 44 countries"));
      g_assert_nonnull (strstr (plain_text, "Jörg Krüger"));
      g_assert_nonnull (strstr (plain_text, "Switzerland"));
      /* contact details only when asked for */
      g_assert_null (strstr (plain_text, "@nrem-"));
      g_assert_nonnull (strstr (contacts_text, "E-mail"));
      g_assert_nonnull (strstr (contacts_text, "example.org"));
    }
}

/* ------------------------------------------------------------------------------------------
 * The command line
 */

static int
run_cli (Fixture     *f,
         const char **args,
         char       **out,
         char       **err)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) g_getenv ("NREM_DESK"));
  g_ptr_array_add (argv, "--db");
  g_ptr_array_add (argv, f->dir.db_path);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, out, err,
                               &status, &error));
  g_assert_no_error (error);
  return WIFEXITED (status) ? WEXITSTATUS (status) : -1;
}

static void
test_cli_import_csv (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *good = nrem_test_dir_file (&f->dir, "good.csv");
  g_autofree char *bad = nrem_test_dir_file (&f->dir, "bad.csv");
  g_autofree char *out = NULL, *err = NULL;
  g_autofree char *kofi = NULL;
  g_autofree char *att = NULL;
  g_autofree char *sql = NULL;
  guint before;

  if (g_getenv ("NREM_DESK") == NULL)
    {
      g_test_skip ("NREM_DESK is not set");
      return;
    }
  /* the command line opens the database itself */
  g_clear_object (&f->session);
  nrem_test_write_file (good, SPREADSHEET, -1);
  nrem_test_write_file (bad, "Name,Country\nAna,Narnia\n", -1);

  g_assert_cmpint (run_cli (f, (const char *[]) { "--import-csv", good, "--meeting", BERLIN, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Imported 3 people: 3 new"));
  g_assert_nonnull (strstr (out, "Column “Full name”: Name"));
  kofi = db_text (f, "SELECT uuid FROM participant WHERE name = 'Kofi Boateng'");
  att = nrem_uuid_new_v5_printf ("attendance:%s:%s", kofi, BERLIN);
  sql = g_strdup_printf ("SELECT count(*) FROM attendance WHERE participant = '%s' AND meeting = '" BERLIN "'"
                         " AND status = 'invited' AND uuid = '%s'", kofi, att);
  g_assert_cmpint (db_int (f, sql), ==, 1);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* again: nothing new */
  g_assert_cmpint (run_cli (f, (const char *[]) { "--import-csv", good, "--meeting", BERLIN, NULL }, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Nothing to import"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* a bad file: exit 3, the problem on stderr, nothing written */
  before = (guint) db_int (f, "SELECT count(*) FROM participant");
  g_assert_cmpint (run_cli (f, (const char *[]) { "--import-csv", bad, NULL }, &out, &err), ==, 3);
  g_assert_nonnull (strstr (err, "bad.csv: line 2: Country: unknown country “Narnia”"));
  g_assert_cmpint (db_int (f, "SELECT count(*) FROM participant"), ==, before);
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* an unknown meeting */
  g_assert_cmpint (run_cli (f, (const char *[]) { "--import-csv", good, "--meeting",
                                                  "00000000-0000-4000-8000-000000000000", NULL }, &out, &err), ==, 2);
  g_assert_nonnull (strstr (err, "no meeting"));
}

int
main (int    argc,
      char **argv)
{
  nrem_test_init (&argc, &argv);

  g_test_add_func ("/participants/fold/text", test_fold_text);
  g_test_add_func ("/participants/fold/words", test_fold_words);
  g_test_add_func ("/participants/fold/invalid-utf8", test_fold_invalid);
  g_test_add_func ("/participants/count/words", test_list_count_words);
  g_test_add_func ("/participants/query/compare", test_query_compare);
  g_test_add_func ("/participants/check/email", test_check_email);
  g_test_add_func ("/participants/check/phone", test_check_phone);
  g_test_add_func ("/participants/csv/guess", test_csv_guess);
  g_test_add_func ("/participants/vcard/names", test_vcard_names);
  g_test_add_func ("/participants/vcard/fold", test_vcard_fold_long);

#define ADD(path, setup, func) \
  g_test_add (path, Fixture, NULL, setup, func, teardown)

  ADD ("/participants/list/sample", setup_sample, test_list_sample);
  ADD ("/participants/list/chunked", setup_empty, test_list_chunked);
  ADD ("/participants/list/reload", setup_sample, test_list_reload);
  ADD ("/participants/list/write-while-loading", setup_empty, test_list_write_while_loading);
  ADD ("/participants/list/meeting", setup_sample, test_list_meeting);
  ADD ("/participants/list/same-person", setup_sample, test_list_same_person);
  ADD ("/participants/search/sample", setup_sample, test_search_sample);
  ADD ("/participants/search/organisation", setup_sample, test_search_organisation);
  ADD ("/participants/filters/sample", setup_sample, test_filters_sample);
  ADD ("/participants/count/filtered", setup_sample, test_count_filtered);
  ADD ("/participants/sort", setup_sample, test_sort);
  ADD ("/participants/store/delete-undelete", setup_sample, test_store_delete_undelete);
  ADD ("/participants/store/attendance", setup_sample, test_store_attendance);
  ADD ("/participants/store/mechanism-for", setup_sample, test_store_mechanism_for);
  ADD ("/participants/csv/import", setup_sample, test_csv_import);
  ADD ("/participants/csv/reimport", setup_sample, test_csv_reimport);
  ADD ("/participants/csv/meeting", setup_sample, test_csv_meeting);
  ADD ("/participants/csv/split-names", setup_empty, test_csv_split_names);
  ADD ("/participants/csv/mapping", setup_empty, test_csv_mapping);
  ADD ("/participants/csv/hostile/encoding", setup_sample, test_csv_hostile_encoding);
  ADD ("/participants/csv/hostile/nul", setup_sample, test_csv_hostile_nul);
  ADD ("/participants/csv/hostile/ragged", setup_sample, test_csv_hostile_ragged);
  ADD ("/participants/csv/hostile/huge-cell", setup_sample, test_csv_hostile_huge_cell);
  ADD ("/participants/csv/hostile/too-big", setup_sample, test_csv_hostile_too_big);
  ADD ("/participants/csv/hostile/unclosed-quote", setup_sample, test_csv_hostile_unclosed);
  ADD ("/participants/csv/hostile/values", setup_sample, test_csv_hostile_values);
  ADD ("/participants/csv/hostile/formula", setup_sample, test_csv_hostile_formula);
  ADD ("/participants/vcard/lines", setup_sample, test_vcard_lines);
  ADD ("/participants/export/csv", setup_sample, test_export_csv);
  ADD ("/participants/export/pdf", setup_sample, test_export_pdf);
  ADD ("/participants/cli/import-csv", setup_sample, test_cli_import_csv);

  return g_test_run ();
}
