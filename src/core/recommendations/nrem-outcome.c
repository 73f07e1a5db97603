/* nrem-outcome.c
 *
 * The document is built once from the store into a small model (the meeting's particulars,
 * then paragraphs with their number, section and subparagraphs), which each writer walks.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "nrem-outcome"

#include "config.h"

#include "nrem-outcome.h"
#include "nrem-numbering.h"
#include "nrem-record.h"
#include "nrem-store-recommendations.h"
#include "nrem-zip-writer.h"
#include "nrem-error.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

typedef struct
{
  char      *number;         /* "12", "3 bis" */
  gboolean   alternative;
  GPtrArray *subs;           /* NremSubparagraph */
  char      *note;           /* negotiation: status and proposer */
  char      *section;        /* on the first paragraph of a section: its heading, "A. …" */
} Paragraph;

struct _NremOutcome
{
  NremOutcomeVersion  version;
  NremGrouping        grouping;
  char               *title;
  char               *short_title;
  char               *particulars;   /* "Bangkok, Thailand, 21–22 May 2014" */
  char               *venue;
  char               *heading;       /* the chapter: "I. Recommendations" */
  char               *stamp;         /* negotiation: as of when, and how to read it */
  GPtrArray          *paragraphs;
};

static void
paragraph_free (Paragraph *p)
{
  g_free (p->number);
  g_clear_pointer (&p->subs, g_ptr_array_unref);
  g_free (p->note);
  g_free (p->section);
  g_free (p);
}

void
nrem_outcome_free (NremOutcome *outcome)
{
  if (outcome == NULL)
    return;
  g_free (outcome->title);
  g_free (outcome->short_title);
  g_free (outcome->particulars);
  g_free (outcome->venue);
  g_free (outcome->heading);
  g_free (outcome->stamp);
  g_clear_pointer (&outcome->paragraphs, g_ptr_array_unref);
  g_free (outcome);
}

NremOutcomeFormat
nrem_outcome_format_for_path (const char *path)
{
  g_autofree char *lower = g_ascii_strdown (path != NULL ? path : "", -1);

  if (g_str_has_suffix (lower, ".pdf"))
    return NREM_OUTCOME_FORMAT_PDF;
  if (g_str_has_suffix (lower, ".md") || g_str_has_suffix (lower, ".markdown"))
    return NREM_OUTCOME_FORMAT_MARKDOWN;
  if (g_str_has_suffix (lower, ".odt"))
    return NREM_OUTCOME_FORMAT_ODT;
  return NREM_OUTCOME_FORMAT_UNKNOWN;
}

/**
 * nrem_outcome_stored_grouping:
 *
 * The grouping the pane last showed, which exports from the command line follow: by theme
 * unless the user chose otherwise.
 */
NremGrouping
nrem_outcome_stored_grouping (NremStore *store)
{
  g_autofree char *value = nrem_store_get_meta (store, NREM_OUTCOME_GROUPING_META);

  return nrem_grouping_from_string (value);
}

guint
nrem_outcome_get_n_paragraphs (NremOutcome *outcome)
{
  return outcome->paragraphs->len;
}

const char *
nrem_outcome_get_title (NremOutcome *outcome)
{
  return outcome->title;
}

static const NremRow *
entry_row (gconstpointer item)
{
  return ((const NremRecommendationEntry *) item)->row;
}

/* Negotiation: a paragraph marked as bracketed whose text carries no bracket of its own
 * stands in brackets as a whole. Clean: no bracket stays. */
static void
shape_subparagraphs (GPtrArray          *subs,
                     const NremRow      *row,
                     NremOutcomeVersion  version)
{
  if (version == NREM_OUTCOME_CLEAN)
    {
      for (guint i = 0; i < subs->len; i++)
        {
          NremSubparagraph *s = g_ptr_array_index (subs, i);
          char *bare = nrem_text_strip_brackets (s->text);

          g_free (s->text);
          s->text = bare;
        }
      return;
    }
  if (subs->len > 0 && g_strcmp0 (nrem_row_get (row, "bracketed"), "1") == 0 &&
      !nrem_text_has_brackets (nrem_row_get (row, "text")))
    {
      NremSubparagraph *first = g_ptr_array_index (subs, 0);
      NremSubparagraph *last = g_ptr_array_index (subs, subs->len - 1);
      char *t;

      t = g_strconcat ("[", first->text, NULL);
      g_free (first->text);
      first->text = t;
      t = g_strconcat (last->text, "]", NULL);
      g_free (last->text);
      last->text = t;
    }
}

