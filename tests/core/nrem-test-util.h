/* nrem-test-util.h
 *
 * What the core tests share: a temporary folder per test with the XDG variables pointing
 * into it, files read and compared byte by byte, exports compared apart from the lines that
 * must differ, and direct SQLite access for looking at what the store wrote.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <sqlite3.h>

#include "nrem-error.h"
#include "nrem-exchange.h"
#include "nrem-store.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;       /* the test's own temporary folder */
  char *db_path;   /* <dir>/data/nrem-desk/nrem-desk.db, where the app would keep it */
} NremTestDir;

void        nrem_test_init              (int           *argc,
                                         char        ***argv);
void        nrem_test_dir_setup         (NremTestDir   *fixture,
                                         gconstpointer  data);
void        nrem_test_dir_teardown      (NremTestDir   *fixture,
                                         gconstpointer  data);
char       *nrem_test_dir_file          (NremTestDir   *fixture,
                                         const char    *name);
char       *nrem_test_source_file       (const char    *first,
                                         ...) G_GNUC_NULL_TERMINATED;

void        nrem_test_rm_rf             (const char    *path);
GBytes     *nrem_test_read_bytes        (const char    *path);
void        nrem_test_write_file        (const char    *path,
                                         const char    *data,
                                         gssize         len);
void        nrem_test_assert_file_equals (const char   *path,
                                         GBytes        *expected);
guint       nrem_test_count_dir         (const char    *dir,
                                         const char    *suffix);

sqlite3    *nrem_test_sqlite_open       (const char    *path);
void        nrem_test_sqlite_exec       (sqlite3       *db,
                                         const char    *sql);
gint64      nrem_test_sqlite_int        (sqlite3       *db,
                                         const char    *sql);
char       *nrem_test_sqlite_text       (sqlite3       *db,
                                         const char    *sql);

/* Exports */
char       *nrem_test_export            (NremStore     *store,
                                         const char    *meeting_uuid,
                                         gboolean       with_contacts);
char       *nrem_test_normalise_export  (const char    *json);
void        nrem_test_assert_same_export (const char   *a,
                                         const char    *b);
char       *nrem_test_export_normalised (NremStore     *store,
                                         gboolean       with_contacts);
guint       nrem_test_count_all_rows    (NremStore     *store);
void        nrem_test_import_bytes      (NremStore     *store,
                                         GBytes        *bytes,
                                         NremImportReport *report);
void        nrem_test_import_string     (NremStore     *store,
                                         const char    *json,
                                         NremImportReport *report);

/* The real first start: a database created and seeded by NremSession (nrem-test-seed.c) */
NremStore  *nrem_test_open_seeded       (const char    *path);

G_END_DECLS
