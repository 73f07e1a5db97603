/* test-json-scan.c
 *
 * The strict pre-scan that every exchange file passes before json-glib sees it: where it
 * stops (the JSON path of the first problem) and what it lets through. No files involved.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "nrem-json-scan.h"

#include <locale.h>
#include <string.h>

/* Scans @json (of @len bytes, or up to its NUL when -1) and expects it to be refused at
 * @path (unless %NULL) with a message containing @message. */
static void
assert_refused_len (const char *json,
                    gssize      len,
                    const char *path,
                    const char *message)
{
  g_autofree char *out_path = NULL;
  g_autofree char *out_message = NULL;
  gboolean ok;

  ok = nrem_json_scan (json, len < 0 ? strlen (json) : (gsize) len, &out_path, &out_message);
  g_assert_false (ok);
  g_assert_nonnull (out_path);
  g_assert_nonnull (out_message);
  if (path != NULL)
    g_assert_cmpstr (out_path, ==, path);
  if (strstr (out_message, message) == NULL)
    g_error ("the message “%s” does not mention “%s”", out_message, message);
}

static void
assert_refused (const char *json,
                const char *path,
                const char *message)
{
  assert_refused_len (json, -1, path, message);
}

static void
assert_accepted_len (const char *json,
                     gssize      len)
{
  g_autofree char *out_path = NULL;
  g_autofree char *out_message = NULL;

  if (!nrem_json_scan (json, len < 0 ? strlen (json) : (gsize) len, &out_path, &out_message))
    g_error ("refused %.60s: %s: %s", json, out_path, out_message);
  /* nothing is handed out on success */
  g_assert_null (out_path);
  g_assert_null (out_message);
}

static void
assert_accepted (const char *json)
{
  assert_accepted_len (json, -1);
}

/* @depth arrays inside each other around a number */
static char *
nested_arrays (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '[');
  g_string_append_c (s, '1');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, ']');
  return g_string_free (s, FALSE);
}

/* @depth objects inside each other: {"k":{"k":...{"k":1}...}} */
static char *
nested_objects (guint depth)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append (s, "{\"k\":");
  g_string_append_c (s, '1');
  for (guint i = 0; i < depth; i++)
    g_string_append_c (s, '}');
  return g_string_free (s, FALSE);
}

static void
test_valid (void)
{
  assert_accepted ("{}");
  assert_accepted ("[]");
  assert_accepted ("  {\"a\": [1, -2, 3.5, -0, 0.25e-3, true, false, null, \"x\"]}\n");
  assert_accepted ("\"a lone string\"");
  assert_accepted ("42");
  /* a UTF-8 byte order mark is tolerated, and so is text in every script */
  assert_accepted ("\xef\xbb\xbf{\"name\": \"Ngozi Ézeilo — กรุงเทพ 😀\"}");
  assert_accepted ("{\"e\": \"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\uD83D\\uDE00\"}");
  assert_accepted ("[\"\\ud800\\udc00\", \"\\udbff\\udfff\", \"\\ud7ff\\ue000\"]");
  /* the largest integers a double holds exactly */
  assert_accepted ("[9007199254740991, -9007199254740991]");
  assert_accepted ("[1e308, -1.7976931348623157e308, 5e-324]");
}

static void
test_path_top_level (void)
{
  assert_refused ("", "(top level)", "ends too early");
  assert_refused ("   \n", "(top level)", "ends too early");
  assert_refused ("hello", "(top level)", "not JSON");
  assert_refused ("{} x", "(top level)", "text after the end");
  assert_refused ("{}{}", "(top level)", "text after the end");
  assert_refused ("NaN", "(top level)", "NaN");
  assert_refused ("{\"a\": 1", "a", "expected “,” or “}”");
}

static void
test_path_index (void)
{
  assert_refused ("[NaN]", "[0]", "NaN");
  assert_refused ("[1, 2, Infinity]", "[2]", "Infinity");
  assert_refused ("[[], [1, [0, 1e400]]]", "[1][1][1]", "not finite");
  assert_refused ("[1 2]", "[0]", "expected “,” or “]”");
}

