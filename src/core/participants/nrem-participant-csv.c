/* nrem-participant-csv.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-participants"

#include "config.h"

#include "nrem-participant-csv.h"
#include "nrem-csv.h"
#include "nrem-error.h"
#include "nrem-fold.h"
#include "nrem-participant-check.h"
#include "nrem-participant-item.h"
#include "nrem-store-participants.h"
#include "nrem-uuid.h"

#include <glib/gi18n.h>
#include <string.h>

/* indexes of the participant's fields (nrem-entity.c) */
enum {
  P_NAME, P_HONORIFIC, P_POSITION, P_ORGANISATION, P_MECHANISM, P_COUNTRY, P_ROLE,
  P_EMAIL, P_PHONE, P_LANGUAGES, P_NOTES, P_N
};

static const char * const participant_field_names[P_N] = {
  "name", "honorific", "position", "organisation", "mechanism", "country", "role",
  "email", "phone", "languages", "notes",
};

/* the column field that fills each participant field */
static const NremCsvField participant_csv_fields[P_N] = {
  NREM_CSV_FIELD_NAME, NREM_CSV_FIELD_HONORIFIC, NREM_CSV_FIELD_POSITION,
  NREM_CSV_FIELD_ORGANISATION, NREM_CSV_FIELD_MECHANISM, NREM_CSV_FIELD_COUNTRY,
  NREM_CSV_FIELD_ROLE, NREM_CSV_FIELD_EMAIL, NREM_CSV_FIELD_PHONE, NREM_CSV_FIELD_LANGUAGES,
  NREM_CSV_FIELD_NOTES,
};

typedef struct
{
  NremCsvRow  pub;
  char       *values[P_N];   /* what the row sets; NULL: leaves the stored value */
  char       *status;        /* attendance status the file gives, or NULL */
  int         head;          /* head of delegation the file gives: 0, 1, or -1 */
  char       *attendance_status;  /* what the attendance becomes, when pub.attendance */
  gboolean    attendance_head;
} Row;

struct _NremParticipantCsv
{
  char          *display_name;
  char           delimiter;
  GPtrArray     *header;      /* char * */
  GPtrArray     *records;     /* GPtrArray of char *, the data rows */
  GArray        *lines;       /* guint: the line each data row starts on */
  NremCsvField  *mapping;     /* per column */

  GPtrArray     *rows;        /* Row *, the plan */
  GPtrArray     *notes;       /* char *: what concerns the whole file */
  gboolean       notes_block;
  guint          counts[4];
  guint          n_blocking;
};

/* ------------------------------------------------------------------------------------------
 * Fields and the guessing of columns
 */

static const char * const field_labels[NREM_CSV_N_FIELDS] = {
  [NREM_CSV_FIELD_IGNORE] = N_("Do not import"),
  [NREM_CSV_FIELD_NAME] = N_("Name"),
  [NREM_CSV_FIELD_GIVEN_NAME] = N_("Given name"),
  [NREM_CSV_FIELD_FAMILY_NAME] = N_("Family name"),
  [NREM_CSV_FIELD_HONORIFIC] = N_("Honorific"),
  [NREM_CSV_FIELD_POSITION] = N_("Position"),
  [NREM_CSV_FIELD_ORGANISATION] = N_("Organisation"),
  [NREM_CSV_FIELD_MECHANISM] = N_("Mechanism"),
  [NREM_CSV_FIELD_COUNTRY] = N_("Country"),
  [NREM_CSV_FIELD_ROLE] = N_("Role"),
  [NREM_CSV_FIELD_EMAIL] = N_("E-mail"),
  [NREM_CSV_FIELD_PHONE] = N_("Phone"),
  [NREM_CSV_FIELD_LANGUAGES] = N_("Languages"),
  [NREM_CSV_FIELD_NOTES] = N_("Notes"),
  [NREM_CSV_FIELD_STATUS] = N_("Attendance status"),
  [NREM_CSV_FIELD_HEAD] = N_("Head of delegation"),
};

const char *
nrem_csv_field_label (NremCsvField field)
{
  g_return_val_if_fail (field < NREM_CSV_N_FIELDS, "");
  return _(field_labels[field]);
}

/* Headers, folded and without spaces, and the field each names. English first, then the
 * variants secretariats' spreadsheets use (French and Spanish headers included). */