static char *
negotiation_note (const NremRecommendationEntry *e,
                  GHashTable                    *numbers)
{
  const NremRow *row = e->row;
  const char *status = nrem_row_get (row, "status");
  GString *note = g_string_new (nrem_recommendation_status_label (status));
  g_auto(GStrv) supporters = nrem_json_array_parse (nrem_row_get (row, "supporters"));
  guint n_supporters = g_strv_length (supporters);

  if (g_strcmp0 (status, "merged") == 0)
    {
      const char *target = g_hash_table_lookup (numbers, nrem_row_get (row, "merged_into"));

      g_string_truncate (note, 0);
      if (target != NULL && target[0] != '\0')
        g_string_append_printf (note, _("Merged into paragraph %s"), target);
      else
        g_string_append (note, _("Merged into another recommendation"));
    }
  if (e->proposer_name != NULL)
    {
      g_string_append (note, ". ");
      g_string_append_printf (note, _("Proposed by %s"), e->proposer_name);
    }
  if (n_supporters > 0)
    {
      g_string_append (note, e->proposer_name != NULL ? ", " : ". ");
      g_string_append_printf (note, g_dngettext (GETTEXT_PACKAGE, "supported by %u participant",
                                                 "supported by %u participants", n_supporters),
                              n_supporters);
    }
  g_string_append_c (note, '.');
  return g_string_free (note, FALSE);
}

/**
 * nrem_outcome_new:
 *
 * Reads a meeting's recommendations into the document of the given version.
 */
