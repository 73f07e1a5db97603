/* test-hostile.c
 *
 * Every hostile input of DESIGN.md, one test each: a small valid exchange file (imported by
 * /hostile/control) with one thing broken. Each must be refused with NREM_ERROR_INVALID_FILE
 * and a message that names the file and the JSON path, and nothing may be written: the
 * database exports the same, counts the same rows and has made no backup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-test-util.h"
#include "nrem-uuid.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

typedef NremTestDir Fixture;

/* The valid document. Each record has its own rev and updated_at so that a case can name one
 * line of one record. @X@ are filled in by expand(). */
static const char base_template[] =
  "{\n"
  "  \"format\": \"nrem-desk\",\n"
  "  \"version\": 1,\n"
  "  \"exported_at\": \"2016-05-30T04:52:00.000Z\",\n"
  "  \"origin\": \"@ORIGIN@\",\n"
  "  \"countries\": [],\n"
  "  \"meetings\": [\n"
  "    {\n"
  "      \"uuid\": \"@M@\",\n"
  "      \"updated_at\": \"2016-05-01T00:00:00.000Z\",\n"
  "      \"rev\": 1,\n"
  "      \"origin\": \"@ORIGIN@\",\n"
  "      \"title\": \"Third Consultative Meeting (test)\",\n"
  "      \"short_title\": \"Vienna 2016\",\n"
  "      \"city\": \"Vienna\",\n"
  "      \"country\": \"AT\",\n"
  "      \"venue\": null,\n"
  "      \"start_date\": \"2016-06-01\",\n"
  "      \"end_date\": \"2016-06-02\",\n"
  "      \"time_zone\": \"Europe/Vienna\",\n"
  "      \"convenors\": null,\n"
  "      \"language\": \"English\",\n"
  "      \"objectives\": null,\n"
  "      \"expected_outcome\": null\n"
  "    }\n"
  "  ],\n"
  "  \"mechanisms\": [\n"
  "    {\n"
  "      \"uuid\": \"@MECH@\",\n"
  "      \"updated_at\": \"2016-05-02T00:00:00.000Z\",\n"
  "      \"rev\": 2,\n"
  "      \"origin\": \"@ORIGIN@\",\n"
  "      \"name\": \"Office of the National Rapporteur (fictional)\",\n"
  "      \"country\": \"TH\",\n"
  "      \"type\": \"independent-rapporteur\",\n"
  "      \"reference\": false,\n"
  "      \"legal_basis\": null,\n"
  "      \"established\": 2012,\n"
  "      \"host_body\": null,\n"
  "      \"website\": null,\n"
  "      \"notes\": null\n"
  "    }\n"
  "  ],\n"
  "  \"participants\": [\n"
  "    {\n"
  "      \"uuid\": \"@P1@\",\n"
  "      \"updated_at\": \"2016-05-03T00:00:00.000Z\",\n"
  "      \"rev\": 3,\n"
  "      \"origin\": \"@ORIGIN@\",\n"
  "      \"name\": \"Ana Example (fictional)\",\n"
  "      \"honorific\": \"Ms.\",\n"
  "      \"position\": null,\n"
  "      \"organisation\": null,\n"
  "      \"mechanism\": \"@MECH@\",\n"
  "      \"country\": \"TH\",\n"
  "      \"role\": \"delegate\",\n"
  "      \"email\": \"ana@example.org\",\n"
  "      \"phone\": \"+1 555 0100\",\n"
  "      \"languages\": \"English, Thai\",\n"
  "      \"notes\": null\n"
  "    },\n"
  "    {\n"
  "      \"uuid\": \"@P2@\",\n"
  "      \"updated_at\": \"2016-05-04T00:00:00.000Z\",\n"
  "      \"rev\": 4,\n"
  "      \"origin\": \"@ORIGIN@\",\n"
  "      \"name\": \"Ben Example (fictional)\",\n"
  "      \"honorific\": null,\n"
  "      \"position\": \"Expert\",\n"
  "      \"organisation\": null,\n"
  "      \"mechanism\": null,\n"
  "      \"country\": \"DE\",\n"
  "      \"role\": \"expert\",\n"
  "      \"languages\": null,\n"
  "      \"notes\": \"No contact details in this file\"\n"
  "    }\n"
  "  ],\n"
  "  \"attendances\": [\n"
  "    {\n"
  "      \"uuid\": \"@ATT@\",\n"
  "      \"updated_at\": \"2016-05-05T00:00:00.000Z\",\n"
  "      \"rev\": 5,\n"
  "      \"origin\": \"@ORIGIN@\",\n"
  "      \"participant\": \"@P1@\",\n"
  "      \"meeting\": \"@M@\",\n"
  "      \"status\": \"confirmed\",\n"
  "      \"head_of_delegation\": true\n"
  "    }\n"
  "  ],\n"
  "  \"sessions\": [\n"
  "    {\n"
  "      \"uuid\": \"@S@\",\n"
  "      \"updated_at\": \"2016-05-06T00:00:00.000Z\",\n"
  "      \"rev\": 6,\n"
  "      \"origin\": \"@ORIGIN@\",\n"
  "      \"meeting\": \"@M@\",\n"
  "      \"day\": \"2016-06-01\",\n"
  "      \"start_time\": \"09:00\",\n"
  "      \"end_time\": \"10:00\",\n"
  "      \"title\": \"Opening of the consultation\",\n"
  "      \"kind\": \"opening\",\n"
  "      \"description\": null,\n"
  "      \"room\": null,\n"
  "      \"chair\": \"@P1@\",\n"
  "      \"rapporteur\": null,\n"
  "      \"speakers\": [\"@P1@\", \"@P2@\"],\n"
  "      \"notes\": null\n"
  "    }\n"
  "  ],\n"
  "  \"dimensions\": [],\n"
  "  \"assessments\": [],\n"
  "  \"recommendations\": [],\n"
  "  \"revisions\": [],\n"
  "  \"tombstones\": []\n"
  "}\n";

