/* nrem-ui-text.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-ui"

#include "config.h"

#include "nrem-ui-text.h"
#include "nrem-time.h"

#include <glib/gi18n.h>
#include <string.h>

/**
 * nrem_ui_entity_name:
 *
 * The entity as people call a collection of it: "Participants".
 */
const char *
nrem_ui_entity_name (NremEntityKind kind)
{
  switch (kind)
    {
    case NREM_ENTITY_COUNTRY:
      return _("Countries");
    case NREM_ENTITY_MEETING:
      return _("Meetings");
    case NREM_ENTITY_MECHANISM:
      return _("Mechanisms");
    case NREM_ENTITY_PARTICIPANT:
      return _("Participants");
    case NREM_ENTITY_ATTENDANCE:
      return _("Invitations and Attendance");
    case NREM_ENTITY_SESSION:
      return _("Sessions");
    case NREM_ENTITY_DIMENSION:
      return _("Mandate Dimensions");
    case NREM_ENTITY_ASSESSMENT:
      return _("Mandate Assessments");
    case NREM_ENTITY_RECOMMENDATION:
      return _("Recommendations");
    case NREM_ENTITY_REVISION:
      return _("Recommendation Revisions");
    case NREM_N_ENTITIES:
    default:
      return "";
    }
}

/**
 * nrem_ui_entity_singular:
 *
 * One record of the entity, lower case, to go into a sentence: "participant".
 */
const char *
nrem_ui_entity_singular (NremEntityKind kind)
{
  switch (kind)
    {
    case NREM_ENTITY_COUNTRY:
      return _("country");
    case NREM_ENTITY_MEETING:
      return _("meeting");
    case NREM_ENTITY_MECHANISM:
      return _("mechanism");
    case NREM_ENTITY_PARTICIPANT:
      return _("participant");
    case NREM_ENTITY_ATTENDANCE:
      return _("attendance");
    case NREM_ENTITY_SESSION:
      return _("session");
    case NREM_ENTITY_DIMENSION:
      return _("mandate dimension");
    case NREM_ENTITY_ASSESSMENT:
      return _("mandate assessment");
    case NREM_ENTITY_RECOMMENDATION:
      return _("recommendation");
    case NREM_ENTITY_REVISION:
      return _("revision");
    case NREM_N_ENTITIES:
    default:
      return "";
    }
}

static const struct
{
  const char *field;
  const char *label;
} field_names[] = {
  { "title", N_("Title") },
  { "short_title", N_("Short title") },
  { "city", N_("City") },
  { "country", N_("Country") },
  { "venue", N_("Venue") },
  { "start_date", N_("Start date") },
  { "end_date", N_("End date") },
  { "time_zone", N_("Time zone") },
  { "convenors", N_("Convenors") },
  { "language", N_("Language") },
  { "objectives", N_("Objectives") },
  { "expected_outcome", N_("Expected outcome") },
  { "name", N_("Name") },
  { "code", N_("Code") },
  { "region", N_("Region") },
  { "subregion", N_("Sub-region") },
  { "m49", N_("UN M49 code") },
  { "type", N_("Type") },
  { "reference", N_("Reference profile") },
  { "legal_basis", N_("Legal basis") },
  { "established", N_("Established") },
  { "host_body", N_("Host body") },
  { "website", N_("Website") },
  { "notes", N_("Notes") },
  { "honorific", N_("Honorific") },
  { "position", N_("Position") },
  { "organisation", N_("Organisation") },
  { "mechanism", N_("Mechanism") },
  { "role", N_("Role") },
  { "email", N_("E-mail") },
  { "phone", N_("Phone") },
  { "languages", N_("Languages") },
  { "participant", N_("Participant") },
  { "meeting", N_("Meeting") },
  { "status", N_("Status") },
  { "head_of_delegation", N_("Head of delegation") },
  { "day", N_("Day") },
  { "start_time", N_("Start time") },
  { "end_time", N_("End time") },
  { "kind", N_("Kind") },
  { "description", N_("Description") },
  { "room", N_("Room") },
  { "chair", N_("Chair") },
  { "rapporteur", N_("Rapporteur") },
  { "speakers", N_("Speakers") },
  { "key", N_("Key") },
  { "group", N_("Group") },
  { "label", N_("Label") },
  { "definition", N_("Definition") },
  { "value_type", N_("Type of value") },
  { "options", N_("Options") },
  { "source", N_("Source") },
  { "dimension", N_("Dimension") },
  { "value", N_("Value") },
  { "note", N_("Note") },
  { "as_of", N_("As of") },
  { "theme", N_("Theme") },
  { "addressees", N_("Addressees") },
  { "session", N_("Session") },
  { "merged_into", N_("Merged into") },
  { "proposer", N_("Proposer") },
  { "supporters", N_("Supporters") },
  { "bracketed", N_("Bracketed") },
  { "alternative", N_("Alternative") },
  { "text", N_("Text") },
  { "recommendation", N_("Recommendation") },
  { "parent", N_("Previous revision") },
  { "author", N_("Author") },
  { "author_name", N_("Author name") },
  { "created_at", N_("Created") },
};