static const struct
{
  const char   *header;
  NremCsvField  field;
} header_names[] = {
  { "name", NREM_CSV_FIELD_NAME },
  { "fullname", NREM_CSV_FIELD_NAME },
  { "participant", NREM_CSV_FIELD_NAME },
  { "participantname", NREM_CSV_FIELD_NAME },
  { "person", NREM_CSV_FIELD_NAME },
  { "contact", NREM_CSV_FIELD_NAME },
  { "contactname", NREM_CSV_FIELD_NAME },
  { "delegate", NREM_CSV_FIELD_NAME },
  { "nom", NREM_CSV_FIELD_NAME },
  { "nomcomplet", NREM_CSV_FIELD_NAME },
  { "nombre", NREM_CSV_FIELD_NAME },
  { "nombrecompleto", NREM_CSV_FIELD_NAME },
  { "firstname", NREM_CSV_FIELD_GIVEN_NAME },
  { "givenname", NREM_CSV_FIELD_GIVEN_NAME },
  { "forename", NREM_CSV_FIELD_GIVEN_NAME },
  { "prenom", NREM_CSV_FIELD_GIVEN_NAME },
  { "lastname", NREM_CSV_FIELD_FAMILY_NAME },
  { "familyname", NREM_CSV_FIELD_FAMILY_NAME },
  { "surname", NREM_CSV_FIELD_FAMILY_NAME },
  { "nomdefamille", NREM_CSV_FIELD_FAMILY_NAME },
  { "apellido", NREM_CSV_FIELD_FAMILY_NAME },
  { "apellidos", NREM_CSV_FIELD_FAMILY_NAME },
  { "honorific", NREM_CSV_FIELD_HONORIFIC },
  { "salutation", NREM_CSV_FIELD_HONORIFIC },
  { "prefix", NREM_CSV_FIELD_HONORIFIC },
  { "mrms", NREM_CSV_FIELD_HONORIFIC },
  { "civilite", NREM_CSV_FIELD_HONORIFIC },
  { "position", NREM_CSV_FIELD_POSITION },
  { "title", NREM_CSV_FIELD_POSITION },
  { "jobtitle", NREM_CSV_FIELD_POSITION },
  { "function", NREM_CSV_FIELD_POSITION },
  { "post", NREM_CSV_FIELD_POSITION },
  { "designation", NREM_CSV_FIELD_POSITION },
  { "fonction", NREM_CSV_FIELD_POSITION },
  { "cargo", NREM_CSV_FIELD_POSITION },
  { "organisation", NREM_CSV_FIELD_ORGANISATION },
  { "organization", NREM_CSV_FIELD_ORGANISATION },
  { "org", NREM_CSV_FIELD_ORGANISATION },
  { "institution", NREM_CSV_FIELD_ORGANISATION },
  { "agency", NREM_CSV_FIELD_ORGANISATION },
  { "affiliation", NREM_CSV_FIELD_ORGANISATION },
  { "ministry", NREM_CSV_FIELD_ORGANISATION },
  { "company", NREM_CSV_FIELD_ORGANISATION },
  { "employer", NREM_CSV_FIELD_ORGANISATION },
  { "organisme", NREM_CSV_FIELD_ORGANISATION },
  { "organizacion", NREM_CSV_FIELD_ORGANISATION },
  { "institucion", NREM_CSV_FIELD_ORGANISATION },
  { "mechanism", NREM_CSV_FIELD_MECHANISM },
  { "mechanismname", NREM_CSV_FIELD_MECHANISM },
  { "nrem", NREM_CSV_FIELD_MECHANISM },
  { "nationalmechanism", NREM_CSV_FIELD_MECHANISM },
  { "country", NREM_CSV_FIELD_COUNTRY },
  { "countrycode", NREM_CSV_FIELD_COUNTRY },
  { "countryname", NREM_CSV_FIELD_COUNTRY },
  { "state", NREM_CSV_FIELD_COUNTRY },
  { "memberstate", NREM_CSV_FIELD_COUNTRY },
  { "iso", NREM_CSV_FIELD_COUNTRY },
  { "pays", NREM_CSV_FIELD_COUNTRY },
  { "pais", NREM_CSV_FIELD_COUNTRY },
  { "role", NREM_CSV_FIELD_ROLE },
  { "category", NREM_CSV_FIELD_ROLE },
  { "participanttype", NREM_CSV_FIELD_ROLE },
  { "participantcategory", NREM_CSV_FIELD_ROLE },
  { "capacity", NREM_CSV_FIELD_ROLE },
  { "email", NREM_CSV_FIELD_EMAIL },
  { "emailaddress", NREM_CSV_FIELD_EMAIL },
  { "mail", NREM_CSV_FIELD_EMAIL },
  { "courriel", NREM_CSV_FIELD_EMAIL },
  { "correo", NREM_CSV_FIELD_EMAIL },
  { "correoelectronico", NREM_CSV_FIELD_EMAIL },
  { "phone", NREM_CSV_FIELD_PHONE },
  { "phonenumber", NREM_CSV_FIELD_PHONE },
  { "telephone", NREM_CSV_FIELD_PHONE },
  { "tel", NREM_CSV_FIELD_PHONE },
  { "mobile", NREM_CSV_FIELD_PHONE },
  { "cell", NREM_CSV_FIELD_PHONE },
  { "telefono", NREM_CSV_FIELD_PHONE },
  { "languages", NREM_CSV_FIELD_LANGUAGES },
  { "language", NREM_CSV_FIELD_LANGUAGES },
  { "workinglanguages", NREM_CSV_FIELD_LANGUAGES },
  { "langues", NREM_CSV_FIELD_LANGUAGES },
  { "idiomas", NREM_CSV_FIELD_LANGUAGES },
  { "notes", NREM_CSV_FIELD_NOTES },
  { "note", NREM_CSV_FIELD_NOTES },
  { "comments", NREM_CSV_FIELD_NOTES },
  { "comment", NREM_CSV_FIELD_NOTES },
  { "remarks", NREM_CSV_FIELD_NOTES },
  { "remarques", NREM_CSV_FIELD_NOTES },
  { "observaciones", NREM_CSV_FIELD_NOTES },
  { "status", NREM_CSV_FIELD_STATUS },
  { "attendance", NREM_CSV_FIELD_STATUS },
  { "attendancestatus", NREM_CSV_FIELD_STATUS },
  { "rsvp", NREM_CSV_FIELD_STATUS },
  { "invitation", NREM_CSV_FIELD_STATUS },
  { "headofdelegation", NREM_CSV_FIELD_HEAD },
  { "hod", NREM_CSV_FIELD_HEAD },
  { "head", NREM_CSV_FIELD_HEAD },
};

/* folded, without spaces */
static char *
compact_key (const char *text)
{
  g_autofree char *folded = nrem_fold (text);
  GString *out = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p++)
    if (*p != ' ')
      g_string_append_c (out, *p);
  return g_string_free (out, FALSE);
}

/**
 * nrem_csv_guess_field:
 * @header: the text of a header cell ("E-mail", "Full name", "Organization")
 *
 * Returns: the field the header most likely names, or %NREM_CSV_FIELD_IGNORE
 */
NremCsvField
nrem_csv_guess_field (const char *header)
{
  g_autofree char *key = compact_key (header);

  if (key[0] == '\0')
    return NREM_CSV_FIELD_IGNORE;
  for (guint i = 0; i < G_N_ELEMENTS (header_names); i++)
    if (strcmp (key, header_names[i].header) == 0)
      return header_names[i].field;

  /* longer headers: "Work e-mail", "Country of residence", "Name of participant" */
  if (strstr (key, "mail") != NULL)
    return NREM_CSV_FIELD_EMAIL;
  if (strstr (key, "phone") != NULL || strstr (key, "mobile") != NULL)
    return NREM_CSV_FIELD_PHONE;
  if (strstr (key, "country") != NULL)
    return NREM_CSV_FIELD_COUNTRY;
  if (strstr (key, "organi") != NULL || strstr (key, "institution") != NULL)
    return NREM_CSV_FIELD_ORGANISATION;
  if (strstr (key, "mechanism") != NULL)
    return NREM_CSV_FIELD_MECHANISM;
  if (strstr (key, "first") != NULL || strstr (key, "given") != NULL)
    return NREM_CSV_FIELD_GIVEN_NAME;
  if (strstr (key, "last") != NULL || strstr (key, "family") != NULL || strstr (key, "surname") != NULL)
    return NREM_CSV_FIELD_FAMILY_NAME;
  if (strstr (key, "name") != NULL)
    return NREM_CSV_FIELD_NAME;
  if (strstr (key, "position") != NULL || strstr (key, "title") != NULL)
    return NREM_CSV_FIELD_POSITION;
  if (strstr (key, "language") != NULL)
    return NREM_CSV_FIELD_LANGUAGES;
  if (strstr (key, "note") != NULL || strstr (key, "comment") != NULL)
    return NREM_CSV_FIELD_NOTES;
  if (strstr (key, "head") != NULL)
    return NREM_CSV_FIELD_HEAD;
  return NREM_CSV_FIELD_IGNORE;
}

/* ------------------------------------------------------------------------------------------
 * Reading the file
 */

static void
row_free (Row *row)
{
  g_free (row->pub.uuid);
  g_free (row->pub.name);
  g_free (row->pub.country);
  g_clear_pointer (&row->pub.problems, g_ptr_array_unref);
  for (guint i = 0; i < P_N; i++)
    g_free (row->values[i]);
  g_free (row->status);
  g_free (row->attendance_status);
  g_free (row);
}

void
nrem_participant_csv_free (NremParticipantCsv *csv)
{
  if (csv == NULL)
    return;
  g_free (csv->display_name);
  g_clear_pointer (&csv->header, g_ptr_array_unref);
  g_clear_pointer (&csv->records, g_ptr_array_unref);
  g_clear_pointer (&csv->lines, g_array_unref);
  g_free (csv->mapping);
  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_clear_pointer (&csv->notes, g_ptr_array_unref);
  g_free (csv);
}