#define BASE_RECORDS 6

typedef struct
{
  const char *name;                 /* /hostile/<name>, and the file <name>.json */
  const char *find;                 /* a text of the valid document, replaced once … */
  const char *replace;              /* … by this; "@NUL@" becomes a NUL byte */
  GBytes   *(*build) (void);        /* or a document of its own */
  const char *path;                 /* the JSON path the message must name, after the file;
                                     * "…*" when it is the start of a longer path */
  const char *message;              /* and what the message must say */
} HostileCase;

static char *
expand (const char *text)
{
  g_autofree char *origin = nrem_uuid_new_v5 ("origin:hostile-test");
  g_autofree char *meeting = nrem_uuid_new_v5 ("meeting:hostile-test");
  g_autofree char *mechanism = nrem_uuid_new_v5 ("mechanism:hostile-test");
  g_autofree char *p1 = nrem_uuid_new_v5 ("participant:hostile-test:1");
  g_autofree char *p2 = nrem_uuid_new_v5 ("participant:hostile-test:2");
  g_autofree char *session = nrem_uuid_new_v5 ("session:hostile-test:1");
  g_autofree char *attendance = nrem_uuid_new_v5_printf ("attendance:%s:%s", p1, meeting);
  g_autofree char *unknown = nrem_uuid_new_v5 ("nowhere");
  g_autofree char *p1_upper = g_ascii_strup (p1, -1);
  GString *s = g_string_new (text);

  g_string_replace (s, "@ORIGIN@", origin, 0);
  g_string_replace (s, "@MECH@", mechanism, 0);
  g_string_replace (s, "@M@", meeting, 0);
  g_string_replace (s, "@P1UP@", p1_upper, 0);
  g_string_replace (s, "@P1@", p1, 0);
  g_string_replace (s, "@P2@", p2, 0);
  g_string_replace (s, "@S@", session, 0);
  g_string_replace (s, "@ATT@", attendance, 0);
  g_string_replace (s, "@UNKNOWN@", unknown, 0);
  return g_string_free (s, FALSE);
}

static GBytes *
base_document (void)
{
  char *text = expand (base_template);

  return g_bytes_new_take (text, strlen (text));
}

