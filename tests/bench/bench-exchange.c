/* bench-exchange.c
 *
 * Import and export of the large data set, each against a floor measured in the same run:
 *   import floor: json-glib parse of the file + raw prepared inserts of the same rows in one
 *                 transaction into a database of the same schema;
 *   export floor: raw prepared selects of the same rows + json-glib generation of the same
 *                 records.
 * Each figure is the median of several runs. Prints "ratio" lines; the targets are 1.5.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "nrem-exchange.h"
#include "nrem-store.h"
#include "nrem-time.h"

#define RUNS 5

static char *tmpdir;
static guint counter;

static char *
fresh_db_path (void)
{
  return g_strdup_printf ("%s/db-%u.db", tmpdir, counter++);
}

static NremStore *seeded_store (const char *seed_file);

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return x < y ? -1 : x > y;
}

static double
median (double *v,
        int     n)
{
  qsort (v, (size_t) n, sizeof *v, compare_double);
  return v[n / 2];
}

static void
bind_node (sqlite3_stmt    *stmt,
           int              idx,
           const NremField *field,
           JsonNode        *node)
{
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    sqlite3_bind_null (stmt, idx);
  else if (JSON_NODE_HOLDS_ARRAY (node))
    {
      g_autofree char *text = json_to_string (node, FALSE);

      sqlite3_bind_text (stmt, idx, text, -1, SQLITE_TRANSIENT);
    }
  else if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      if (field != NULL && field->type == NREM_FIELD_TIMESTAMP)
        {
          gint64 ms = 0;

          nrem_time_parse_ms (json_node_get_string (node), &ms);
          sqlite3_bind_int64 (stmt, idx, ms);
        }
      else
        sqlite3_bind_text (stmt, idx, json_node_get_string (node), -1, SQLITE_STATIC);
    }
  else if (json_node_get_value_type (node) == G_TYPE_BOOLEAN)
    sqlite3_bind_int (stmt, idx, json_node_get_boolean (node));
  else
    sqlite3_bind_int64 (stmt, idx, json_node_get_int (node));
}

/* Both start from the same state: a database with the schema and the seed, whose countries
 * and dimensions the large file refers to. */
static double
floor_import (const char *seed_file,
              const char *file)
{
  g_autoptr(NremStore) seeded = seeded_store (seed_file);
  const char *path = nrem_store_get_path (seeded);
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  sqlite3 *db;
  JsonObject *root;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (json_parser_load_from_mapped_file (parser, file, &error) ||
                 json_parser_load_from_file (parser, file, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                NULL, NULL, NULL);
  sqlite3_exec (db, "BEGIN IMMEDIATE", NULL, NULL, NULL);

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      const NremEntity *entity = nrem_entity_get (k);
      g_autoptr(GString) sql = g_string_new (NULL);
      JsonArray *array;
      sqlite3_stmt *stmt = NULL;

      if (!json_object_has_member (root, entity->name))
        continue;
      array = json_object_get_array_member (root, entity->name);
      g_string_append_printf (sql, "INSERT INTO \"%s\" (uuid, updated_at, rev, origin", entity->table);
      for (guint i = 0; i < entity->n_fields; i++)
        g_string_append_printf (sql, ", \"%s\"", entity->fields[i].name);
      g_string_append (sql, ") VALUES (?, ?, ?, ?");
      for (guint i = 0; i < entity->n_fields; i++)
        g_string_append (sql, ", ?");
      g_string_append (sql, ")");
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);

      for (guint r = 0; r < json_array_get_length (array); r++)
        {
          JsonObject *o = json_array_get_object_element (array, r);
          gint64 ms = 0;

          sqlite3_bind_text (stmt, 1, json_object_get_string_member (o, "uuid"), -1, SQLITE_STATIC);
          nrem_time_parse_ms (json_object_get_string_member (o, "updated_at"), &ms);
          sqlite3_bind_int64 (stmt, 2, ms);
          sqlite3_bind_int64 (stmt, 3, json_object_get_int_member (o, "rev"));
          sqlite3_bind_text (stmt, 4, json_object_get_string_member (o, "origin"), -1, SQLITE_STATIC);
          for (guint i = 0; i < entity->n_fields; i++)
            bind_node (stmt, (int) i + 5, &entity->fields[i],
                       json_object_get_member (o, entity->fields[i].name));
          g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
          sqlite3_reset (stmt);
        }
      sqlite3_finalize (stmt);
    }
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  /* the parsed tree is freed in the floor as in the import */
  g_clear_object (&parser);
  return (g_get_monotonic_time () - start) / 1000.0;
}

static NremStore *
seeded_store (const char *seed_file)
{
  g_autofree char *path = fresh_db_path ();
  g_autoptr(GError) error = NULL;
  NremStore *store = nrem_store_open (path, &error);
  NremImportReport report;

  g_assert_no_error (error);
  g_assert_true (nrem_exchange_import_file (store, seed_file, FALSE, &report, &error));
  g_assert_no_error (error);
  nrem_import_report_clear (&report);
  return store;
}