/* The line each record starts on, by the same rules as nrem_csv_parse(): quoted cells may
 * hold line breaks, blank lines hold no record. */
static GArray *
record_lines (const char *data,
              gsize       length,
              char        delimiter)
{
  GArray *lines = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean in_quotes = FALSE, was_quoted = FALSE, content = FALSE, field_empty = TRUE;
  guint line = 1, start = 1;

  if (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0)
    {
      data += 3;
      length -= 3;
    }
  for (gsize i = 0; i <= length; i++)
    {
      char c = i < length ? data[i] : '\n';

      if (in_quotes)
        {
          if (c == '"')
            {
              if (i + 1 < length && data[i + 1] == '"')
                i++;
              else
                in_quotes = FALSE;
            }
          else if (c == '\n')
            line++;
          field_empty = FALSE;
        }
      else if (c == '"' && field_empty && !was_quoted)
        {
          if (!content)
            start = line;
          in_quotes = was_quoted = content = TRUE;
        }
      else if (c == delimiter)
        {
          if (!content)
            start = line;
          content = TRUE;
          field_empty = TRUE;
          was_quoted = FALSE;
        }
      else if (c == '\n' || c == '\r')
        {
          if (c == '\r' && i + 1 < length && data[i + 1] == '\n')
            i++;
          if (content)
            g_array_append_val (lines, start);
          content = FALSE;
          field_empty = TRUE;
          was_quoted = FALSE;
          line++;
        }
      else
        {
          if (!content)
            start = line;
          content = TRUE;
          field_empty = FALSE;
        }
    }
  return lines;
}

static gboolean
looks_like_other_format (const char  *data,
                         gsize        length,
                         GError     **error)
{
  if (length >= 2 && (((guchar) data[0] == 0xff && (guchar) data[1] == 0xfe) ||
                      ((guchar) data[0] == 0xfe && (guchar) data[1] == 0xff)))
    {
      g_set_error_literal (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                           _("the file is in UTF-16; save it as “CSV UTF-8” and try again"));
      return TRUE;
    }
  if (length >= 4 && memcmp (data, "PK\x03\x04", 4) == 0)
    {
      g_set_error_literal (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                           _("this is a spreadsheet file (such as .xlsx or .ods), not CSV; "
                             "save it as “CSV UTF-8” and try again"));
      return TRUE;
    }
  if (length >= 8 && memcmp (data, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8) == 0)
    {
      g_set_error_literal (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                           _("this is an old Excel file (.xls), not CSV; "
                             "save it as “CSV UTF-8” and try again"));
      return TRUE;
    }
  return FALSE;
}

static gboolean
row_is_blank (GPtrArray *record)
{
  for (guint i = 0; i < record->len; i++)
    {
      const char *cell = g_ptr_array_index (record, i);

      for (const char *p = cell; *p != '\0'; p++)
        if (!g_ascii_isspace (*p))
          return FALSE;
    }
  return TRUE;
}

/**
 * nrem_participant_csv_new:
 * @display_name: the file's name, for messages
 *
 * Reads a CSV file and guesses what its columns hold. Fails, naming the file and the line,
 * for what is not a readable CSV file of text: another encoding than UTF-8, NUL bytes, an
 * unclosed quote, a cell over %NREM_CSV_MAX_FIELD_BYTES, more than
 * %NREM_PARTICIPANT_CSV_MAX_BYTES or %NREM_PARTICIPANT_CSV_MAX_ROWS.
 */
NremParticipantCsv *
nrem_participant_csv_new (GBytes      *bytes,
                          const char  *display_name,
                          GError     **error)
{
  g_autoptr(NremParticipantCsv) csv = g_new0 (NremParticipantCsv, 1);
  g_autoptr(GPtrArray) records = NULL;
  g_autoptr(GArray) lines = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);
  guint n_columns;

  csv->display_name = g_strdup (display_name != NULL ? display_name : _("the file"));

  if (length > NREM_PARTICIPANT_CSV_MAX_BYTES)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: the file is larger than %u MB; a list of participants is much smaller — "
                     "is it the right file?"),
                   csv->display_name, NREM_PARTICIPANT_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  if (length == 0 || data == NULL)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, _("%s: the file is empty"),
                   csv->display_name);
      return NULL;
    }
  if (looks_like_other_format (data, length, error))
    {
      g_prefix_error (error, "%s: ", csv->display_name);
      return NULL;
    }

  csv->delimiter = nrem_csv_detect_delimiter (length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? data + 3 : data,
                                              length >= 3 && memcmp (data, "\xef\xbb\xbf", 3) == 0 ? length - 3 : length);
  records = nrem_csv_parse (data, length, csv->delimiter, error);
  if (records == NULL)
    {
      g_prefix_error (error, "%s: ", csv->display_name);
      return NULL;
    }
  lines = record_lines (data, length, csv->delimiter);
  if (lines->len != records->len)
    {
      /* cannot happen with the same rules; rows are then numbered as records */
      g_array_set_size (lines, 0);
      for (guint i = 0; i < records->len; i++)
        {
          guint line = i + 1;

          g_array_append_val (lines, line);
        }
    }

  if (records->len == 0 || row_is_blank (g_ptr_array_index (records, 0)))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: the first line should name the columns (Name, E-mail, Country, …), "
                     "but it is empty"), csv->display_name);
      return NULL;
    }
  if (records->len - 1 > NREM_PARTICIPANT_CSV_MAX_ROWS)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: more than %u rows; import the list in parts"), csv->display_name,
                   NREM_PARTICIPANT_CSV_MAX_ROWS);
      return NULL;
    }

  csv->header = g_ptr_array_steal_index (records, 0);
  g_array_remove_index (lines, 0);
  n_columns = csv->header->len;
  for (guint i = 0; i < n_columns; i++)
    {
      char *cell = g_ptr_array_index (csv->header, i);

      g_strstrip (cell);
      if (i == 0 && g_str_has_prefix (cell, "\xef\xbb\xbf"))
        memmove (cell, cell + 3, strlen (cell + 3) + 1);
    }

  /* blank rows (only separators, only spaces) are no one */
  csv->records = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
  csv->lines = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < records->len; i++)
    {
      GPtrArray *record = g_ptr_array_index (records, i);

      if (row_is_blank (record))
        continue;
      g_ptr_array_add (csv->records, g_ptr_array_ref (record));
      g_array_append_val (csv->lines, g_array_index (lines, guint, i));
    }
  if (csv->records->len == 0)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: the file names its columns but holds no participant"), csv->display_name);
      return NULL;
    }

  csv->mapping = g_new0 (NremCsvField, n_columns);
  for (guint i = 0; i < n_columns; i++)
    {
      NremCsvField field = nrem_csv_guess_field (g_ptr_array_index (csv->header, i));

      /* the first column that names a field gets it */
      for (guint j = 0; j < i && field != NREM_CSV_FIELD_IGNORE; j++)
        if (csv->mapping[j] == field)
          field = NREM_CSV_FIELD_IGNORE;
      csv->mapping[i] = field;
    }
  return g_steal_pointer (&csv);
}