/* The valid document with @find replaced by @replace, exactly once. */
static GBytes *
mutate (const char *find,
        const char *replace)
{
  g_autofree char *base = expand (base_template);
  g_autofree char *f = expand (find);
  g_autofree char *r = expand (replace);
  GString *s = g_string_new (base);
  const char *at = strstr (base, f);
  GByteArray *bytes;
  char *nul;

  if (at == NULL || strstr (at + 1, f) != NULL)
    g_error ("“%s” must appear exactly once in the test document", f);
  g_string_replace (s, f, r, 1);

  /* a real NUL byte where asked */
  while ((nul = strstr (s->str, "@NUL@")) != NULL)
    {
      gsize pos = (gsize) (nul - s->str);

      g_string_erase (s, (gssize) pos, 5);
      g_string_insert_c (s, (gssize) pos, '\0');
    }
  bytes = g_byte_array_new ();
  g_byte_array_append (bytes, (const guint8 *) s->str, s->len);
  g_string_free (s, TRUE);
  return g_byte_array_free_to_bytes (bytes);
}

static GBytes *
build_empty (void)
{
  return g_bytes_new_static ("", 0);
}

static GBytes *
build_whitespace (void)
{
  return g_bytes_new_static (" \n\t\n", 4);
}

static GBytes *
build_top_level_array (void)
{
  static const char json[] = "[{\"format\": \"nrem-desk\", \"version\": 1}]\n";

  return g_bytes_new_static (json, sizeof json - 1);
}

static GBytes *
build_top_level_string (void)
{
  static const char json[] = "\"nrem-desk\"\n";

  return g_bytes_new_static (json, sizeof json - 1);
}

static GBytes *
build_trailing_garbage (void)
{
  g_autofree char *base = expand (base_template);
  char *text = g_strconcat (base, "garbage\n", NULL);

  return g_bytes_new_take (text, strlen (text));
}

static GBytes *
build_two_documents (void)
{
  g_autofree char *base = expand (base_template);
  char *text = g_strconcat (base, base, NULL);

  return g_bytes_new_take (text, strlen (text));
}

/* 100000 arrays inside each other, closed, at the top level */
static GBytes *
build_deep_top (void)
{
  const gsize depth = 100000;
  char *text = g_malloc (depth * 2);

  memset (text, '[', depth);
  memset (text + depth, ']', depth);
  return g_bytes_new_take (text, depth * 2);
}

/* 100000 unclosed arrays as the notes of a participant */
static GBytes *
build_deep_inside (void)
{
  const gsize depth = 100000;
  g_autofree char *brackets = g_malloc (depth + 1);
  g_autofree char *replace = NULL;

  memset (brackets, '[', depth);
  brackets[depth] = '\0';
  replace = g_strdup_printf ("\"languages\": \"English, Thai\",\n      \"notes\": %s", brackets);
  return mutate ("\"languages\": \"English, Thai\",\n      \"notes\": null", replace);
}

/* 100000 objects inside each other */
static GBytes *
build_deep_objects (void)
{
  const gsize depth = 100000;
  GString *s = g_string_new (NULL);

  for (gsize i = 0; i < depth; i++)
    g_string_append (s, "{\"format\":");
  g_string_append (s, "1");
  for (gsize i = 0; i < depth; i++)
    g_string_append_c (s, '}');
  return g_string_free_to_bytes (s);
}

#define P1_NAME "\"name\": \"Ana Example (fictional)\""
#define P1_REV "\"rev\": 3,"
#define P1_UPDATED "\"updated_at\": \"2016-05-03T00:00:00.000Z\""
#define MECH_ESTABLISHED "\"established\": 2012,"