/**
 * nrem_ui_field_name:
 *
 * The label of a field of the exchange format ("start_date" → "Start date"); the field's own
 * name when it has none.
 */
const char *
nrem_ui_field_name (const char *field)
{
  for (guint i = 0; i < G_N_ELEMENTS (field_names); i++)
    if (g_strcmp0 (field_names[i].field, field) == 0)
      return _(field_names[i].label);
  return field;
}

/**
 * nrem_ui_merge_counts_describe:
 *
 * "96 new, 2 changed, 10 unchanged, 1 conflict" — the parts that are not zero.
 */
char *
nrem_ui_merge_counts_describe (const NremMergeCounts *counts)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char **strv = NULL;

  if (counts->added > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u new", "%'u new",
                                                          counts->added), counts->added));
  if (counts->updated > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u changed",
                                                          "%'u changed", counts->updated),
                                             counts->updated));
  if (counts->unchanged > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u unchanged",
                                                          "%'u unchanged", counts->unchanged),
                                             counts->unchanged));
  if (counts->conflicts > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%'u conflict",
                                                          "%'u conflicts", counts->conflicts),
                                             counts->conflicts));
  if (parts->len == 0)
    return g_strdup (_("nothing"));

  g_ptr_array_add (parts, NULL);
  /* translators: the separator of "96 new, 2 changed, 1 conflict" */
  return g_strjoinv (_(", "), (char **) parts->pdata);
}

/**
 * nrem_ui_import_preview_body:
 *
 * What merging a file would do, in sentences, for the question asked before it is merged.
 */
char *
nrem_ui_import_preview_body (const NremImportReport *report)
{
  GString *out = g_string_new (NULL);
  const NremMergeCounts *t = &report->total;
  guint records = t->added + t->updated + t->unchanged;

  if (t->added + t->updated == 0)
    g_string_append_printf (out,
                            g_dngettext (GETTEXT_PACKAGE,
                                         "The file holds %'u record, and this computer already has it. Nothing would change.",
                                         "The file holds %'u records, and this computer already has all of them. Nothing would change.",
                                         records),
                            records);
  else
    {
      g_autofree char *counts = nrem_ui_merge_counts_describe (t);

      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "The file holds %'u record: %s.",
                                           "The file holds %'u records: %s.", records),
                              records, counts);
      g_string_append (out, " ");
      g_string_append (out, _("The database is backed up before anything is written."));
    }

  if (t->conflicts > 0)
    {
      g_string_append (out, "\n\n");
      g_string_append_printf (out,
                              g_dngettext (GETTEXT_PACKAGE,
                                           "%'u record was changed both here and in the file. The later change is kept; you can review the other one afterwards.",
                                           "%'u records were changed both here and in the file. The later change of each is kept; you can review the others afterwards.",
                                           t->conflicts),
                              t->conflicts);
    }
  return g_string_free (out, FALSE);
}