NremParticipantCsv *
nrem_participant_csv_new_from_file (const char  *path,
                                    GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autofree char *name = g_path_get_basename (path);

  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE, G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return NULL;
  if (g_file_info_get_size (info) > NREM_PARTICIPANT_CSV_MAX_BYTES)
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE,
                   _("%s: the file is larger than %u MB; a list of participants is much smaller — "
                     "is it the right file?"),
                   name, NREM_PARTICIPANT_CSV_MAX_BYTES / (1024 * 1024));
      return NULL;
    }
  bytes = g_file_load_bytes (file, NULL, NULL, error);
  if (bytes == NULL)
    return NULL;
  return nrem_participant_csv_new (bytes, name, error);
}

const char *
nrem_participant_csv_get_display_name (NremParticipantCsv *csv)
{
  return csv->display_name;
}

char
nrem_participant_csv_get_delimiter (NremParticipantCsv *csv)
{
  return csv->delimiter;
}

guint
nrem_participant_csv_get_n_columns (NremParticipantCsv *csv)
{
  return csv->header->len;
}

const char *
nrem_participant_csv_get_header (NremParticipantCsv *csv,
                                 guint               column)
{
  g_return_val_if_fail (column < csv->header->len, NULL);
  return g_ptr_array_index (csv->header, column);
}

/**
 * nrem_participant_csv_dup_samples:
 *
 * Returns: (transfer full): the first non-empty values of @column, joined by commas
 */
