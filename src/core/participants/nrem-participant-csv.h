/* nrem-participant-csv.h
 *
 * Importing the secretariat's spreadsheet of participants (CSV, RFC 4180; comma or
 * semicolon; UTF-8 with or without BOM). The first row names the columns; each column is
 * mapped to a field, guessed from its header and correctable. A plan says, row by row, what
 * the import would do and what is wrong; the import applies it all or nothing.
 *
 * Who is who, so that importing the same file again updates rather than duplicates:
 *  1. a row with an e-mail address is the live person with that address (case ignored);
 *  2. otherwise the live person with the same folded name and the same country;
 *  3. otherwise a new person, whose uuid is the v5 of "participant:csv:<folded name>:<CODE>"
 *     (the same on every machine; it also brings back a person deleted since).
 * Empty cells leave what the database holds; a row that changes nothing is left untouched.
 * With a meeting, each person gets an attendance ("invited" unless a Status column says
 * otherwise) under the exchange format's uuid "attendance:<participant>:<meeting>"; an
 * existing attendance changes only where the file gives a status or head of delegation.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "nrem-store.h"

G_BEGIN_DECLS

#define NREM_PARTICIPANT_CSV_MAX_BYTES (32 * 1024 * 1024)
#define NREM_PARTICIPANT_CSV_MAX_ROWS 100000

typedef enum
{
  NREM_CSV_FIELD_IGNORE,
  NREM_CSV_FIELD_NAME,
  NREM_CSV_FIELD_GIVEN_NAME,
  NREM_CSV_FIELD_FAMILY_NAME,
  NREM_CSV_FIELD_HONORIFIC,
  NREM_CSV_FIELD_POSITION,
  NREM_CSV_FIELD_ORGANISATION,
  NREM_CSV_FIELD_MECHANISM,
  NREM_CSV_FIELD_COUNTRY,
  NREM_CSV_FIELD_ROLE,
  NREM_CSV_FIELD_EMAIL,
  NREM_CSV_FIELD_PHONE,
  NREM_CSV_FIELD_LANGUAGES,
  NREM_CSV_FIELD_NOTES,
  NREM_CSV_FIELD_STATUS,
  NREM_CSV_FIELD_HEAD,
  NREM_CSV_N_FIELDS
} NremCsvField;

typedef enum
{
  NREM_CSV_ROW_NEW,
  NREM_CSV_ROW_UPDATE,
  NREM_CSV_ROW_UNCHANGED,
  NREM_CSV_ROW_INVALID,
} NremCsvRowAction;

typedef struct
{
  guint             line;        /* in the file, from 1 (the header) */
  NremCsvRowAction  action;
  char             *uuid;        /* the person it creates or updates */
  char             *name;
  char             *country;     /* ISO code */
  GPtrArray        *problems;    /* strings: what is wrong or was understood differently */
  gboolean          blocking;    /* one of the problems stops the import */
  gboolean          attendance;  /* writes an attendance at the meeting */
} NremCsvRow;

typedef struct
{
  guint  added;
  guint  updated;
  guint  unchanged;
  guint  attendances;
  char  *backup_path;
} NremCsvResult;

typedef struct _NremParticipantCsv NremParticipantCsv;

const char         *nrem_csv_field_label              (NremCsvField         field);
NremCsvField        nrem_csv_guess_field              (const char          *header);

NremParticipantCsv *nrem_participant_csv_new          (GBytes              *bytes,
                                                       const char          *display_name,
                                                       GError             **error);
NremParticipantCsv *nrem_participant_csv_new_from_file (const char         *path,
                                                       GError             **error);
void                nrem_participant_csv_free         (NremParticipantCsv  *csv);

const char         *nrem_participant_csv_get_display_name (NremParticipantCsv *csv);
char                nrem_participant_csv_get_delimiter (NremParticipantCsv *csv);
guint               nrem_participant_csv_get_n_columns (NremParticipantCsv *csv);
const char         *nrem_participant_csv_get_header   (NremParticipantCsv  *csv,
                                                       guint                column);
char               *nrem_participant_csv_dup_samples  (NremParticipantCsv  *csv,
                                                       guint                column,
                                                       guint                max);
NremCsvField        nrem_participant_csv_get_mapping  (NremParticipantCsv  *csv,
                                                       guint                column);
void                nrem_participant_csv_set_mapping  (NremParticipantCsv  *csv,
                                                       guint                column,
                                                       NremCsvField         field);

gboolean            nrem_participant_csv_plan         (NremParticipantCsv  *csv,
                                                       NremStore           *store,
                                                       const char          *meeting_uuid,
                                                       GError             **error);
guint               nrem_participant_csv_get_n_rows   (NremParticipantCsv  *csv);
const NremCsvRow   *nrem_participant_csv_get_row      (NremParticipantCsv  *csv,
                                                       guint                index);
const char * const *nrem_participant_csv_get_notes    (NremParticipantCsv  *csv);
guint               nrem_participant_csv_count        (NremParticipantCsv  *csv,
                                                       NremCsvRowAction     action);
guint               nrem_participant_csv_get_n_blocking (NremParticipantCsv *csv);
char               *nrem_participant_csv_describe_plan (NremParticipantCsv *csv);
GStrv               nrem_participant_csv_list_problems (NremParticipantCsv *csv,
                                                       gboolean             blocking_only);

gboolean            nrem_participant_csv_apply        (NremParticipantCsv  *csv,
                                                       NremStore           *store,
                                                       const char          *meeting_uuid,
                                                       NremCsvResult       *result,
                                                       GError             **error);
void                nrem_csv_result_clear             (NremCsvResult       *result);
char               *nrem_csv_result_describe          (const NremCsvResult *result);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (NremParticipantCsv, nrem_participant_csv_free)

G_END_DECLS