static const HostileCase cases[] = {
  /* NUL bytes */
  { "nul-raw", P1_NAME, "\"name\": \"Ana@NUL@Example\"", NULL,
    "participants[0].name", "NUL byte" },
  { "nul-raw-between-tokens", P1_REV, "\"rev\":@NUL@ 3,", NULL,
    "participants[0].rev", "NUL byte" },
  { "nul-escaped", P1_NAME, "\"name\": \"Ana\\u0000Example\"", NULL,
    "participants[0].name", "NUL character" },

  /* UTF-8 */
  { "utf8-invalid-byte", P1_NAME, "\"name\": \"Ana \xff Example\"", NULL,
    "participants[0].name", "not valid UTF-8" },
  { "utf8-overlong", P1_NAME, "\"name\": \"Ana \xc0\xaf Example\"", NULL,
    "participants[0].name", "not valid UTF-8" },
  { "utf8-surrogate", P1_NAME, "\"name\": \"Ana \xed\xa0\x80 Example\"", NULL,
    "participants[0].name", "not valid UTF-8" },
  { "utf8-truncated", P1_NAME, "\"name\": \"Ana \xe2\x82\"", NULL,
    "participants[0].name", "not valid UTF-8" },
  { "utf16-lone-high-surrogate", P1_NAME, "\"name\": \"Ana \\ud800 Example\"", NULL,
    "participants[0].name", "unpaired UTF-16 surrogate" },
  { "utf16-lone-low-surrogate", P1_NAME, "\"name\": \"Ana \\udc00 Example\"", NULL,
    "participants[0].name", "unpaired UTF-16 surrogate" },
  { "utf16-broken-pair", P1_NAME, "\"name\": \"Ana \\ud800\\u0041 Example\"", NULL,
    "participants[0].name", "unpaired UTF-16 surrogate" },

  /* numbers */
  { "integer-2^53+1", P1_REV, "\"rev\": 9007199254740993,", NULL,
    "participants[0].rev", "beyond ±2^53" },
  { "integer-minus-2^53-1", MECH_ESTABLISHED, "\"established\": -9007199254740993,", NULL,
    "mechanisms[0].established", "beyond ±2^53" },
  { "integer-30-digits", P1_REV, "\"rev\": 123456789012345678901234567890,", NULL,
    "participants[0].rev", "beyond ±2^53" },
  { "number-1e400", MECH_ESTABLISHED, "\"established\": 1e400,", NULL,
    "mechanisms[0].established", "not finite" },
  { "number-nan", P1_REV, "\"rev\": NaN,", NULL,
    "participants[0].rev", "NaN" },
  { "number-infinity", MECH_ESTABLISHED, "\"established\": Infinity,", NULL,
    "mechanisms[0].established", "Infinity" },
  { "number-minus-infinity", MECH_ESTABLISHED, "\"established\": -Infinity,", NULL,
    "mechanisms[0].established", "malformed number" },
  { "number-fraction-for-integer", P1_REV, "\"rev\": 3.5,", NULL,
    "participants[0].rev", "expected an integer" },
  { "year-out-of-range", MECH_ESTABLISHED, "\"established\": 1700,", NULL,
    "mechanisms[0].established", "not a year" },

  /* identities */
  { "uuid-missing", "\"uuid\": \"@P1@\",\n", "", NULL,
    "participants[0]", "“uuid” is missing" },
  { "uuid-uppercase", "\"uuid\": \"@P1@\"", "\"uuid\": \"@P1UP@\"", NULL,
    "participants[0].uuid", "is not a uuid" },
  { "uuid-short", "\"uuid\": \"@P1@\"", "\"uuid\": \"1234abcd-0000\"", NULL,
    "participants[0].uuid", "is not a uuid" },
  { "uuid-number", "\"uuid\": \"@P1@\"", "\"uuid\": 12345", NULL,
    "participants[0].uuid", "expected a uuid string" },
  { "uuid-reference-uppercase", "\"mechanism\": \"@MECH@\"", "\"mechanism\": \"@P1UP@\"", NULL,
    "participants[0].mechanism", "is not a uuid" },
  { "origin-malformed", "\"origin\": \"@ORIGIN@\",\n  \"countries\"",
    "\"origin\": \"not-a-uuid\",\n  \"countries\"", NULL, "origin", "is not a uuid" },
  { "uuid-duplicate-in-array", "\"uuid\": \"@P2@\"", "\"uuid\": \"@P1@\"", NULL,
    "participants[1]", "appears more than once" },
  { "uuid-duplicate-across-arrays", "\"uuid\": \"@P2@\"", "\"uuid\": \"@MECH@\"", NULL,
    "participants[1]", "appears more than once" },
  { "attendance-not-derived", "\"uuid\": \"@ATT@\"", "\"uuid\": \"@UNKNOWN@\"", NULL,
    "attendances[0].uuid", "the identity derived from its participant and meeting" },

  /* times and dates */
  { "updated-at-no-milliseconds", P1_UPDATED, "\"updated_at\": \"2016-05-03T00:00:00Z\"", NULL,
    "participants[0].updated_at", "is not a UTC time" },
  { "updated-at-offset", P1_UPDATED, "\"updated_at\": \"2016-05-03T00:00:00.000+02:00\"", NULL,
    "participants[0].updated_at", "is not a UTC time" },
  { "updated-at-february-30", P1_UPDATED, "\"updated_at\": \"2014-02-30T00:00:00.000Z\"", NULL,
    "participants[0].updated_at", "is not a UTC time" },
  { "updated-at-missing", P1_UPDATED ",\n", "", NULL,
    "participants[0]", "“updated_at” is missing" },
  { "exported-at-malformed", "\"exported_at\": \"2016-05-30T04:52:00.000Z\"",
    "\"exported_at\": \"yesterday\"", NULL, "exported_at", "is not a UTC time" },
  { "date-february-30", "\"start_date\": \"2016-06-01\"", "\"start_date\": \"2016-02-30\"", NULL,
    "meetings[0].start_date", "is not a date" },
  { "clock-time-malformed", "\"start_time\": \"09:00\"", "\"start_time\": \"9am\"", NULL,
    "sessions[0].start_time", "is not a time of day" },

  /* references and countries */
  { "reference-dangling", "\"mechanism\": \"@MECH@\"", "\"mechanism\": \"@UNKNOWN@\"", NULL,
    "participants[0].mechanism", "neither in the file nor in the database" },
  { "reference-dangling-in-array", "\"speakers\": [\"@P1@\", \"@P2@\"]",
    "\"speakers\": [\"@P1@\", \"@UNKNOWN@\"]", NULL,
    "sessions[0].speakers[1]", "neither in the file nor in the database" },
  { "reference-wrong-kind", "\"mechanism\": \"@MECH@\"", "\"mechanism\": \"@M@\"", NULL,
    "participants[0].mechanism", "neither in the file nor in the database" },
  { "country-unknown", "\"country\": \"TH\",\n      \"role\"", "\"country\": \"XX\",\n      \"role\"", NULL,
    "participants[0].country", "the country code XX is unknown" },
  { "country-lowercase", "\"country\": \"TH\",\n      \"role\"", "\"country\": \"th\",\n      \"role\"", NULL,
    "participants[0].country", "ISO 3166-1" },

  /* wrong types */
  { "type-string-for-rev", P1_REV, "\"rev\": \"3\",", NULL,
    "participants[0].rev", "expected an integer of 1 or more, found a string" },
  { "type-zero-rev", P1_REV, "\"rev\": 0,", NULL,
    "participants[0].rev", "expected an integer of 1 or more" },
  { "type-number-for-name", P1_NAME, "\"name\": 42", NULL,
    "participants[0].name", "expected a string, found an integer" },
  { "type-object-for-email", "\"email\": \"ana@example.org\"", "\"email\": {\"work\": \"ana@example.org\"}", NULL,
    "participants[0].email", "expected a string, found an object" },
  { "type-array-for-title", "\"title\": \"Third Consultative Meeting (test)\"",
    "\"title\": [\"Third Consultative Meeting (test)\"]", NULL,
    "meetings[0].title", "expected a string, found an array" },
  { "type-string-for-bool", "\"head_of_delegation\": true", "\"head_of_delegation\": \"yes\"", NULL,
    "attendances[0].head_of_delegation", "expected true or false" },
  { "type-string-for-array", "\"speakers\": [\"@P1@\", \"@P2@\"]", "\"speakers\": \"@P1@\"", NULL,
    "sessions[0].speakers", "expected an array" },
  { "type-number-in-array", "\"speakers\": [\"@P1@\", \"@P2@\"]", "\"speakers\": [\"@P1@\", 7]", NULL,
    "sessions[0].speakers[1]", "expected a string" },
  { "type-object-for-array", "\"participants\": [", "\"participants\": {\"list\": null}, \"people\": [", NULL,
    "participants", "expected an array, found an object" },
  { "type-record-not-object", "\"attendances\": [", "\"attendances\": [\"@ATT@\", ", NULL,
    "attendances[0]", "expected an object, found a string" },
  { "required-null", "\"title\": \"Third Consultative Meeting (test)\"", "\"title\": null", NULL,
    "meetings[0].title", "a value is required" },
  { "required-empty", "\"title\": \"Third Consultative Meeting (test)\"", "\"title\": \"\"", NULL,
    "meetings[0].title", "a value is required" },
  { "required-missing", "\"time_zone\": \"Europe/Vienna\",\n", "", NULL,
    "meetings[0]", "“time_zone” is missing" },
  { "enum-unknown", "\"role\": \"delegate\"", "\"role\": \"astronaut\"", NULL,
    "participants[0].role", "is not one of" },

  /* the document */
  { "format-unknown", "\"format\": \"nrem-desk\"", "\"format\": \"frab-schedule\"", NULL,
    "format", "not an NREM Desk exchange file" },
  { "format-missing", "\"format\": \"nrem-desk\",\n", "", NULL,
    "format", "not an NREM Desk exchange file" },
  { "version-newer", "\"version\": 1,", "\"version\": 2,", NULL,
    "version", "newer" },
  { "version-string", "\"version\": 1,", "\"version\": \"1\",", NULL,
    "version", "expected an integer version, found a string" },
  { "version-zero", "\"version\": 1,", "\"version\": 0,", NULL,
    "version", "is not a version of the format" },
  { "duplicate-key", P1_NAME, P1_NAME ", \"name\": \"Someone Else\"", NULL,
    "participants[0].name", "appears twice" },
  { "duplicate-key-top-level", "\"tombstones\": []", "\"tombstones\": [], \"tombstones\": []", NULL,
    "tombstones", "appears twice" },
  { "unknown-member", P1_NAME, P1_NAME ", \"favourite_colour\": \"blue\"", NULL,
    "participants[0].favourite_colour", "unknown member" },
  { "unknown-member-top-level", "\"tombstones\": []", "\"tombstones\": [], \"extra\": []", NULL,
    "extra", "unknown member" },
  { "tombstone-unknown-entity", "\"tombstones\": []",
    "\"tombstones\": [{\"uuid\": \"@UNKNOWN@\", \"updated_at\": \"2016-05-09T00:00:00.000Z\", \"rev\": 2,"
    " \"origin\": \"@ORIGIN@\", \"entity\": \"people\", \"deleted_at\": \"2016-05-09T00:00:00.000Z\"}]", NULL,
    "tombstones[0].entity", "the name of an array" },
  { "tombstone-with-content", "\"tombstones\": []",
    "\"tombstones\": [{\"uuid\": \"@UNKNOWN@\", \"updated_at\": \"2016-05-09T00:00:00.000Z\", \"rev\": 2,"
    " \"origin\": \"@ORIGIN@\", \"entity\": \"participants\", \"deleted_at\": \"2016-05-09T00:00:00.000Z\","
    " \"name\": \"Ghost\"}]", NULL,
    "tombstones[0].name", "unknown member of a tombstone" },
  { "tombstone-duplicate-of-record", "\"tombstones\": []",
    "\"tombstones\": [{\"uuid\": \"@P2@\", \"updated_at\": \"2016-05-09T00:00:00.000Z\", \"rev\": 5,"
    " \"origin\": \"@ORIGIN@\", \"entity\": \"participants\", \"deleted_at\": \"2016-05-09T00:00:00.000Z\"}]", NULL,
    "tombstones[0]", "appears more than once" },
  { "trailing-garbage", NULL, NULL, build_trailing_garbage,
    "(top level)", "text after the end of the JSON value" },
  { "two-documents", NULL, NULL, build_two_documents,
    "(top level)", "text after the end of the JSON value" },
  { "empty-file", NULL, NULL, build_empty,
    NULL, "the file is empty" },
  { "whitespace-only", NULL, NULL, build_whitespace,
    "(top level)", "ends too early" },
  { "top-level-array", NULL, NULL, build_top_level_array,
    "(top level)", "expected an object" },
  { "top-level-string", NULL, NULL, build_top_level_string,
    "(top level)", "expected an object" },
  { "unclosed", "\n}\n", "\n", NULL,
    "tombstones", "expected “,” or “}”" },

  /* nesting */
  { "nesting-100000-top-level", NULL, NULL, build_deep_top,
    "[0][0][0][0][0][0][0][0]*", "nested deeper than 64 levels" },
  { "nesting-100000-in-a-record", NULL, NULL, build_deep_inside,
    "participants[0].notes[0][0][0]*", "nested deeper than 64 levels" },
  { "nesting-100000-objects", NULL, NULL, build_deep_objects,
    "format.format.format.format*", "nested deeper than 64 levels" },
};