NremOutcome *
nrem_outcome_new (NremStore           *store,
                  const char          *meeting_uuid,
                  NremOutcomeVersion   version,
                  NremGrouping         grouping,
                  GError             **error)
{
  g_autoptr(NremOutcome) outcome = g_new0 (NremOutcome, 1);
  g_autoptr(NremRow) meeting_row = NULL;
  g_autoptr(NremRecord) meeting = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  g_autofree NremNumberingItem *items = NULL;
  g_autofree NremNumber *assigned = NULL;
  g_autofree char *previous_key = NULL;
  gboolean first = TRUE;
  guint section_index = 0;

  meeting_row = nrem_store_get_row (store, NREM_ENTITY_MEETING, meeting_uuid, error);
  if (meeting_row == NULL || meeting_row->deleted_at != 0)
    {
      if (error != NULL && *error == NULL)
        g_set_error (error, NREM_ERROR, NREM_ERROR_NOT_FOUND,
                     _("There is no meeting with the uuid %s."), meeting_uuid);
      return NULL;
    }
  entries = nrem_store_list_recommendations (store, meeting_uuid, error);
  if (entries == NULL)
    return NULL;

  outcome->version = version;
  outcome->grouping = grouping;
  meeting = nrem_record_new_for_row (meeting_row);
  outcome->title = g_strdup (nrem_row_get (meeting_row, "title"));
  outcome->short_title = g_strdup (nrem_row_get (meeting_row, "short_title"));
  if (nrem_row_get (meeting_row, "venue") != NULL)
    outcome->venue = g_strdup_printf (_("Venue: %s"), nrem_row_get (meeting_row, "venue"));
  {
    g_autofree char *dates = nrem_meeting_dup_dates_label (NREM_MEETING (meeting));
    g_autofree char *country = nrem_store_dup_country_name (store, nrem_row_get (meeting_row, "country"));
    const char *city = nrem_row_get (meeting_row, "city");
    g_autoptr(GPtrArray) parts = g_ptr_array_new ();

    if (city != NULL)
      g_ptr_array_add (parts, (gpointer) city);
    if (country != NULL)
      g_ptr_array_add (parts, country);
    if (dates != NULL && dates[0] != '\0')
      g_ptr_array_add (parts, dates);
    g_ptr_array_add (parts, NULL);
    outcome->particulars = g_strjoinv (", ", (char **) parts->pdata);
  }
  {
    const char *chapter = version == NREM_OUTCOME_CLEAN ? _("Recommendations")
                                                        : _("Draft recommendations (negotiation text)");

    outcome->heading = grouping != NREM_GROUPING_NONE ? g_strdup_printf ("I. %s", chapter)
                                                      : g_strdup (chapter);
  }
  if (version == NREM_OUTCOME_NEGOTIATION)
    {
      g_autoptr(GDateTime) now = g_date_time_new_now_local ();
      g_autofree char *when = g_date_time_format (now, "%-d %B %Y, %H:%M");

      outcome->stamp = g_strdup_printf (_("Text as of %s. Square brackets mark text under negotiation; "
                                          "alternatives to a paragraph are numbered bis, ter …; "
                                          "withdrawn recommendations are left out."), when);
    }

  nrem_recommendations_arrange (entries, grouping, entry_row);

  items = g_new0 (NremNumberingItem, entries->len + 1);
  assigned = g_new0 (NremNumber, entries->len + 1);
  for (guint i = 0; i < entries->len; i++)
    {
      const NremRow *row = ((NremRecommendationEntry *) g_ptr_array_index (entries, i))->row;
      const char *status = nrem_row_get (row, "status");
      const char *alt = nrem_row_get (row, "alternative");

      items[i].alternative = alt != NULL ? (int) g_ascii_strtoll (alt, NULL, 10) : 0;
      items[i].included = version == NREM_OUTCOME_CLEAN ? g_strcmp0 (status, "agreed") == 0
                                                        : g_strcmp0 (status, "withdrawn") != 0;
    }
  nrem_numbering_assign (items, entries->len, version == NREM_OUTCOME_NEGOTIATION, assigned);
  for (guint i = 0; i < entries->len; i++)
    g_hash_table_insert (numbers, ((NremRecommendationEntry *) g_ptr_array_index (entries, i))->row->uuid,
                         nrem_number_format (assigned[i]));

  outcome->paragraphs = g_ptr_array_new_with_free_func ((GDestroyNotify) paragraph_free);
  for (guint i = 0; i < entries->len; i++)
    {
      NremRecommendationEntry *e = g_ptr_array_index (entries, i);
      g_autofree char *key = NULL;
      Paragraph *p;

      if (!items[i].included)
        continue;
      p = g_new0 (Paragraph, 1);
      p->number = nrem_number_format (assigned[i]);
      p->alternative = assigned[i].suffix > 0;
      p->subs = nrem_subparagraphs_parse (nrem_row_get (e->row, "text"));
      if (p->subs->len == 0)
        {
          NremSubparagraph *empty = g_new0 (NremSubparagraph, 1);

          empty->text = g_strdup (version == NREM_OUTCOME_NEGOTIATION ? _("(no text yet)") : "");
          g_ptr_array_add (p->subs, empty);
        }
      shape_subparagraphs (p->subs, e->row, version);
      if (version == NREM_OUTCOME_NEGOTIATION)
        p->note = negotiation_note (e, numbers);

      if (grouping != NREM_GROUPING_NONE)
        {
          key = nrem_recommendation_section_key (e->row, grouping);
          if (first || g_strcmp0 (key, previous_key) != 0)
            {
              g_autofree char *letter = nrem_section_letter (section_index++);
              g_autofree char *title = nrem_recommendation_section_title (key, grouping);

              p->section = g_strdup_printf ("%s. %s", letter, title);
            }
          g_free (previous_key);
          previous_key = g_steal_pointer (&key);
        }
      first = FALSE;
      g_ptr_array_add (outcome->paragraphs, p);
    }

  return g_steal_pointer (&outcome);
}