char *
nrem_participant_csv_dup_samples (NremParticipantCsv *csv,
                                  guint               column,
                                  guint               max)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint found = 0;

  for (guint i = 0; i < csv->records->len && found < max; i++)
    {
      GPtrArray *record = g_ptr_array_index (csv->records, i);
      g_autofree char *cell = NULL;

      if (column >= record->len)
        continue;
      cell = g_strstrip (g_strdup (g_ptr_array_index (record, column)));
      if (cell[0] == '\0')
        continue;
      if (g_utf8_strlen (cell, -1) > 40)
        {
          g_autofree char *cut = g_utf8_substring (cell, 0, 39);

          g_free (cell);
          cell = g_strconcat (cut, "…", NULL);
        }
      if (found > 0)
        g_string_append (out, ", ");
      g_string_append (out, cell);
      found++;
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

NremCsvField
nrem_participant_csv_get_mapping (NremParticipantCsv *csv,
                                  guint               column)
{
  g_return_val_if_fail (column < csv->header->len, NREM_CSV_FIELD_IGNORE);
  return csv->mapping[column];
}

/**
 * nrem_participant_csv_set_mapping:
 *
 * Maps @column to @field; another column that held @field is no longer imported. The plan
 * must be made again.
 */
void
nrem_participant_csv_set_mapping (NremParticipantCsv *csv,
                                  guint               column,
                                  NremCsvField        field)
{
  g_return_if_fail (column < csv->header->len);
  g_return_if_fail (field < NREM_CSV_N_FIELDS);

  if (field != NREM_CSV_FIELD_IGNORE)
    for (guint i = 0; i < csv->header->len; i++)
      if (i != column && csv->mapping[i] == field)
        csv->mapping[i] = NREM_CSV_FIELD_IGNORE;
  csv->mapping[column] = field;
}

/* ------------------------------------------------------------------------------------------
 * Understanding the values
 */

typedef struct
{
  GHashTable *countries;         /* code → NremRow; folded name (compact) → NremRow */
  GPtrArray  *country_rows;
  GPtrArray  *mechanisms;        /* NremRow */
  GPtrArray  *people;            /* NremParticipantInfo */
  GHashTable *by_email;          /* lowercase e-mail → info */
  GHashTable *by_name_country;   /* "<folded name>\x1f<code>" → info */
  GHashTable *by_uuid;           /* uuid → info */
} Context;

static void
context_clear (Context *ctx)
{
  g_clear_pointer (&ctx->countries, g_hash_table_unref);
  g_clear_pointer (&ctx->country_rows, g_ptr_array_unref);
  g_clear_pointer (&ctx->mechanisms, g_ptr_array_unref);
  g_clear_pointer (&ctx->by_email, g_hash_table_unref);
  g_clear_pointer (&ctx->by_name_country, g_hash_table_unref);
  g_clear_pointer (&ctx->by_uuid, g_hash_table_unref);
  g_clear_pointer (&ctx->people, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Context, context_clear)

static char *
name_country_key (const char *name,
                  const char *country)
{
  g_autofree char *folded = nrem_fold (name);

  return g_strdup_printf ("%s\x1f%s", folded, country != NULL ? country : "");
}

static const struct
{
  const char *name;   /* compact folded */
  const char *code;
} country_aliases[] = {
  { "usa", "US" }, { "unitedstatesofamerica", "US" }, { "us", "US" },
  { "uk", "GB" }, { "greatbritain", "GB" }, { "britain", "GB" }, { "england", "GB" },
  { "unitedkingdomofgreatbritainandnorthernireland", "GB" },
  { "vietnam", "VN" }, { "russia", "RU" }, { "southkorea", "KR" }, { "korea", "KR" },
  { "northkorea", "KP" }, { "laos", "LA" }, { "moldova", "MD" }, { "tanzania", "TZ" },
  { "syria", "SY" }, { "palestine", "PS" }, { "czechrepublic", "CZ" }, { "ivorycoast", "CI" },
  { "turkey", "TR" }, { "turkiye", "TR" }, { "swaziland", "SZ" }, { "macedonia", "MK" },
  { "thenetherlands", "NL" }, { "holland", "NL" }, { "drc", "CD" }, { "drcongo", "CD" },
  { "vatican", "VA" }, { "capeverde", "CV" }, { "easttimor", "TL" }, { "burma", "MM" },
  { "bolivia", "BO" }, { "iran", "IR" }, { "venezuela", "VE" }, { "micronesia", "FM" },
  { "uae", "AE" }, { "emirates", "AE" },
};

static gboolean
load_context (Context    *ctx,
              NremStore  *store,
              GError    **error)
{
  ctx->country_rows = nrem_store_list_countries (store, error);
  if (ctx->country_rows == NULL)
    return FALSE;
  ctx->mechanisms = nrem_store_list_mechanisms (store, FALSE, error);
  if (ctx->mechanisms == NULL)
    return FALSE;
  ctx->people = nrem_store_list_participants (store, error);
  if (ctx->people == NULL)
    return FALSE;

  ctx->countries = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < ctx->country_rows->len; i++)
    {
      NremRow *row = g_ptr_array_index (ctx->country_rows, i);
      const char *code = row->values[0];
      const char *name = row->values[1];

      if (code == NULL)
        continue;
      g_hash_table_replace (ctx->countries, g_strdup (code), row);
      if (name != NULL)
        {
          g_autofree char *short_name = NULL;
          const char *paren = strstr (name, " (");

          g_hash_table_insert (ctx->countries, compact_key (name), row);
          /* "Bolivia (Plurinational State of)" is also "Bolivia" */
          if (paren != NULL)
            {
              short_name = g_strndup (name, (gsize) (paren - name));
              g_hash_table_insert (ctx->countries, compact_key (short_name), row);
            }
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (country_aliases); i++)
    {
      NremRow *row = g_hash_table_lookup (ctx->countries, country_aliases[i].code);

      if (row != NULL && !g_hash_table_contains (ctx->countries, country_aliases[i].name))
        g_hash_table_insert (ctx->countries, g_strdup (country_aliases[i].name), row);
    }

  ctx->by_email = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->by_name_country = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  ctx->by_uuid = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < ctx->people->len; i++)
    {
      NremParticipantInfo *info = g_ptr_array_index (ctx->people, i);
      const char *email = info->row->values[P_EMAIL];

      g_hash_table_insert (ctx->by_uuid, info->row->uuid, info);
      if (email != NULL)
        {
          g_autofree char *trimmed = g_strstrip (g_strdup (email));
          char *key = g_utf8_strdown (trimmed, -1);

          if (key[0] != '\0' && !g_hash_table_contains (ctx->by_email, key))
            g_hash_table_insert (ctx->by_email, key, info);
          else
            g_free (key);
        }
      if (info->row->values[P_NAME] != NULL)
        {
          char *key = name_country_key (info->row->values[P_NAME], info->row->values[P_COUNTRY]);

          if (!g_hash_table_contains (ctx->by_name_country, key))
            g_hash_table_insert (ctx->by_name_country, key, info);
          else
            g_free (key);
        }
    }
  return TRUE;
}

static void
add_problem (Row        *row,
             gboolean    blocking,
             const char *format,
             ...) G_GNUC_PRINTF (3, 4);

static void
add_problem (Row        *row,
             gboolean    blocking,
             const char *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_ptr_array_add (row->pub.problems, g_strdup_vprintf (format, args));
  va_end (args);
  row->pub.blocking |= blocking;
}

static const char *
column_label (NremParticipantCsv *csv,
              int                 column)
{
  const char *header = column >= 0 ? g_ptr_array_index (csv->header, column) : NULL;

  return header != NULL && header[0] != '\0' ? header : nrem_csv_field_label (csv->mapping[column]);
}

static const char *
match_role (const char *text)
{
  static const struct { const char *key; const char *role; } aliases[] = {
    { "rapporteur", "national-rapporteur" }, { "nationalrapporteurs", "national-rapporteur" },
    { "nr", "national-rapporteur" }, { "un", "un-staff" }, { "unitednations", "un-staff" },
    { "unstaffmember", "un-staff" }, { "ngo", "civil-society" }, { "cso", "civil-society" },
    { "civilsocietyorganisation", "civil-society" }, { "civilsocietyorganization", "civil-society" },
    { "nationalcoordinator", "coordinator" }, { "staff", "secretariat" },
    { "delegation", "delegate" }, { "governmentdelegate", "delegate" },
  };
  g_autofree char *key = compact_key (text);

  for (guint i = 0; nrem_participant_roles[i] != NULL; i++)
    {
      g_autofree char *k = compact_key (nrem_participant_roles[i]);
      g_autofree char *l = compact_key (nrem_participant_role_label (nrem_participant_roles[i]));

      if (strcmp (key, k) == 0 || strcmp (key, l) == 0)
        return nrem_participant_roles[i];
    }
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (strcmp (key, aliases[i].key) == 0)
      return aliases[i].role;
  return NULL;
}

static const char *
match_status (const char *text)
{
  g_autofree char *key = compact_key (text);

  for (guint i = 0; nrem_attendance_statuses[i] != NULL; i++)
    {
      g_autofree char *l = compact_key (nrem_attendance_status_label (nrem_attendance_statuses[i]));

      if (strcmp (key, nrem_attendance_statuses[i]) == 0 || strcmp (key, l) == 0)
        return nrem_attendance_statuses[i];
    }
  if (strcmp (key, "accepted") == 0 || strcmp (key, "yes") == 0)
    return "confirmed";
  if (strcmp (key, "present") == 0)
    return "attended";
  if (strcmp (key, "regrets") == 0 || strcmp (key, "no") == 0)
    return "declined";
  return NULL;
}

/* Returns: 1, 0, or -1 when @text is not a yes or a no */
static int
match_bool (const char *text)
{
  static const char * const yes[] = { "yes", "y", "true", "1", "x", "oui", "si", "hod", "head", NULL };
  static const char * const no[] = { "no", "n", "false", "0", "non", NULL };
  g_autofree char *key = compact_key (text);

  if (g_strv_contains (yes, key))
    return 1;
  if (g_strv_contains (no, key))
    return 0;
  return -1;
}

static const char *
match_mechanism (Context    *ctx,
                 const char *text,
                 const char *country)
{
  g_autofree char *key = nrem_fold (text);
  const char *found = NULL;

  for (guint i = 0; i < ctx->mechanisms->len; i++)
    {
      NremRow *row = g_ptr_array_index (ctx->mechanisms, i);
      g_autofree char *name = nrem_fold (row->values[0]);

      if (strcmp (name, key) != 0)
        continue;
      /* of mechanisms with the same name, the one of the person's country */
      if (found == NULL || (country != NULL && g_strcmp0 (row->values[1], country) == 0))
        found = row->uuid;
    }
  return found;
}

/* A cell as the person means it: trimmed; the apostrophe this program's CSV export puts
 * before a value that would start a formula is taken off again. */
static char *
cell_text (GPtrArray *record,
           int        column)
{
  char *cell;

  if (column < 0 || (guint) column >= record->len)
    return NULL;
  cell = g_strstrip (g_strdup (g_ptr_array_index (record, column)));
  if (cell[0] == '\'' && cell[1] != '\0' && strchr ("=+-@", cell[1]) != NULL)
    memmove (cell, cell + 1, strlen (cell));
  if (cell[0] == '\0')
    g_clear_pointer (&cell, g_free);
  return cell;
}

static gboolean
same_value (const char *a,
            const char *b)
{
  return g_strcmp0 (a != NULL && a[0] ? a : NULL, b != NULL && b[0] ? b : NULL) == 0;
}

static void
plan_row (NremParticipantCsv *csv,
          Context            *ctx,
          const char         *meeting_uuid,
          NremStore          *store,
          GHashTable         *targets,
          GHashTable         *emails,
          guint               index,
          Row                *row)
{
  GPtrArray *record = g_ptr_array_index (csv->records, index);
  int columns[NREM_CSV_N_FIELDS];
  g_autofree char *given = NULL, *family = NULL, *country_text = NULL, *role_text = NULL,
                  *mechanism_text = NULL, *status_text = NULL, *head_text = NULL;
  const NremParticipantInfo *target = NULL;
  guint n_header = csv->header->len;

  for (guint f = 0; f < NREM_CSV_N_FIELDS; f++)
    columns[f] = -1;
  for (guint c = 0; c < n_header; c++)
    if (csv->mapping[c] != NREM_CSV_FIELD_IGNORE)
      columns[csv->mapping[c]] = (int) c;

  row->pub.line = g_array_index (csv->lines, guint, index);
  row->pub.problems = g_ptr_array_new_with_free_func (g_free);
  row->head = -1;

  /* ragged rows: missing cells are empty; extra cells that hold something are refused,
   * for they mean the columns are shifted (a separator inside an unquoted cell) */
  if (record->len > n_header)
    {
      gboolean extra = FALSE;

      for (guint c = n_header; c < record->len; c++)
        extra |= ((const char *) g_ptr_array_index (record, c))[0] != '\0';
      if (extra)
        add_problem (row, TRUE,
                     _("%u cells where the header names %u: a value holding a “%c” must be in quotes"),
                     record->len, n_header, csv->delimiter);
    }
  else if (record->len < n_header)
    add_problem (row, FALSE, _("%u cells where the header names %u: the missing ones are taken as empty"),
                 record->len, n_header);

  row->values[P_NAME] = cell_text (record, columns[NREM_CSV_FIELD_NAME]);
  given = cell_text (record, columns[NREM_CSV_FIELD_GIVEN_NAME]);
  family = cell_text (record, columns[NREM_CSV_FIELD_FAMILY_NAME]);
  if (row->values[P_NAME] == NULL && (given != NULL || family != NULL))
    row->values[P_NAME] = g_strjoin (" ", given != NULL ? given : family,
                                     given != NULL ? family : NULL, NULL);
  row->values[P_HONORIFIC] = cell_text (record, columns[NREM_CSV_FIELD_HONORIFIC]);
  row->values[P_POSITION] = cell_text (record, columns[NREM_CSV_FIELD_POSITION]);
  row->values[P_ORGANISATION] = cell_text (record, columns[NREM_CSV_FIELD_ORGANISATION]);
  row->values[P_EMAIL] = cell_text (record, columns[NREM_CSV_FIELD_EMAIL]);
  row->values[P_PHONE] = cell_text (record, columns[NREM_CSV_FIELD_PHONE]);
  row->values[P_LANGUAGES] = cell_text (record, columns[NREM_CSV_FIELD_LANGUAGES]);
  row->values[P_NOTES] = cell_text (record, columns[NREM_CSV_FIELD_NOTES]);
  country_text = cell_text (record, columns[NREM_CSV_FIELD_COUNTRY]);
  role_text = cell_text (record, columns[NREM_CSV_FIELD_ROLE]);
  mechanism_text = cell_text (record, columns[NREM_CSV_FIELD_MECHANISM]);
  status_text = cell_text (record, columns[NREM_CSV_FIELD_STATUS]);
  head_text = cell_text (record, columns[NREM_CSV_FIELD_HEAD]);

  row->pub.name = g_strdup (row->values[P_NAME]);
  if (row->values[P_NAME] == NULL)
    add_problem (row, TRUE, _("no name"));

  /* what a spreadsheet would have run as a formula is kept as text, and said */
  for (guint f = 0; f < P_N; f++)
    if (row->values[f] != NULL && row->values[f][0] == '=')
      add_problem (row, FALSE, _("%s: “%s” looks like a spreadsheet formula; kept as text"),
                   nrem_csv_field_label (participant_csv_fields[f]), row->values[f]);

  if (country_text != NULL)
    {
      g_autofree char *upper = g_ascii_strup (country_text, -1);
      g_autofree char *key = compact_key (country_text);
      NremRow *country = g_hash_table_lookup (ctx->countries, upper);

      if (country == NULL || strlen (upper) != 2)
        country = g_hash_table_lookup (ctx->countries, key);
      if (country != NULL)
        row->values[P_COUNTRY] = g_strdup (country->values[0]);
      else
        add_problem (row, TRUE, _("%s: unknown country “%s” (write its name or its two-letter ISO code)"),
                     column_label (csv, columns[NREM_CSV_FIELD_COUNTRY]), country_text);
    }
  row->pub.country = g_strdup (row->values[P_COUNTRY]);

  if (role_text != NULL)
    {
      const char *role = match_role (role_text);

      if (role != NULL)
        row->values[P_ROLE] = g_strdup (role);
      else
        add_problem (row, TRUE,
                     _("%s: unknown role “%s” (one of delegate, national rapporteur, coordinator, "
                       "expert, observer, UN staff, civil society, secretariat)"),
                     column_label (csv, columns[NREM_CSV_FIELD_ROLE]), role_text);
    }

  if (mechanism_text != NULL)
    {
      const char *mechanism = match_mechanism (ctx, mechanism_text, row->values[P_COUNTRY]);

      if (mechanism != NULL)
        row->values[P_MECHANISM] = g_strdup (mechanism);
      else if (row->values[P_ORGANISATION] == NULL)
        {
          row->values[P_ORGANISATION] = g_strdup (mechanism_text);
          add_problem (row, FALSE, _("%s: no mechanism is named “%s”; kept as the organisation"),
                       column_label (csv, columns[NREM_CSV_FIELD_MECHANISM]), mechanism_text);
        }
      else
        add_problem (row, TRUE,
                     _("%s: no mechanism is named “%s” (create it first, or import the column as "
                       "Organisation)"),
                     column_label (csv, columns[NREM_CSV_FIELD_MECHANISM]), mechanism_text);
    }

  if (row->values[P_EMAIL] != NULL)
    {
      g_autofree char *problem = nrem_participant_check_email (row->values[P_EMAIL]);

      if (problem != NULL)
        add_problem (row, FALSE, _("%s: “%s”: %s; kept as written"),
                     column_label (csv, columns[NREM_CSV_FIELD_EMAIL]), row->values[P_EMAIL], problem);
    }
  if (row->values[P_PHONE] != NULL)
    {
      g_autofree char *problem = nrem_participant_check_phone (row->values[P_PHONE]);

      if (problem != NULL)
        add_problem (row, FALSE, _("%s: “%s”: %s; kept as written"),
                     column_label (csv, columns[NREM_CSV_FIELD_PHONE]), row->values[P_PHONE], problem);
    }

  if (meeting_uuid != NULL && status_text != NULL)
    {
      const char *status = match_status (status_text);

      if (status != NULL)
        row->status = g_strdup (status);
      else
        add_problem (row, TRUE, _("%s: unknown status “%s” (invited, confirmed, declined or attended)"),
                     column_label (csv, columns[NREM_CSV_FIELD_STATUS]), status_text);
    }
  if (meeting_uuid != NULL && head_text != NULL)
    {
      row->head = match_bool (head_text);
      if (row->head < 0)
        add_problem (row, TRUE, _("%s: “%s” is neither yes nor no"),
                     column_label (csv, columns[NREM_CSV_FIELD_HEAD]), head_text);
    }

  if (row->values[P_NAME] == NULL)
    {
      row->pub.action = NREM_CSV_ROW_INVALID;
      return;
    }

  /* who the row is (nrem-participant-csv.h) */
  if (row->values[P_EMAIL] != NULL)
    {
      g_autofree char *key = g_utf8_strdown (row->values[P_EMAIL], -1);

      target = g_hash_table_lookup (ctx->by_email, key);
    }
  if (target == NULL)
    {
      g_autofree char *key = name_country_key (row->values[P_NAME], row->values[P_COUNTRY]);

      target = g_hash_table_lookup (ctx->by_name_country, key);
    }
  if (target == NULL)
    {
      g_autofree char *folded = nrem_fold (row->values[P_NAME]);

      row->pub.uuid = nrem_uuid_new_v5_printf ("participant:csv:%s:%s", folded,
                                               row->values[P_COUNTRY] ? row->values[P_COUNTRY] : "");
      target = g_hash_table_lookup (ctx->by_uuid, row->pub.uuid);
    }
  else
    row->pub.uuid = g_strdup (target->row->uuid);

  /* two rows of the file for one person */
  {
    gpointer first = NULL;

    if (row->values[P_EMAIL] != NULL)
      {
        g_autofree char *key = g_utf8_strdown (row->values[P_EMAIL], -1);

        first = g_hash_table_lookup (emails, key);
        if (first == NULL)
          g_hash_table_insert (emails, g_steal_pointer (&key), GUINT_TO_POINTER (row->pub.line));
      }
    if (first == NULL)
      first = g_hash_table_lookup (targets, row->pub.uuid);
    if (first != NULL)
      add_problem (row, TRUE, _("the same person as line %u (same e-mail, or same name and country)"),
                   GPOINTER_TO_UINT (first));
    else
      g_hash_table_insert (targets, g_strdup (row->pub.uuid), GUINT_TO_POINTER (row->pub.line));
  }

  if (target == NULL)
    row->pub.action = NREM_CSV_ROW_NEW;
  else
    {
      gboolean same = TRUE;

      for (guint f = 0; f < P_N && same; f++)
        if (row->values[f] != NULL)
          same = same_value (row->values[f], target->row->values[f]);
      row->pub.action = same ? NREM_CSV_ROW_UNCHANGED : NREM_CSV_ROW_UPDATE;
    }

  if (meeting_uuid != NULL)
    {
      g_autofree char *uuid = nrem_store_attendance_uuid (row->pub.uuid, meeting_uuid);
      g_autoptr(NremRow) existing = nrem_store_get_row (store, NREM_ENTITY_ATTENDANCE, uuid, NULL);

      if (existing == NULL || existing->deleted_at != 0)
        {
          row->pub.attendance = TRUE;
          row->attendance_status = g_strdup (row->status != NULL ? row->status : "invited");
          row->attendance_head = row->head > 0;
        }
      else
        {
          const char *status = row->status != NULL ? row->status : existing->values[2];
          gboolean head = row->head >= 0 ? row->head > 0 : g_strcmp0 (existing->values[3], "1") == 0;

          row->pub.attendance = g_strcmp0 (status, existing->values[2]) != 0 ||
                                head != (g_strcmp0 (existing->values[3], "1") == 0);
          row->attendance_status = g_strdup (status);
          row->attendance_head = head;
        }
      if (row->pub.attendance && row->pub.action == NREM_CSV_ROW_UNCHANGED)
        row->pub.action = NREM_CSV_ROW_UPDATE;
    }

  if (row->pub.blocking)
    row->pub.action = NREM_CSV_ROW_INVALID;
}

/**
 * nrem_participant_csv_plan:
 * @meeting_uuid: (nullable): the meeting the people are invited to
 *
 * Works out, for every row, what importing it would do and what is wrong with it. Returns
 * %FALSE only when the store cannot be read; problems of the file are in the rows and notes.
 */
gboolean
nrem_participant_csv_plan (NremParticipantCsv  *csv,
                           NremStore           *store,
                           const char          *meeting_uuid,
                           GError             **error)
{
  g_auto(Context) ctx = { NULL };
  g_autoptr(GHashTable) targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) emails = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gboolean has_name = FALSE, has_status = FALSE;

  g_clear_pointer (&csv->rows, g_ptr_array_unref);
  g_clear_pointer (&csv->notes, g_ptr_array_unref);
  csv->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) row_free);
  csv->notes = g_ptr_array_new_null_terminated (2, g_free, TRUE);
  csv->notes_block = FALSE;
  memset (csv->counts, 0, sizeof csv->counts);
  csv->n_blocking = 0;

  if (!load_context (&ctx, store, error))
    return FALSE;

  for (guint c = 0; c < csv->header->len; c++)
    {
      has_name |= csv->mapping[c] == NREM_CSV_FIELD_NAME ||
                  csv->mapping[c] == NREM_CSV_FIELD_GIVEN_NAME ||
                  csv->mapping[c] == NREM_CSV_FIELD_FAMILY_NAME;
      has_status |= csv->mapping[c] == NREM_CSV_FIELD_STATUS || csv->mapping[c] == NREM_CSV_FIELD_HEAD;
    }
  if (!has_name)
    {
      g_ptr_array_add (csv->notes, g_strdup (_("No column holds the names: choose which column is the Name")));
      csv->notes_block = TRUE;
    }
  if (has_status && meeting_uuid == NULL)
    g_ptr_array_add (csv->notes, g_strdup (_("The attendance columns are used only when the people "
                                             "are imported for a meeting")));

  for (guint i = 0; i < csv->records->len; i++)
    {
      Row *row = g_new0 (Row, 1);

      plan_row (csv, &ctx, meeting_uuid, store, targets, emails, i, row);
      g_ptr_array_add (csv->rows, row);
      csv->counts[row->pub.action]++;
      if (row->pub.blocking)
        csv->n_blocking++;
    }
  return TRUE;
}