/**
 * nrem_ui_import_result_title:
 *
 * The line that confirms a merge: "Imported: 96 new, 2 changed. Backup: nrem-desk-….db"
 */
char *
nrem_ui_import_result_title (const NremImportReport *report)
{
  NremMergeCounts changes = report->total;
  g_autofree char *counts = NULL;
  g_autofree char *backup = NULL;

  /* what stayed the same is no news after the fact */
  changes.unchanged = 0;
  if (changes.added + changes.updated + changes.conflicts == 0)
    return g_strdup (_("Imported: nothing was new"));

  counts = nrem_ui_merge_counts_describe (&changes);
  if (report->backup_path == NULL)
    return g_strdup_printf (_("Imported: %s"), counts);

  backup = g_path_get_basename (report->backup_path);
  return g_strdup_printf (_("Imported: %s. Backup: %s"), counts, backup);
}

static char *
slugify (const char *text)
{
  g_autofree char *ascii = g_str_to_ascii (text, "C");
  GString *out = g_string_new (NULL);
  gboolean dash = FALSE;

  for (const char *p = ascii; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p))
        {
          if (dash && out->len > 0)
            g_string_append_c (out, '-');
          g_string_append_c (out, g_ascii_tolower (*p));
          dash = FALSE;
        }
      else
        dash = TRUE;
      if (out->len >= 48)
        break;
    }
  return g_string_free (out, FALSE);
}

/**
 * nrem_ui_export_suggested_name:
 * @meeting: (nullable): the meeting of a meeting export, %NULL for the whole database
 *
 * "bangkok-2014.nrem-desk.json", "nrem-desk-2024-05-01.json".
 */
char *
nrem_ui_export_suggested_name (NremMeeting *meeting,
                               GDateTime   *now)
{
  if (meeting != NULL)
    {
      const char *name = nrem_record_get_string (NREM_RECORD (meeting), "short_title");
      g_autofree char *slug = NULL;

      if (name == NULL || name[0] == '\0')
        name = nrem_record_get_string (NREM_RECORD (meeting), "title");
      slug = slugify (name != NULL ? name : "");
      if (slug[0] != '\0')
        return g_strdup_printf ("%s.nrem-desk.json", slug);
    }
  {
    g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");

    return g_strdup_printf ("nrem-desk-%s.json", date);
  }
}

/**
 * nrem_ui_check_date:
 *
 * Returns: (nullable): why @text is not a date written YYYY-MM-DD, or %NULL when it is one
 */
char *
nrem_ui_check_date (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return g_strdup (_("A date is needed"));
  if (!nrem_date_is_valid (text))
    return g_strdup (_("Use the form YYYY-MM-DD"));
  return NULL;
}

/**
 * nrem_ui_check_country_code:
 *
 * Returns: (nullable): why @text is not an ISO 3166-1 alpha-2 code in form (whether the
 *   country is known is for the store to say), or %NULL
 */
char *
nrem_ui_check_country_code (const char *text)
{
  if (text == NULL || text[0] == '\0')
    return NULL;
  if (strlen (text) != 2 || !g_ascii_isalpha (text[0]) || !g_ascii_isalpha (text[1]))
    return g_strdup (_("Two letters, such as TH"));
  return NULL;
}

/**
 * nrem_ui_check_time_zone:
 * @offset_label: (out) (optional): the zone's current offset, "UTC+07:00"
 *
 * Returns: (nullable): why @text is not a time zone this computer knows, or %NULL
 */
char *
nrem_ui_check_time_zone (const char  *text,
                         char       **offset_label)
{
  g_autoptr(GTimeZone) tz = NULL;

  if (text == NULL || text[0] == '\0')
    return g_strdup (_("A time zone is needed"));
  tz = g_time_zone_new_identifier (text);
  if (tz == NULL)
    return g_strdup (_("Not a known time zone"));
  if (offset_label != NULL)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now (tz);
      g_autofree char *offset = g_date_time_format (now, "%:z");

      *offset_label = g_strdup_printf ("UTC%s", offset);
    }
  return NULL;
}