/* ------------------------------------------------------------------------------------------
 * Markdown (CommonMark)
 */

static void
md_append_escaped (GString    *out,
                   const char *text)
{
  gboolean line_start = TRUE;

  for (const char *p = text; *p != '\0'; p++)
    {
      /* the square brackets of negotiated text stay readable: "]" is escaped only where it
       * could close a link ("](", "][", "]:") */
      if (strchr ("\\`*_<>|", *p) != NULL ||
          (*p == ']' && p[1] != '\0' && strchr ("([:", p[1]) != NULL) ||
          (line_start && strchr ("#-+=>~", *p) != NULL))
        g_string_append_c (out, '\\');
      /* "2014. " at the start of a line would open a list */
      if (line_start && g_ascii_isdigit (*p))
        {
          const char *q = p;

          while (g_ascii_isdigit (*q))
            q++;
          if (*q == '.' || *q == ')')
            {
              g_string_append_len (out, p, q - p);
              g_string_append_c (out, '\\');
              p = q - 1;
              line_start = FALSE;
              continue;
            }
        }
      g_string_append_c (out, *p);
      line_start = *p == '\n';
    }
}

char *
nrem_outcome_to_markdown (NremOutcome *outcome)
{
  GString *out = g_string_new ("# ");

  md_append_escaped (out, outcome->title ? outcome->title : "");
  g_string_append (out, "\n\n");
  if (outcome->particulars != NULL && outcome->particulars[0] != '\0')
    {
      md_append_escaped (out, outcome->particulars);
      g_string_append (out, outcome->venue != NULL ? "  \n" : "\n\n");
    }
  if (outcome->venue != NULL)
    {
      md_append_escaped (out, outcome->venue);
      g_string_append (out, "\n\n");
    }
  g_string_append (out, "## ");
  md_append_escaped (out, outcome->heading);
  g_string_append (out, "\n\n");
  if (outcome->stamp != NULL)
    {
      g_string_append_c (out, '*');
      md_append_escaped (out, outcome->stamp);
      g_string_append (out, "*\n\n");
    }
  if (outcome->paragraphs->len == 0)
    {
      g_string_append_c (out, '*');
      md_append_escaped (out, outcome->version == NREM_OUTCOME_CLEAN
                                ? _("No recommendation has been agreed yet.")
                                : _("No recommendation has been drafted yet."));
      g_string_append (out, "*\n");
    }

  for (guint i = 0; i < outcome->paragraphs->len; i++)
    {
      Paragraph *p = g_ptr_array_index (outcome->paragraphs, i);
      g_autofree char *indent = NULL;

      if (p->section != NULL)
        {
          g_string_append (out, "### ");
          md_append_escaped (out, p->section);
          g_string_append (out, "\n\n");
        }
      /* "12. " opens an item of an ordered list; "3 bis." cannot, it stands in bold */
      if (p->alternative)
        {
          g_string_append_printf (out, "**%s.** ", p->number);
          indent = g_strdup ("");
        }
      else
        {
          g_string_append_printf (out, "%s. ", p->number);
          indent = g_strnfill (strlen (p->number) + 2, ' ');
        }
      for (guint s = 0; s < p->subs->len; s++)
        {
          NremSubparagraph *sub = g_ptr_array_index (p->subs, s);

          if (s > 0)
            {
              g_string_append (out, indent);
              /* subparagraphs stand in the item as indented paragraphs of their own */
              for (guint l = 1; l < sub->level; l++)
                g_string_append (out, "\u2003");
            }
          if (sub->label != NULL)
            {
              g_string_append (out, sub->label);
              g_string_append_c (out, ' ');
            }
          md_append_escaped (out, sub->text);
          g_string_append (out, "\n\n");
        }
      if (p->note != NULL)
        {
          g_string_append_printf (out, "%s*", indent);
          md_append_escaped (out, p->note);
          g_string_append (out, "*\n\n");
        }
    }
  /* one newline at the end, not two */
  if (out->len >= 2 && out->str[out->len - 1] == '\n' && out->str[out->len - 2] == '\n')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* ------------------------------------------------------------------------------------------
 * PDF and print: through NremDocument
 */

#define SUB_INDENT 28.0

NremDocument *
nrem_outcome_to_document (NremOutcome *outcome)
{
  g_autofree char *running = g_strdup_printf ("%s — %s",
                                               outcome->short_title ? outcome->short_title : outcome->title,
                                               outcome->version == NREM_OUTCOME_CLEAN ? _("Recommendations")
                                                                                      : _("Negotiation text"));
  NremDocument *doc = nrem_document_new (running);

  nrem_document_add_heading (doc, 1, outcome->title ? outcome->title : "");
  if (outcome->particulars != NULL && outcome->particulars[0] != '\0')
    nrem_document_add_paragraph (doc, outcome->particulars, NULL, 0);
  if (outcome->venue != NULL)
    nrem_document_add_paragraph (doc, outcome->venue, NULL, 0);
  nrem_document_add_space (doc, 6);
  nrem_document_add_heading (doc, 2, outcome->heading);
  if (outcome->stamp != NULL)
    {
      g_autofree char *escaped = g_markup_escape_text (outcome->stamp, -1);
      g_autofree char *markup = g_strdup_printf ("<i><small>%s</small></i>", escaped);

      nrem_document_add_markup (doc, markup, NULL, 0);
    }
  if (outcome->paragraphs->len == 0)
    nrem_document_add_paragraph (doc, outcome->version == NREM_OUTCOME_CLEAN
                                        ? _("No recommendation has been agreed yet.")
                                        : _("No recommendation has been drafted yet."), NULL, 0);

  for (guint i = 0; i < outcome->paragraphs->len; i++)
    {
      Paragraph *p = g_ptr_array_index (outcome->paragraphs, i);

      if (p->section != NULL)
        nrem_document_add_heading (doc, 3, p->section);
      for (guint s = 0; s < p->subs->len; s++)
        {
          NremSubparagraph *sub = g_ptr_array_index (p->subs, s);
          double indent = sub->level * SUB_INDENT;

          if (s == 0 && p->alternative)
            {
              /* "3 bis." is wider than the hanging number: it leads the text */
              g_autofree char *num = g_markup_escape_text (p->number, -1);
              g_autofree char *text = g_markup_escape_text (sub->text, -1);
              g_autofree char *markup = g_strdup_printf ("<b>%s.</b>  %s", num, text);

              nrem_document_add_markup (doc, markup, NULL, 0);
            }
          else if (s == 0)
            {
              g_autofree char *label = g_strdup_printf ("%s.", p->number);

              nrem_document_add_paragraph (doc, sub->text, label, 0);
            }
          else if (sub->label != NULL)
            nrem_document_add_paragraph (doc, sub->text, sub->label, indent);
          else
            nrem_document_add_paragraph (doc, sub->text, NULL, indent + SUB_INDENT);
        }
      if (p->note != NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (p->note, -1);
          g_autofree char *markup = g_strdup_printf ("<i><small>%s</small></i>", escaped);

          nrem_document_add_markup (doc, markup, NULL, SUB_INDENT);
        }
    }
  return doc;
}

/* ------------------------------------------------------------------------------------------
 * OpenDocument text
 */

#define ODF_NS \
  " xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\"" \
  " xmlns:style=\"urn:oasis:names:tc:opendocument:xmlns:style:1.0\"" \
  " xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\"" \
  " xmlns:fo=\"urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0\"" \
  " xmlns:meta=\"urn:oasis:names:tc:opendocument:xmlns:meta:1.0\"" \
  " xmlns:dc=\"http://purl.org/dc/elements/1.1/\""

static const char odt_styles[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<office:document-styles" ODF_NS " office:version=\"1.2\">"
  "<office:styles>"
  "<style:default-style style:family=\"paragraph\">"
  "<style:paragraph-properties fo:margin-top=\"0cm\" fo:margin-bottom=\"0.21cm\" fo:orphans=\"2\" fo:widows=\"2\"/>"
  "<style:text-properties fo:font-family=\"'Liberation Sans', Arial, sans-serif\" fo:font-size=\"11pt\""
  " fo:language=\"en\" fo:country=\"GB\"/>"
  "</style:default-style>"
  "<style:style style:name=\"Standard\" style:family=\"paragraph\" style:class=\"text\"/>"
  "<style:style style:name=\"Title\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"chapter\">"
  "<style:paragraph-properties fo:margin-bottom=\"0.3cm\" fo:keep-with-next=\"always\"/>"
  "<style:text-properties fo:font-size=\"16pt\" fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"Subtitle\" style:family=\"paragraph\" style:parent-style-name=\"Standard\" style:class=\"chapter\">"
  "<style:paragraph-properties fo:margin-bottom=\"0.1cm\"/></style:style>"
  "<style:style style:name=\"Heading_20_1\" style:display-name=\"Heading 1\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:next-style-name=\"Numbered\" style:default-outline-level=\"1\" style:class=\"text\">"
  "<style:paragraph-properties fo:margin-top=\"0.6cm\" fo:margin-bottom=\"0.3cm\" fo:keep-with-next=\"always\"/>"
  "<style:text-properties fo:font-size=\"13pt\" fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"Heading_20_2\" style:display-name=\"Heading 2\" style:family=\"paragraph\""
  " style:parent-style-name=\"Standard\" style:next-style-name=\"Numbered\" style:default-outline-level=\"2\" style:class=\"text\">"
  "<style:paragraph-properties fo:margin-top=\"0.5cm\" fo:margin-bottom=\"0.25cm\" fo:keep-with-next=\"always\"/>"
  "<style:text-properties fo:font-size=\"11.5pt\" fo:font-weight=\"bold\"/></style:style>"
  "<style:style style:name=\"Numbered\" style:display-name=\"Numbered paragraph\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:margin-left=\"1cm\" fo:text-indent=\"-1cm\" fo:text-align=\"justify\">"
  "<style:tab-stops><style:tab-stop style:position=\"0cm\"/></style:tab-stops></style:paragraph-properties></style:style>"
  "<style:style style:name=\"Subparagraph_20_1\" style:display-name=\"Subparagraph 1\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:margin-left=\"2cm\" fo:text-indent=\"-1cm\" fo:text-align=\"justify\">"
  "<style:tab-stops><style:tab-stop style:position=\"0cm\"/></style:tab-stops></style:paragraph-properties></style:style>"
  "<style:style style:name=\"Subparagraph_20_2\" style:display-name=\"Subparagraph 2\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:margin-left=\"3cm\" fo:text-indent=\"-1cm\" fo:text-align=\"justify\">"
  "<style:tab-stops><style:tab-stop style:position=\"0cm\"/></style:tab-stops></style:paragraph-properties></style:style>"
  "<style:style style:name=\"Continued_20_1\" style:display-name=\"Continued 1\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:margin-left=\"2cm\" fo:text-align=\"justify\"/></style:style>"
  "<style:style style:name=\"Continued_20_2\" style:display-name=\"Continued 2\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:margin-left=\"3cm\" fo:text-align=\"justify\"/></style:style>"
  "<style:style style:name=\"Note\" style:family=\"paragraph\" style:parent-style-name=\"Standard\">"
  "<style:paragraph-properties fo:margin-left=\"1cm\"/>"
  "<style:text-properties fo:font-size=\"9pt\" fo:font-style=\"italic\" fo:color=\"#555555\"/></style:style>"
  "<style:style style:name=\"Strong_20_Emphasis\" style:display-name=\"Strong Emphasis\" style:family=\"text\">"
  "<style:text-properties fo:font-weight=\"bold\"/></style:style>"
  "</office:styles>"
  "<office:automatic-styles>"
  "<style:page-layout style:name=\"A4\"><style:page-layout-properties fo:page-width=\"21cm\" fo:page-height=\"29.7cm\""
  " style:print-orientation=\"portrait\" fo:margin-top=\"2cm\" fo:margin-bottom=\"2cm\" fo:margin-left=\"2cm\" fo:margin-right=\"2cm\"/>"
  "</style:page-layout></office:automatic-styles>"
  "<office:master-styles><style:master-page style:name=\"Standard\" style:page-layout-name=\"A4\"/></office:master-styles>"
  "</office:document-styles>\n";

static const char odt_manifest[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
  "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
  " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" manifest:media-type=\"application/vnd.oasis.opendocument.text\"/>\n"
  " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"styles.xml\" manifest:media-type=\"text/xml\"/>\n"
  " <manifest:file-entry manifest:full-path=\"meta.xml\" manifest:media-type=\"text/xml\"/>\n"
  "</manifest:manifest>\n";

static void
xml_append (GString    *out,
            const char *text)
{
  g_autofree char *escaped = g_markup_escape_text (text != NULL ? text : "", -1);

  g_string_append (out, escaped);
}

static void
odt_paragraph (GString    *out,
               const char *style,
               const char *label,
               const char *text)
{
  g_string_append_printf (out, "<text:p text:style-name=\"%s\">", style);
  if (label != NULL)
    {
      xml_append (out, label);
      g_string_append (out, "<text:tab/>");
    }
  xml_append (out, text);
  g_string_append (out, "</text:p>\n");
}

static char *
odt_content (NremOutcome *outcome)
{
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-content" ODF_NS " office:version=\"1.2\">"
                               "<office:body><office:text>\n");

  odt_paragraph (out, "Title", NULL, outcome->title);
  if (outcome->particulars != NULL && outcome->particulars[0] != '\0')
    odt_paragraph (out, "Subtitle", NULL, outcome->particulars);
  if (outcome->venue != NULL)
    odt_paragraph (out, "Subtitle", NULL, outcome->venue);
  g_string_append (out, "<text:h text:style-name=\"Heading_20_1\" text:outline-level=\"1\">");
  xml_append (out, outcome->heading);
  g_string_append (out, "</text:h>\n");
  if (outcome->stamp != NULL)
    odt_paragraph (out, "Note", NULL, outcome->stamp);
  if (outcome->paragraphs->len == 0)
    odt_paragraph (out, "Standard", NULL, outcome->version == NREM_OUTCOME_CLEAN
                                            ? _("No recommendation has been agreed yet.")
                                            : _("No recommendation has been drafted yet."));

  for (guint i = 0; i < outcome->paragraphs->len; i++)
    {
      Paragraph *p = g_ptr_array_index (outcome->paragraphs, i);
      g_autofree char *number = g_strdup_printf ("%s.", p->number);

      if (p->section != NULL)
        {
          g_string_append (out, "<text:h text:style-name=\"Heading_20_2\" text:outline-level=\"2\">");
          xml_append (out, p->section);
          g_string_append (out, "</text:h>\n");
        }
      for (guint s = 0; s < p->subs->len; s++)
        {
          NremSubparagraph *sub = g_ptr_array_index (p->subs, s);

          if (s == 0 && p->alternative)
            {
              /* the label reads as the number: "3 bis." in bold, then the text */
              g_string_append (out, "<text:p text:style-name=\"Numbered\">"
                                    "<text:span text:style-name=\"Strong_20_Emphasis\">");
              xml_append (out, number);
              g_string_append (out, "</text:span><text:tab/>");
              xml_append (out, sub->text);
              g_string_append (out, "</text:p>\n");
            }
          else if (s == 0)
            odt_paragraph (out, "Numbered", number, sub->text);
          else if (sub->label != NULL)
            odt_paragraph (out, sub->level >= 2 ? "Subparagraph_20_2" : "Subparagraph_20_1",
                           sub->label, sub->text);
          else
            odt_paragraph (out, sub->level >= 2 ? "Continued_20_2" :
                                sub->level == 1 ? "Continued_20_1" : "Numbered", NULL, sub->text);
        }
      if (p->note != NULL)
        odt_paragraph (out, "Note", NULL, p->note);
    }

  g_string_append (out, "</office:text></office:body></office:document-content>\n");
  return g_string_free (out, FALSE);
}

static char *
odt_meta (NremOutcome *outcome)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S");
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                               "<office:document-meta" ODF_NS " office:version=\"1.2\"><office:meta>");

  g_string_append (out, "<meta:generator>NREM Desk/" PACKAGE_VERSION "</meta:generator><dc:title>");
  xml_append (out, outcome->title);
  g_string_append (out, " — ");
  xml_append (out, outcome->heading);
  g_string_append_printf (out, "</dc:title><dc:language>en</dc:language>"
                          "<meta:creation-date>%s</meta:creation-date><dc:date>%s</dc:date>"
                          "</office:meta></office:document-meta>\n", stamp, stamp);
  return g_string_free (out, FALSE);
}