guint
nrem_participant_csv_get_n_rows (NremParticipantCsv *csv)
{
  return csv->rows != NULL ? csv->rows->len : 0;
}

const NremCsvRow *
nrem_participant_csv_get_row (NremParticipantCsv *csv,
                              guint               index)
{
  g_return_val_if_fail (csv->rows != NULL && index < csv->rows->len, NULL);
  return &((Row *) g_ptr_array_index (csv->rows, index))->pub;
}

/**
 * nrem_participant_csv_get_notes:
 *
 * Returns: (transfer none): what concerns the whole file rather than a row, %NULL-terminated
 */
const char * const *
nrem_participant_csv_get_notes (NremParticipantCsv *csv)
{
  static const char * const none[] = { NULL };

  if (csv->notes == NULL || csv->notes->len == 0)
    return none;
  return (const char * const *) csv->notes->pdata;
}

guint
nrem_participant_csv_count (NremParticipantCsv *csv,
                            NremCsvRowAction    action)
{
  g_return_val_if_fail (action <= NREM_CSV_ROW_INVALID, 0);
  return csv->counts[action];
}

/* Returns: how many problems stop the import (rows, and the file as a whole) */
guint
nrem_participant_csv_get_n_blocking (NremParticipantCsv *csv)
{
  return csv->n_blocking + (csv->notes_block ? 1 : 0);
}

