/* nrem-participant-export.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-participants"

#include "config.h"

#include "nrem-participant-export.h"
#include "nrem-csv.h"
#include "nrem-error.h"
#include "nrem-participant-check.h"
#include "nrem-participant-query.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <string.h>

#define VCARD_LINE_OCTETS 75

/**
 * nrem_participants_collect:
 * @model: a list of #NremParticipantItem (the filtered, sorted list)
 *
 * Returns: (transfer full) (element-type NremParticipantItem): the items, in order
 */
GPtrArray *
nrem_participants_collect (GListModel *model)
{
  guint n = g_list_model_get_n_items (model);
  GPtrArray *items = g_ptr_array_new_full (n, g_object_unref);

  for (guint i = 0; i < n; i++)
    g_ptr_array_add (items, g_list_model_get_item (model, i));
  return items;
}

static gboolean
write_file (const char  *path,
            const char  *data,
            gsize        length,
            GError     **error)
{
  g_autoptr(GError) local = NULL;

  /* lists of people and their contacts: readable by their owner only */
  if (!g_file_set_contents_full (path, data, (gssize) length, G_FILE_SET_CONTENTS_CONSISTENT,
                                 0600, &local))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("Cannot write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

/* ------------------------------------------------------------------------------------------
 * vCard 4.0
 */

/**
 * nrem_vcard_append_text:
 *
 * Appends @text as a vCard text value: backslash, comma and semicolon escaped, line breaks
 * written as "\n" (RFC 6350, 3.4).
 */
void
nrem_vcard_append_text (GString    *out,
                        const char *text)
{
  for (const char *p = text; p != NULL && *p != '\0'; p++)
    {
      switch (*p)
        {
        case '\\':
          g_string_append (out, "\\\\");
          break;
        case ',':
          g_string_append (out, "\\,");
          break;
        case ';':
          g_string_append (out, "\\;");
          break;
        case '\r':
          if (p[1] != '\n')
            g_string_append (out, "\\n");
          break;
        case '\n':
          g_string_append (out, "\\n");
          break;
        default:
          /* other control characters have no place in a vCard */
          if ((guchar) *p >= 0x20 || *p == '\t')
            g_string_append_c (out, *p);
          break;
        }
    }
}

/**
 * nrem_vcard_append_line:
 * @line: a content line without its line break
 *
 * Appends @line folded to lines of at most 75 octets (RFC 6350, 3.2): each continuation
 * starts with a space, and no UTF-8 character is split. Lines end with CRLF.
 */
void
nrem_vcard_append_line (GString    *out,
                        const char *line)
{
  gsize octets = 0;
  const char *p = line;

  while (*p != '\0')
    {
      const char *next = g_utf8_next_char (p);
      gsize len = (gsize) (next - p);

      if (octets + len > VCARD_LINE_OCTETS)
        {
          g_string_append (out, "\r\n ");
          octets = 1;
        }
      g_string_append_len (out, p, (gssize) len);
      octets += len;
      p = next;
    }
  g_string_append (out, "\r\n");
}

static gboolean
is_particle (const char *word)
{
  static const char * const particles[] = {
    "van", "von", "der", "den", "de", "du", "da", "dos", "das", "del", "della", "di", "le",
    "la", "bin", "binti", "ibn", "al", "el", "ter", "ten", "zu", "st.", NULL
  };
  g_autofree char *lower = g_utf8_strdown (word, -1);

  return g_strv_contains (particles, lower);
}

/**
 * nrem_vcard_split_name:
 * @given: (out): the given names
 * @family: (out): the family name
 *
 * A guess for the structured name of a vCard: the last word is the family name, with the
 * particles before it ("van den Berg", "du Plessis"). The formatted name (FN) stays the
 * name as written, which is what address books show.
 */
void
nrem_vcard_split_name (const char  *name,
                       char       **given,
                       char       **family)
{
  g_auto(GStrv) words = g_strsplit_set (name != NULL ? name : "", " \t", -1);
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  guint split;

  for (guint i = 0; words[i] != NULL; i++)
    if (words[i][0] != '\0')
      g_ptr_array_add (parts, words[i]);
  if (parts->len == 0)
    {
      *given = g_strdup ("");
      *family = g_strdup ("");
      return;
    }
  split = parts->len - 1;
  while (split > 1 && is_particle (g_ptr_array_index (parts, split - 1)))
    split--;
  g_ptr_array_add (parts, NULL);
  {
    char *last = parts->pdata[split];

    parts->pdata[split] = NULL;
    *given = g_strjoinv (" ", (char **) parts->pdata);
    parts->pdata[split] = last;
    *family = g_strjoinv (" ", (char **) parts->pdata + split);
  }
}

static void
property (GString    *out,
          const char *name,
          const char *value)
{
  g_autoptr(GString) line = NULL;

  if (value == NULL || value[0] == '\0')
    return;
  line = g_string_new (name);
  g_string_append_c (line, ':');
  nrem_vcard_append_text (line, value);
  nrem_vcard_append_line (out, line->str);
}

void
nrem_participants_append_vcard (GString             *out,
                                NremParticipantItem *item)
{
  const NremParticipantInfo *info = nrem_participant_item_get_info (item);
  const NremRow *row = info->row;
  const char *name = nrem_participant_item_get_name (item);
  const char *organisation = nrem_row_get (row, "organisation");
  const char *phone = nrem_row_get (row, "phone");
  const char *country = nrem_participant_item_get_country_name (item);
  const char *languages = nrem_row_get (row, "languages");
  const char *notes = nrem_row_get (row, "notes");
  g_autofree char *given = NULL;
  g_autofree char *family = NULL;
  g_autoptr(GString) line = g_string_new (NULL);
  g_autoptr(GDateTime) rev = g_date_time_new_from_unix_utc (row->updated_at / 1000);

  nrem_vcard_append_line (out, "BEGIN:VCARD");
  nrem_vcard_append_line (out, "VERSION:4.0");
  g_string_printf (line, "UID:urn:uuid:%s", row->uuid);
  nrem_vcard_append_line (out, line->str);
  nrem_vcard_append_line (out, "KIND:individual");
  property (out, "FN", name != NULL ? name : "");

  nrem_vcard_split_name (name, &given, &family);
  g_string_assign (line, "N:");
  nrem_vcard_append_text (line, family);
  g_string_append_c (line, ';');
  nrem_vcard_append_text (line, given);
  g_string_append (line, ";;");
  nrem_vcard_append_text (line, nrem_row_get (row, "honorific"));
  g_string_append_c (line, ';');
  nrem_vcard_append_line (out, line->str);

  property (out, "TITLE", nrem_row_get (row, "position"));
  property (out, "ROLE", nrem_participant_role_label (nrem_participant_item_get_role (item)));
  property (out, "ORG", organisation);
  if (info->mechanism_name != NULL && g_strcmp0 (info->mechanism_name, organisation) != 0)
    property (out, "ORG", info->mechanism_name);
  property (out, "EMAIL;TYPE=work", nrem_row_get (row, "email"));
  if (phone != NULL)
    {
      g_autofree char *uri = nrem_participant_phone_to_uri (phone);

      if (uri != NULL)
        {
          g_string_printf (line, "TEL;TYPE=work;VALUE=uri:%s", uri);
          nrem_vcard_append_line (out, line->str);
        }
      else
        property (out, "TEL;TYPE=work;VALUE=text", phone);
    }
  if (country != NULL)
    {
      /* post office box; extended; street; locality; region; code; country */
      g_string_assign (line, "ADR;TYPE=work:;;;;;;");
      nrem_vcard_append_text (line, country);
      nrem_vcard_append_line (out, line->str);
    }
  if (languages != NULL || notes != NULL)
    {
      g_autoptr(GString) note = g_string_new (NULL);

      if (languages != NULL)
        g_string_append_printf (note, _("Languages: %s"), languages);
      if (languages != NULL && notes != NULL)
        g_string_append_c (note, '\n');
      if (notes != NULL)
        g_string_append (note, notes);
      property (out, "NOTE", note->str);
    }
  if (rev != NULL)
    {
      g_autofree char *stamp = g_date_time_format (rev, "%Y%m%dT%H%M%SZ");

      g_string_printf (line, "REV:%s", stamp);
      nrem_vcard_append_line (out, line->str);
    }
  nrem_vcard_append_line (out, "END:VCARD");
}

/**
 * nrem_participants_to_vcard:
 * @items: (element-type NremParticipantItem)
 *
 * Returns: (transfer full): one vCard 4.0 per person, with contact details
 */
char *
nrem_participants_to_vcard (GPtrArray *items)
{
  GString *out = g_string_sized_new (512 * items->len + 1);

  for (guint i = 0; i < items->len; i++)
    nrem_participants_append_vcard (out, g_ptr_array_index (items, i));
  return g_string_free (out, FALSE);
}

gboolean
nrem_participants_write_vcard (GPtrArray   *items,
                               const char  *path,
                               GError     **error)
{
  g_autofree char *text = nrem_participants_to_vcard (items);

  return write_file (path, text, strlen (text), error);
}

/* ------------------------------------------------------------------------------------------
 * CSV
 */

/**
 * nrem_participants_to_csv:
 * @items: (element-type NremParticipantItem)
 * @meeting_uuid: (nullable): adds the attendance at this meeting
 *
 * Returns: (transfer full): the list as CSV (UTF-8 with BOM, so that spreadsheets know it;
 * CRLF; cells that would start a formula neutralised). Its header is English so that the
 * import recognises every column.
 */
char *
nrem_participants_to_csv (GPtrArray  *items,
                          const char *meeting_uuid)
{
  static const char * const header[] = {
    "Name", "Honorific", "Position", "Organisation", "Mechanism", "Country", "Region", "Role",
    "E-mail", "Phone", "Languages", "Notes", "UUID", "Attendance status", "Head of delegation",
  };
  guint n_columns = meeting_uuid != NULL ? G_N_ELEMENTS (header) : G_N_ELEMENTS (header) - 2;
  GString *out = g_string_new ("\xef\xbb\xbf");

  nrem_csv_append_row (out, header, n_columns, ',');
  for (guint i = 0; i < items->len; i++)
    {
      NremParticipantItem *item = g_ptr_array_index (items, i);
      const NremParticipantInfo *info = nrem_participant_item_get_info (item);
      const NremRow *row = info->row;
      const char *status = NULL;
      gboolean head = FALSE;
      const char *cells[G_N_ELEMENTS (header)];

      if (meeting_uuid != NULL)
        nrem_participant_item_get_attendance (item, meeting_uuid, &status, &head);
      cells[0] = nrem_row_get (row, "name");
      cells[1] = nrem_row_get (row, "honorific");
      cells[2] = nrem_row_get (row, "position");
      cells[3] = nrem_row_get (row, "organisation");
      cells[4] = info->mechanism_name;
      cells[5] = nrem_participant_item_get_country_name (item);
      cells[6] = info->region;
      cells[7] = nrem_participant_role_label (nrem_participant_item_get_role (item));
      cells[8] = nrem_row_get (row, "email");
      cells[9] = nrem_row_get (row, "phone");
      cells[10] = nrem_row_get (row, "languages");
      cells[11] = nrem_row_get (row, "notes");
      cells[12] = row->uuid;
      cells[13] = status;
      cells[14] = status != NULL ? (head ? "yes" : "no") : NULL;
      nrem_csv_append_row (out, cells, n_columns, ',');
    }
  return g_string_free (out, FALSE);
}

gboolean
nrem_participants_write_csv (GPtrArray   *items,
                             const char  *meeting_uuid,
                             const char  *path,
                             GError     **error)
{
  g_autofree char *text = nrem_participants_to_csv (items, meeting_uuid);

  return write_file (path, text, strlen (text), error);
}

/* ------------------------------------------------------------------------------------------
 * The printed list
 */

/**
 * nrem_participants_build_document:
 * @items: (element-type NremParticipantItem)
 * @subtitle: (nullable): what the list is ("Bangkok 2014 · Region: Asia")
 * @with_contacts: whether e-mail and phone are printed
 *
 * Returns: (transfer full): the list as a document: name, title, organisation, country
 */
NremDocument *
nrem_participants_build_document (GPtrArray  *items,
                                  const char *title,
                                  const char *subtitle,
                                  gboolean    with_contacts)
{
  static const double plain[] = { 0.26, 0.26, 0.28, 0.20 };
  static const double contacts[] = { 0.18, 0.16, 0.18, 0.14, 0.22, 0.12 };
  const char *header[] = { _("Name"), _("Title"), _("Organisation"), _("Country"),
                           _("E-mail"), _("Phone") };
  const double *widths = with_contacts ? contacts : plain;
  guint n_cells = with_contacts ? 6 : 4;
  NremDocument *doc = nrem_document_new (title);
  g_autoptr(GHashTable) countries = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *count = NULL;

  for (guint i = 0; i < items->len; i++)
    {
      const char *code = nrem_participant_item_get_country (g_ptr_array_index (items, i));

      if (code != NULL)
        g_hash_table_add (countries, (gpointer) code);
    }
  count = nrem_participants_describe_count (items->len, g_hash_table_size (countries));

  nrem_document_add_heading (doc, 1, title);
  if (subtitle != NULL && subtitle[0] != '\0')
    nrem_document_add_paragraph (doc, subtitle, NULL, 0);
  nrem_document_add_paragraph (doc, count, NULL, 0);
  nrem_document_add_space (doc, 8);
  nrem_document_add_row (doc, header, widths, n_cells, TRUE);

  for (guint i = 0; i < items->len; i++)
    {
      NremParticipantItem *item = g_ptr_array_index (items, i);
      const NremRow *row = nrem_participant_item_get_info (item)->row;
      const char *honorific = nrem_row_get (row, "honorific");
      g_autofree char *name = honorific != NULL
        ? g_strdup_printf ("%s %s", honorific, nrem_participant_item_get_name (item))
        : g_strdup (nrem_participant_item_get_name (item));
      const char *cells[6] = {
        name,
        nrem_row_get (row, "position"),
        nrem_participant_item_get_affiliation (item),
        nrem_participant_item_get_country_name (item),
        nrem_row_get (row, "email"),
        nrem_row_get (row, "phone"),
      };

      nrem_document_add_row (doc, cells, widths, n_cells, FALSE);
    }
  return doc;
}

gboolean
nrem_participants_write_pdf (GPtrArray   *items,
                             const char  *title,
                             const char  *subtitle,
                             gboolean     with_contacts,
                             const char  *path,
                             GError     **error)
{
  g_autoptr(NremDocument) doc = nrem_participants_build_document (items, title, subtitle, with_contacts);

  return nrem_document_write_pdf (doc, path, error);
}