/**
 * nrem_outcome_to_odt:
 *
 * Returns: (transfer full): an OpenDocument text package
 */
GBytes *
nrem_outcome_to_odt (NremOutcome *outcome)
{
  static const char mimetype[] = "application/vnd.oasis.opendocument.text";
  g_autoptr(NremZipWriter) zip = nrem_zip_writer_new (NULL);
  g_autofree char *content = odt_content (outcome);
  g_autofree char *meta = odt_meta (outcome);

  /* the first entry, stored, without extra field: how programs recognise the package */
  nrem_zip_writer_add (zip, "mimetype", mimetype, strlen (mimetype));
  nrem_zip_writer_add (zip, "META-INF/manifest.xml", odt_manifest, strlen (odt_manifest));
  nrem_zip_writer_add (zip, "content.xml", content, strlen (content));
  nrem_zip_writer_add (zip, "styles.xml", odt_styles, strlen (odt_styles));
  nrem_zip_writer_add (zip, "meta.xml", meta, strlen (meta));
  return nrem_zip_writer_finish (zip);
}

/* ------------------------------------------------------------------------------------------ */

static gboolean
write_bytes (const char  *path,
             const void  *data,
             gsize        len,
             GError     **error)
{
  g_autoptr(GError) local = NULL;

  if (!g_file_set_contents_full (path, data, (gssize) len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0644, &local))
    {
      g_set_error (error, NREM_ERROR, NREM_ERROR_IO, _("Cannot write “%s”: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * nrem_outcome_write:
 * @path: ending in .pdf, .md or .odt
 */
gboolean
nrem_outcome_write (NremOutcome  *outcome,
                    const char   *path,
                    GError      **error)
{
  switch (nrem_outcome_format_for_path (path))
    {
    case NREM_OUTCOME_FORMAT_PDF:
      {
        g_autoptr(NremDocument) doc = nrem_outcome_to_document (outcome);

        return nrem_document_write_pdf (doc, path, error);
      }
    case NREM_OUTCOME_FORMAT_MARKDOWN:
      {
        g_autofree char *text = nrem_outcome_to_markdown (outcome);

        return write_bytes (path, text, strlen (text), error);
      }
    case NREM_OUTCOME_FORMAT_ODT:
      {
        g_autoptr(GBytes) bytes = nrem_outcome_to_odt (outcome);

        return write_bytes (path, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), error);
      }
    case NREM_OUTCOME_FORMAT_UNKNOWN:
    default:
      g_set_error (error, NREM_ERROR, NREM_ERROR_FAILED,
                   _("“%s”: the outcome document is written as PDF (.pdf), Markdown (.md) or OpenDocument text (.odt); give the file one of these endings."),
                   path);
      return FALSE;
    }
}

gboolean
nrem_outcome_export (NremStore           *store,
                     const char          *meeting_uuid,
                     NremOutcomeVersion   version,
                     NremGrouping         grouping,
                     const char          *path,
                     GError             **error)
{
  g_autoptr(NremOutcome) outcome = NULL;

  if (nrem_outcome_format_for_path (path) == NREM_OUTCOME_FORMAT_UNKNOWN)
    return nrem_outcome_write (NULL, path, error);
  outcome = nrem_outcome_new (store, meeting_uuid, version, grouping, error);
  return outcome != NULL && nrem_outcome_write (outcome, path, error);
}