/**
 * nrem_participant_csv_list_problems:
 *
 * Returns: (transfer full): every problem as "line 4: …", the file's notes first
 */
GStrv
nrem_participant_csv_list_problems (NremParticipantCsv *csv,
                                    gboolean            blocking_only)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; csv->notes != NULL && i < csv->notes->len; i++)
    if (csv->notes->pdata[i] != NULL && (!blocking_only || (i == 0 && csv->notes_block)))
      g_strv_builder_add (builder, csv->notes->pdata[i]);
  for (guint i = 0; csv->rows != NULL && i < csv->rows->len; i++)
    {
      Row *row = g_ptr_array_index (csv->rows, i);

      if (blocking_only && !row->pub.blocking)
        continue;
      for (guint p = 0; p < row->pub.problems->len; p++)
        {
          g_autofree char *text = g_strdup_printf (_("line %u: %s"), row->pub.line,
                                                   (const char *) g_ptr_array_index (row->pub.problems, p));

          g_strv_builder_add (builder, text);
        }
    }
  return g_strv_builder_end (builder);
}

/**
 * nrem_participant_csv_describe_plan:
 *
 * Returns: (transfer full): "3 new, 2 updated, 1 unchanged"
 */
char *
nrem_participant_csv_describe_plan (NremParticipantCsv *csv)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

  if (csv->counts[NREM_CSV_ROW_NEW] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u new person", "%u new people",
                                                       csv->counts[NREM_CSV_ROW_NEW]),
                                             csv->counts[NREM_CSV_ROW_NEW]));
  if (csv->counts[NREM_CSV_ROW_UPDATE] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u updated", "%u updated",
                                                       csv->counts[NREM_CSV_ROW_UPDATE]),
                                             csv->counts[NREM_CSV_ROW_UPDATE]));
  if (csv->counts[NREM_CSV_ROW_UNCHANGED] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u unchanged", "%u unchanged",
                                                       csv->counts[NREM_CSV_ROW_UNCHANGED]),
                                             csv->counts[NREM_CSV_ROW_UNCHANGED]));
  if (csv->counts[NREM_CSV_ROW_INVALID] > 0)
    g_ptr_array_add (parts, g_strdup_printf (ngettext ("%u row to correct", "%u rows to correct",
                                                       csv->counts[NREM_CSV_ROW_INVALID]),
                                             csv->counts[NREM_CSV_ROW_INVALID]));
  g_ptr_array_add (parts, NULL);
  return g_strjoinv (", ", (char **) parts->pdata);
}

