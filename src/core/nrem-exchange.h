/* nrem-exchange.h
 *
 * The exchange format: export, validation and merging import. See docs/exchange-format.md.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "nrem-store.h"

G_BEGIN_DECLS

#define NREM_EXCHANGE_FORMAT "nrem-desk"
#define NREM_EXCHANGE_VERSION 1
#define NREM_EXCHANGE_MAX_BYTES (256 * 1024 * 1024)
#define NREM_EXCHANGE_MAX_PROBLEMS 50

typedef struct
{
  guint added;
  guint updated;
  guint unchanged;
  guint conflicts;
} NremMergeCounts;

typedef struct
{
  NremMergeCounts total;
  NremMergeCounts by_entity[NREM_N_ENTITIES];
  guint           records;
  char           *backup_path;
} NremImportReport;

typedef struct _NremImport NremImport;

typedef void (*NremProgressFunc) (double   fraction,
                                  gpointer user_data);

/* Export */
GBytes     *nrem_exchange_export            (NremStore         *store,
                                             const char        *meeting_uuid,
                                             gboolean           with_contacts,
                                             GError           **error);
gboolean    nrem_exchange_export_to_file    (NremStore         *store,
                                             const char        *path,
                                             const char        *meeting_uuid,
                                             gboolean           with_contacts,
                                             GError           **error);

/* Import: read and validate, then merge */
NremImport *nrem_import_new_from_bytes      (NremStore         *store,
                                             GBytes            *bytes,
                                             const char        *display_name,
                                             GError           **error);
NremImport *nrem_import_new_from_file       (NremStore         *store,
                                             const char        *path,
                                             GError           **error);
const char * const *nrem_import_get_problems (NremImport       *import);
guint       nrem_import_get_n_records       (NremImport        *import);
gboolean    nrem_import_merge               (NremImport        *import,
                                             NremStore         *store,
                                             gboolean           dry_run,
                                             gboolean           backup,
                                             NremProgressFunc   progress,
                                             gpointer           progress_data,
                                             NremImportReport  *report,
                                             GError           **error);
void        nrem_import_free                (NremImport        *import);
void        nrem_import_report_clear        (NremImportReport  *report);
char       *nrem_import_report_format       (const NremImportReport *report,
                                             gboolean           dry_run);

/* Everything at once, for the command line and tests */
gboolean    nrem_exchange_import_file       (NremStore         *store,
                                             const char        *path,
                                             gboolean           dry_run,
                                             NremImportReport  *report,
                                             GError           **error);
gboolean    nrem_exchange_import_bytes      (NremStore         *store,
                                             GBytes            *bytes,
                                             const char        *display_name,
                                             gboolean           dry_run,
                                             gboolean           backup,
                                             NremImportReport  *report,
                                             GError           **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremImport, nrem_import_free)

G_END_DECLS