/* ------------------------------------------------------------------------------------------ */

typedef struct
{
  NremStore *store;
  char      *before;
  guint      counts[NREM_N_ENTITIES];
  char      *backups;
} Snapshot;

static void
snapshot_take (Snapshot   *snap,
               Fixture    *fx,
               NremStore  *store)
{
  snap->store = store;
  snap->before = nrem_test_export_normalised (store, TRUE);
  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    snap->counts[k] = nrem_store_count_rows (store, k);
  snap->backups = nrem_test_dir_file (fx, "data/nrem-desk/backups");
}

/* Nothing was written: the same rows, the same export, no backup, no open transaction. */
static void
snapshot_assert_unchanged (Snapshot *snap)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *after = nrem_test_export_normalised (snap->store, TRUE);
  g_autoptr(GPtrArray) conflicts = NULL;

  for (guint k = 0; k < NREM_N_ENTITIES; k++)
    g_assert_cmpuint (nrem_store_count_rows (snap->store, k), ==, snap->counts[k]);
  nrem_test_assert_same_export (snap->before, after);
  g_assert_cmpuint (nrem_test_count_dir (snap->backups, NULL), ==, 0);
  conflicts = nrem_store_list_conflicts (snap->store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 0);

  g_assert_true (nrem_store_begin (snap->store, &error));
  g_assert_no_error (error);
  nrem_store_rollback (snap->store);
}