static double
real_import (const char *seed_file,
             const char *file,
             NremStore **out_store)
{
  g_autoptr(NremStore) store = seeded_store (seed_file);
  g_autoptr(GError) error = NULL;
  NremImportReport report;
  gint64 start = g_get_monotonic_time ();
  double ms;

  /* the whole path of the command line: read, check, back up, merge in one transaction */
  g_assert_true (nrem_exchange_import_file (store, file, FALSE, &report, &error));
  g_assert_no_error (error);
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_assert_cmpuint (report.total.added, >, 0);
  nrem_import_report_clear (&report);
  if (out_store != NULL)
    *out_store = g_steal_pointer (&store);
  return ms;
}

static double
floor_export (NremStore *store)
{
  sqlite3 *db;
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_cmpint (sqlite3_open_v2 (nrem_store_get_path (store), &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  json_builder_begin_object (builder);
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    {
      const NremEntity *entity = nrem_entity_get (k);
      g_autoptr(GString) sql = g_string_new ("SELECT uuid, updated_at, rev, origin");
      sqlite3_stmt *stmt = NULL;

      for (guint i = 0; i < entity->n_fields; i++)
        g_string_append_printf (sql, ", \"%s\"", entity->fields[i].name);
      g_string_append_printf (sql, " FROM \"%s\" ORDER BY uuid", entity->table);
      g_assert_cmpint (sqlite3_prepare_v2 (db, sql->str, -1, &stmt, NULL), ==, SQLITE_OK);
      json_builder_set_member_name (builder, entity->name);
      json_builder_begin_array (builder);
      while (sqlite3_step (stmt) == SQLITE_ROW)
        {
          json_builder_begin_object (builder);
          json_builder_set_member_name (builder, "uuid");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 0));
          json_builder_set_member_name (builder, "updated_at");
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 1));
          json_builder_set_member_name (builder, "rev");
          json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, 2));
          json_builder_set_member_name (builder, "origin");
          json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, 3));
          for (guint i = 0; i < entity->n_fields; i++)
            {
              int col = (int) i + 4;

              json_builder_set_member_name (builder, entity->fields[i].name);
              switch (sqlite3_column_type (stmt, col))
                {
                case SQLITE_NULL:
                  json_builder_add_null_value (builder);
                  break;
                case SQLITE_INTEGER:
                  json_builder_add_int_value (builder, sqlite3_column_int64 (stmt, col));
                  break;
                default:
                  json_builder_add_string_value (builder, (const char *) sqlite3_column_text (stmt, col));
                  break;
                }
            }
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      sqlite3_finalize (stmt);
    }
  json_builder_end_object (builder);
  sqlite3_close (db);

  root = json_builder_get_root (builder);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  {
    g_autofree char *out = g_strdup_printf ("%s/floor-export.json", tmpdir);

    g_assert_true (g_file_set_contents (out, text, -1, NULL));
  }
  return (g_get_monotonic_time () - start) / 1000.0;
}

static double
real_export (NremStore *store)
{
  g_autofree char *out = g_strdup_printf ("%s/export.json", tmpdir);
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_assert_true (nrem_exchange_export_to_file (store, out, NULL, TRUE, &error));
  g_assert_no_error (error);
  return (g_get_monotonic_time () - start) / 1000.0;
}

int
main (int   argc,
      char *argv[])
{
  double fi[RUNS], ri[RUNS], fe[RUNS], re[RUNS];
  g_autoptr(NremStore) last = NULL;
  const char *file, *seed;
  double a, b, c, d;

  if (argc != 3)
    {
      g_printerr ("usage: %s LARGE.json SEED.json\n", argv[0]);
      return 1;
    }
  file = argv[1];
  seed = argv[2];
  tmpdir = g_dir_make_tmp ("nrem-bench-XXXXXX", NULL);

  for (int i = 0; i < RUNS; i++)
    {
      g_clear_object (&last);
      fi[i] = floor_import (seed, file);
      ri[i] = real_import (seed, file, &last);
      fe[i] = floor_export (last);
      re[i] = real_export (last);
    }
  a = median (fi, RUNS);
  b = median (ri, RUNS);
  c = median (fe, RUNS);
  d = median (re, RUNS);

  printf ("import: floor %.0f ms (json-glib parse + raw prepared inserts), NREM Desk %.0f ms "
          "(read, check, backup, merge)\n", a, b);
  printf ("ratio import %.2f (target <= 1.50)\n", b / a);
  printf ("export: floor %.0f ms (raw prepared selects + json-glib generation), NREM Desk %.0f ms\n",
          c, d);
  printf ("ratio export %.2f (target <= 1.50)\n", d / c);
  return 0;
}