/* ------------------------------------------------------------------------------------------
 * Importing
 */

static gboolean
apply_row (NremStore   *store,
           Row         *row,
           const char  *meeting_uuid,
           GError     **error)
{
  const char *fields[P_N + 1];
  const char *values[P_N + 1];
  guint n = 0;

  for (guint f = 0; f < P_N; f++)
    if (row->values[f] != NULL)
      {
        fields[n] = participant_field_names[f];
        values[n] = row->values[f];
        n++;
      }
  fields[n] = NULL;
  values[n] = NULL;

  if (row->pub.action == NREM_CSV_ROW_NEW)
    {
      g_autofree char *uuid = nrem_store_create (store, NREM_ENTITY_PARTICIPANT, row->pub.uuid,
                                                 fields, values, error);

      if (uuid == NULL)
        return FALSE;
    }
  else if (row->pub.action == NREM_CSV_ROW_UPDATE &&
           !nrem_store_update (store, NREM_ENTITY_PARTICIPANT, row->pub.uuid, fields, values, error))
    return FALSE;

  if (meeting_uuid != NULL && row->pub.attendance &&
      !nrem_store_set_attendance (store, row->pub.uuid, meeting_uuid, row->attendance_status,
                                  row->attendance_head, error))
    return FALSE;
  return TRUE;
}

/**
 * nrem_participant_csv_apply:
 * @meeting_uuid: (nullable): the meeting the people are invited to
 * @result: (out caller-allocates): what was done
 *
 * Plans the import again against the store as it is now and, if no problem stops it, backs
 * the database up and imports every row in one transaction. Nothing is written otherwise.
 */
gboolean
nrem_participant_csv_apply (NremParticipantCsv  *csv,
                            NremStore           *store,
                            const char          *meeting_uuid,
                            NremCsvResult       *result,
                            GError             **error)
{
  memset (result, 0, sizeof *result);

  if (meeting_uuid != NULL && !nrem_store_has_record (store, NREM_ENTITY_MEETING, meeting_uuid))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND, _("There is no meeting with the uuid %s."),
                   meeting_uuid);
      return FALSE;
    }
  if (!nrem_participant_csv_plan (csv, store, meeting_uuid, error))
    return FALSE;
  if (nrem_participant_csv_get_n_blocking (csv) > 0)
    {
      g_auto(GStrv) problems = nrem_participant_csv_list_problems (csv, TRUE);
      guint n = g_strv_length (problems);
      g_autoptr(GString) message = g_string_new (NULL);

      g_string_printf (message,
                       ngettext ("%s: nothing was imported; correct this problem first:",
                                 "%s: nothing was imported; correct these %u problems first:", n),
                       csv->display_name, n);
      for (guint i = 0; i < n && i < 10; i++)
        g_string_append_printf (message, "\n  %s", problems[i]);
      if (n > 10)
        g_string_append_printf (message, "\n  %s", _("…"));
      g_set_error_literal (error, NREM_ERROR, NREM_ERROR_INVALID_FILE, message->str);
      return FALSE;
    }

  if (csv->counts[NREM_CSV_ROW_NEW] + csv->counts[NREM_CSV_ROW_UPDATE] == 0)
    {
      result->unchanged = csv->counts[NREM_CSV_ROW_UNCHANGED];
      return TRUE;
    }

  if (!nrem_store_backup (store, "before-csv-import", &result->backup_path, error))
    return FALSE;
  if (!nrem_store_begin (store, error))
    return FALSE;
  for (guint i = 0; i < csv->rows->len; i++)
    {
      Row *row = g_ptr_array_index (csv->rows, i);

      if (!apply_row (store, row, meeting_uuid, error))
        {
          nrem_store_rollback (store);
          g_prefix_error (error, _("%s: line %u: nothing was imported: "), csv->display_name, row->pub.line);
          return FALSE;
        }
      if (row->pub.attendance)
        result->attendances++;
    }
  if (!nrem_store_commit (store, error))
    return FALSE;

  result->added = csv->counts[NREM_CSV_ROW_NEW];
  result->updated = csv->counts[NREM_CSV_ROW_UPDATE];
  result->unchanged = csv->counts[NREM_CSV_ROW_UNCHANGED];
  return TRUE;
}

void
nrem_csv_result_clear (NremCsvResult *result)
{
  g_clear_pointer (&result->backup_path, g_free);
}

/**
 * nrem_csv_result_describe:
 *
 * Returns: (transfer full): "Imported 12 people: 10 new, 2 updated"
 */
char *
nrem_csv_result_describe (const NremCsvResult *result)
{
  guint total = result->added + result->updated;

  if (total == 0)
    return g_strdup (_("Nothing to import: everyone in the file is already up to date"));
  return g_strdup_printf (ngettext ("Imported %u person: %u new, %u updated, %u unchanged",
                                    "Imported %u people: %u new, %u updated, %u unchanged", total),
                          total, result->added, result->updated, result->unchanged);
}