static void
snapshot_clear (Snapshot *snap)
{
  g_clear_pointer (&snap->before, g_free);
  g_clear_pointer (&snap->backups, g_free);
}

static void
assert_message (const GError *error,
                const char   *file,
                const char   *path,
                const char   *message)
{
  g_autofree char *where = NULL;

  g_assert_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE);

  /* "<file>: <path>: <what>"; a path ending in "*" is the start of a longer one */
  if (path == NULL)
    where = g_strdup_printf ("%s: ", file);
  else if (g_str_has_suffix (path, "*"))
    where = g_strdup_printf ("%s: %.*s", file, (int) strlen (path) - 1, path);
  else
    where = g_strdup_printf ("%s: %s: ", file, path);
  if (strstr (error->message, where) == NULL)
    g_error ("the message does not name “%s”:\n%.2000s", where, error->message);
  if (strstr (error->message, message) == NULL)
    g_error ("the message does not say “%s”:\n%.2000s", message, error->message);
}

static void
test_hostile_case (Fixture       *fx,
                   gconstpointer  data)
{
  const HostileCase *c = data;
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = c->build != NULL ? c->build () : mutate (c->find, c->replace);
  g_autofree char *file_name = g_strconcat (c->name, ".json", NULL);
  g_autofree char *file_path = nrem_test_dir_file (fx, file_name);
  NremImportReport report = { { 0 } };
  Snapshot snap = { 0 };
  gsize len;
  const char *data_bytes = g_bytes_get_data (bytes, &len);

  snapshot_take (&snap, fx, store);
  nrem_test_write_file (file_path, data_bytes != NULL ? data_bytes : "", (gssize) len);

  /* from a file, as --import-json and the window read it */
  g_assert_false (nrem_exchange_import_file (store, file_path, FALSE, &report, &error));
  assert_message (error, file_name, c->path, c->message);
  g_test_message ("%s", error->message);
  g_clear_error (&error);
  snapshot_assert_unchanged (&snap);

  /* a dry run says the same and writes nothing either */
  g_assert_false (nrem_exchange_import_file (store, file_path, TRUE, &report, &error));
  assert_message (error, file_name, c->path, c->message);
  g_clear_error (&error);

  /* from bytes, as the window's preview reads them */
  g_assert_null (nrem_import_new_from_bytes (store, bytes, file_name, &error));
  assert_message (error, file_name, c->path, c->message);
  g_clear_error (&error);
  snapshot_assert_unchanged (&snap);

  snapshot_clear (&snap);
}