static void
test_path_keys (void)
{
  assert_refused ("{\"a\": {\"b\": [0, 1, {\"c\": 1e400}]}}", "a.b[2].c", "not finite");
  assert_refused ("{\"a\": 1, \"b\": nope}", "b", "not JSON");
  assert_refused ("{\"participants\": [{\"name\": \"x\"}, {\"rev\": 9007199254740993}]}",
                  "participants[1].rev", "2^53");
  /* the second "name" is named where it appears */
  assert_refused ("{\"list\": [{\"name\": 1, \"x\": 2, \"name\": 3}]}", "list[0].name",
                  "appears twice");
  /* after a finished member, the path goes back to the object */
  assert_refused ("{\"a\": {\"b\": 1}, \"c\": [1, 2, \"\\q\"]}", "c[2]", "invalid escape");
}

static void
test_depth_limit (void)
{
  g_autofree char *arrays_64 = nested_arrays (NREM_JSON_MAX_DEPTH);
  g_autofree char *arrays_65 = nested_arrays (NREM_JSON_MAX_DEPTH + 1);
  g_autofree char *objects_64 = nested_objects (NREM_JSON_MAX_DEPTH);
  g_autofree char *objects_65 = nested_objects (NREM_JSON_MAX_DEPTH + 1);
  g_autofree char *message = g_strdup_printf ("deeper than %d", NREM_JSON_MAX_DEPTH);
  g_autofree char *arrays_path = NULL;
  g_autofree char *objects_path = NULL;
  GString *p;

  g_assert_cmpint (NREM_JSON_MAX_DEPTH, ==, 64);

  assert_accepted (arrays_64);
  assert_accepted (objects_64);

  /* the 65th level is refused inside the 64th: [0] 64 times, or k 64 times */
  p = g_string_new (NULL);
  for (guint i = 0; i < NREM_JSON_MAX_DEPTH; i++)
    g_string_append (p, "[0]");
  arrays_path = g_string_free (p, FALSE);
  assert_refused (arrays_65, arrays_path, message);

  p = g_string_new (NULL);
  for (guint i = 0; i < NREM_JSON_MAX_DEPTH; i++)
    g_string_append (p, i == 0 ? "k" : ".k");
  objects_path = g_string_free (p, FALSE);
  assert_refused (objects_65, objects_path, message);
}

static void
test_depth_hostile (void)
{
  const gsize n = 100000;
  g_autofree char *open_only = g_malloc (n);
  g_autofree char *objects = NULL;
  g_autofree char *out_path = NULL;
  g_autofree char *out_message = NULL;
  GString *s;

  /* 100000 unclosed brackets: refused at the limit, without recursing further */
  memset (open_only, '[', n);
  g_assert_false (nrem_json_scan (open_only, n, &out_path, &out_message));
  g_assert_nonnull (strstr (out_message, "deeper than"));
  g_clear_pointer (&out_path, g_free);
  g_clear_pointer (&out_message, g_free);

  s = g_string_new (NULL);
  for (gsize i = 0; i < n; i++)
    g_string_append (s, "{\"a\":");
  objects = g_string_free (s, FALSE);
  g_assert_false (nrem_json_scan (objects, strlen (objects), &out_path, &out_message));
  g_assert_nonnull (strstr (out_message, "deeper than"));
}

static void
test_integers (void)
{
  assert_refused ("[9007199254740992]", "[0]", "2^53");             /* 2^53 */
  assert_refused ("[9007199254740993]", "[0]", "2^53");             /* 2^53 + 1 */
  assert_refused ("[-9007199254740993]", "[0]", "2^53");            /* -2^53 - 1 */
  assert_refused ("[123456789012345678901234567890]", "[0]", "2^53");
  assert_refused ("[-123456789012345678901234567890]", "[0]", "2^53");
  assert_refused ("[1e400]", "[0]", "not finite");
  assert_refused ("[-1e400]", "[0]", "not finite");
  assert_refused ("[01]", "[0]", "expected");
  assert_refused ("[1.]", "[0]", "malformed number");
  assert_refused ("[.5]", "[0]", "not JSON");
  assert_refused ("[1e]", "[0]", "malformed number");
  assert_refused ("[-]", "[0]", "malformed number");
  assert_refused ("[+1]", "[0]", "not JSON");
  assert_refused ("[-Infinity]", "[0]", "malformed number");
}

static void
test_strings (void)
{
  static const char raw_nul[] = "{\"a\": \"x\0y\"}";
  static const char nul_between[] = "[1,\0 2]";
  static const char nul_after[] = "{}\0";

  assert_refused_len (raw_nul, sizeof raw_nul - 1, "a", "NUL byte");
  assert_refused_len (nul_between, sizeof nul_between - 1, "[1]", "NUL byte");
  assert_refused_len (nul_after, sizeof nul_after - 1, "(top level)", "NUL byte");
  assert_refused ("{\"a\": \"x\\u0000y\"}", "a", "NUL character");
  assert_refused ("{\"a\": \"\xff\"}", "a", "UTF-8");
  assert_refused ("{\"a\": \"\xc0\xaf\"}", "a", "UTF-8");            /* overlong "/" */
  assert_refused ("{\"a\": \"\xed\xa0\x80\"}", "a", "UTF-8");        /* a UTF-16 surrogate */
  assert_refused ("{\"a\": \"\xe2\x82\"}", "a", "UTF-8");            /* cut short */
  assert_refused ("{\"a\": \"\\ud800\"}", "a", "unpaired UTF-16 surrogate");
  assert_refused ("{\"a\": \"x\\udc00y\"}", "a", "unpaired UTF-16 surrogate");
  assert_refused ("{\"a\": \"\\ud800\\u0041\"}", "a", "unpaired UTF-16 surrogate");
  assert_refused ("{\"a\": \"\\ud800\\ud800\"}", "a", "unpaired UTF-16 surrogate");
  assert_refused ("[\"\\udbff", "[0]", "unpaired UTF-16 surrogate");
  assert_refused ("{\"a\": \"tab\there\"}", "a", "control character");
  assert_refused ("{\"a\": \"\\x41\"}", "a", "invalid escape");
  assert_refused ("{\"a\": \"\\u12\"}", "a", "\\u escape");
  assert_refused ("{\"a\": \"open", "a", "not closed");
  assert_refused ("{\"a\xff\": 1}", "(top level)", "UTF-8");
}

static void
test_literals (void)
{
  assert_refused ("[nul]", "[0]", "not JSON");
  assert_refused ("[True]", "[0]", "not JSON");
  assert_refused ("{\"a\": Infinity}", "a", "Infinity");
  assert_refused ("{'a': 1}", "(top level)", "quoted member name");
  assert_refused ("[1,]", "[1]", "not JSON");
  assert_refused ("{\"a\": 1,}", "a", "quoted member name");
}

static void
test_members_limit (void)
{
  GString *s = g_string_new ("{");
  g_autofree char *ok = NULL;
  g_autofree char *too_many = NULL;
  g_autofree char *message = g_strdup_printf ("more than %d members", NREM_JSON_MAX_MEMBERS);

  for (guint i = 0; i < NREM_JSON_MAX_MEMBERS; i++)
    g_string_append_printf (s, "%s\"m%u\": %u", i == 0 ? "" : ", ", i, i);
  ok = g_strdup_printf ("%s}", s->str);
  g_string_append_printf (s, ", \"m%u\": 0}", NREM_JSON_MAX_MEMBERS);
  too_many = g_string_free (s, FALSE);

  assert_accepted (ok);
  assert_refused (too_many, NULL, message);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/json-scan/valid", test_valid);
  g_test_add_func ("/json-scan/path/top-level", test_path_top_level);
  g_test_add_func ("/json-scan/path/index", test_path_index);
  g_test_add_func ("/json-scan/path/keys", test_path_keys);
  g_test_add_func ("/json-scan/depth/limit", test_depth_limit);
  g_test_add_func ("/json-scan/depth/hostile", test_depth_hostile);
  g_test_add_func ("/json-scan/integers", test_integers);
  g_test_add_func ("/json-scan/strings", test_strings);
  g_test_add_func ("/json-scan/literals", test_literals);
  g_test_add_func ("/json-scan/members-limit", test_members_limit);

  return g_test_run ();
}