/* The document every case breaks is itself valid: what refuses a case is what it broke. */
static void
test_control (Fixture       *fx,
              gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autoptr(GBytes) bytes = base_document ();
  g_autoptr(GBytes) with_bom = NULL;
  g_autofree char *p1 = nrem_uuid_new_v5 ("participant:hostile-test:1");
  g_autoptr(NremRow) row = NULL;
  g_autoptr(GError) error = NULL;
  NremImportReport report;

  /* with a byte order mark in front, which is tolerated */
  {
    GByteArray *array = g_byte_array_new ();

    g_byte_array_append (array, (const guint8 *) "\xef\xbb\xbf", 3);
    g_byte_array_append (array, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    with_bom = g_byte_array_free_to_bytes (array);
  }
  {
    g_autoptr(NremImport) import = nrem_import_new_from_bytes (store, with_bom, "bom.json", &error);

    g_assert_no_error (error);
    g_assert_cmpuint (nrem_import_get_n_records (import), ==, BASE_RECORDS);
  }

  nrem_test_import_bytes (store, bytes, &report);
  g_assert_cmpuint (report.records, ==, BASE_RECORDS);
  g_assert_cmpuint (report.total.added, ==, BASE_RECORDS);
  nrem_import_report_clear (&report);

  row = nrem_store_get_row (store, NREM_ENTITY_PARTICIPANT, p1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (nrem_row_get (row, "name"), ==, "Ana Example (fictional)");
  g_assert_cmpstr (nrem_row_get (row, "email"), ==, "ana@example.org");
}

/* Over the size cap: a sparse file of cap + 1 bytes (no memory, almost no disk). */
static void
test_size_cap (Fixture       *fx,
               gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = nrem_test_dir_file (fx, "huge.json");
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) bytes = NULL;
  NremImport *import;
  Snapshot snap = { 0 };
  int fd;

  snapshot_take (&snap, fx, store);

  fd = g_open (path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (write (fd, "{", 1), ==, 1);
  g_assert_cmpint (ftruncate (fd, (off_t) NREM_EXCHANGE_MAX_BYTES + 1), ==, 0);
  close (fd);

  import = nrem_import_new_from_file (store, path, &error);
  g_assert_null (import);
  g_assert_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE);
  g_assert_nonnull (strstr (error->message, "huge.json"));
  g_assert_nonnull (strstr (error->message, "larger than"));
  g_clear_error (&error);
  snapshot_assert_unchanged (&snap);

  /* and as bytes (mapped, so still nothing is read) */
  mapped = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  bytes = g_mapped_file_get_bytes (mapped);
  import = nrem_import_new_from_bytes (store, bytes, "huge.json", &error);
  g_assert_null (import);
  g_assert_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE);
  g_assert_true (g_str_has_prefix (error->message, "huge.json: "));
  g_assert_nonnull (strstr (error->message, "larger than"));
  snapshot_assert_unchanged (&snap);

  snapshot_clear (&snap);
}

/* Every problem of a file is listed (up to a limit), each with its path. */
static void
test_many_problems (Fixture       *fx,
                    gconstpointer  data)
{
  g_autoptr(NremStore) store = nrem_test_open_seeded (fx->db_path);
  g_autoptr(GError) error = NULL;
  GString *json = g_string_new ("{\"format\": \"nrem-desk\", \"version\": 1,"
                                " \"exported_at\": \"2016-05-30T04:52:00.000Z\","
                                " \"origin\": \"6f1c2a4e-3b7d-5e8f-9a01-4c2d3e5f6a7b\","
                                " \"participants\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 300; i++)
    g_string_append_printf (json, "%s{\"uuid\": \"bad-%u\"}", i == 0 ? "" : ", ", i);
  g_string_append (json, "]}");
  bytes = g_string_free_to_bytes (json);

  g_assert_null (nrem_import_new_from_bytes (store, bytes, "many.json", &error));
  g_assert_error (error, NREM_ERROR, NREM_ERROR_INVALID_FILE);
  lines = g_strsplit (error->message, "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, NREM_EXCHANGE_MAX_PROBLEMS + 1);
  for (guint i = 0; i < NREM_EXCHANGE_MAX_PROBLEMS; i++)
    g_assert_true (g_str_has_prefix (lines[i], "many.json: participants["));
  g_assert_nonnull (strstr (lines[NREM_EXCHANGE_MAX_PROBLEMS], "more problems"));
}

int
main (int   argc,
      char *argv[])
{
  nrem_test_init (&argc, &argv);

  g_test_add ("/hostile/control", Fixture, NULL, nrem_test_dir_setup, test_control,
              nrem_test_dir_teardown);
  g_test_add ("/hostile/size-cap", Fixture, NULL, nrem_test_dir_setup, test_size_cap,
              nrem_test_dir_teardown);
  g_test_add ("/hostile/many-problems", Fixture, NULL, nrem_test_dir_setup, test_many_problems,
              nrem_test_dir_teardown);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_strdup_printf ("/hostile/%s", cases[i].name);

      g_test_add (path, Fixture, &cases[i], nrem_test_dir_setup, test_hostile_case,
                  nrem_test_dir_teardown);
    }

  return g_test_run ();
}
